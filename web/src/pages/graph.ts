import type { Core, NodeSingular } from "cytoscape";
import { enc, get, type GEdge, type Graph } from "../api";
import { clear, download, h } from "../dom";
import { labelName, relName, t, tv } from "../i18n";
import { href, replaceParams } from "../router";
import { errorBox, kv, loading, renderValue } from "../ui";
import { graphTools, relabelDuplicates } from "../graphtools";
import { scheduleDeclutter } from "../biglayout";
import { bundleElement, bundleKey, collapsedElements, legend, makeCy, nodeElement, nodeRoute, runLayout, type LayoutName } from "../graphview";

const KNOWN_TYPES = ["PARTY_TO", "REPRESENTED_BY", "LEGAL_REP_OF", "SHAREHOLDER_OF", "OFFICER_OF", "APPLIED_FOR", "OWNS", "ASSIGNED",
  "FILED_VIA", "PENALISED_IN", "CONCERNS", "APPEAL_OF", "SIMILAR_TO", "LOCATED_AT", "HAS_PHONE", "HAS_EMAIL"];

interface Filters { depth: number; limit: number; since: string; until: string; types: Set<string> }

/** Neighbourhood explorer: expand by click, filter by type and time, dense nodes collapsed, export. */
export async function renderGraph(main: HTMLElement, uid: string, params: URLSearchParams, onLeave: (fn: () => void) => void): Promise<void> {
  const f: Filters = {
    depth: Number(params.get("depth") ?? 1) || 1,
    limit: Number(params.get("limit") ?? 150) || 150,
    since: params.get("since") ?? "",
    until: params.get("until") ?? "",
    types: new Set((params.get("types") ?? "").split(",").filter(Boolean)),
  };
  const seenTypes = new Set<string>(KNOWN_TYPES);
  const expanded = new Set<string>();
  const rawEdges = new Map<string, GEdge>(); // every edge as the API sent it (for counts and export)
  let layoutName: LayoutName = params.get("layout") === "concentric" ? "concentric" : "cose";
  const layoutSel = h("select", { "aria-label": t("layout"), onchange: () => { layoutName = layoutSel.value as LayoutName; saveParams(); if (cy) runLayout(cy, true, layoutName); } },
    h("option", { value: "concentric", selected: layoutName === "concentric" }, t("layout_concentric")),
    h("option", { value: "cose", selected: layoutName === "cose" }, t("layout_force")));
  let rootName = uid;

  const canvas = h("div", { class: "cy", "data-testid": "graph" });
  const info = h("div", { class: "info", "data-testid": "node-info" }, h("p", { class: "muted" }, t("expand_hint")));
  const stats = h("div", { class: "muted small", "data-testid": "graph-stats" });
  const msg = h("div", {});
  const typeBox = h("div", { class: "types", "data-testid": "type-filter" });
  const depthSel = h("select", { "aria-label": t("depth") }, [1, 2, 3].map((d) => h("option", { value: d, selected: d === f.depth }, String(d))));
  const limitIn = h("input", { type: "number", min: 10, max: 2000, step: 10, value: f.limit, class: "narrow", "aria-label": t("limit") });
  const sinceIn = h("input", { type: "date", value: f.since, "aria-label": t("since"), "data-testid": "since" });
  const untilIn = h("input", { type: "date", value: f.until, "aria-label": t("until"), "data-testid": "until" });
  const title = h("h1", {}, t("graph_title"));

  main.classList.add("wide");
  main.append(
    h("div", { class: "page-head" }, title,
      h("div", { class: "actions" },
        h("a", { class: "button", href: href(["party", uid]) }, t("open_party")),
        h("label", { class: "inline" }, t("layout"), layoutSel),
        h("button", { class: "button", onclick: () => cy && runLayout(cy, true, layoutName) }, t("relayout")),
        h("button", { class: "button", "data-testid": "export-png", onclick: () => exportPng() }, t("export_png")),
        h("button", { class: "button", "data-testid": "export-json", onclick: () => exportJson() }, t("export_json")))),
    h("div", { class: "toolbar card compact" },
      h("label", {}, t("depth"), depthSel),
      h("label", {}, t("limit"), limitIn),
      h("label", {}, t("since"), sinceIn),
      h("label", {}, t("until"), untilIn),
      h("button", { class: "primary", "data-testid": "apply", onclick: () => void reload() }, t("apply")),
      stats),
    graphTools(() => cy),
    msg,
    h("div", { class: "graph-layout" }, canvas, h("aside", { class: "side card" },
      info,
      h("h3", {}, t("rel_types")), typeBox,
      h("h3", {}, t("legend")), legend())),
  );

  let cy: Core | null = null;
  const query = (depth: number) => ({
    depth, limit: f.limit, since: f.since || undefined, until: f.until || undefined,
    types: f.types.size ? [...f.types].join(",") : undefined,
  });

  function drawTypes(): void {
    clear(typeBox);
    const present = new Set(cy ? cy.edges().map((e) => String(e.data("type"))) : []);
    for (const ty of [...seenTypes].sort((a, b) => Number(present.has(b)) - Number(present.has(a)) || a.localeCompare(b))) {
      const checked = f.types.size === 0 || f.types.has(ty);
      const cb = h("input", { type: "checkbox", value: ty, checked, "data-type": ty });
      cb.addEventListener("change", () => {
        const all = [...typeBox.querySelectorAll<HTMLInputElement>("input[type=checkbox]")];
        const on = all.filter((x) => x.checked).map((x) => x.value);
        f.types = on.length === all.length ? new Set() : new Set(on);
        applyTypeVisibility();
        saveParams();
      });
      const n = [...rawEdges.values()].filter((e) => e.type === ty).length;
      typeBox.append(h("label", { class: present.has(ty) ? "" : "absent" }, cb, relName(ty), h("span", { class: "muted" }, ` ${n}`)));
    }
  }

  function applyTypeVisibility(): void {
    if (!cy) return;
    cy.batch(() => {
      cy!.elements().removeClass("hidden");
      if (f.types.size) {
        cy!.edges().filter((e) => e.data("type") !== "COLLAPSED" && !f.types.has(e.data("type"))).addClass("hidden");
        // Nodes left with no visible edge (other than the root) are hidden too.
        cy!.nodes().filter((n) => !n.hasClass("root") && !n.hasClass("collapsed") && n.connectedEdges(":visible").length === 0).addClass("hidden");
        cy!.nodes(".collapsed").filter((n) => cy!.getElementById(n.data("parentNode")).hasClass("hidden")).addClass("hidden");
      }
    });
    scheduleDeclutter(cy);
    updateStats();
  }

  function updateStats(): void {
    if (!cy) return;
    const omitted = cy.nodes(".collapsed").reduce((s, n) => s + Number(n.data("omitted") ?? 0), 0);
    stats.textContent = t("nodes_edges", { n: cy.nodes(":visible").not(".collapsed").length, e: cy.edges(":visible").not(".collapsed-edge").length })
      + (omitted ? ` · ${t("omitted")} ${omitted}` : "");
  }

  function saveParams(): void {
    replaceParams({ depth: f.depth, limit: f.limit, since: f.since, until: f.until, types: [...f.types].join(","), layout: layoutName === "concentric" ? "concentric" : undefined });
  }

  function merge(g: Graph, expandedId: string | null): number {
    if (!cy) return 0;
    let added = 0;
    // New neighbours start in a ring around the node they came from, so the layout settles locally.
    const origin = expandedId ? cy.getElementById(expandedId).position() : { x: 0, y: 0 };
    const fresh = g.nodes.filter((n) => cy!.getElementById(String(n.id)).empty());
    cy.batch(() => {
      fresh.forEach((n, i) => {
        const a = (2 * Math.PI * i) / Math.max(1, fresh.length);
        cy!.add({ ...nodeElement(n), position: { x: origin.x + 120 * Math.cos(a), y: origin.y + 120 * Math.sin(a) } });
        added++;
      });
      const touched = new Set<string>();
      for (const e of g.edges) {
        seenTypes.add(e.type);
        if (rawEdges.has(String(e.id)) || cy!.getElementById(String(e.source)).empty() || cy!.getElementById(String(e.target)).empty()) continue;
        rawEdges.set(String(e.id), e);
        touched.add(bundleKey(e));
      }
      for (const key of touched) {
        const members = [...rawEdges.values()].filter((e) => bundleKey(e) === key);
        cy!.getElementById(key).remove();
        cy!.add(bundleElement(members[0], members));
      }
      if (expandedId) cy!.getElementById(`collapsed:${expandedId}`).remove();
      for (const c of g.collapsed ?? []) {
        if (c.omitted > 0 && cy!.getElementById(`collapsed:${c.node}`).empty() && !cy!.getElementById(String(c.node)).empty()) cy!.add(collapsedElements(c));
      }
    });
    return added;
  }

  async function reload(): Promise<void> {
    f.depth = Number(depthSel.value) || 1;
    f.limit = Number(limitIn.value) || 150;
    f.since = sinceIn.value;
    f.until = untilIn.value;
    saveParams();
    clear(msg);
    const spin = loading();
    msg.append(spin);
    try {
      const g = await get<Graph>(`/parties/${enc(uid)}/graph`, query(f.depth));
      spin.remove();
      cy?.destroy();
      cy = makeCy(canvas, []);
      rawEdges.clear();
      (window as unknown as { __ipclueCy: Core }).__ipclueCy = cy;
      merge(g, null);
      const root = g.nodes.find((n) => n.key === uid || n.id === uid || (n as { uid?: string }).uid === uid);
      if (root) {
        cy.getElementById(String(root.id)).addClass("root expanded");
        rootName = String(root.name ?? uid);
        title.textContent = `${t("graph_title")} · ${rootName}`;
      }
      expanded.clear();
      expanded.add(uid);
      cy.on("tap", "node", (ev) => void onTap(ev.target as NodeSingular));
      relabelDuplicates(cy);
      cy.on("add", "node", () => { if (cy) relabelDuplicates(cy); });
      runLayout(cy, false, layoutName);
      drawTypes();
      applyTypeVisibility();
    } catch (e) {
      spin.remove();
      msg.append(errorBox(e));
    }
  }

  async function onTap(node: NodeSingular): Promise<void> {
    const d = node.data();
    if (node.hasClass("collapsed")) {
      showInfo(node, `${d.omitted} ${t("omitted")}`);
      return;
    }
    showInfo(node);
    if (d.label === "Party" && d.key && !expanded.has(String(d.key))) await expand(node);
  }

  async function expand(node: NodeSingular): Promise<void> {
    if (!cy) return;
    const key = String(node.data("key"));
    expanded.add(key);
    node.addClass("expanded");
    try {
      const g = await get<Graph>(`/parties/${enc(key)}/graph`, query(1));
      const added = merge(g, String(node.id()));
      if (added) runLayout(cy, true, layoutName);
      showInfo(node, added ? t("expanded_n", { n: added }) : t("expanded_none"));
      drawTypes();
      applyTypeVisibility();
    } catch (e) {
      expanded.delete(key);
      clear(msg);
      msg.append(errorBox(e));
    }
  }

  function showInfo(node: NodeSingular, note?: string): void {
    clear(info);
    const d = node.data();
    const route = nodeRoute(d);
    const fields: [string, Node | string][] = [];
    if (d.label && d.label !== "Collapsed") fields.push(["kind", labelName(String(d.label)) + (d.kind ? ` · ${t(`kind_${d.kind}`)}` : "")]);
    if (d.key) fields.push([d.label === "Party" ? "uid" : "key", String(d.key)]);
    if (d.hint) fields.push(["same_name_hint", String(d.hint)]);
    if (d.severity) fields.push(["risk", tv("sev", String(d.severity))]);
    if (d.generic) fields.push(["generic_id", "✓"]);
    info.append(h("h3", {}, String(d.name ?? d.text ?? d.id)), ...(note ? [h("p", {}, note)] : []), kv(fields));
    const degree = node.connectedEdges().length;
    info.append(h("p", { class: "muted small" }, t("degree", { n: degree })));
    if (route) info.append(h("a", { class: "button", href: href(route) }, d.label === "Party" ? t("open_party") : t("open_record")));
    if (d.label === "Party" && d.key && !expanded.has(String(d.key)))
      info.append(h("button", { class: "button primary", onclick: () => void expand(node) }, t("expand")));
    const extra = Object.fromEntries(Object.entries(d).filter(([k]) => !["id", "text", "base", "hint", "parentNode", "omitted", "colour", "bw", "label", "key", "name", "kind", "risk", "severity", "generic", "personal"].includes(k)));
    if (Object.keys(extra).length) info.append(h("details", {}, h("summary", {}, t("details")), renderValue(extra)));
  }

  function exportPng(): void {
    if (!cy) return;
    const blob = cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" }) as unknown as Blob;
    download(`ipclue-graph-${uid}.png`, blob);
  }

  function exportJson(): void {
    if (!cy) return;
    const data = {
      root: uid, filters: { depth: f.depth, limit: f.limit, since: f.since || null, until: f.until || null, types: [...f.types] },
      nodes: cy.nodes().not(".collapsed").map((n) => { const { colour: _c, text: _t, bw: _b, ...rest } = n.data(); return rest; }),
      edges: [...rawEdges.values()],
      collapsed: cy.nodes(".collapsed").map((n) => ({ node: n.data("parentNode"), omitted: n.data("omitted") })),
    };
    download(`ipclue-graph-${uid}.json`, new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
  }

  onLeave(() => { cy?.destroy(); cy = null; main.classList.remove("wide"); });
  drawTypes();
  await reload();
}
