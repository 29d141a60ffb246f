import type { Core } from "cytoscape";
import { enc, get, post, type Bi, type EvidenceRow, type FlagDetail, type GEdge, type GNode, type SourceRef } from "../api";
import { can } from "../auth";
import { clear, fmtDate, fmtNum, h } from "../dom";
import { enumWord, getLang, labelName, relName, t, tv } from "../i18n";
import { href } from "../router";
import { errorBox, kv, loading, section, sevBadge, sourceLink, statusBadge, table } from "../ui";
import { legend, makeCy, nodeRoute, runLayout, toElements } from "../graphview";
import { shortTitle } from "./flags";
import { reasonText } from "../catalog";
import { reportButtons } from "../reports";
import { workflowCard } from "../workflow";

// The engine's review transitions (ipclue.detect.models.TRANSITIONS); the API enforces them.
const NEXT: Record<string, string[]> = {
  new: ["reviewing", "confirmed", "dismissed"],
  reviewing: ["confirmed", "dismissed", "new"],
  confirmed: ["referred", "reviewing", "dismissed"],
  dismissed: ["reviewing", "confirmed"],
  referred: ["reviewing"],
};

/** One flag: reason, rule and legal basis, the evidence graph, and the review form. */
export async function renderFlag(main: HTMLElement, id: string, onLeave: (fn: () => void) => void): Promise<void> {
  const spin = loading();
  main.append(spin);
  const f = await get<FlagDetail>(`/flags/${enc(id)}`);
  spin.remove();
  let cy: Core | null = null;
  onLeave(() => cy?.destroy());

  // The evidence graph: `subgraph` (this API) or `evidence.{nodes,edges}` (the first contract).
  const graph: { nodes: GNode[]; edges: GEdge[] } = f.subgraph?.nodes
    ? { nodes: f.subgraph.nodes, edges: f.subgraph.edges ?? [] }
    : !Array.isArray(f.evidence) && f.evidence?.nodes ? { nodes: f.evidence.nodes, edges: f.evidence.edges ?? [] } : { nodes: [], edges: [] };
  const names = new Map(graph.nodes.map((n) => [`${n.label}:${n.key}`, String(n.name ?? n.key)]));

  const statusHolder = h("span", { "data-testid": "flag-status" }, statusBadge(f.status));
  const subjects = (f.subjects ?? []).map((s) => {
    if (s && typeof s === "object") {
      const o = s as Record<string, unknown>;
      const route = nodeRoute({ ...o, label: o.label ?? (o.uid ? "Party" : undefined), key: o.key ?? o.uid });
      const text = names.get(`${o.label}:${o.key}`) ?? String(o.name ?? o.key ?? o.uid ?? JSON.stringify(o));
      const el = route ? h("a", { href: href(route) }, text) : h("span", {}, text);
      return h("span", {}, h("span", { class: "muted small" }, labelName(String(o.label ?? ""))), " ", el);
    }
    return h("a", { href: href(["party", String(s)]) }, String(s));
  });
  main.append(
    h("div", { class: "page-head" },
      h("h1", {}, shortTitle(String(f.title ?? f.detector)), " ", sevBadge(f.severity), " ", statusHolder),
      h("a", { class: "button", href: href(["flags"]) }, t("back"))),
    h("div", { class: "toolbar" }, reportButtons(() => [f.id])),
    h("div", { class: "cols" },
      section(t("reason"), null,
        h("p", { class: "reason-text", "data-testid": "flag-reason" }, reasonText(f) || "—"),
        ...(f.dependency_summary ? [h("p", { class: "muted small", "data-testid": "flag-dependencies" }, f.dependency_summary)] : []),
        ...(f.stale ? [h("p", { class: "badge", "data-testid": "flag-stale" }, "待重新评估（所依赖的实体合并/拆分已变更）")] : []),
        kv([
          ["rule", h("span", {}, h("a", { href: href(["detectors"], { id: f.detector }) }, f.detector), ` v${f.detector_version ?? "?"}`)],
          ["legal_basis", h("span", { "data-testid": "legal-basis" }, f.legal_basis ?? "—")],
          ["family", tv("family", f.family)],
          ["score", fmtNum(f.score)],
          ["created_at", fmtDate(f.created_at)],
          ["subjects", subjects.length ? h("span", { class: "subjects" }, ...subjects.flatMap((s, i) => (i ? ["；", s] : [s]))) : "—"],
          ...(f.params && Object.keys(f.params).length ? [["params", paramsView(f.params)] as [string, Node]] : []),
        ])),
      reviewCard(f, statusHolder)),
  );
  if (can("review")) main.append(await workflowCard(f.id).catch((e: unknown) => errorBox(e)));
  const canvas = h("div", { class: "cy small-cy", "data-testid": "evidence-graph" });
  main.append(section(t("evidence_graph"), graph.nodes.length, canvas, legend()));
  if (graph.nodes.length) {
    cy = makeCy(canvas, toElements({ nodes: graph.nodes, edges: graph.edges }));
    (window as unknown as { __ipclueCy: Core }).__ipclueCy = cy;
    cy.on("tap", "node", (e) => { const r = nodeRoute(e.target.data()); if (r) location.hash = href(r); });
    runLayout(cy, false, "cose");
  } else canvas.replaceWith(h("p", { class: "muted" }, t("none")));

  if (f.evidence_view?.length) main.append(section(t("evidence"), f.evidence_view.length, evidenceRows(f.evidence_view)));
  else if (Array.isArray(f.evidence) && f.evidence.length) main.append(section(t("evidence"), f.evidence.length, evidenceTable(f.evidence, names)));
  if (f.provenance?.length) main.append(section(t("source"), f.provenance.length,
    h("ul", { class: "plain" }, f.provenance.map((s: SourceRef) => h("li", {}, sourceLink(s), " ", h("span", { class: "muted small mono" }, s.sha256.slice(0, 16)))))));
  if (f.reviews?.length) main.append(section(t("history"), f.reviews.length, h("ul", { class: "plain history", "data-testid": "history" },
    f.reviews.map((r) => h("li", {}, fmtDate(r.at), " · ", r.by ?? "", " · ", statusBadge(r.status), " ", r.note ?? "")))));
}

