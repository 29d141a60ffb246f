// Cytoscape rendering shared by the explorer and the flag evidence graph: colour by kind, border by risk.
import cytoscape, { type Core, type ElementDefinition } from "cytoscape";
import type { GEdge, GNode, Graph } from "./api";
import { h } from "./dom";
import { labelName, relName, t } from "./i18n";
import { declutter, fcoseOptions, isLarge, stretchToCanvas, wireDeclutter } from "./biglayout";

export const KIND_COLOURS: Record<string, string> = {
  org: "#2f6fd0",
  person: "#16a3a0",
  Case: "#7b4fc9",
  Trademark: "#e08a12",
  Patent: "#8a5a2b",
  Copyright: "#b8860b",
  Penalty: "#c8414b",
  Address: "#7d8794",
  Phone: "#7d8794",
  Email: "#7d8794",
  Source: "#9aa3ad",
  Flag: "#d6336c",
  other: "#5c6670",
};

export const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

export function kindKey(n: GNode): string {
  if (n.label === "Party") return n.kind === "person" ? "person" : "org";
  return KIND_COLOURS[n.label] ? n.label : "other";
}

function nodeText(n: GNode): string {
  const s = String(n.name ?? n.key ?? n.id);
  const max = n.label === "Case" || n.label === "Penalty" ? 22 : 16;
  return s.length > max ? s.slice(0, max - 1) + "…" : s;
}

const SEVERITY_RISK: Record<string, number> = { low: 0.3, medium: 0.6, high: 0.85, critical: 1 };

/** Risk as 0..1: the API sends the top flag severity ("high"…); numbers are accepted too. */
export function riskOf(n: GNode): number {
  if (typeof n.risk === "string") return SEVERITY_RISK[n.risk] ?? 0;
  const r = typeof n.risk === "number" ? n.risk : 0;
  return r > 1 ? Math.min(1, r / 100) : Math.max(0, r);
}

export function nodeElement(n: GNode): ElementDefinition {
  const risk = riskOf(n);
  const classes = [kindKey(n), n.generic ? "generic" : "", risk >= 0.7 ? "risk-high" : risk > 0 ? "risk-some" : ""].filter(Boolean);
  return {
    group: "nodes",
    data: { ...n, id: String(n.id), text: nodeText(n), colour: KIND_COLOURS[kindKey(n)], severity: n.risk ?? null, risk, bw: risk > 0 ? 2 + risk * 5 : 1 },
    classes: classes.join(" "),
  };
}

export function edgeElement(e: GEdge): ElementDefinition {
  return {
    group: "edges",
    data: { ...e.props, id: String(e.id), source: String(e.source), target: String(e.target), type: e.type, text: relName(e.type), props: e.props ?? {} },
    classes: `rel-${e.type}`,
  };
}

export function collapsedElements(c: { node: string; omitted: number }): ElementDefinition[] {
  const id = `collapsed:${c.node}`;
  return [
    { group: "nodes", data: { id, text: `+${c.omitted}`, omitted: c.omitted, parentNode: String(c.node), label: "Collapsed" }, classes: "collapsed" },
    { group: "edges", data: { id: `${id}:e`, source: String(c.node), target: id, type: "COLLAPSED", text: "" }, classes: "collapsed-edge" },
  ];
}

/** Parallel edges of one type between the same two nodes (one REPRESENTED_BY per case…) drawn once, "×n". */
export function bundleKey(e: GEdge): string {
  return `b:${e.source}|${e.target}|${e.type}`;
}

export function bundleElement(e: GEdge, members: GEdge[]): ElementDefinition {
  const n = members.length;
  return {
    group: "edges",
    data: {
      id: bundleKey(e), source: String(e.source), target: String(e.target), type: e.type, count: n,
      ids: members.map((m) => String(m.id)), props: n === 1 ? (members[0].props ?? {}) : { count: n },
      text: relName(e.type) + (n > 1 ? ` ×${n}` : ""), w: Math.min(6, 1.6 + Math.log2(n)),
    },
    classes: `rel-${e.type}`,
  };
}

export function bundle(edges: GEdge[]): ElementDefinition[] {
  const groups = new Map<string, GEdge[]>();
  for (const e of edges) groups.set(bundleKey(e), [...(groups.get(bundleKey(e)) ?? []), e]);
  return [...groups.values()].map((m) => bundleElement(m[0], m));
}

/** Same-name parties told apart: each gets a second label line with a distinguishing hint (the end of its
 * USCC, else of its uid, and whether it is a person). */
export function distinguish(elements: ElementDefinition[]): ElementDefinition[] {
  const parties = elements.filter((e) => e.group === "nodes" && e.data.label === "Party");
  const count = new Map<string, number>();
  for (const e of parties) count.set(String(e.data.name), (count.get(String(e.data.name)) ?? 0) + 1);
  for (const e of parties) {
    if ((count.get(String(e.data.name)) ?? 0) < 2) continue;
    const key = String(e.data.uscc ?? e.data.key ?? e.data.id);
    const hint = `${e.data.kind === "person" ? t("kind_person") : t("kind_org")} ·${key.slice(-6)}`;
    e.data.text = `${e.data.text}\n(${hint})`;
    e.data.hint = hint;
  }
  return elements;
}

