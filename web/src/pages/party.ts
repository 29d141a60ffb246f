import { controlSection } from "../control";
import { possibleSection } from "../possible";
import { evidenceText, ruleName } from "../rules";
import { enc, get, type Mention, type Party } from "../api";
import { can } from "../auth";
import { fmtDate, fmtNum, h } from "../dom";
import { outcomeName, relName, t, tv } from "../i18n";
import { reasonText, titles } from "../catalog";
import { href } from "../router";
import { kindBadge, kv, loading, recordLink, type RecordKind, section, sevBadge, sourceLink, statusBadge, table } from "../ui";

function spanOf(m: Mention): { start?: number; end?: number } {
  const s = m.span;
  if (Array.isArray(s)) return { start: s[0], end: s[1] };
  if (s && typeof s === "object") return { start: s.start, end: s.end };
  return {};
}

function str(v: unknown): string {
  if (v == null) return "—";
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    return String(o.value ?? o.text ?? o.address ?? o.phone ?? o.email ?? o.key ?? JSON.stringify(o));
  }
  return String(v);
}

export async function renderParty(main: HTMLElement, uid: string, params?: URLSearchParams): Promise<void> {
  const spin = loading();
  main.append(spin);
  const [p, names] = await Promise.all([get<Party>(`/parties/${enc(uid)}`), titles()]);
  spin.remove();
  document.title = `${p.name} · ipclue`;
  const ids = p.identifiers ?? {};
  const list = (xs: unknown[] | undefined) => (xs?.length ? h("ul", { class: "plain" }, xs.map((x) => h("li", {}, str(x)))) : t("none"));

  main.append(
    h("div", { class: "page-head" },
      h("h1", { "data-testid": "party-name" }, p.name, " ", kindBadge(p.kind)),
      h("div", { class: "actions" },
        can("graph") && h("a", { class: "button primary", href: href(["graph", p.uid]), "data-testid": "open-graph" }, t("open_graph")),
        can("paths") && h("a", { class: "button", href: href(["paths"], { a: p.uid, a_name: p.name }) }, t("find_path_from")))),
    h("div", { class: "cols" },
      section(t("identifiers"), null, kv([
        ["uscc", p.uscc ?? "—"],
        ["aliases", p.aliases?.length ? p.aliases.join("、") : t("none")],
        ["addresses", list(ids.addresses)],
        ["phones", list(ids.phones)],
        ["emails", list(ids.emails)],
        ["uid", h("code", {}, p.uid)],
      ])),
      can("flags") && section(t("flags"), p.flags?.length ?? 0, p.flags?.length
        ? table([t("detector"), t("severity"), t("status"), t("reason")], p.flags.map((f) => [
          h("a", { href: href(["flags", String(f.id)]) }, names.get(String(f.detector)) ?? String(f.detector ?? f.id)),
          sevBadge(f.severity as string), statusBadge(f.status as string), reasonText(f as { reason?: string; reason_en?: string | null })]), "party-flags")
        : h("p", { class: "muted" }, t("none")),
        p.flags?.length ? h("a", { href: href(["flags"], { party: p.uid, party_name: p.name }), class: "small" }, t("all_flags_of_party")) : null),
    ),
    possibleSection(p.uid, params?.get("merged") ?? null),
    section(t("mentions"), p.mentions?.length ?? 0, p.mentions?.length
      ? table([t("mention_name"), t("role"), t("context"), t("rule"), t("evidence"), t("score"), t("source")], p.mentions.map((m) => {
        const sp = spanOf(m);
        return [h("b", {}, m.name), tv("role", m.role), contextCell(m), h("span", { title: m.rule ?? "" }, ruleName(m.rule)), evidenceText(m.evidence), fmtNum(m.score),
          sourceLink(m.source, { mention: m.id, start: sp.start, end: sp.end })];
      }), "mentions")
      : h("p", { class: "muted" }, t("none"))),
    section(t("cases"), p.cases?.length ?? 0, p.cases?.length
      ? table([t("case_no"), t("role"), t("cause"), t("court"), t("decided_on"), t("outcome")], p.cases.map((c) => [
        recordLink("case", c.case_no), tv("role", c.role), c.cause ?? "—", c.court ?? "—", fmtDate(c.decided_on), outcomeName(c.outcome, c.instance)]), "cases")
      : h("p", { class: "muted" }, t("none"))),
    h("div", { class: "cols" },
      section(t("trademarks"), p.trademarks?.length ?? 0, recTable(p.trademarks, "trademark", "reg_no", ["mark", "classes", "status", "relations", "registered_on"])),
      section(t("patents"), p.patents?.length ?? 0, recTable(p.patents, "patent", "number", ["title", "kind", "status", "relations", "filed_on"]))),
    ...(p.copyrights?.length
      ? [section(t("copyrights"), p.copyrights.length, recTable(p.copyrights, "copyright", "reg_no", ["title", "category", "version", "registered_on"]))]
      : []),
    section(t("penalties"), p.penalties?.length ?? 0, recTable(p.penalties, "penalty", "decision_no", ["authority", "decided_on", "violation", "illegal_revenue", "fine", "transferred_to_police"])),
  );
  // 法定代表人 / 股东 / 高管 and 股权穿透, right under the identifiers.
  const control = await controlSection(p.uid).catch(() => null);
  if (control) main.insertBefore(control, main.children[2] ?? null);
}

function contextCell(m: Mention): Node {
  const ctx = m.context ?? "";
  if (!ctx) return document.createTextNode("—");
  // Emphasise the name inside its context where it occurs literally.
  const i = m.name ? ctx.indexOf(m.name) : -1;
  if (i < 0) return h("span", { class: "ctx" }, ctx);
  return h("span", { class: "ctx" }, ctx.slice(0, i), h("mark", {}, m.name), ctx.slice(i + m.name.length));
}

function recTable(rows: Record<string, unknown>[] | undefined, kind: RecordKind, keyField: string, cols: string[]): HTMLElement {
  if (!rows?.length) return h("p", { class: "muted" }, t("none"));
  const present = cols.filter((c) => rows.some((r) => r[c] != null));
  return table([t(keyField), ...present.map((c) => t(c))], rows.map((r) => [
    r[keyField] ? recordLink(kind, String(r[keyField])) : "—",
    ...present.map((c) => {
      const v = r[c];
      if (Array.isArray(v)) return c === "relations" ? v.map((x) => relName(String(x))).join("、") : v.join(", ");
      if (typeof v === "boolean") return v ? "✓" : "✗";
      return typeof v === "number" ? fmtNum(v) : v == null ? "—" : String(v);
    }),
  ]));
}

