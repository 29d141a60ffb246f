import { enc, get, post, type Detector, type Param } from "../api";
import { can } from "../auth";
import { clear, h } from "../dom";
import { labelName, t, tv } from "../i18n";
import { half } from "../catalog";
import { href } from "../router";
import { nodeRoute } from "../graphview";
import { errorBox, kv, loading, renderValue, sevBadge } from "../ui";
import { shortTitle } from "./flags";

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

function parseParam(raw: string, def: unknown): unknown {
  const s = raw.trim();
  if (typeof def === "number") return s === "" ? def : Number(s);
  if (typeof def === "boolean") return s === "true";
  if (typeof def === "object" && def !== null) {
    try { return JSON.parse(s); } catch { return s; }
  }
  return s;
}

function card(d: Detector): HTMLElement {
  const inputs = new Map<string, HTMLInputElement>();
  const params = Object.entries(d.params ?? {});
  const out = h("div", { class: "dry-out", "data-testid": `dry-out-${d.id}` });
  const rows = params.map(([name, p]) => {
    const def = p?.default;
    const input = h("input", {
      name, class: "param", "data-testid": `param-${d.id}-${name}`,
      value: typeof def === "object" && def !== null ? JSON.stringify(def) : String(def ?? ""),
      type: typeof def === "number" ? "number" : "text", step: typeof def === "number" ? "any" : undefined,
    });
    inputs.set(name, input);
    return h("tr", {}, h("th", { class: "mono" }, name), h("td", {}, input), h("td", { class: "muted small" }, `${t("default")}: ${JSON.stringify(def)}`), h("td", {}, p?.doc ?? "", lawNote(p)));
  });
  const run = async () => {
    clear(out);
    const body: Record<string, unknown> = {};
    for (const [name, p] of params) body[name] = parseParam(inputs.get(name)!.value, p?.default);
    out.append(loading());
    try {
      const r = await post<{ hits: unknown[] }>(`/detectors/${enc(d.id)}/dry-run`, { params: body });
      clear(out);
      const hits = r.hits ?? [];
      out.append(h("p", { class: "hits-n", "data-testid": "hits-count" }, t("hits", { n: hits.length })));
      if (hits.length) out.append(h("ol", { class: "hits" }, hits.slice(0, 50).map((x) => h("li", {}, hitView(x)))));
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
      params.length ? h("button", { class: "button", onclick: () => { for (const [name, p] of params) { const def = p?.default; inputs.get(name)!.value = typeof def === "object" && def !== null ? JSON.stringify(def) : String(def ?? ""); } } }, t("reset_defaults")) : null,
      h("span", { class: "muted small" }, " ", t("dry_run_hint"))) : null,
    out);
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
      o.reason ? h("span", {}, half(String(o.reason))) : null,
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
