import { enc, get, type SourceRef } from "../api";
import { h } from "../dom";
import { labelName, t } from "../i18n";
import { href } from "../router";
import { kindBadge, loading, renderValue, section, sourceLink, table } from "../ui";

const ROUTES: Record<string, string> = { case: "cases", trademark: "trademarks", patent: "patents", copyright: "copyrights", penalty: "penalties" };

interface RecordOut {
  record?: Record<string, unknown>;
  parties?: Record<string, unknown>[];
  sources?: SourceRef[];
  [k: string]: unknown;
}

/** Cases, trademarks, patents, copyrights and penalties: the record, its parties (linked) and its sources. */
export async function renderRecord(main: HTMLElement, kind: string, id: string): Promise<void> {
  const base = ROUTES[kind];
  if (!base) throw new Error(`unknown record kind ${kind}`);
  const spin = loading();
  main.append(spin);
  const rec = await get<RecordOut>(`/${base}/${enc(id)}`);
  spin.remove();
  const body = rec.record ?? rec;
  const title = String(body.mark ?? body.title ?? body.cause ?? body.violation ?? "");
  main.append(
    h("div", { class: "page-head" }, h("h1", { "data-testid": "record-title" }, t(base), " ", h("span", {}, id), title ? `  ${title}` : ""),
      h("button", { class: "button", onclick: () => history.back() }, t("back"))),
  );
  main.append(section(t("record"), null, renderValue(body)));
  if (rec.parties?.length) main.append(section(t("party"), rec.parties.length, table([t("party"), t("kind"), t("role")],
    rec.parties.map((p) => [
      p.uid ? h("a", { href: href(["party", String(p.uid)]) }, String(p.name ?? p.uid)) : String(p.name ?? "—"),
      kindBadge(p.kind as string),
      String(p.role_text ?? p.role ?? "—"),
    ]))));
  const extra = Object.entries(rec).filter(([k, v]) => !["record", "parties", "sources"].includes(k) && Array.isArray(v) && v.length);
  for (const [k, v] of extra) main.append(section(labelName(k) === k ? t(k) : labelName(k), (v as unknown[]).length, renderValue(v)));
  if (rec.sources?.length) main.append(section(t("source"), rec.sources.length, h("ul", { class: "plain" }, rec.sources.map((s) => h("li", {}, sourceLink(s))))));
}
