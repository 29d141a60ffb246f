// The party page's 可能为同一人 section: POSSIBLY_SAME parties (not merged) with score, rule and evidence;
// supervisors confirm one (a force-merge) or reject it (a 'distinct' judgement). And the review queue page
// (#/possible): every possible match, best score first, each pair linking to its parties. Strings are local (zh first).
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
  queue: ["待核实的可能同一人", "Possible matches to review"],
  queue_hint: ["系统未合并的同名当事人，按匹配分数排列；打开任一方当事人页面即可确认或否定。", "Same-name parties the resolver did not merge, best score first; open either party to confirm or reject."],
  total: ["共 {name} 条", "{name} in all"],
  party_a: ["当事人 A", "Party A"],
  party_b: ["当事人 B", "Party B"],
  min_score: ["最低分数", "Minimum score"],
  apply: ["筛选", "Filter"],
  more: ["加载更多", "Load more"],
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

interface Queued { a: string; a_name?: string | null; b: string; b_name?: string | null; score: number; rule: string; evidence: string }
interface QueuePage { items: Queued[]; total: number; next_cursor: string | null }

/** The review queue page: pages of `GET /possible-matches` (best first), filtered by a minimum score. */
export async function renderQueue(el: HTMLElement, params: URLSearchParams): Promise<void> {
  const minScore = params.get("min_score") ?? "";
  const input = h("input", { type: "number", min: "0", max: "1", step: "0.01", value: minScore, class: "narrow", "data-testid": "queue-min-score" }) as HTMLInputElement;
  const total = h("span", { class: "count", "data-testid": "queue-total" });
  const more = h("button", { class: "button", "data-testid": "queue-more", style: "display:none" }, w("more"));
  const party = (uid: string, name?: string | null): HTMLElement =>
    h("a", { href: href(["party", uid]), "data-testid": "queue-link", style: "white-space:nowrap" }, name ?? uid);
  const heads = [w("score"), w("rule"), w("party_a"), w("party_b"), w("evidence")];
  const grid = table(heads, [], "queue-table");
  const rows = grid.querySelector("tbody")!;
  let cursor: string | null = null;
  const page = async (): Promise<void> => {
    const got = await get<QueuePage>("/possible-matches", { limit: 50, min_score: minScore || undefined, cursor: cursor ?? undefined });
    total.textContent = ` ${w("total", fmtNum(got.total))}`;
    for (const m of got.items) {
      rows.append(h("tr", {}, h("td", {}, fmtNum(m.score, 3)), h("td", {}, ruleName(m.rule)), h("td", {}, party(m.a, m.a_name)), h("td", {}, party(m.b, m.b_name)), h("td", {}, m.evidence)));
    }
    cursor = got.next_cursor;
    more.style.display = cursor ? "" : "none"; // .button sets display, which would outdo the hidden attribute
  };
  more.addEventListener("click", () => {
    more.disabled = true; // one page at a time: a second click would fetch the same cursor
    void page().catch((e) => el.append(errorBox(e))).finally(() => { more.disabled = false; });
  });
  const filter = h("form", { class: "actions", onsubmit: (ev: Event) => { ev.preventDefault(); go(["possible"], { min_score: input.value || undefined }); } },
    h("label", {}, w("min_score"), " ", input), h("button", { type: "submit", class: "button", "data-testid": "queue-apply" }, w("apply")));
  const box = section(w("queue"), null, h("p", { class: "muted small" }, w("queue_hint")), filter, grid, more);
  box.querySelector("h2")?.append(total);
  el.append(box);
  await page();
}
