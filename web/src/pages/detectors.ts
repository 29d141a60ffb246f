import { enc, get, post, type Detector, type Param } from "../api";
import { can } from "../auth";
import { clear, h } from "../dom";
import { enumWord, getLang, labelName, t, tv } from "../i18n";
import { href } from "../router";
import { nodeRoute } from "../graphview";
import { errorBox, kv, loading, renderValue, sevBadge } from "../ui";
import { shortTitle } from "./flags";
import { reasonText } from "../catalog";

/** Detector catalog: description, legal basis, params, precision; dry run with edited params. */
export async function renderDetectors(main: HTMLElement, focus?: string | null): Promise<void> {
  main.append(h("h1", {}, t("detectors_title")));
  const spin = loading();
  main.append(spin);
  const res = await get<Detector[] | { items: Detector[]; errors?: unknown[] }>("/detectors");
  spin.remove();
  const dets = Array.isArray(res) ? res : res.items ?? [];
  if (!dets.length) main.append(h("p", { class: "muted" }, t("none")));
  for (const d of dets) main.append(card(d));
  const errors = Array.isArray(res) ? [] : ((res as { errors?: { path: string; error: string }[] }).errors ?? []);
  if (errors.length) main.append(h("section", { class: "card" }, h("h2", {}, t("error")), h("ul", { class: "plain" }, errors.map((e) => h("li", {}, h("code", {}, e.path), " ", e.error)))));
  if (focus) main.querySelector(`[data-testid="detector-${CSS.escape(focus)}"]`)?.scrollIntoView();
}

function precisionText(p: Detector["precision"]): string {
  if (p == null) return t("not_measured");
  if (typeof p === "number") return `${(p <= 1 ? p * 100 : p).toFixed(1)}%`;
  const o = p as Record<string, unknown>;
  const v = o.value ?? o.precision;
  const n = o.n ?? o.sample ?? o.support;
  if (typeof v === "number") return `${(v <= 1 ? v * 100 : v).toFixed(1)}%${n != null ? ` (n=${n})` : ""}`;
  return JSON.stringify(p);
}

/** One parameter's form control, by its declared type: a checkbox, a number box with its bounds,
 * a choice list, one line per list item, one box per key of a map. `read` gives the typed value
 * (an entry that does not parse is sent as typed, so the server names it in its 422). */
interface Control { el: HTMLElement; read: () => unknown; reset: () => void }

function numberBox(testid: string, value: unknown, p: Param, int: boolean): Control {
  const input = h("input", { type: "number", class: "param", "data-testid": testid, step: int ? "1" : "any", min: p.min ?? undefined, max: p.max ?? undefined });
  const reset = () => { input.value = value == null ? "" : String(value); };
  reset();
  return { el: input, reset, read: () => (input.value.trim() !== "" && Number.isFinite(Number(input.value)) ? Number(input.value) : input.value) };
}

const choiceLabel = enumWord;

function itemText(item: unknown): string {
  return Array.isArray(item) ? item.join(", ") : String(item);
}

function parseItem(line: string, model: unknown): unknown {
  if (Array.isArray(model)) return line.split(/[,，]/).map((x) => x.trim()).filter(Boolean);
  if (typeof model === "number") return Number.isFinite(Number(line)) ? Number(line) : line;
  return line;
}

/** A list of tuples whose elements come from `choices` (role pairs): one row of selects per tuple. */
function tuplesControl(testid: string, def: unknown[][], choices: unknown[]): Control {
  const width = def[0]?.length ?? 2;
  const body = h("div", { class: "tuples", "data-testid": testid });
  const addRow = (tuple: unknown[]) => {
    const selects = Array.from({ length: width }, (_, i) => {
      const sel = h("select", { class: "param" }, choices.map((c) => h("option", { value: String(c) }, choiceLabel(c))));
      sel.value = String(tuple[i] ?? choices[0]);
      return sel;
    });
    const row = h("div", { class: "tuple" }, ...selects.flatMap((x, i) => (i ? [" ↔ ", x] : [x])), " ",
      h("button", { type: "button", class: "button small", title: t("remove"), onclick: () => row.remove() }, "×"));
    body.insertBefore(row, add);
  };
  const add = h("button", { type: "button", class: "button small", onclick: () => addRow([]) }, t("add_row"));
  body.append(add);
  const reset = () => { body.querySelectorAll(".tuple").forEach((r) => r.remove()); def.forEach(addRow); };
  reset();
  return { el: body, reset, read: () => [...body.querySelectorAll(".tuple")].map((r) => [...r.querySelectorAll("select")].map((x) => x.value)) };
}

