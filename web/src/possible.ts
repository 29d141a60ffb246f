// The party page's 可能为同一人 section: POSSIBLY_SAME parties (not merged) with score, rule and evidence;
// supervisors confirm one (a force-merge) or reject it (a 'distinct' judgement). Strings are local (zh first).
import { enc, get, post } from "./api";
import { can } from "./auth";
import { clear, fmtNum, h } from "./dom";
import { getLang } from "./i18n";
import { go, href } from "./router";
import { ruleName } from "./rules";
import { errorBox, section, table } from "./ui";

const W: Record<string, [string, string]> = {
  title: ["可能为同一人", "Possible matches"],
  hint: ["未合并：系统认为可能与本当事人为同一人，需人工核实。", "Not merged: may be the same person as this party; to be checked by a reviewer."],
  name: ["当事人", "Party"],
  score: ["匹配分数", "Score"],
  rule: ["规则", "Rule"],
  evidence: ["依据", "Evidence"],
  actions: ["核实", "Decision"],
  confirm: ["确认为同一人", "Same person"],
  reject: ["否定：不同人", "Different people"],
  none: ["无", "none"],
  rejected: ["已否定：{name} 与本当事人为不同的人，不再提示。", "Rejected: {name} is a different person and will not be proposed again."],
  merged: ["已确认为同一人并合并：{name}", "Confirmed and merged: {name}"],
  note: ["核实说明（可选）", "Note (optional)"],
};
const w = (k: string, name = ""): string => W[k][getLang() === "zh" ? 0 : 1].replace("{name}", name);

interface Match { uid: string; name?: string | null; score: number; rule: string; evidence: string }

/** The section, filled in the background; `merged` names a party just merged into this one (notice). */
export function possibleSection(uid: string, merged: string | null): HTMLElement {
  const body = h("div", { "data-testid": "possible-matches" });
  const msg = h("div", { "data-testid": "possible-msg" });
  const count = h("span", { class: "count" });
  const box = section(w("title"), null, h("p", { class: "muted small" }, w("hint")), msg, body);
  box.setAttribute("data-testid", "possible-section");
  box.hidden = true;
  box.querySelector("h2")?.append(count);
  if (merged) msg.append(h("div", { class: "ok-box" }, w("merged", merged)));
  const draw = async (): Promise<void> => {
    const items = (await get<{ items: Match[] }>(`/parties/${enc(uid)}/possible-matches`)).items;
    clear(body);
    count.textContent = ` ${items.length}`;
    box.hidden = !items.length && !msg.childElementCount; // most parties have none: no empty section
    if (!items.length) return void body.append(h("p", { class: "muted" }, w("none")));
    const heads = [w("name"), w("score"), w("rule"), w("evidence"), ...(can("review") ? [w("actions")] : [])];
    body.append(table(heads, items.map((m) => [
      h("a", { href: href(["party", m.uid]), "data-testid": "possible-link", style: "white-space:nowrap" }, m.name ?? m.uid), fmtNum(m.score), ruleName(m.rule), m.evidence,
      ...(can("review") ? [decide(m)] : []),
    ]), "possible-table"));
  };
  const decide = (m: Match): HTMLElement => {
    const note = h("input", { type: "text", placeholder: w("note"), class: "narrow", "data-testid": "possible-note" }) as HTMLInputElement;
    const act = async (verb: "confirm" | "reject"): Promise<void> => {
      clear(msg);
      try {
        const r = await post<{ uid: string }>(`/parties/${enc(uid)}/possible-matches/${enc(m.uid)}/${verb}`, { note: note.value });
        if (verb === "confirm") return go(["party", r.uid], { merged: m.name ?? m.uid, t: Date.now() });
        await draw(); // the list first, then the notice: a reader of the notice sees the updated list
        msg.append(h("div", { class: "ok-box" }, w("rejected", m.name ?? m.uid)));
        box.hidden = false;
      } catch (e) {
        msg.append(errorBox(e));
      }
    };
    return h("div", { class: "actions" }, note,
      h("button", { class: "button primary", "data-testid": "possible-confirm", onclick: () => void act("confirm") }, w("confirm")),
      h("button", { class: "button", "data-testid": "possible-reject", onclick: () => void act("reject") }, w("reject")));
  };
  draw().catch((e) => body.append(errorBox(e)));
  return box;
}