export function toElements(g: Graph): ElementDefinition[] {
  const ids = new Set(g.nodes.map((n) => String(n.id)));
  return [
    ...distinguish(g.nodes.map(nodeElement)),
    ...bundle(g.edges.filter((e) => ids.has(String(e.source)) && ids.has(String(e.target)))),
    ...(g.collapsed ?? []).filter((c) => c.omitted > 0 && ids.has(String(c.node))).flatMap(collapsedElements),
  ];
}

export function makeCy(container: HTMLElement, elements: ElementDefinition[]): Core {
  const cy = cytoscape({
    container,
    elements,
    wheelSensitivity: 0.3,
    minZoom: 0.15,
    maxZoom: 3,
    style: [
      {
        selector: "node",
        style: {
          "background-color": "data(colour)",
          label: "data(text)",
          "font-family": FONT,
          "font-size": 12,
          color: "#1d2733",
          "text-valign": "bottom",
          "text-margin-y": 4,
          "text-wrap": "wrap",
          "text-max-width": "160px",
          // labels fade out when zoomed out far enough to make them unreadable (culling by zoom)
          "min-zoomed-font-size": 7,
          "text-background-color": "#ffffff",
          "text-background-opacity": 0.85,
          "text-background-padding": "2px",
          "text-background-shape": "roundrectangle",
          width: 26,
          height: 26,
          "border-width": "data(bw)",
          "border-color": "#ffffff",
        },
      },
      { selector: "node.org", style: { shape: "round-rectangle", width: 30, height: 24 } },
      { selector: "node.person", style: { shape: "ellipse" } },
      { selector: "node.Case", style: { shape: "diamond", width: 28, height: 28 } },
      { selector: "node.Trademark, node.Patent, node.Copyright", style: { shape: "hexagon" } },
      { selector: "node.Penalty", style: { shape: "octagon" } },
      { selector: "node.Address, node.Phone, node.Email", style: { shape: "triangle", width: 20, height: 20 } },
      { selector: "node.risk-some", style: { "border-color": "#f0a020" } },
      { selector: "node.risk-high", style: { "border-color": "#d11f2f" } },
      { selector: "node.generic", style: { "background-color": "#c3c9d0", "border-style": "dashed", "border-width": 2, "border-color": "#8a939c" } },
      { selector: "node.root", style: { width: 40, height: 34, "font-weight": "bold", "font-size": 14 } },
      { selector: "node.expanded", style: { "background-opacity": 1, "overlay-opacity": 0 } },
      { selector: "node.collapsed", style: { shape: "round-rectangle", "background-color": "#eef1f4", "border-width": 1, "border-color": "#8a939c", "border-style": "dashed", label: "data(text)", "text-valign": "center", "text-margin-y": 0, "text-background-opacity": 0, width: 34, height: 20, "font-size": 11, color: "#44505c" } },
      {
        selector: "edge",
        style: {
          width: "data(w)",
          "line-color": "#a9b3bd",
          "target-arrow-color": "#a9b3bd",
          "target-arrow-shape": "triangle",
          "arrow-scale": 0.8,
          "curve-style": "bezier",
          label: "",
          "font-family": FONT,
          "font-size": 10,
          color: "#5c6670",
          "text-rotation": "autorotate",
          "text-background-color": "#ffffff",
          "text-background-opacity": 0.8,
          "text-background-padding": "1px",
        },
      },
      { selector: "edge.labelled", style: { label: "data(text)" } },
      { selector: "edge.collapsed-edge", style: { width: 1,  "line-style": "dashed", "target-arrow-shape": "none", label: "" } },
      { selector: "edge.rel-SHAREHOLDER_OF, edge.rel-LEGAL_REP_OF", style: { "line-color": "#2f6fd0", "target-arrow-color": "#2f6fd0" } },
      { selector: "edge.rel-PARTY_TO", style: { "line-color": "#7b4fc9", "target-arrow-color": "#7b4fc9" } },
      { selector: "edge.rel-PENALISED_IN", style: { "line-color": "#c8414b", "target-arrow-color": "#c8414b" } },
      { selector: ".hidden, .user-hidden", style: { display: "none" } },
      { selector: ":selected", style: { "overlay-color": "#2f6fd0", "overlay-opacity": 0.18, "overlay-padding": 6 } },
      { selector: ".path-hl", style: { "line-color": "#d11f2f", "target-arrow-color": "#d11f2f", width: 3 } },
      { selector: "node.match", style: { "overlay-color": "#f0a020", "overlay-opacity": 0.35, "overlay-padding": 8 } },
      { selector: "node.pinned", style: { "border-style": "double", "border-width": 4, "border-color": "#1d2733" } },
      // Large graphs: culled labels (biglayout.declutter) come back on hover, selection or search match.
      { selector: "node.nolabel", style: { label: "" } },
      { selector: "node.nolabel.hover, node.nolabel:selected, node.nolabel.match", style: { label: "data(text)", "z-index": 99 } },
    ],
    layout: { name: "preset" },
  });
  cy.on("select", "node", (e) => labelEdges(cy, e.target));
  cy.on("unselect", "node", () => labelEdges(cy));
  wireDeclutter(cy);
  return cy;
}

