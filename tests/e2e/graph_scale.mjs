// Readability of a large neighbourhood graph (≥150 nodes) in headless Chromium, measured from cytoscape:
// node spread over the canvas, node overlap, and overlap among the labels actually drawn.
//   BASE_URL=… KEY=… ROOT_UID=… DEPTH=3 LIMIT=150 SHOT=/tmp/x.png [LAYOUT=cose] node tests/e2e/graph_scale.mjs
// Prints one JSON line of measurements ("METRICS {...}"), then each bound checked; exit 1 when one fails.
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(new URL("../../web/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const BASE = process.env.BASE_URL;
const UID = process.env.ROOT_UID;
const DEPTH = process.env.DEPTH ?? "3";
const LIMIT = process.env.LIMIT ?? "150";
const MIN_NODES = Number(process.env.MIN_NODES ?? 150);
const SHOT = process.env.SHOT ?? join(tmpdir(), "ipclue-graph-150.png");
const layout = process.env.LAYOUT ? `&layout=${process.env.LAYOUT}` : "";

// The bounds (see tests/e2e/test_graph_scale.py for why these numbers).
const BOUNDS = {
  spread: 0.6, // nodes cover ≥ 60% of the canvas width and of its height
  centre: 0.15, // their centroid is within 15% of the canvas size of its centre
  nodeOverlap: 0.02, // overlapping node pairs ≤ 2% of the nodes
  labelOverlap: 0.02, // overlapping pairs among the labels drawn ≤ 2% of the labels drawn
  labelsShown: 0.15, // ≥ 15% of the nodes carry a readable label (root and hubs first)
  labelPx: 9, // a drawn label is at least 9 px high on screen
};

const userDir = mkdtempSync(join(tmpdir(), "ipclue-chromium-"));
const context = await chromium.launchPersistentContext(userDir, {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
  viewport: { width: 1400, height: 900 },
  locale: "zh-CN",
});
const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultTimeout(60000);
const errors = [];
page.on("pageerror", (e) => errors.push(e.message));
let failed = 0;
try {
  await page.goto(`${BASE}/#/`);
  await page.fill('[data-testid="api-key"]', process.env.KEY);
  await page.click('[data-testid="login"]');
  await page.waitForSelector('[data-testid="whoami"]');
  await page.goto(`${BASE}/#/graph/${encodeURIComponent(UID)}?depth=${DEPTH}&limit=${LIMIT}${layout}`);
  await page.waitForFunction((n) => window.__ipclueCy && window.__ipclueCy.nodes().length >= n, MIN_NODES);
  await settle();
  const m = await page.evaluate(measure);
  console.log("METRICS " + JSON.stringify(m));
  await page.screenshot({ path: SHOT });
  // Hovering a node whose label is culled shows its label.
  const hover = await page.evaluate(() => {
    const cy = window.__ipclueCy;
    const n = cy.nodes(":visible").filter((x) => !x.hasClass("collapsed") && x.pstyle("label").strValue === "").first();
    if (n.empty()) return null;
    n.emit("mouseover");
    return { id: n.id(), label: n.pstyle("label").strValue };
  });
  // "重新布局" re-runs the layout from the current positions (as after an expansion): still readable.
  await page.click('button:has-text("重新布局")');
  await page.waitForTimeout(300);
  await settle();
  const again = await page.evaluate(measure);
  console.log("METRICS-RELAYOUT " + JSON.stringify(again));
  const checks = [...readable(m, ""), ...readable(again, "relayout-"),
    ["hover-label", hover === null || hover.label !== "", `hovering a node shows its label (${JSON.stringify(hover)})`],
    ["no-page-errors", errors.length === 0, errors.join("; ")],
  ];
  for (const [name, ok, why] of checks) {
    console.log(`${ok ? "PASS" : "FAIL"} ${name}: ${why}`);
    if (!ok) failed++;
  }
} catch (e) {
  console.log(`FAIL run: ${e?.stack ?? e}`);
  failed++;
} finally {
  await context.close();
  rmSync(userDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

/** The bounds applied to one set of measurements. */
function readable(m, prefix) {
  return [
    [prefix + "nodes", m.nodes >= MIN_NODES, `${m.nodes} nodes ≥ ${MIN_NODES}`],
    [prefix + "spread-x", m.spreadX >= BOUNDS.spread, `nodes span ${m.spreadX} of the width ≥ ${BOUNDS.spread}`],
    [prefix + "spread-y", m.spreadY >= BOUNDS.spread, `nodes span ${m.spreadY} of the height ≥ ${BOUNDS.spread}`],
    [prefix + "centred", m.centreOffX <= BOUNDS.centre && m.centreOffY <= BOUNDS.centre, `centroid off centre by ${m.centreOffX}, ${m.centreOffY} ≤ ${BOUNDS.centre}`],
    [prefix + "node-overlap", m.nodeOverlaps <= BOUNDS.nodeOverlap * m.nodes, `${m.nodeOverlaps} overlapping node pairs ≤ ${BOUNDS.nodeOverlap * m.nodes}`],
    [prefix + "labels-shown", m.labelsShown >= BOUNDS.labelsShown * m.nodes, `${m.labelsShown} labels drawn ≥ ${BOUNDS.labelsShown * m.nodes}`],
    [prefix + "label-size", m.labelsShown > 0 && m.minLabelPx >= BOUNDS.labelPx, `smallest drawn label ${m.minLabelPx} px ≥ ${BOUNDS.labelPx}`],
    [prefix + "label-overlap", m.labelOverlaps <= BOUNDS.labelOverlap * Math.max(1, m.labelsShown), `${m.labelOverlaps} overlapping label pairs ≤ ${BOUNDS.labelOverlap * Math.max(1, m.labelsShown)}`],
    [prefix + "root-labelled", m.rootLabelled, "the root's label is drawn"],
  ];
}

async function settle() {
  // Until the layout has settled: positions and zoom unchanged over 600 ms.
  let last = "";
  for (let i = 0; i < 60; i++) {
    await page.waitForTimeout(600);
    const now = await page.evaluate(() => JSON.stringify(window.__ipclueCy.nodes().map((n) => [Math.round(n.position("x")), Math.round(n.position("y"))]).concat([window.__ipclueCy.zoom()])));
    if (now === last) return;
    last = now;
  }
}

/** In the page: measurements of the drawn graph, in screen pixels of the canvas. */
function measure() {
  const cy = window.__ipclueCy;
  const W = cy.width();
  const H = cy.height();
  const zoom = cy.zoom();
  const nodes = cy.nodes(":visible").filter((n) => !n.hasClass("collapsed"));
  const pos = nodes.map((n) => n.renderedPosition());
  const xs = pos.map((p) => p.x);
  const ys = pos.map((p) => p.y);
  const r2 = (x) => Math.round(x * 100) / 100;
  const meet = (a, b) => Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1)) * Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));
  const pairs = (boxes, frac) => {
    let n = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const small = Math.min(a.w * a.h, b.w * b.h);
        if (small > 0 && meet(a, b) > frac * small) n++;
      }
    return n;
  };
  const bodies = nodes.map((n) => n.renderedBoundingBox({ includeLabels: false, includeOverlays: false, includeEdges: false }));
  const drawn = nodes.filter((n) => {
    const text = n.pstyle("label").strValue;
    const px = n.pstyle("font-size").pfValue * zoom;
    return text !== "" && px >= n.pstyle("min-zoomed-font-size").pfValue && Number(n.pstyle("text-opacity").value) > 0;
  });
  const labels = drawn.map((n) => n.renderedBoundingBox({ includeNodes: false, includeLabels: true, includeMainLabels: true, includeEdges: false, includeOverlays: false }));
  const root = cy.nodes(".root").first();
  return {
    layout: new URLSearchParams(location.hash.split("?")[1] ?? "").get("layout") ?? "default",
    nodes: nodes.length,
    edges: cy.edges(":visible").length,
    width: W,
    height: H,
    zoom: r2(zoom),
    spreadX: r2((Math.max(...xs) - Math.min(...xs)) / W),
    spreadY: r2((Math.max(...ys) - Math.min(...ys)) / H),
    centreOffX: r2(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - W / 2) / W),
    centreOffY: r2(Math.abs(ys.reduce((s, y) => s + y, 0) / ys.length - H / 2) / H),
    nodeOverlaps: pairs(bodies, 0.1),
    labelsShown: drawn.length,
    minLabelPx: drawn.length ? r2(Math.min(...drawn.map((n) => n.pstyle("font-size").pfValue * zoom))) : 0,
    labelOverlaps: pairs(labels, 0.1),
    rootLabelled: root.nonempty() && drawn.some((n) => n.id() === root.id()),
  };
}
