// Report and export buttons: 线索审查报告 / 线索移送函 (PDF, DOCX) for a flag or a selection, and the flag
// list with its filters as CSV / XLSX. Files come through fetch (the API key is a header), then download.
import { ApiError, BASE, getKey, qs } from "./api";
import { download, h } from "./dom";
import { getLang } from "./i18n";

const W: Record<string, [string, string]> = {
  review_pdf: ["审查报告 PDF", "Review report PDF"],
  review_docx: ["审查报告 Word", "Review report DOCX"],
  referral_pdf: ["移送函 PDF", "Referral letter PDF"],
  referral_docx: ["移送函 Word", "Referral letter DOCX"],
  export_csv: ["导出 CSV", "Export CSV"],
  export_xlsx: ["导出 Excel", "Export XLSX"],
  reports: ["报告", "Reports"],
  export: ["导出", "Export"],
  none_selected: ["请先勾选线索", "Select flags first"],
  working: ["正在生成…", "Generating…"],
};
export const w = (k: string): string => W[k][getLang() === "zh" ? 0 : 1];

async function fetchFile(path: string, init: RequestInit = {}): Promise<void> {
  const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
  const key = getKey();
  if (key) headers["X-API-Key"] = key;
  const res = await fetch(BASE + path, { ...init, headers });
  if (!res.ok) {
    const p = await res.json().catch(() => ({}) as { title?: string; detail?: string });
    throw new ApiError(res.status, p.title ?? res.statusText, typeof p.detail === "string" ? p.detail : "");
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "ipclue-report";
  download(name, await res.blob());
}

function button(label: string, testid: string, run: () => Promise<void>, status: HTMLElement): HTMLElement {
  const b = h("button", { type: "button", class: "button", "data-testid": testid }, label) as HTMLButtonElement;
  b.onclick = async () => {
    b.disabled = true;
    status.textContent = w("working");
    try {
      await run();
      status.textContent = "";
    } catch (e) {
      status.textContent = e instanceof Error ? e.message : String(e);
    } finally {
      b.disabled = false;
    }
  };
  return b;
}

/** Four buttons: review report / referral letter, each as PDF or DOCX, over `ids()` (one flag or a selection). */
export function reportButtons(ids: () => string[]): HTMLElement {
  const status = h("span", { class: "muted small", "data-testid": "report-status" });
  const make = (kind: string, format: string) => button(w(`${kind}_${format}`), `report-${kind}-${format}`, async () => {
    const chosen = ids();
    if (!chosen.length) throw new Error(w("none_selected"));
    if (chosen.length === 1) return fetchFile(`/flags/${encodeURIComponent(chosen[0])}/report${qs({ format, kind })}`);
    return fetchFile("/reports", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ flags: chosen, format, kind }) });
  }, status);
  return h("span", { class: "report-buttons", "data-testid": "report-buttons" },
    h("span", { class: "muted small" }, w("reports"), " "), make("review", "pdf"), make("review", "docx"),
    make("referral", "pdf"), make("referral", "docx"), " ", status);
}

/** CSV and XLSX export of the flag list with the filters `filters()` returns. */
export function exportButtons(filters: () => Record<string, string>): HTMLElement {
  const status = h("span", { class: "muted small" });
  const make = (format: string) => button(w(`export_${format}`), `export-${format}`,
    () => fetchFile(`/exports/flags${qs({ ...filters(), format })}`), status);
  return h("span", { class: "export-buttons" }, make("csv"), make("xlsx"), " ", status);
}