/** Edge labels only where readable: all of them on small graphs, else around the selected node. */
export function labelEdges(cy: Core, focus?: cytoscape.NodeSingular): void {
  cy.batch(() => {
    const all = cy.edges().not(".collapsed-edge");
    if (all.length <= 30) all.addClass("labelled");
    else {
      all.removeClass("labelled");
      focus?.connectedEdges().addClass("labelled");
    }
  });
}

export type LayoutName = "concentric" | "cose";

/** Concentric rings by distance from the root (explorer), else force-directed (cose on small graphs, fcose
 *  stretched to the canvas above biglayout.LARGE nodes); small graphs are not blown up past a readable zoom;
 *  large ones get their labels culled by collision. */
export function runLayout(cy: Core, animate = false, name: LayoutName = "concentric"): void {
  const visible = cy.elements(":visible");
  const n = visible.nodes().length;
  const root = cy.nodes(".root").first();
  let opts: cytoscape.LayoutOptions;
  if (name === "concentric" && root.nonempty()) {
    const dist = new Map<string, number>();
    visible.breadthFirstSearch({ roots: root, directed: false, visit: (v, _e, _u, _i, depth) => { dist.set(v.id(), depth); } });
    // Crowded levels are split into sub-rings of at most 14 nodes, so rings stay small and labels legible.
    const far = Math.max(0, ...dist.values()) + 1;
    const rank = new Map<string, number>();
    const seen = new Map<number, number>();
    for (const node of visible.nodes().sort((a, b) => String(a.data("label")).localeCompare(String(b.data("label"))))) {
      const d = dist.get(node.id()) ?? far;
      const k = seen.get(d) ?? 0;
      seen.set(d, k + 1);
      rank.set(node.id(), d * 100 + Math.floor(k / 14));
    }
    const top = Math.max(0, ...rank.values()) + 1;
    opts = {
      name: "concentric", animate, animationDuration: 400, fit: true, padding: 30, avoidOverlap: true,
      nodeDimensionsIncludeLabels: false, minNodeSpacing: 46, startAngle: (3 / 2) * Math.PI,
      concentric: (node: cytoscape.NodeSingular) => top - (rank.get(node.id()) ?? top),
      levelWidth: () => 1,
    } as cytoscape.LayoutOptions;
  } else if (isLarge(cy)) {
    opts = fcoseOptions(n, animate);
  } else {
    opts = {
      name: "cose", animate, animationDuration: 400, randomize: false, nodeDimensionsIncludeLabels: true,
      nodeRepulsion: () => (n > 60 ? 10000 : 8000), nodeOverlap: 20, idealEdgeLength: () => (n > 60 ? 60 : 75),
      edgeElasticity: () => 100, gravity: 1.2, numIter: 2000, padding: 24, fit: true, componentSpacing: 60,
    } as cytoscape.LayoutOptions;
  }
  const layout = visible.layout(opts);
  const force = opts.name === "fcose";
  layout.one("layoutstop", () => {
    if (force) stretchToCanvas(cy);
    if (cy.zoom() > 1.25) {
      cy.zoom(1.25);
      cy.center(cy.nodes(":visible"));
    }
    declutter(cy);
  });
  labelEdges(cy, cy.nodes(":selected").first());
  layout.run();
}

export function legend(): HTMLElement {
  const item = (colour: string, text: string, extra = "") => h("span", { class: "lg" }, h("i", { style: `background:${colour};${extra}` }), text);
  return h(
    "div",
    { class: "legend" },
    item(KIND_COLOURS.org, `${labelName("Party")}·${t("kind_org")}`),
    item(KIND_COLOURS.person, `${labelName("Party")}·${t("kind_person")}`),
    ...["Case", "Trademark", "Patent", "Copyright", "Penalty"].map((k) => item(KIND_COLOURS[k], labelName(k))),
    item(KIND_COLOURS.Address, `${labelName("Address")} / ${labelName("Phone")} / ${labelName("Email")}`, "clip-path:polygon(50% 0,100% 100%,0 100%)"),
    item("#fff", t("pinned_node"), "border:3px double #1d2733"),
    item("#fff", t("risk_high"), "border:3px solid #d11f2f"),
    item("#c3c9d0", t("generic_id"), "border:2px dashed #8a939c"),
  );
}

/** The app route for a graph node, if it has a page. */
export function nodeRoute(n: Record<string, unknown>): string[] | null {
  const key = String(n.key ?? n.uid ?? "");
  if (!key) return null;
  switch (n.label) {
    case "Party": return ["party", key];
    case "Case": return ["record", "case", key];
    case "Trademark": return ["record", "trademark", key];
    case "Patent": return ["record", "patent", key];
    case "Copyright": return ["record", "copyright", key];
    case "Penalty": return ["record", "penalty", key];
    case "Source": return ["source", key];
    case "Flag": return ["flags", key];
    default: return null;
  }
}
