// The review workflow on the page: a flag's assignee, due date and comment thread, and bulk status changes
// on the flag list. Strings are local (zh first) so the shared dictionary stays untouched.
import { enc, get, request, post } from "./api";
import { clear, fmtDate, h } from "./dom";
import { getLang, tv } from "./i18n";
import { errorBox, section } from "./ui";

const W: Record<string, [string, string]> = {
  workflow: ["办理", "Workflow"],
  assignee: ["承办人", "Assignee"],
  due_on: ["办理期限", "Due date"],
  overdue: ["已逾期", "overdue"],
  save_assignment: ["保存指派", "Save assignment"],
  comments: ["评论", "Comments"],
  comment_ph: ["写下评论…", "Write a comment…"],
  add_comment: ["发表评论", "Add comment"],
  no_comments: ["暂无评论", "No comments yet"],
  assignment: ["指派", "assignment"],
  comment: ["评论", "comment"],
  bulk: ["批量改为", "Set selected to"],
  bulk_note_ph: ["批量审查意见（可选）", "Note for all (optional)"],
  bulk_apply: ["批量更新", "Apply"],
  bulk_done: ["已更新 {n} 条", "{n} updated"],
  bulk_refused: ["{n} 条未更新", "{n} refused"],
  none_selected: ["请先勾选线索", "Select flags first"],
  saved: ["已保存", "Saved"],
};
const w = (k: string, n?: number): string => W[k][getLang() === "zh" ? 0 : 1].replace("{n}", String(n ?? ""));

interface Workflow { assignee: string | null; due_on: string | null; overdue: boolean; comments: { at: string; by: string; kind: string; text: string }[] }

/** Assignee + due date form and the comment thread of one flag. */
export async function workflowCard(flagId: string): Promise<HTMLElement> {
  const wf = await get<Workflow>(`/flags/${enc(flagId)}/workflow`);
  const assignee = h("input", { name: "assignee", value: wf.assignee ?? "", maxlength: 100, "data-testid": "assignee" });
  const due = h("input", { type: "date", name: "due_on", value: wf.due_on ?? "", "data-testid": "due-on" });
  const state = h("span", { class: "muted small", "data-testid": "assignment-state" });
  const thread = h("ul", { class: "plain history", "data-testid": "comments" });
  const msg = h("div", {});
  const show = (x: Workflow) => {
    state.textContent = x.overdue ? `${w("overdue")}` : "";
    clear(thread);
    if (!x.comments.length) thread.append(h("li", { class: "muted" }, w("no_comments")));
    for (const c of x.comments)
      thread.append(h("li", {}, fmtDate(c.at), " · ", c.by, " · ", h("span", { class: "badge" }, w(c.kind === "assignment" ? "assignment" : "comment")), " ", c.text));
  };
  show(wf);
  const run = async (fn: () => Promise<Workflow>) => {
    clear(msg);
    try { show(await fn()); msg.append(h("div", { class: "ok-box" }, w("saved"))); } catch (e) { msg.append(errorBox(e)); }
  };
  const text = h("textarea", { rows: 2, maxlength: 4000, placeholder: w("comment_ph"), "data-testid": "comment-text" });
  const assignForm = h("form", { class: "review", onsubmit: (ev: Event) => { ev.preventDefault(); void run(() =>
      request<Workflow>("PUT", `/flags/${enc(flagId)}/assignment`, { body: { assignee: assignee.value.trim() || null, due_on: due.value || null } })); } },
    h("label", {}, w("assignee"), assignee), h("label", {}, w("due_on"), due), state,
    h("button", { type: "submit", class: "button", "data-testid": "assign-submit" }, w("save_assignment")));
  const commentForm = h("form", { class: "review", onsubmit: (ev: Event) => { ev.preventDefault(); const body = text.value.trim(); if (!body) return;
      void run(async () => { const x = await post<Workflow>(`/flags/${enc(flagId)}/comments`, { text: body }); text.value = ""; return x; }); } },
    text, h("button", { type: "submit", class: "primary", "data-testid": "comment-submit" }, w("add_comment")));
  return section(w("workflow"), null, assignForm, h("h3", {}, w("comments")), thread, commentForm, msg);
}

/** Status select + note + apply, over the flags `ids()` returns; `done()` reloads the list. */
export function bulkReview(ids: () => string[], done: () => void): HTMLElement {
  const select = h("select", { "data-testid": "bulk-status" },
    ["reviewing", "confirmed", "dismissed", "referred", "new"].map((s) => h("option", { value: s }, tv("st", s))));
  const note = h("input", { placeholder: w("bulk_note_ph"), maxlength: 4000, "data-testid": "bulk-note" });
  const msg = h("span", { class: "small", "data-testid": "bulk-msg" });
  const apply = async () => {
    msg.textContent = "";
    const chosen = ids();
    if (!chosen.length) { msg.textContent = w("none_selected"); return; }
    try {
      const r = await post<{ reviewed: string[]; refused: Record<string, string> }>("/reviews/bulk", { flags: chosen, status: select.value, note: note.value.trim() });
      const refused = Object.entries(r.refused);
      msg.textContent = w("bulk_done", r.reviewed.length) + (refused.length ? `；${w("bulk_refused", refused.length)}：${refused.map(([id, why]) => `${id}（${why}）`).join("；")}` : "");
      done();
    } catch (e) {
      msg.replaceChildren(errorBox(e));
    }
  };
  return h("span", { class: "bulk-review" }, h("span", { class: "muted small" }, w("bulk"), " "), select, note,
    h("button", { type: "button", class: "button", "data-testid": "bulk-apply", onclick: () => void apply() }, w("bulk_apply")), " ", msg);
}
