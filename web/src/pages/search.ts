import { get, type PartyHit } from "../api";
import { can } from "../auth";
import { clear, debounce, h } from "../dom";
import { t } from "../i18n";
import { go, href, replaceParams } from "../router";
import { badge, errorBox, kindBadge } from "../ui";

/** Debounced search with stale responses discarded (AbortController). */
export function renderSearch(main: HTMLElement, params: URLSearchParams): void {
  const input = h("input", {
    type: "search", class: "big", placeholder: t("search_ph"), value: params.get("q") ?? "",
    "data-testid": "search", autocomplete: "off", "aria-label": t("search_ph"),
  });
  const results = h("div", { class: "results", "data-testid": "results", "aria-live": "polite" });
  main.append(h("div", { class: "search-wrap" }, input, h("div", { class: "muted small" }, t("search_hint")), results));
  let ctl: AbortController | null = null;
  let items: PartyHit[] = [];

  const run = async (q: string) => {
    replaceParams({ q });
    ctl?.abort();
    if (!q.trim()) { clear(results); items = []; return; }
    ctl = new AbortController();
    const mine = ctl;
    results.classList.add("busy");
    try {
      const res = await get<{ items: PartyHit[] }>("/parties", { q: q.trim(), limit: 20 }, mine.signal);
      if (mine.signal.aborted) return;
      items = res.items ?? [];
      clear(results);
      if (!items.length) results.append(h("div", { class: "muted empty" }, t("no_results")));
      for (const p of items) results.append(hitRow(p));
    } catch (e) {
      if ((e as Error).name === "AbortError") return;
      clear(results);
      results.append(errorBox(e));
    } finally {
      if (ctl === mine) results.classList.remove("busy");
    }
  };
  const debounced = debounce(run, 250);
  input.addEventListener("input", () => debounced(input.value));
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && items[0]) go(["party", items[0].uid]);
  });
  if (input.value) void run(input.value);
  setTimeout(() => input.focus(), 0);
}

function hitRow(p: PartyHit): HTMLElement {
  const nflags = Array.isArray(p.flags) ? p.flags.length : (p.flags ?? 0);
  return h(
    "a",
    { class: "hit", href: href(["party", p.uid]), "data-testid": "hit" },
    h("div", { class: "hit-main" }, h("span", { class: "hit-name" }, p.name), kindBadge(p.kind),
      nflags && can("flags") ? badge(`${t("flags")} ${nflags}`, "sev-high") : null),
    h("div", { class: "hit-sub muted" },
      p.uscc ? `${t("uscc")} ${p.uscc}` : null,
      p.aliases?.length ? `  ${t("aliases")}: ${p.aliases.slice(0, 4).join("、")}` : null,
      p.score != null ? `  ${t("score")} ${p.score.toFixed(2)}` : null),
  );
}
