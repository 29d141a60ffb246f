import { can } from "../auth";
import { get, type Detector, type FlagRow, type Stats } from "../api";
import { detectors, half, reasonText } from "../catalog";
import { barChart, lineChart, pairs, pieChart, type Chart } from "../charts";
import { clear, fmtDate, fmtNum, h } from "../dom";
import { t, tv } from "../i18n";
import { go, href, replaceParams } from "../router";
import { errorBox, loading, section, sevBadge, statusBadge } from "../ui";
import { partyPicker } from "./picker";
import { exportButtons, reportButtons } from "../reports";
import { bulkReview } from "../workflow";

const STATUSES = ["new", "reviewing", "confirmed", "dismissed", "referred"];
const SEVERITIES = ["high", "medium", "low"];
const FILTERS = ["detector", "family", "severity", "status", "party", "since", "until"] as const;

/** Flags dashboard: counts as charts (click to filter), then the filterable, paged list. */
export async function renderFlags(main: HTMLElement, params: URLSearchParams, onLeave: (fn: () => void) => void): Promise<void> {
  const charts: Chart[] = [];
  const onResize = () => charts.forEach((c) => c.resize());
  window.addEventListener("resize", onResize);
  onLeave(() => { window.removeEventListener("resize", onResize); charts.forEach((c) => c.dispose()); });

  main.append(h("h1", {}, t("flags_title")));
  const spin = loading();
  main.append(spin);
  const noStats = { totals: {}, flags_by_detector: {}, flags_by_status: {}, flags_by_month: {}, flags_by_region: {} } as unknown as Stats;
  const [stats, dets] = await Promise.all([
    can("stats") ? get<Stats>("/stats") : Promise.resolve(noStats), // consumers: flags only
    can("detectors") ? detectors().catch(() => [] as Detector[]) : Promise.resolve([] as Detector[]),
  ]);
  spin.remove();
  const title = new Map(dets.map((d) => [d.id, d.title]));
  const detName = (id: string) => (title.get(id) ? `${shortTitle(title.get(id)!)}` : id);

  // ---- filters (state lives in the URL so a filtered view can be shared) ----
  const state: Record<string, string> = {};
  for (const k of FILTERS) state[k] = params.get(k) ?? "";
  const sel = (k: string, opts: [string, string][]) =>
    h("select", { name: k, "data-testid": `f-${k}` }, h("option", { value: "" }, t("any")), opts.map(([v, l]) => h("option", { value: v, selected: state[k] === v }, l)));
  // The party filter is picked by name (the API filters by uid).
  let partyUid = state.party;
  const partyBox = partyPicker(t("party"), "f-party", state.party ? { uid: state.party, name: params.get("party_name") ?? state.party } : null,
    (p) => { partyUid = p?.uid ?? ""; });
  const families = [...new Set(dets.map((d) => d.family).filter(Boolean) as string[])];
  const form = h("form", { class: "card toolbar filters", onsubmit: (ev: Event) => { ev.preventDefault(); readForm(); void load(true); } },
    h("label", {}, t("detector"), sel("detector", dets.map((d) => [d.id, shortTitle(d.title)]))),
    h("label", {}, t("family"), sel("family", families.map((f) => [f, tv("family", f)]))),
    h("label", {}, t("severity"), sel("severity", SEVERITIES.map((s) => [s, tv("sev", s)]))),
    h("label", {}, t("status"), sel("status", STATUSES.map((s) => [s, tv("st", s)]))),
    partyBox.el,
    h("label", {}, t("since"), h("input", { type: "date", name: "since", value: state.since })),
    h("label", {}, t("until"), h("input", { type: "date", name: "until", value: state.until })),
    h("button", { type: "submit", class: "primary", "data-testid": "filter" }, t("filter")),
    h("button", { type: "button", class: "button", onclick: () => { for (const k of FILTERS) state[k] = ""; go(["flags"]); } }, t("reset")));
  function readForm(): void {
    for (const k of FILTERS) state[k] = ((form.elements.namedItem(k) as HTMLInputElement | null)?.value ?? "").trim();
    state.party = partyBox.value()?.uid ?? partyUid;
    replaceParams({ ...state, party_name: partyBox.value()?.name });
  }
  const setFilter = (k: string, v: string) => {
    state[k] = v;
    const el = form.elements.namedItem(k) as HTMLSelectElement | null;
    if (el) el.value = v;
    replaceParams(state);
    void load(true);
  };

  // ---- charts ----
  const totals = stats.totals ?? {};
  const byDet = pairs(stats.flags_by_detector);
  const byStatus = pairs(stats.flags_by_status);
  const byMonth = pairs(stats.flags_by_month).sort((a, b) => a[0].localeCompare(b[0]));
  const byRegion = pairs(stats.flags_by_region).sort((a, b) => b[1] - a[1]).slice(0, 12)
    .map(([k, n]): [string, number] => [k === "unknown" ? t("unknown") : k, n]);
  const box = (cls = "") => h("div", { class: `chart ${cls}` });
  const cDet = box("tall"), cSt = box("tall"), cMonth = box(), cReg = box();
  main.append(
    h("div", { class: "totals", "data-testid": "totals" }, Object.entries(totals).map(([k, v]) =>
      h("div", { class: "total card" }, h("div", { class: "total-n" }, fmtNum(v)), h("div", { class: "muted small" }, t(k))))),
    h("div", { class: "cols" },
      section(t("by_detector"), null, cDet),
      section(t("by_status"), null, cSt)),
    h("div", { class: "cols" },
      section(t("by_month"), null, cMonth),
      byRegion.length ? section(t("by_region"), null, cReg) : null),
  );
  // echarts needs laid-out containers: init after insertion.
  const detPairs: [string, number][] = byDet.map(([k, n]) => [detName(k), n]);
  const detIds = byDet.map(([k]) => k);
  charts.push(barChart(cDet, detPairs, true, (name) => { const i = detPairs.findIndex((p) => p[0] === name); if (i >= 0) setFilter("detector", detIds[i]); }));
  const stPairs: [string, number][] = byStatus.map(([k, n]) => [tv("st", k), n]);
  const ST_COLOURS: Record<string, string> = { new: "#2f6fd0", reviewing: "#e08a12", confirmed: "#c8414b", dismissed: "#9aa3ad", referred: "#7b4fc9" };
  charts.push(pieChart(cSt, stPairs, (name) => { const i = stPairs.findIndex((p) => p[0] === name); if (i >= 0) setFilter("status", byStatus[i][0]); },
    byStatus.map(([k]) => ST_COLOURS[k])));
  charts.push(lineChart(cMonth, byMonth));
  if (byRegion.length) charts.push(barChart(cReg, byRegion, false));

  // ---- list ----
  const tbody = h("tbody", {});
  const selected = new Set<string>();
  const filtersNow = () => { const q: Record<string, string> = {}; for (const k of FILTERS) if (state[k]) q[k] = state[k]; return q; };
  const actions = h("div", { class: "card toolbar", "data-testid": "flag-actions" },
    reportButtons(() => [...selected]), exportButtons(filtersNow),
    can("review") ? bulkReview(() => [...selected], () => { selected.clear(); void load(true); }) : null);
  const more = h("button", { class: "button", "data-testid": "load-more", onclick: () => void load(false) }, t("load_more"));
  const listMsg = h("div", {});
  main.append(form, actions, h("section", { class: "card" },
    h("table", { class: "grid flags", "data-testid": "flag-list" },
      h("thead", {}, h("tr", {}, h("th", {}, ""), [t("detector"), t("severity"), t("status"), t("score"), t("reason"), t("created_at")].map((x) => h("th", {}, x)))),
      tbody),
    listMsg, more));
  let cursor: string | null = null;
  async function load(reset: boolean): Promise<void> {
    if (reset) { clear(tbody); cursor = null; }
    clear(listMsg);
    more.hidden = true;
    const q: Record<string, string> = { limit: "25" };
    for (const k of FILTERS) if (state[k]) q[k] = state[k];
    if (cursor) q.cursor = cursor;
    try {
      const res = await get<{ items: FlagRow[]; next_cursor?: string | null }>("/flags", q);
      for (const f of res.items ?? []) tbody.append(flagRow(f, detName, selected));
      cursor = res.next_cursor ?? null;
      more.hidden = !cursor;
      if (!tbody.children.length) listMsg.append(h("p", { class: "muted empty" }, t("no_flags")));
    } catch (e) {
      listMsg.append(errorBox(e));
    }
  }
  await load(true);
}

