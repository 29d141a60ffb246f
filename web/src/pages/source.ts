import { enc, get, type SourceDoc } from "../api";
import { h } from "../dom";
import { t } from "../i18n";
import { kv, loading, section } from "../ui";

/** The source text with every span highlighted; the span asked for (mention id or offsets) is focused. */
export async function renderSource(main: HTMLElement, sha: string, params: URLSearchParams): Promise<void> {
  const spin = loading();
  main.append(spin);
  const doc = await get<SourceDoc>(`/sources/${enc(sha)}`);
  spin.remove();
  const wantId = params.get("mention");
  const wantStart = params.has("start") ? Number(params.get("start")) : null;
  const wantEnd = params.has("end") ? Number(params.get("end")) : null;
  const text = doc.text ?? "";
  if (doc.text == null) {
    main.append(h("h1", {}, t("source_title")), section(doc.path ?? doc.sha256, null,
      kv([["source", doc.path ?? "—"], ["sha256", h("code", {}, doc.sha256)], ["status", doc.text_status ?? "—"]]),
      h("p", { class: "muted", "data-testid": "source-missing" }, t("text_unavailable"))));
    return;
  }
  const spans = [...(doc.spans ?? [])].filter((s) => s.end > s.start);
  if (wantStart != null && wantEnd != null && wantEnd > wantStart && !spans.some((s) => s.start === wantStart && s.end === wantEnd))
    spans.push({ start: wantStart, end: wantEnd, label: "mention", mention_id: wantId });
  const isWanted = (s: (typeof spans)[number]) => (!!wantId && s.mention_id === wantId) || (s.start === wantStart && s.end === wantEnd);

  // Spans nest and overlap (a party inside the 当事人 section): cut the text at every boundary and
  // give each piece the classes of all spans covering it.
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
  const pre = h("pre", { class: "source-text", "data-testid": "source-text" });
  let focus: HTMLElement | null = null;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const cover = spans.filter((s) => s.start <= a && s.end >= b);
    const piece = text.slice(a, b);
    if (!cover.length) { pre.append(piece); continue; }
    const sections = cover.filter((s) => (s.label ?? "").startsWith("section"));
    const entities = cover.filter((s) => !(s.label ?? "").startsWith("section"));
    const wanted = cover.some(isWanted);
    const cls = ["span", sections.length ? "sec" : "", entities.length ? "ent" : "", wanted ? "focus" : ""].filter(Boolean).join(" ");
    const m = h("mark", { class: cls, title: cover.map((s) => s.label ?? "").join(" · ") }, piece);
    if (wanted && !focus) focus = m;
    pre.append(m);
  }
  const labels = [...new Set(spans.map((s) => s.label ?? "x"))];
  main.append(
    h("div", { class: "page-head" }, h("h1", {}, t("source_title")), h("button", { class: "button", onclick: () => history.back() }, t("back"))),
    section(doc.path ?? doc.sha256, null,
      kv([["source", doc.path ?? "—"], ["sha256", h("code", {}, doc.sha256)], ["spans", h("span", {}, String(spans.length), " ", ...labels.map((l) => h("mark", { class: `span ${l.startsWith("section") ? "sec" : "ent"} legend-mark` }, l)))]]),
      pre),
  );
  if (focus) setTimeout(() => focus!.scrollIntoView({ block: "center" }), 50);
}
