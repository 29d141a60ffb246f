import { get, type PartyHit } from "../api";
import { clear, debounce, h } from "../dom";
import { t } from "../i18n";
import { kindBadge } from "../ui";

export interface Picked { uid: string; name: string }

/** A party autocomplete: type, pick from the list; `value()` is the picked party or null. */
export function partyPicker(label: string, testid: string, initial: Picked | null, onPick: (p: Picked | null) => void) {
  let picked = initial;
  const input = h("input", { type: "search", placeholder: t("pick_party"), value: initial?.name ?? "", "data-testid": testid, autocomplete: "off" });
  const list = h("div", { class: "dropdown", role: "listbox" });
  const chosen = h("div", { class: "muted small mono" }, initial ? initial.uid : "");
  let ctl: AbortController | null = null;
  const search = debounce(async (q: string) => {
    ctl?.abort();
    clear(list);
    if (!q.trim()) return;
    ctl = new AbortController();
    try {
      const res = await get<{ items: PartyHit[] }>("/parties", { q: q.trim(), limit: 8 }, ctl.signal);
      clear(list);
      for (const p of res.items ?? []) {
        list.append(h("button", {
          type: "button", class: "option", role: "option", "data-testid": `${testid}-option`,
          onclick: () => { picked = { uid: p.uid, name: p.name }; input.value = p.name; chosen.textContent = p.uid; clear(list); onPick(picked); },
        }, p.name, " ", kindBadge(p.kind), p.uscc ? h("span", { class: "muted small" }, ` ${p.uscc}`) : null));
      }
      if (!res.items?.length) list.append(h("div", { class: "muted option" }, t("no_results")));
    } catch (e) {
      if ((e as Error).name !== "AbortError") list.append(h("div", { class: "error option" }, String((e as Error).message)));
    }
  }, 250);
  input.addEventListener("input", () => {
    if (picked && input.value !== picked.name) { picked = null; chosen.textContent = ""; onPick(null); }
    search(input.value);
  });
  input.addEventListener("blur", () => setTimeout(() => clear(list), 200));
  const el = h("div", { class: "picker" }, h("label", {}, label, input), list, chosen);
  return { el, value: () => picked };
}