export const shortTitle = half;

function subjectText(s: unknown): string {
  if (s == null) return "";
  if (typeof s !== "object") return String(s);
  const o = s as Record<string, unknown>;
  return String(o.name ?? o.key ?? o.uid ?? o.case_no ?? o.reg_no ?? o.id ?? JSON.stringify(o));
}

function flagRow(f: FlagRow, detName: (id: string) => string, selected: Set<string>): HTMLElement {
  const subjects = (f.subjects ?? []).map(subjectText).filter(Boolean);
  const box = h("input", { type: "checkbox", "data-testid": "flag-select", checked: selected.has(String(f.id)),
    onclick: (ev: Event) => ev.stopPropagation(),
    onchange: (ev: Event) => { if ((ev.target as HTMLInputElement).checked) selected.add(String(f.id)); else selected.delete(String(f.id)); } });
  return h("tr", { class: "clickable", "data-testid": "flag-row", onclick: () => go(["flags", String(f.id)]) },
    h("td", { onclick: (ev: Event) => ev.stopPropagation() }, box),
    h("td", {}, h("a", { href: href(["flags", String(f.id)]) }, detName(f.detector))),
    h("td", {}, sevBadge(f.severity)),
    h("td", {}, statusBadge(f.status)),
    h("td", {}, fmtNum(f.score)),
    h("td", { class: "reason", title: subjects.join("\n") }, reasonText(f)),
    h("td", { class: "nowrap" }, fmtDate(f.created_at)));
}
