// Hash routes (#/party/UID?x=y): the static mount needs no server-side fallback.
export interface Route {
  parts: string[];
  params: URLSearchParams;
}

export function parseHash(hash = location.hash): Route {
  const raw = hash.replace(/^#\/?/, "");
  const [path, query = ""] = raw.split("?", 2);
  return { parts: path.split("/").filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
}

export function href(parts: string[], params: Record<string, string | number | undefined | null> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== "") q.set(k, String(v));
  const qs = q.toString();
  return "#/" + parts.map(encodeURIComponent).join("/") + (qs ? `?${qs}` : "");
}

export function go(parts: string[], params: Record<string, string | number | undefined | null> = {}): void {
  location.hash = href(parts, params);
}

/** Update the query string without triggering a re-render (for state such as filters). */
export function replaceParams(params: Record<string, string | number | undefined | null>): void {
  const r = parseHash();
  history.replaceState(null, "", href(r.parts, params));
}
