// The party page's 法定代表人 / 股东 / 高管 section and its ownership view (股权穿透: shareholders up,
// investments down, with direct and chained shares). Strings are local (zh first).
import { enc, get } from "./api";
import { h } from "./dom";
import { getLang } from "./i18n";
import { href } from "./router";
import { section, table } from "./ui";

const W: Record<string, [string, string]> = {
  control: ["法定代表人 / 股东 / 高管", "Legal representatives / shareholders / officers"],
  legal_reps: ["法定代表人", "Legal representative"],
  shareholders: ["股东", "Shareholders"],
  officers: ["高管", "Officers"],
  represents: ["担任法定代表人的单位", "Legal representative of"],
  holdings: ["对外投资", "Investments"],
  positions: ["任职单位", "Positions"],
  ownership: ["股权穿透", "Ownership"],
  up: ["向上：股东及其股东", "Up: shareholders and theirs"],
  down: ["向下：对外投资及其投资", "Down: investments and theirs"],
  pct: ["持股", "share"],
  through: ["穿透持股", "through the chain"],
  none: ["无登记信息", "none registered"],
  person: ["自然人", "person"],
  org: ["单位", "organisation"],
};
const w = (k: string): string => W[k][getLang() === "zh" ? 0 : 1];

interface Link { uid: string; name: string | null; kind?: string | null; pct?: number | null; title?: string | null }
interface TreeNode extends Link { through?: number | null; children: TreeNode[] }
interface Control { legal_reps: Link[]; shareholders: Link[]; officers: Link[]; represents: Link[]; holdings: Link[]; positions: Link[]; ownership: { up: TreeNode[]; down: TreeNode[] } }

const partyLink = (x: Link) => h("a", { href: href(["party", x.uid]) }, x.name ?? x.uid);
const pct = (v?: number | null) => (v == null ? "—" : `${Number(v).toFixed(2).replace(/\.?0+$/, "")}%`);

function rows(key: string, xs: Link[], extra: (x: Link) => string): HTMLElement | null {
  if (!xs.length) return null;
  return h("div", { class: "control-group", "data-testid": `control-${key}` }, h("h3", {}, w(key)),
    table([w(key), getLang() === "zh" ? "类型" : "Kind", ""], xs.map((x) => [partyLink(x), w(x.kind === "person" ? "person" : "org"), extra(x)])));
}

function tree(nodes: TreeNode[], testid: string): HTMLElement {
  const list = (xs: TreeNode[]): HTMLElement => h("ul", { class: "tree" }, xs.map((n) => h("li", {},
    partyLink(n), " ", h("span", { class: "muted small" }, `${w("pct")} ${pct(n.pct)}`, n.through != null && n.through !== n.pct ? ` · ${w("through")} ${pct(n.through)}` : ""),
    n.children.length ? list(n.children) : null)));
  return nodes.length ? h("div", { "data-testid": testid }, list(nodes)) : h("p", { class: "muted", "data-testid": testid }, w("none"));
}

/** The section, or null when the party has no registered control relation at all. */
export async function controlSection(uid: string): Promise<HTMLElement | null> {
  const c = await get<Control>(`/parties/${enc(uid)}/control`);
  const groups = [
    rows("legal_reps", c.legal_reps, (x) => x.title ?? ""),
    rows("shareholders", c.shareholders, (x) => pct(x.pct)),
    rows("officers", c.officers, (x) => x.title ?? ""),
    rows("represents", c.represents, (x) => x.title ?? ""),
    rows("holdings", c.holdings, (x) => pct(x.pct)),
    rows("positions", c.positions, (x) => x.title ?? ""),
  ].filter((g): g is HTMLElement => !!g);
  if (!groups.length && !c.ownership.up.length && !c.ownership.down.length) return null;
  return h("div", { "data-testid": "control" },
    section(w("control"), null, ...(groups.length ? groups : [h("p", { class: "muted" }, w("none"))])),
    section(w("ownership"), null, h("div", { class: "cols" },
      h("div", {}, h("h3", {}, w("up")), tree(c.ownership.up, "ownership-up")),
      h("div", {}, h("h3", {}, w("down")), tree(c.ownership.down, "ownership-down")))));
}
