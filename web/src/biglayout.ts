// Large graphs (more than LARGE nodes): fcose force-directed layout stretched to the canvas, and labels
// culled by collision — the root, then same-name parties and the best-connected nodes, keep a readable label; the others show
// theirs on hover, selection, search match or when zoomed in far enough for them to fit.
import cytoscape, { type Core, type LayoutOptions, type NodeSingular } from "cytoscape";
import fcose from "cytoscape-fcose";

cytoscape.use(fcose);

/** Above this many visible nodes a graph gets fcose and label culling; below it every label is drawn. */
export const LARGE = 30;
/** A drawn label is at least this high on screen (px), whatever the zoom. */
const LABEL_PX = 11;

export function isLarge(cy: Core): boolean {
  return cy.nodes(":visible").not(".collapsed").length > LARGE;
}

/** fcose with spacing that grows with the node's degree (hubs get room for their fan) and labels counted
 *  in the node sizes (label-aware spacing). A first drawing starts from a spectral layout; a re-layout
 *  (animated: after an expansion, a layout switch) starts from the current positions, so the picture the
 *  user has in mind moves as little as possible. */
export function fcoseOptions(n: number, animate: boolean): LayoutOptions {
  const degree = (e: cytoscape.EdgeSingular) => Math.max(e.source().degree(false), e.target().degree(false));
  return {
    name: "fcose", quality: "proof", randomize: !animate, animate, animationDuration: 500, fit: true, padding: 30,
    nodeDimensionsIncludeLabels: true, packComponents: false, nodeSeparation: 90,
    nodeRepulsion: () => (n > 100 ? 12000 : 8000),
    idealEdgeLength: (e: cytoscape.EdgeSingular) => 60 + Math.min(60, 4 * Math.sqrt(degree(e))),
    edgeElasticity: () => 0.3, gravity: 0.2, gravityRange: 3.8, numIter: 2500, tile: true,
  } as unknown as LayoutOptions;
}

/** Scale the drawing along its narrow axis so that it fills the canvas's aspect ratio (scaling up only:
 *  no new overlap), then fit. */
export function stretchToCanvas(cy: Core): void {
  const nodes = cy.nodes(":visible");
  const bb = nodes.boundingBox({ includeLabels: false });
  if (nodes.length < 3 || bb.w <= 0 || bb.h <= 0) return;
  const want = cy.width() / Math.max(1, cy.height());
  const sx = bb.w / bb.h < want ? want / (bb.w / bb.h) : 1;
  const sy = bb.w / bb.h > want ? (bb.w / bb.h) / want : 1;
  const cx = bb.x1 + bb.w / 2;
  const cyy = bb.y1 + bb.h / 2;
  cy.batch(() => nodes.not(":locked").forEach((v) => {
    const p = v.position();
    v.position({ x: cx + (p.x - cx) * Math.min(sx, 2.5), y: cyy + (p.y - cyy) * Math.min(sy, 2.5) });
  }));
  cy.fit(nodes, 30);
}

function priority(n: NodeSingular): number {
  if (n.hasClass("root")) return 1e9;
  const marked = n.selected() || n.hasClass("match") || n.hasClass("pinned") ? 1e6 : 0;
  const sameName = n.data("hint") ? 300 : 0; // same-name parties keep their telling-apart line if it fits
  return marked + sameName + n.degree(false) * 10 + Number(n.data("risk") ?? 0) * 5;
}

type Box = { x1: number; x2: number; y1: number; y2: number };
const meets = (a: Box, b: Box, pad = 2) => a.x1 - pad < b.x2 && b.x1 - pad < a.x2 && a.y1 - pad < b.y2 && b.y1 - pad < a.y2;

/** Keep labels at LABEL_PX on screen and draw only those that collide with no drawn label and no other
 *  node; on a small graph, every label at its normal size. */
export function declutter(cy: Core): void {
  const nodes = cy.nodes(":visible").not(".collapsed") as unknown as cytoscape.NodeCollection;
  const large = nodes.length > LARGE;
  cy.batch(() => {
    cy.nodes().removeClass("nolabel");
    cy.nodes().forEach((n) => {
      const base = n.hasClass("root") ? 14 : 12;
      if (large && base * cy.zoom() < LABEL_PX) n.style("font-size", LABEL_PX / cy.zoom());
      else n.removeStyle("font-size");
    });
  });
  if (!large) return;
  // Obstacles: every visible node's body, the "+N" placeholders included (their text is inside them).
  const bodies = new Map(cy.nodes(":visible").map((n) => [n.id(), n.renderedBoundingBox({ includeLabels: n.hasClass("collapsed"), includeOverlays: false })]));
  const kept: Box[] = [];
  const culled: NodeSingular[] = [];
  const view = { x1: 0, y1: 0, x2: cy.width(), y2: cy.height() };
  for (const n of nodes.map((x) => x).sort((a, b) => priority(b) - priority(a))) {
    const box = n.renderedBoundingBox({ includeNodes: false, includeLabels: true, includeOverlays: false });
    const inside = box.x1 >= view.x1 && box.x2 <= view.x2 && box.y1 >= view.y1 && box.y2 <= view.y2;
    const free = inside && !kept.some((k) => meets(k, box))
      && ![...bodies].some(([id, b]) => id !== n.id() && meets(b, box, 0));
    if (free || n.hasClass("root")) kept.push(box);
    else culled.push(n);
  }
  cy.batch(() => culled.forEach((n) => { n.addClass("nolabel"); }));
}

const timers = new WeakMap<Core, number>();

/** Re-cull soon (debounced): after a zoom or pan, a drag, or nodes hidden or shown. */
export function scheduleDeclutter(cy: Core): void {
  window.clearTimeout(timers.get(cy));
  timers.set(cy, window.setTimeout(() => { if (!cy.destroyed()) declutter(cy); }, 150));
}

/** Hover shows a culled label; viewport changes and drags re-cull. */
export function wireDeclutter(cy: Core): void {
  cy.on("mouseover", "node", (e) => { e.target.addClass("hover"); });
  cy.on("mouseout", "node", (e) => { e.target.removeClass("hover"); });
  cy.on("viewport", () => scheduleDeclutter(cy));
  cy.on("dragfree", "node", () => scheduleDeclutter(cy));
}
