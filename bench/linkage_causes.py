"""Why a true person pair was left in two parties, from what the graph shows of the two parties.

Used by ``linkage_quality``. The truth only says the two parties are one person; the cause is read
from the graph the resolver built, with the group pass's own notion of a link (``groups``):

- ``shell_pattern``: same full name, both hold management roles (法定代表人, shareholder, officer), and
  no link between their organisations. This is what every planted namesake looks like (the
  generator puts namesakes at unrelated companies), so no merge rule can find these pairs without
  also finding the namesakes: they bound the reachable recall (the group pass offers the rare
  names among them, 法定代表人 in one city, as possible matches for review).
- ``group_companies``: the organisations are linked by structure (same organisation, branch,
  shareholder chain); ``weak_link``: only a shared 字号, phone or address; ``conflict``: a birth date
  or ID fragment differs; ``no_roles``: one side holds no role at an organisation (or no
  management role, and no link).
"""

from __future__ import annotations

from typing import Any

from ipclue.cypher import query
from ipclue.graph.db import Graph
from ipclue.graph.resolution.corroborate import read_org_links, read_people
from ipclue.graph.resolution.groups import STRUCTURAL, OrgLinks, Person, conflict, link_strength

INDISTINGUISHABLE = "shell_pattern"
MANAGEMENT = frozenset({"LEGAL_REP_OF", "SHAREHOLDER_OF", "OFFICER_OF"})  # 法定代表人, shareholder, officer


class Causes:
    """The cause of a missed pair of parties (by uid), read once from the graph."""

    def __init__(self, graph: Graph) -> None:
        names = read_people(graph)
        self.people: dict[str, Person] = {p.uid: p for ps, _ in names.values() for p in ps}
        orgs = sorted({r.org for p in self.people.values() for r in p.roles})
        self.links: OrgLinks = read_org_links(graph, orgs)
        rows = graph.read(query("resolve/places_get"))
        self.places = frozenset(rows[0]["places"] or []) if rows else frozenset()

    def __call__(self, a: str, b: str) -> str:
        p, q = self.people.get(a), self.people.get(b)
        if p is None or q is None:
            return "no_roles"
        if conflict(p, q, set()):
            return "conflict"
        hit = link_strength(p, q, self.links, self.places)
        if hit is None:
            return INDISTINGUISHABLE if _manages(p) and _manages(q) else "no_roles"
        return "group_companies" if hit[1] in STRUCTURAL else "weak_link"


def _manages(p: Person) -> bool:
    return any(r.role in MANAGEMENT for r in p.roles)


def ceiling(person: dict[str, Any], by_cause: dict[str, int]) -> dict[str, Any]:
    """The person recall if every missed pair but the indistinguishable ones were found
    (``recall_ceiling``), and if the anonymised ones also stay apart, as they do by design
    (``recall_ceiling_by_design``: never linked across documents)."""
    true = person["true_pairs"]
    found = round(person["recall"] * true)
    shells = by_cause.get(INDISTINGUISHABLE, 0)
    anon = by_cause.get("anonymised", 0)
    return {
        "recall": person["recall"],
        "recall_ceiling": (true - shells) / true if true else 1.0,
        "recall_ceiling_by_design": (true - shells - anon) / true if true else 1.0,
        "missed": true - found,
        "indistinguishable_from_namesakes": shells,
    }


def namesake_causes(
    causes: Causes, uids: dict[str, set[str]], planted: list[dict[str, Any]]
) -> dict[str, int]:
    """The planted namesakes by the same causes (a check: they should all look ``shell_pattern``)."""
    out: dict[str, int] = {}
    for n in planted:
        a, b = sorted(uids.get(n["a"], set())), sorted(uids.get(n["b"], set()))
        kind = causes(a[0], b[0]) if a and b and a[0] != b[0] else "unseen_or_merged"
        out[kind] = out.get(kind, 0) + 1
    return dict(sorted(out.items()))
