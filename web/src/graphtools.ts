// Graph tools for the neighbourhood explorer: search within the graph, hide / pin the selected nodes, undo,
// and same-name parties told apart (a hint line under the name). Strings are local (zh first).
import type { Core, NodeCollection } from "cytoscape";
import { h } from "./dom";
import { getLang, t } from "./i18n";
import { scheduleDeclutter } from "./biglayout";

const W: Record<string, [string, string]> = {
  search: ["图内搜索", "Find in graph"],
  hide: ["隐藏所选", "Hide selected"],
  pin: ["固定/取消固定", "Pin / unpin"],
  undo: ["撤销", "Undo"],
  show_all: ["全部显示", "Show all"],
  found: ["找到 {n} 个", "{n} found"],
  select_first: ["先点选节点", "Select nodes first"],
};
const w = (k: string, n?: number): string => W[k][getLang() === "zh" ? 0 : 1].replace("{n}", String(n ?? ""));

type Step = { kind: "hide" | "pin"; ids: string[] };

/** Second label line for parties sharing a name: kind and the end of the USCC (else of the uid). */
export function relabelDuplicates(cy: Core): void {
  const byName = new Map<string, NodeCollection>();
  cy.nodes('[label = "Party"]').forEach((n) => {
    const name = String(n.data("name") ?? "");
    byName.set(name, (byName.get(name) ?? cy.collection()).union(n));
  });
  for (const group of byName.values()) {
    group.forEach((n) => {
      const base = String(n.data("base") ?? n.data("text") ?? "");
      if (!n.data("base")) n.data("base", base);
      if (group.length < 2) { n.data("text", base); return; }
      const key = String(n.data("uscc") ?? n.data("key") ?? n.id());
      const hint = `${n.data("kind") === "person" ? t("kind_person") : t("kind_org")} ·${key.slice(-6)}`;
      n.data({ text: `${base}\n(${hint})`, hint });
    });
  }
}

/** The toolbar; `cy()` returns the current graph (the page recreates it on reload). */
export function graphTools(cy: () => Core | null): HTMLElement {
  const undo: Step[] = [];
  const msg = h("span", { class: "muted small", "data-testid": "graph-tools-msg" });
  const input = h("input", { type: "search", placeholder: w("search"), "data-testid": "graph-search" }) as HTMLInputElement;
  const find = () => {
    const g = cy();
    if (!g) return;
    g.nodes().removeClass("match");
    const q = input.value.trim();
    if (!q) { msg.textContent = ""; return; }
    const hits = g.nodes(":visible").filter((n) => String(n.data("name") ?? n.data("key") ?? "").includes(q));
    hits.addClass("match");
    msg.textContent = w("found", hits.length);
    if (hits.length) g.animate({ center: { eles: hits }, zoom: Math.min(g.zoom(), 1.2) }, { duration: 300 });
  };
  input.oninput = find;
  const selected = (): NodeCollection | null => {
    const s = cy()?.nodes(":selected");
    if (!s || s.empty()) { msg.textContent = w("select_first"); return null; }
    return s;
  };
  const hide = () => {
    const s = selected();
    if (!s) return;
    s.unselect().addClass("user-hidden").connectedEdges().addClass("user-hidden");
    undo.push({ kind: "hide", ids: s.map((n) => n.id()) });
    const g = cy();
    if (g) scheduleDeclutter(g);
  };
  const pin = () => {
    const s = selected();
    if (!s) return;
    s.forEach((n) => { if (n.locked()) n.unlock().removeClass("pinned"); else n.lock().addClass("pinned"); });
    undo.push({ kind: "pin", ids: s.map((n) => n.id()) });
  };
  const back = () => {
    const g = cy();
    const step = undo.pop();
    if (!g || !step) return;
    const nodes = g.nodes().filter((n) => step.ids.includes(n.id()));
    if (step.kind === "hide") nodes.removeClass("user-hidden").connectedEdges().removeClass("user-hidden");
    if (step.kind === "hide") scheduleDeclutter(g);
    else nodes.forEach((n) => { if (n.locked()) n.unlock().removeClass("pinned"); else n.lock().addClass("pinned"); });
  };
  const showAll = () => {
    const g = cy();
    if (!g) return;
    g.elements(".user-hidden").removeClass("user-hidden");
    undo.length = 0;
    scheduleDeclutter(g);
  };
  const b = (k: string, fn: () => void, id: string) => h("button", { type: "button", class: "button", "data-testid": id, onclick: fn }, w(k));
  return h("div", { class: "toolbar card compact", "data-testid": "graph-tools" }, input,
    b("hide", hide, "graph-hide"), b("pin", pin, "graph-pin"), b("undo", back, "graph-undo"), b("show_all", showAll, "graph-show-all"), msg);
}
