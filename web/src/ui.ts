// Shared view pieces: error boxes, key/value tables, badges, generic record rendering.
import { ApiError } from "./api";
import { can } from "./auth";
import { h } from "./dom";
import { outcomeName, t, tv } from "./i18n";
import { href } from "./router";

export function errorBox(e: unknown): HTMLElement {
  let text: string;
  if (e instanceof ApiError) text = e.detail || e.title || `HTTP ${e.status}`;
  else if (e instanceof Error) text = e.message;
  else text = String(e);
  return h("div", { class: "error-box", role: "alert", "data-testid": "error" }, `${t("error")}: ${text}`);
}

export function loading(): HTMLElement {
  return h("div", { class: "loading" }, t("loading"));
}

export function badge(text: string, cls = ""): HTMLElement {
  return h("span", { class: `badge ${cls}` }, text);
}

export function kindBadge(kind?: string | null): HTMLElement {
  return badge(tv("kind", kind ?? "?"), `kind-${kind ?? "x"}`);
}

export function sevBadge(sev?: string | null): HTMLElement {
  return badge(tv("sev", sev ?? "?"), `sev-${sev ?? "x"}`);
}

export function statusBadge(st?: string | null): HTMLElement {
  return badge(tv("st", st ?? "?"), `st-${st ?? "x"}`);
}

export function section(title: string, count: number | null, ...body: (Node | string | null | false)[]): HTMLElement {
  return h("section", { class: "card" }, h("h2", {}, title, count != null ? h("span", { class: "count" }, ` ${count}`) : null), ...body);
}

export function table(headers: string[], rows: (Node | string)[][], testid?: string): HTMLElement {
  return h(
    "table",
    { class: "grid", "data-testid": testid },
    h("thead", {}, h("tr", {}, headers.map((x) => h("th", {}, x)))),
    h("tbody", {}, rows.map((r) => h("tr", {}, r.map((c) => h("td", {}, c))))),
  );
}

/** The record route for a key field of a record; null when the record has no page of its own. */
export type RecordKind = "case" | "trademark" | "patent" | "copyright" | "penalty";
export function recordLink(kind: RecordKind, id: string, text?: string): HTMLElement {
  return h("a", { href: href(["record", kind, id]) }, text ?? id);
}

export function sourceLink(src: { sha256?: string; path?: string } | null | undefined, params: Record<string, string | number | undefined> = {}): HTMLElement | string {
  if (!src?.sha256) return "—";
  if (!can("sources")) return h("span", { class: "src", title: src.sha256 }, src.path || src.sha256.slice(0, 12));
  return h("a", { href: href(["source", src.sha256], params), title: src.sha256, class: "src" }, src.path || src.sha256.slice(0, 12));
}

/** Renders any JSON value readably: scalars as text, arrays as lists, objects as key/value tables. */
export function renderValue(v: unknown, depth = 0): Node {
  if (v == null || v === "") return document.createTextNode("—");
  if (typeof v === "number") return document.createTextNode(Math.abs(v) >= 10000 ? v.toLocaleString() : String(v));
  if (typeof v !== "object") return document.createTextNode(typeof v === "boolean" ? (v ? "✓" : "✗") : String(v));
  if (Array.isArray(v)) {
    if (v.length === 0) return document.createTextNode(t("none"));
    if (v.every((x) => x == null || typeof x !== "object")) return document.createTextNode(v.join("、"));
    return h("ul", { class: "plain" }, v.map((x) => h("li", {}, renderValue(x, depth + 1))));
  }
  const obj = v as Record<string, unknown>;
  if (depth > 3) return document.createTextNode(JSON.stringify(obj));
  const empty = (x: unknown) => x == null || x === "" || (typeof x === "object" && !Array.isArray(x) && Object.keys(x as object).length === 0);
  const entries = Object.entries(obj).filter(([, x]) => !empty(x));
  entries.sort((a, b) => rank(a[0]) - rank(b[0]));
  return kv(entries.map(([k, x]) => [k, linkish(k, x) ?? (k === "outcome" && typeof x === "string" ? document.createTextNode(outcomeName(x, obj.instance as string | undefined)) : null) ?? (typeof x === "string" && VALUE_PREFIX[k] ? document.createTextNode(tv(VALUE_PREFIX[k], x)) : renderValue(x, depth + 1))]));
}

// Record fields most worth reading first; the rest keep their order after these.
const FIRST = ["case_no", "reg_no", "number", "decision_no", "mark", "title", "court", "authority", "cause", "violation", "doc_type",
  "division", "instance", "decided_on", "filed_on", "registered_on", "granted_on", "outcome", "claimed", "awarded",
  "illegal_revenue", "illegal_gain", "sales_amount", "fine", "transferred_to_police", "status"];
function rank(k: string): number {
  const i = FIRST.indexOf(k);
  return i < 0 ? FIRST.length : i;
}
const VALUE_PREFIX: Record<string, string> = { outcome: "outcome", doc_type: "doctype", division: "division", instance: "instance", role: "role", kind: "kind", family: "family", severity: "sev" };

function linkish(k: string, x: unknown): Node | null {
  if (typeof x !== "string" || !x) return null;
  if (k === "case_no") return recordLink("case", x);
  if (k === "reg_no") return recordLink("trademark", x);
  if (k === "decision_no") return recordLink("penalty", x);
  if (k === "uid" || k === "party_uid" || ((k === "agent" || k === "party") && /^(org|per)-/.test(x))) return h("a", { href: href(["party", x]) }, x);
  if ((k === "sha256" || (k === "source" && /^[0-9a-f]{64}$/.test(x))) && can("sources")) return h("a", { href: href(["source", x]) }, x.slice(0, 16) + "…");
  return null;
}

export function kv(rows: [string, Node | string][]): HTMLElement {
  return h("table", { class: "kv" }, h("tbody", {}, rows.map(([k, v]) => h("tr", {}, h("th", {}, t(k)), h("td", {}, v)))));
}
