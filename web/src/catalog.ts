// The detector catalog, fetched once per session: titles for ids shown in lists.
import { get, type Detector } from "./api";
import { getLang } from "./i18n";

let cache: Promise<Detector[]> | null = null;

export function detectors(): Promise<Detector[]> {
  cache ??= get<Detector[] | { items: Detector[] }>("/detectors")
    .then((r) => (Array.isArray(r) ? r : r.items ?? []))
    .catch((e) => { cache = null; throw e; });
  return cache;
}

/** "中文 / English" texts (detector titles, reasons): the half for the current language. */
export function half(s: string | null | undefined): string {
  if (!s) return "";
  const i = s.lastIndexOf(" / ");
  if (i < 0) return s;
  return getLang() === "en" ? s.slice(i + 3) : s.slice(0, i);
}

/** A flag's reason in the page's language: the rendered English when the flag has one; else the
 * half of a "中文 / English" sentence (flags stored before templates). */
export function reasonText(f: { reason?: string | null; reason_en?: string | null }): string {
  return getLang() === "en" && f.reason_en ? f.reason_en : half(f.reason);
}

export async function titles(): Promise<Map<string, string>> {
  try {
    return new Map((await detectors()).map((d) => [d.id, half(d.title)]));
  } catch {
    return new Map();
  }
}
