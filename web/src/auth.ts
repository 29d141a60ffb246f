// Who is signed in, and what each role may see. The API enforces; the UI only hides.
import { getKey, get, type Me } from "./api";

let me: Me | null = null;

export function currentUser(): Me | null {
  return me;
}

export function setUser(u: Me | null): void {
  me = u;
}

export async function restore(): Promise<Me | null> {
  if (!getKey()) return null;
  try {
    me = await get<Me>("/me");
  } catch {
    me = null;
  }
  return me;
}

type Capability = "search" | "graph" | "paths" | "flags" | "review" | "detectors" | "dry_run" | "sources" | "stats";

// Mirrors the role matrix of ipclue/api/roles.py (the API enforces it; the UI only hides):
// consumer: flags and their evidence (masked); investigator: every read; supervisor and admin: also
// reviews and detector dry runs.
const READ: Capability[] = ["search", "graph", "paths", "flags", "detectors", "sources", "stats"];
const ROLE_CAPS: Record<string, Capability[]> = {
  consumer: ["flags"],
  investigator: READ,
  supervisor: [...READ, "review", "dry_run"],
  admin: [...READ, "review", "dry_run"],
};

export function can(cap: Capability): boolean {
  return !!me && (ROLE_CAPS[me.role] ?? []).includes(cap);
}
