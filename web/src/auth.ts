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

type Capability = "search" | "graph" | "paths" | "flags" | "review" | "detectors" | "dry_run" | "sources";

// Mirrors ipclue/api/auth.py: Reader = every role; Investigator = investigator, supervisor, admin.
// consumer: reads everything but source texts (and gets masked personal data); no review, no dry run.
const READ: Capability[] = ["search", "graph", "paths", "flags", "detectors"];
const ROLE_CAPS: Record<string, Capability[]> = {
  consumer: READ,
  investigator: [...READ, "sources", "review", "dry_run"],
  supervisor: [...READ, "sources", "review", "dry_run"],
  admin: [...READ, "sources", "review", "dry_run"],
};

export function can(cap: Capability): boolean {
  return !!me && (ROLE_CAPS[me.role] ?? []).includes(cap);
}