function listControl(testid: string, p: Param): Control {
  const def = Array.isArray(p.default) ? (p.default as unknown[]) : [];
  if (p.choices?.length && Array.isArray(def[0])) return tuplesControl(testid, def as unknown[][], p.choices);
  if (p.choices?.length) {
    const boxes = p.choices.map((c) => ({ c, box: h("input", { type: "checkbox", value: String(c), "data-testid": `${testid}-${String(c)}` }) }));
    const reset = () => { for (const b of boxes) b.box.checked = def.includes(b.c); };
    reset();
    return { el: h("div", { class: "choices", "data-testid": testid }, boxes.map((b) => h("label", { class: "choice" }, b.box, " ", choiceLabel(b.c)))), reset,
      read: () => boxes.filter((b) => b.box.checked).map((b) => b.c) };
  }
  const area = h("textarea", { class: "param", rows: Math.min(6, Math.max(2, def.length)), "data-testid": testid, title: t("one_per_line") });
  const reset = () => { area.value = def.map(itemText).join("\n"); };
  reset();
  return { el: h("div", {}, area, h("div", { class: "muted small" }, Array.isArray(def[0]) ? t("one_pair_per_line") : t("one_per_line"))), reset,
    read: () => area.value.split("\n").map((x) => x.trim()).filter(Boolean).map((x) => parseItem(x, def[0])) };
}

function mapControl(testid: string, p: Param): Control {
  const def = (p.default ?? {}) as Record<string, unknown>;
  const subs = Object.entries(def).map(([k, v]) => [k, typeof v === "number" ? numberBox(`${testid}-${k}`, v, { default: v }, false) : textBox(`${testid}-${k}`, v)] as const);
  return { el: h("table", { class: "kv sub" }, h("tbody", {}, subs.map(([k, c]) => h("tr", {}, h("th", { class: "mono" }, k), h("td", {}, c.el))))),
    reset: () => subs.forEach(([, c]) => c.reset()), read: () => Object.fromEntries(subs.map(([k, c]) => [k, c.read()])) };
}

function textBox(testid: string, value: unknown, choices?: unknown[] | null): Control {
  if (choices?.length) {
    const select = h("select", { class: "param", "data-testid": testid }, choices.map((c) => h("option", { value: String(c) }, choiceLabel(c))));
    const reset = () => { select.value = String(value ?? ""); };
    reset();
    return { el: select, reset, read: () => select.value };
  }
  const input = h("input", { type: "text", class: "param", "data-testid": testid });
  const reset = () => { input.value = value == null ? "" : String(value); };
  reset();
  return { el: input, reset, read: () => input.value };
}

export function paramControl(detector: string, name: string, p: Param): Control {
  const testid = `param-${detector}-${name}`;
  const type = p.type ?? (typeof p.default === "boolean" ? "bool" : typeof p.default === "number" ? "number" : Array.isArray(p.default) ? "list" : typeof p.default === "object" && p.default ? "map" : "string");
  if (type === "bool") {
    const box = h("input", { type: "checkbox", class: "param", "data-testid": testid });
    const reset = () => { box.checked = p.default === true; };
    reset();
    return { el: box, reset, read: () => box.checked };
  }
  if (type === "int" || type === "number") return numberBox(testid, p.default, p, type === "int");
  if (type === "list") return listControl(testid, p);
  if (type === "map") return mapControl(testid, p);
  return textBox(testid, p.default, p.choices);
}

function defaultText(p: Param): string {
  const def = p.default;
  if (typeof def === "boolean") return def ? t("yes") : t("no");
  if (Array.isArray(def)) return def.map((x) => (Array.isArray(x) ? `(${x.map(choiceLabel).join("，")})` : choiceLabel(x))).join("、");
  if (def && typeof def === "object") return Object.entries(def as Record<string, unknown>).map(([k, v]) => `${k}=${String(v)}`).join("，");
  return String(def ?? "");
}

function boundsText(p: Param): string {
  if (p.min == null && p.max == null) return "";
  return `${t("range")}: ${p.min ?? "…"} – ${p.max ?? "…"}`;
}

