// The API client: X-API-Key from sessionStorage, problem+json errors surfaced with their `detail`.
export const BASE = "/api/v1";
const KEY = "ipclue.key";

export interface Me {
  name: string;
  role: string;
}

export class ApiError extends Error {
  constructor(public status: number, public title: string, public detail: string) {
    super(detail || title || `HTTP ${status}`);
  }
}

export function getKey(): string | null {
  return sessionStorage.getItem(KEY);
}

export function setKey(key: string | null): void {
  if (key) sessionStorage.setItem(KEY, key);
  else sessionStorage.removeItem(KEY);
}

let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(fn: () => void): void {
  onUnauthorized = fn;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function qs(params: Query): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== "") u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : "";
}

export async function request<T>(method: string, path: string, opts: { query?: Query; body?: unknown; signal?: AbortSignal; key?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json, application/problem+json" };
  const key = opts.key ?? getKey();
  if (key) headers["X-API-Key"] = key;
  if (opts.body !== undefined) headers["Content-Type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(BASE + path + qs(opts.query ?? {}), {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError(0, "network", String((e as Error).message ?? e));
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!res.ok) {
    const p = (data && typeof data === "object" ? data : {}) as { title?: string; detail?: unknown; errors?: { loc?: unknown[]; msg?: string }[] };
    let detail = p.detail;
    // Validation problems carry the per-field messages in `errors`: show them after the detail.
    if (typeof detail === "string" && Array.isArray(p.errors) && p.errors.length)
      detail = `${detail}: ${p.errors.map((d) => `${(d.loc ?? []).slice(1).join(".")} ${d.msg ?? ""}`.trim()).join("; ")}`;
    // FastAPI's own validation errors come as {detail: [{loc, msg}]}: make them readable too.
    if (Array.isArray(detail)) detail = detail.map((d: { loc?: unknown[]; msg?: string }) => `${(d.loc ?? []).join(".")}: ${d.msg ?? ""}`).join("; ");
    const err = new ApiError(res.status, p.title ?? res.statusText, typeof detail === "string" ? detail : typeof data === "string" ? data : "");
    if (res.status === 401 && !opts.key) onUnauthorized();
    throw err;
  }
  return data as T;
}

export const get = <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>("GET", path, { query, signal });
export const post = <T>(path: string, body: unknown) => request<T>("POST", path, { body });
export const enc = encodeURIComponent;

// ---- shapes (loose on purpose: unknown fields are rendered generically) ----
export interface SourceRef { sha256: string; path?: string }
export interface PartyHit { uid: string; name: string; kind?: string; uscc?: string | null; aliases?: string[]; score?: number; flags?: number | unknown[] }
export interface Mention { id: string; name: string; context?: string; role?: string; source?: SourceRef; span?: [number, number] | { start: number; end: number } | null; rule?: string; score?: number; evidence?: unknown }
export interface CaseRow { case_no: string; role?: string; court?: string; decided_on?: string; outcome?: string; instance?: string; cause?: string }
export interface Party {
  uid: string; name: string; kind?: string; uscc?: string | null; aliases?: string[];
  identifiers?: { addresses?: unknown[]; phones?: unknown[]; emails?: unknown[] };
  mentions?: Mention[]; cases?: CaseRow[]; trademarks?: Record<string, unknown>[]; patents?: Record<string, unknown>[];
  copyrights?: Record<string, unknown>[];
  penalties?: Record<string, unknown>[]; flags?: Record<string, unknown>[];
}
export interface GNode { id: string; label: string; key?: string; name?: string; kind?: string; risk?: string | number | null; generic?: boolean; [k: string]: unknown }
export interface GEdge { id: string; source: string; target: string; type: string; props?: Record<string, unknown> }
export interface Graph { nodes: GNode[]; edges: GEdge[]; collapsed?: { node: string; omitted: number }[] }
export interface Hop { type: string; from: string; to: string; props?: Record<string, unknown>; evidence?: { source?: SourceRef | null; sources?: SourceRef[]; case_no?: string | null; [k: string]: unknown } | null }
export interface PathT { nodes: (GNode | string)[]; hops: Hop[] }
export interface FlagRow { id: string; detector: string; detector_version?: number | string; family?: string; severity?: string; score?: number; status?: string; created_at?: string; reason?: string; subjects?: unknown[]; [k: string]: unknown }
export interface Bi { zh: string; en: string }
export interface EvidenceRow { label: Bi; title: string; ref: { label: string; key: string } | null; sources: string[]; paths: (string | null)[]; fields: { key: string; name: Bi; value: Bi }[] }
export interface FlagDetail extends FlagRow { evidence_view?: EvidenceRow[]; reason_en?: string | null; facts?: Record<string, unknown>; evidence?: Record<string, unknown>[] | { nodes?: GNode[]; edges?: GEdge[] }; subgraph?: { nodes?: GNode[]; edges?: GEdge[] }; provenance?: SourceRef[]; params?: Record<string, unknown>; legal_basis?: string; reviews?: { status: string; note?: string; by?: string; at?: string }[]; title?: string; dependency_summary?: string; stale?: boolean }
export interface Stats { flags_by_detector?: Record<string, number> | { key: string; count: number }[]; flags_by_status?: unknown; flags_by_month?: unknown; flags_by_region?: unknown; totals?: Record<string, number> }
export interface Param { default: unknown; doc?: string; doc_zh?: string | null; type?: "number" | "int" | "bool" | "list" | "map" | "string" | null; min?: number | null; max?: number | null; choices?: unknown[] | null }
export interface Detector { id: string; title: string; family?: string; severity?: string; version?: number | string; legal_basis?: string; description?: string; params?: Record<string, Param>; precision?: number | null | Record<string, unknown> }
export interface SourceDoc { sha256: string; path?: string; text?: string | null; text_status?: string; spans?: { start: number; end: number; label?: string; mention_id?: string | null }[] }
