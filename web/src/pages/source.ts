import { enc, get, type SourceDoc } from "../api";
import { h } from "../dom";
import { t } from "../i18n";
import { kv, loading, section } from "../ui";

/** The source text with every span highlighted; the span asked for (mention id or offsets) is focused. */
export async function renderSource(main: HTMLElement, sha: string, params: URLSearchParams): Promise<void> {
  const spin = loading();
  main.append(spin);
  const doc = await get<SourceDoc>(`/sources/${enc(sha)}`);
  spin.remove();
  const wantId = params.get("mention");
  const wantStart = params.has("start") ? Number(params.get("start")) : null;
  const wantEnd = params.has("end") ? Number(params.get("end")) : null;
  const text = doc.text ?? "";
  if (doc.text == null) {
    main.append(h("h1", {}, t("source_title")), section(doc.path ?? doc.sha256, null,
      kv([["source", doc.path ?? "—"], ["sha256", h("code", {}, doc.sha256)], ["status", doc.text_status ?? "—"]]),
      h("p", { class: "muted" }, t("text_unavailable"))));
    return;
  }
  const spans = [...(doc.spans ?? [])].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
  if (wantStart != null && wantEnd != null && wantEnd > wantStart && !spans.some((s) => s.start === wantStart && s.end === wantEnd))
    spans.push({ start: wantStart, end: wantEnd, label: "mention", mention_id: wantId });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);

  const pre = h("pre", { class: "source-text", "data-testid": "source-text" });
  let pos = 0;
  let focus: HTMLElement | null = null;
  for (const s of spans) {
    if (s.start < pos) continue; // nested/overlapping spans: keep the outer one
    pre.append(text.slice(pos, s.start));
    const isWanted = (wantId && s.mention_id === wantId) || (s.start === wantStart && s.end === wantEnd);
    const m = h("mark", { class: `span span-${s.label ?? "x"}${isWanted ? " focus" : ""}`, title: s.label ?? "" }, text.slice(s.start, s.end));
    if (isWanted && !focus) focus = m;
    pre.append(m);
    pos = s.end;
  }
  pre.append(text.slice(pos));
  const labels = [...new Set(spans.map((s) => s.label ?? "x"))];
  main.append(
    h("div", { class: "page-head" }, h("h1", {}, t("source_title")), h("button", { class: "button", onclick: () => history.back() }, t("back"))),
    section(doc.path ?? doc.sha256, null,
      kv([["source", doc.path ?? "—"], ["sha256", h("code", {}, doc.sha256)], ["spans", h("span", {}, String(spans.length), " ", ...labels.map((l) => h("mark", { class: `span span-${l} legend-mark` }, l)))]]),
      pre),
  );
  if (focus) setTimeout(() => focus!.scrollIntoView({ block: "center" }), 50);
}