function card(d: Detector): HTMLElement {
  const params = Object.entries(d.params ?? {});
  const controls = new Map(params.map(([name, p]) => [name, paramControl(d.id, name, p)]));
  const out = h("div", { class: "dry-out", "data-testid": `dry-out-${d.id}` });
  const rows = params.map(([name, p]) => h("tr", {},
    h("th", { class: "mono" }, name),
    h("td", {}, controls.get(name)!.el),
    h("td", { class: "muted small" }, `${t("default")}: ${defaultText(p)}`, boundsText(p) ? h("div", {}, boundsText(p)) : null),
    h("td", { "data-testid": `doc-${d.id}-${name}` }, docText(p), lawNote(p))));
  const run = async () => {
    clear(out);
    const body = Object.fromEntries(params.map(([name]) => [name, controls.get(name)!.read()]));
    out.append(loading());
    try {
      const r = await post<DryRunResult>(`/detectors/${enc(d.id)}/dry-run`, { params: body });
      clear(out);
      out.append(dryRunView(r));
    } catch (e) {
      clear(out);
      out.append(errorBox(e));
    }
  };
  return h("section", { class: "card detector", "data-testid": `detector-${d.id}` },
    h("h2", {}, shortTitle(d.title), " ", sevBadge(d.severity), h("span", { class: "muted small mono" }, `${d.id} v${d.version ?? "?"}`)),
    h("div", { class: "muted small" }, d.title),
    h("p", {}, d.description ?? ""),
    kv([
      ["family", tv("family", d.family)],
      ["legal_basis", d.legal_basis ?? "—"],
      ["precision", precisionText(d.precision)],
    ]),
    params.length ? h("table", { class: "grid params" },
      h("thead", {}, h("tr", {}, [t("param"), t("value"), t("default"), t("doc")].map((x) => h("th", {}, x)))),
      h("tbody", {}, rows)) : null,
    can("dry_run") ? h("div", { class: "dry" },
      h("button", { class: "primary", "data-testid": `dry-run-${d.id}`, onclick: () => void run() }, t("dry_run")), " ",
      params.length ? h("button", { class: "button", onclick: () => { for (const c of controls.values()) c.reset(); } }, t("reset_defaults")) : null,
      h("span", { class: "muted small" }, " ", t("dry_run_hint"))) : null,
    out);
}

/** The meaning in the page's language: doc_zh on the Chinese page (the English doc as its tooltip). */
function docText(p: Param): Node {
  if (getLang() === "en" || !p.doc_zh) return document.createTextNode(p.doc ?? "");
  return h("span", { title: p.doc ?? "" }, p.doc_zh);
}

interface DryRunResult { hits?: unknown[]; compared?: { new: string[]; unchanged: string[]; rescored?: string[]; gone: { id: string; status?: string; reason?: string; reason_en?: string | null }[] } }

/** Hits, each marked new or already stored, then the stored flags this run would no longer raise. */
function dryRunView(r: DryRunResult): HTMLElement {
  const hits = r.hits ?? [];
  const cmp = r.compared;
  const fresh = new Set(cmp?.new ?? []);
  const box = h("div", {},
    h("p", { class: "hits-n", "data-testid": "hits-count" }, t("hits", { n: hits.length })),
    cmp ? h("p", { class: "small", "data-testid": "dry-compare" }, t("dry_compare", { n: cmp.new.length, u: cmp.unchanged.length, g: cmp.gone.length })) : null);
  if (hits.length) box.append(h("ol", { class: "hits" }, hits.slice(0, 50).map((x) => {
    const id = String((x as { flag_id?: string }).flag_id ?? "");
    const tag = cmp ? h("span", { class: `badge ${fresh.has(id) ? "sev-medium" : ""}`, "data-testid": "hit-compare" }, fresh.has(id) ? t("cmp_new") : t("cmp_unchanged")) : null;
    return h("li", {}, tag, " ", hitView(x));
  })));
  if (cmp?.gone.length) box.append(h("div", { "data-testid": "dry-gone" }, h("h3", {}, t("cmp_gone")),
    h("ul", { class: "plain" }, cmp.gone.slice(0, 50).map((g) => h("li", {}, h("a", { href: href(["flag", g.id]) }, reasonText(g) || g.id), " ", h("span", { class: "muted small" }, tv("st", g.status)))))));
  return box;
}

function lawNote(p: Param | undefined): HTMLElement | null {
  if (!p) return null;
  const o = p as Param & { law?: string | null; effective_from?: string | null; effective_to?: string | null; unverified?: boolean };
  if (!o.law && !o.effective_from && !o.unverified) return null;
  return h("div", { class: "muted small" },
    o.law ? `${t("law")}: ${o.law}` : "",
    o.effective_from || o.effective_to ? `  ${t("effective")}: ${o.effective_from ?? "…"} — ${o.effective_to ?? "…"}` : "",
    o.unverified ? h("span", { class: "badge sev-medium" }, t("unverified")) : null);
}

function hitView(x: unknown): Node {
  if (x && typeof x === "object") {
    const o = x as Record<string, unknown>;
    const subjects = Array.isArray(o.subjects) ? (o.subjects as Record<string, unknown>[]) : [];
    return h("div", {},
      o.reason ? h("span", {}, reasonText(o as { reason?: string; reason_en?: string | null })) : null,
      o.score != null ? h("span", { class: "muted small" }, `  ${t("score")} ${Number(o.score).toFixed(2)}`) : null,
      subjects.length ? h("div", { class: "small" }, subjects.map((s, i) => {
        const route = nodeRoute(s);
        const text = `${labelName(String(s.label ?? ""))} ${String(s.key ?? "")}`;
        return [i ? "；" : "", route ? h("a", { href: href(route), class: "mono" }, text) : h("span", { class: "mono" }, text)];
      })) : null,
      !subjects.length && !o.reason ? renderValue(o) : null);
  }
  return document.createTextNode(String(x));
}
