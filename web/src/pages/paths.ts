import { get, type GNode, type Hop, type PathT } from "../api";
import { clear, h } from "../dom";
import { getLang, labelName, relName, t } from "../i18n";
import { href, replaceParams } from "../router";
import { errorBox, loading, recordLink, section, sourceLink } from "../ui";
import { KIND_COLOURS, kindKey, makeCy, nodeRoute, toElements } from "../graphview";
import type { Core } from "cytoscape";
import { partyPicker, type Picked } from "./picker";

/** "How are A and B linked": paths between two parties with the evidence on every hop. */
export function renderPaths(main: HTMLElement, params: URLSearchParams, onLeave: (fn: () => void) => void = () => {}): void {
  const graphs: Core[] = [];
  onLeave(() => graphs.forEach((g) => g.destroy()));
  const init = (k: string): Picked | null => (params.get(k) ? { uid: params.get(k)!, name: params.get(`${k}_name`) ?? params.get(k)! } : null);
  let a = init("a");
  let b = init("b");
  const pa = partyPicker(t("party_a"), "path-a", a, (p) => { a = p; });
  const pb = partyPicker(t("party_b"), "path-b", b, (p) => { b = p; });
  const hops = h("select", { "data-testid": "max-hops" }, [1, 2, 3, 4].map((n) => h("option", { value: n, selected: n === Number(params.get("max_hops") ?? 4) }, String(n))));
  const kSel = h("select", { "data-testid": "k-paths" }, [1, 2, 3, 4, 5].map((n) => h("option", { value: n, selected: n === Number(params.get("k") ?? 3) }, String(n))));
  const out = h("div", { "data-testid": "paths" });
  const find = async () => {
    clear(out);
    if (!a || !b) { out.append(errorBox(t("pick_both"))); return; }
    replaceParams({ a: a.uid, a_name: a.name, b: b.uid, b_name: b.name, max_hops: hops.value, k: kSel.value });
    graphs.splice(0).forEach((g) => g.destroy());
    const spin = loading();
    out.append(spin);
    try {
      const res = await get<{ paths: PathT[] }>("/paths", { a: a.uid, b: b.uid, max_hops: hops.value, k: kSel.value });
      spin.remove();
      if (!res.paths?.length) { out.append(h("div", { class: "card muted empty" }, t("no_paths"))); return; }
      res.paths.forEach((p, i) => { const card = pathCard(p, i); out.append(card.el); graphs.push(card.draw()); });
    } catch (e) {
      spin.remove();
      out.append(errorBox(e));
    }
  };
  main.append(
    h("h1", {}, t("paths_title")),
    h("form", { class: "card toolbar paths-form", onsubmit: (ev: Event) => { ev.preventDefault(); void find(); } },
      pa.el, pb.el, h("label", {}, t("max_hops"), hops), h("label", {}, getLang() === "zh" ? "路径条数" : "Paths", kSel), h("button", { type: "submit", class: "primary", "data-testid": "find-path" }, t("find"))),
    out,
  );
  if (a && b) void find();
}

function nodeById(p: PathT): Map<string, GNode> {
  const m = new Map<string, GNode>();
  for (const n of p.nodes ?? []) if (typeof n === "object" && n) m.set(String(n.id), n);
  return m;
}

function chip(n: GNode | undefined, id: string): HTMLElement {
  if (!n) return h("span", { class: "chip" }, id);
  const route = nodeRoute(n);
  const text = String(n.name ?? n.key ?? n.id);
  const inner = [h("i", { style: `background:${KIND_COLOURS[kindKey(n)]}` }), h("span", { class: "chip-kind" }, labelName(n.label)), text];
  return route ? h("a", { class: "chip", href: href(route) }, ...inner) : h("span", { class: "chip" }, ...inner);
}

/** One path: its chain of chips, a small graph with every node on one line, and the hops' evidence. */
function pathCard(p: PathT, i: number): { el: HTMLElement; draw: () => Core } {
  const nodes = nodeById(p);
  const ordered = (p.nodes ?? []).map((n) => (typeof n === "object" ? String(n.id) : String(n)));
  const chain = h("div", { class: "chain" });
  ordered.forEach((id, k) => {
    chain.append(chip(nodes.get(id), id));
    const hop = p.hops?.[k];
    if (hop && k < ordered.length - 1) {
      const forward = String(hop.from) === id;
      const names = ((hop as Hop & { types?: string[] }).types ?? [hop.type]).map(relName).join(" / ");
      chain.append(h("span", { class: "hop" }, forward ? "—" : "←", names, forward ? "→" : "—"));
    }
  });
  const canvas = h("div", { class: "cy path-cy", "data-testid": "path-graph", style: "height:180px" });
  const rows = (p.hops ?? []).map((hop, k) => evidenceRow(hop, k, nodes));
  const el = section(t("path_n", { n: i + 1, h: p.hops?.length ?? 0 }), null, chain, canvas,
    h("table", { class: "grid hops", "data-testid": "hops" },
      h("thead", {}, h("tr", {}, [t("rel_types"), getLang() === "zh" ? "证据" : "Evidence", t("source"), t("details")].map((x) => h("th", {}, x)))),
      h("tbody", {}, rows)));
  const draw = (): Core => {
    const gnodes = ordered.map((id) => nodes.get(id)).filter((n): n is GNode => !!n);
    const edges = (p.hops ?? []).map((hop, k) => ({ id: `hop-${i}-${k}`, source: String(hop.from), target: String(hop.to), type: hop.type }));
    const cy = makeCy(canvas, toElements({ nodes: gnodes, edges }));
    cy.layout({ name: "preset", positions: (n: { id: () => string }) => ({ x: ordered.indexOf(n.id()) * 220, y: (ordered.indexOf(n.id()) % 2) * 40 }), fit: true, padding: 30 } as never).run();
    cy.on("tap", "node", (e) => { const r = nodeRoute(e.target.data()); if (r) location.hash = href(r); });
    return cy;
  };
  return { el, draw };
}

function evidenceRow(hop: Hop, k: number, nodes: Map<string, GNode>): HTMLElement {
  const ev = hop.evidence ?? {};
  const evCell = h("span", {},
    ev.case_no ? [recordLink("case", String(ev.case_no)), " "] : null,
    ...(ev.sources?.length ? ev.sources : ev.source ? [ev.source] : []).flatMap((src, i) => (i ? [" ", sourceLink(src)] : [sourceLink(src)])),
    !ev.case_no && !ev.source && !ev.sources?.length ? "—" : null);
  const x = hop as Hop & { sentence?: string; types?: string[] };
  const name = (id: string) => String(nodes.get(String(id))?.name ?? nodes.get(String(id))?.key ?? id);
  const props = Object.entries(hop.props ?? {}).filter(([key, v]) => v != null && v !== "" && key !== "derived").map(([k2, v]) => `${k2}=${Array.isArray(v) ? v.join(",") : String(v)}`).join("  ");
  return h("tr", {}, h("td", {}, `${k + 1}. ${(x.types ?? [hop.type]).map(relName).join(" / ")}`),
    h("td", { "data-testid": "hop-sentence" }, x.sentence ?? `${name(hop.from)} → ${name(hop.to)}`), h("td", {}, evCell), h("td", { class: "small muted" }, props || "—"));
}