/** The parameters the flag was raised with: enum values in words, pairs in brackets, maps as k=v. */
function paramsView(params: Record<string, unknown>): HTMLElement {
  const text = (v: unknown): string => Array.isArray(v) ? v.map((x) => (Array.isArray(x) ? `（${x.map(enumWord).join("，")}）` : enumWord(x))).join("、")
    : v && typeof v === "object" ? Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}=${text(x)}`).join("，")
    : typeof v === "boolean" ? t(v ? "yes" : "no") : String(v);
  return h("table", { class: "kv small", "data-testid": "flag-params" }, h("tbody", {}, Object.entries(params).map(([k, v]) => h("tr", {}, h("th", { class: "mono" }, k), h("td", {}, text(v))))));
}

const pick = (b: Bi): string => (getLang() === "en" ? b.en : b.zh);

/** The evidence's display form (API `evidence_view`): kind, name (linked), labelled facts, sources. */
function evidenceRows(rows: EvidenceRow[]): HTMLElement {
  return table([t("kind"), t("ev_item"), t("details"), t("source")], rows.map((r) => {
    const route = r.ref ? nodeRoute({ label: r.ref.label, key: r.ref.key }) : null;
    const facts = r.fields.map((f) => h("div", { class: "ev-field" }, h("span", { class: "muted" }, `${pick(f.name)}：`), pick(f.value)));
    return [
      pick(r.label) || "—",
      route ? h("a", { href: href(route) }, r.title) : r.title || "—",
      facts.length ? h("div", { class: "small" }, ...facts) : "—",
      r.sources.length ? h("span", {}, ...r.sources.flatMap((sha, i) => [i ? " " : "", sourceLink({ sha256: sha, path: r.paths[i] ?? r.paths[0] ?? undefined })])) : "—",
    ];
  }), "evidence");
}

function evidenceTable(items: Record<string, unknown>[], names: Map<string, string>): HTMLElement {
  const shown = new Set(["label", "key", "source", "sources", "path", "sections"]);
  return table([t("kind"), t("key"), t("source"), t("details")], items.map((it) => {
    const label = String(it.label ?? "");
    const key = String(it.key ?? "");
    const route = nodeRoute({ label, key });
    const keyText = names.get(`${label}:${key}`)
      ?? (key.includes(" → ") ? key.split(" → ").map((k) => names.get(`Party:${k.trim()}`) ?? k.trim()).join(" → ") : key);
    const shas = typeof it.source === "string" ? [it.source] : Array.isArray(it.sources) ? (it.sources as string[]) : [];
    const paths = Array.isArray(it.path) ? (it.path as string[]) : [it.path as string | undefined];
    const rest = Object.fromEntries(Object.entries(it).filter(([k, v]) => !shown.has(k) && v != null && v !== ""));
    return [
      label === label.toUpperCase() ? relName(label) : labelName(label) || "—",
      route ? h("a", { href: href(route) }, keyText) : keyText || "—",
      shas.length ? h("span", {}, ...shas.flatMap((sha, i) => [i ? " " : "", sourceLink({ sha256: sha, path: paths[i] ?? paths[0] })])) : "—",
      Object.keys(rest).length ? h("span", { class: "small" }, Object.entries(rest).map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`).join("；")) : "—",
    ];
  }), "evidence");
}

function reviewCard(f: FlagDetail, statusHolder: HTMLElement): HTMLElement | null {
  if (!can("review")) return null;
  let current = f.status ?? "new";
  const select = h("select", { name: "status", "data-testid": "review-status" });
  const fill = () => {
    clear(select);
    const opts = NEXT[current] ?? ["reviewing", "confirmed", "dismissed", "referred"];
    for (const s of opts) select.append(h("option", { value: s }, tv("st", s)));
    select.disabled = opts.length === 0;
  };
  fill();
  const note = h("textarea", { name: "note", rows: 3, placeholder: t("note_ph"), "data-testid": "review-note", maxlength: 4000 });
  const msg = h("div", { "data-testid": "review-msg" });
  const form = h("form", {
    class: "review", onsubmit: async (ev: Event) => {
      ev.preventDefault();
      clear(msg);
      try {
        const res = await post<{ status?: string }>(`/flags/${enc(String(f.id))}/review`, { status: select.value, note: note.value.trim() });
        current = res?.status ?? select.value;
        clear(statusHolder);
        statusHolder.append(statusBadge(current));
        note.value = "";
        fill();
        msg.append(h("div", { class: "ok-box" }, `${t("saved")}: ${tv("st", current)}`));
      } catch (e) {
        msg.append(errorBox(e));
      }
    },
  },
  h("p", { class: "muted small" }, `${t("status")}: `, tv("st", current)),
  h("label", {}, t("status"), select),
  h("label", {}, t("note"), note),
  h("button", { type: "submit", class: "primary", "data-testid": "review-submit" }, t("submit")),
  msg);
  return section(t("review"), null, form);
}
