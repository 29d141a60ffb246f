import { get, type GNode, type Hop, type PathT } from "../api";
import { clear, h } from "../dom";
import { labelName, relName, t } from "../i18n";
import { href, replaceParams } from "../router";
import { errorBox, loading, recordLink, section, sourceLink } from "../ui";
import { KIND_COLOURS, kindKey, nodeRoute } from "../graphview";
import { partyPicker, type Picked } from "./picker";

/** "How are A and B linked": paths between two parties with the evidence on every hop. */
export function renderPaths(main: HTMLElement, params: URLSearchParams): void {
  const init = (k: string): Picked | null => (params.get(k) ? { uid: params.get(k)!, name: params.get(`${k}_name`) ?? params.get(k)! } : null);
  let a = init("a");
  let b = init("b");
  const pa = partyPicker(t("party_a"), "path-a", a, (p) => { a = p; });
  const pb = partyPicker(t("party_b"), "path-b", b, (p) => { b = p; });
  const hops = h("select", { "data-testid": "max-hops" }, [1, 2, 3, 4, 5, 6].map((n) => h("option", { value: n, selected: n === Number(params.get("max_hops") ?? 4) }, String(n))));
  const out = h("div", { "data-testid": "paths" });
  const find = async () => {
    clear(out);
    if (!a || !b) { out.append(errorBox(t("pick_both"))); return; }
    replaceParams({ a: a.uid, a_name: a.name, b: b.uid, b_name: b.name, max_hops: hops.value });
    const spin = loading();
    out.append(spin);
    try {
      const res = await get<{ paths: PathT[] }>("/paths", { a: a.uid, b: b.uid, max_hops: hops.value });
      spin.remove();
      if (!res.paths?.length) { out.append(h("div", { class: "card muted empty" }, t("no_paths"))); return; }
      res.paths.forEach((p, i) => out.append(pathCard(p, i)));
    } catch (e) {
      spin.remove();
      out.append(errorBox(e));
    }
  };
  main.append(
    h("h1", {}, t("paths_title")),
    h("form", { class: "card toolbar paths-form", onsubmit: (ev: Event) => { ev.preventDefault(); void find(); } },
      pa.el, pb.el, h("label", {}, t("max_hops"), hops), h("button", { type: "submit", class: "primary", "data-testid": "find-path" }, t("find"))),
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

function pathCard(p: PathT, i: number): HTMLElement {
  const nodes = nodeById(p);
  const ordered = (p.nodes ?? []).map((n) => (typeof n === "object" ? String(n.id) : String(n)));
  const chain = h("div", { class: "chain" });
  ordered.forEach((id, k) => {
    chain.append(chip(nodes.get(id), id));
    const hop = p.hops?.[k];
    if (hop && k < ordered.length - 1) {
      const forward = String(hop.from) === id;
      chain.append(h("span", { class: "hop" }, forward ? "—" : "←", relName(hop.type), forward ? "→" : "—"));
    }
  });
  const rows = (p.hops ?? []).map((hop, k) => evidenceRow(hop, k, nodes));
  return section(t("path_n", { n: i + 1, h: p.hops?.length ?? 0 }), null, chain,
    h("table", { class: "grid hops", "data-testid": "hops" },
      h("thead", {}, h("tr", {}, [t("rel_types"), "", t("evidence"), t("details")].map((x) => h("th", {}, x)))),
      h("tbody", {}, rows)));
}

function evidenceRow(hop: Hop, k: number, nodes: Map<string, GNode>): HTMLElement {
  const name = (id: string) => String(nodes.get(String(id))?.name ?? nodes.get(String(id))?.key ?? id);
  const ev = hop.evidence ?? {};
  const evCell = h("span", {},
    ev.case_no ? [recordLink("case", String(ev.case_no)), " "] : null,
    ...(ev.sources?.length ? ev.sources : ev.source ? [ev.source] : []).flatMap((src, i) => (i ? [" ", sourceLink(src)] : [sourceLink(src)])),
    !ev.case_no && !ev.source && !ev.sources?.length ? "—" : null);
  const props = Object.entries(hop.props ?? {}).filter(([, v]) => v != null && v !== "").map(([k2, v]) => `${k2}=${Array.isArray(v) ? v.join(",") : String(v)}`).join("  ");
  return h("tr", {}, h("td", {}, `${k + 1}. ${relName(hop.type)}`), h("td", {}, `${name(hop.from)} → ${name(hop.to)}`), h("td", {}, evCell), h("td", { class: "small" }, props || "—"));
}
