"""The group pass of a bulk first load, planned from the folded tables while the importer runs.

``derive``'s group pass reads every same-name person with roles, the links among their
organisations and the place names from the graph, then plans (``groups.plan``): on the freshly
imported, cold server those reads are most of its time. The folded tables hold the same graph, so
the bulk load plans here, in the Python process the importer leaves idle, reproducing what the
derive steps before the group pass leave for it to read (``bulk_derive``: the generic flags of
addresses and phones and the derived ``BRANCH_OF``, written into the import files when the bulk load
precomputes those steps, else left to the server's derive). After the import the plan is applied as
``corroborate.apply`` applies the server's own: only when the server's generic identifiers and
derived branches are the ones predicted here and it holds no rejected pair (otherwise the group pass
runs as always).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ipclue.cypher import query
from ipclue.graph.bulk_csv import Kept, kept_relationships
from ipclue.graph.bulk_derive import Precomputed, derived_branches, generic_identifiers
from ipclue.graph.bulk_fold import Props, Tables
from ipclue.graph.db import Graph
from ipclue.graph.resolution.corroborate import apply, group_persons
from ipclue.graph.resolution.derive import GroupStep
from ipclue.graph.resolution.generic import DEFAULT_RULE, CutoffRule
from ipclue.graph.resolution.groups import (
    AGENT_OF,
    OrgLink,
    OrgLinks,
    Person,
    Plan,
    Role,
    Thresholds,
    plan,
)
from ipclue.graph.resolution.orgs import PROVINCES
from ipclue.graph.resolution.resolver import collector_paused
from ipclue.graph.resolution.suits import SIDES, suits_by_uid
from ipclue.graph.resolution.trade_names import city_of, places_in

ROLES = ("LEGAL_REP_OF", "SHAREHOLDER_OF", "OFFICER_OF", "MEMBER_OF")
CHAINS = ("BRANCH_OF", "SHAREHOLDER_OF")
SHARED = {("LOCATED_AT", "Address"): "shared_address", ("HAS_PHONE", "Phone"): "shared_phone"}
Edge = tuple[str, str, str, int]  # type, start uid, end uid, relationship number (tells parallel ones apart)


@dataclass(slots=True)
class Planned:
    """A group-pass plan made from the tables, and what it assumed of the derive steps before it."""

    th: Thresholds
    plan: Plan
    places: frozenset[str]
    people: int
    generic: set[tuple[str, str]] = field(default_factory=set)  # (label, value) of generic identifiers
    branches: set[tuple[str, str]] = field(default_factory=set)  # derived BRANCH_OF (branch, parent)


def plan_from_tables(
    tables: Tables, th: Thresholds, rule: CutoffRule = DEFAULT_RULE, kept: Kept | None = None,
    done: Precomputed | None = None,
) -> Planned:  # fmt: skip
    """The group pass's plan over the folded ``tables`` as imported (``kept``: its relationships
    whose two ends exist, ``bulk_csv.kept_relationships``; ``done``: derive's steps before the group
    pass written into the tables already, ``bulk_derive.precompute``: its derived branches are in
    ``kept``)."""
    rels = kept_relationships(tables) if kept is None else kept
    parties = tables.nodes.get("Party", {})
    if done is None:
        generic, branches = generic_identifiers(tables, rels, rule), derived_branches(tables, rels)
        extra = branches  # the chains through the branches derive will add
    else:
        generic, branches, extra = done.generic, done.branches, set()
    names = people_of(tables, rels)
    orgs = sorted({r.org for people, _ in names.values() for p in people for r in p.roles})
    links = org_links(parties, rels, extra, generic, orgs)
    places = place_names(tables, rels)
    with collector_paused():
        planned = plan(names, links, th, (), places)
    people = sum(len(p) for p, _ in names.values())
    return Planned(th, planned, places, people, generic, branches)


def people_of(tables: Tables, rels: Kept) -> dict[str, tuple[list[Person], int]]:
    """``corroborate.read_people``: name → (people with roles or suits, person parties bearing it)."""
    parties = tables.nodes.get("Party", {})
    bearers: dict[str, list[str]] = defaultdict(list)
    for uid, p in parties.items():
        key = p.get("name_key") or ""
        if p.get("kind") == "person" and not p.get("anonymised") and len(key) >= 2:
            bearers[key].append(uid)
    wanted = {uid for uids in bearers.values() if len(uids) > 1 for uid in uids}
    roles, births, ids = _roles(parties, rels, wanted), *_mention_facts(tables, wanted)
    suits = suits_by_uid(suit_rows(tables, rels, wanted))
    out: dict[str, tuple[list[Person], int]] = {}
    for name, uids in bearers.items():
        if len(uids) > 1:
            people = [
                Person(u, name, roles.get(u, []), births[u], ids[u], suits.get(u, []))
                for u in uids
                if roles.get(u) or u in suits
            ]
            out[name] = (people, len(uids))
    return out


def suit_rows(tables: Tables, rels: Kept, wanted: set[str]) -> list[dict[str, Any]]:
    """``resolve/group_suits``'s rows for the wanted people, from the tables."""
    parties, cases = tables.nodes.get("Party", {}), tables.nodes.get("Case", {})
    in_case: dict[str, list[tuple[str, str]]] = defaultdict(list)  # case → (party, role)
    of_party: dict[str, list[tuple[str, str]]] = defaultdict(list)  # party → (case, role)
    for uid, case, role in rels.get(("PARTY_TO", "Party", "Case"), {}):
        in_case[case].append((uid, role))
        of_party[uid].append((case, role))
    agents: dict[tuple[str, str], list[str]] = defaultdict(list)
    for uid, agent, case in rels.get(("REPRESENTED_BY", "Party", "Party"), {}):
        agents[(uid, case)].append(agent)
    firms: dict[str, list[str]] = defaultdict(list)
    for agent, firm, _ in rels.get(("MEMBER_OF", "Party", "Party"), {}):
        firms[agent].append(firm)

    def named(uid: str) -> list[str]:
        return [uid, parties[uid].get("name") or ""]

    def firms_of(uid: str, case: str) -> list[list[str]]:
        return [named(f) for a in agents[(uid, case)] for f in firms[a]]

    reps = [(p, org) for p, org, _ in rels.get(("LEGAL_REP_OF", "Party", "Party"), {}) if p in wanted]
    places = [(p, p, "") for p in wanted] + [(p, org, parties[org].get("name") or "") for p, org in reps]
    return [
        {
            "uid": person, "case_no": case, "court": cases.get(case, {}).get("court"), "role": role,
            "via": via,
            "counsel": firms_of(x, case),
            "others": [
                {"uid": y, "name": parties[y].get("name"), "role": r, "firms": firms_of(y, case)}
                for y, r in in_case[case] if y != x
            ],
        }
        for person, x, via in places
        for case, role in of_party.get(x, [])
        if role in SIDES
    ]  # fmt: skip


def _roles(
    parties: dict[str, Props], rels: Kept,
    wanted: set[str],
) -> dict[str, list[Role]]:  # fmt: skip
    """Each wanted person's distinct roles at organisations, an agent's for the organisations it
    represented included (``AGENT_OF``), with the organisation's city from its name and addresses, as
    ``corroborate.read_people`` reads them, sorted as ``read_people`` sorts them."""
    addresses: dict[str, list[str]] = defaultdict(list)
    for start, value, _ in rels.get(("LOCATED_AT", "Party", "Address"), {}):
        addresses[start].append(value)
    found: dict[str, set[Role]] = defaultdict(set)
    held = [(kind, start, end) for kind in ROLES for start, end, _ in rels.get((kind, "Party", "Party"), {})]
    held += [(AGENT_OF, agent, org) for org, agent, _ in rels.get(("REPRESENTED_BY", "Party", "Party"), {})]
    for rtype, start, end in held:
        org = parties[end]
        if start in wanted and org.get("kind") == "org":
            name = org.get("name") or ""
            found[start].add(Role(rtype, end, name, city_of(name, addresses[end])))
    return {uid: sorted(rs, key=lambda x: (x.role, x.org, x.org_name)) for uid, rs in found.items()}


def _mention_facts(tables: Tables, wanted: set[str]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The birth dates (as text) and ID fragments of the mentions referring to each wanted party."""
    births: dict[str, set[str]] = defaultdict(set)
    ids: dict[str, set[str]] = defaultdict(set)
    mentions = tables.nodes.get("Mention", {})
    for mid, (uid, _props) in tables.refers_to.items():
        m = mentions.get(mid)
        if uid in wanted and m is not None:
            if m.get("birth_date") is not None:
                births[uid].add(str(m["birth_date"]))
            if m.get("id_fragment") is not None:
                ids[uid].add(m["id_fragment"])
    return births, ids


def org_links(
    parties: dict[str, Props],
    rels: Kept,
    branches: set[tuple[str, str]],
    generic: set[tuple[str, str]],
    orgs: list[str],
    max_fanout: int = 50,
) -> OrgLinks:
    """``corroborate.read_org_links``: chains of one or two hops, shared non-generic identifiers."""
    wanted = set(orgs)
    edges = _chain_edges(rels, branches)
    found: set[tuple[str, str, str, str]] = set()
    found |= _chains(parties, edges, wanted, max_fanout)
    found |= _shared(parties, rels, generic, wanted)
    links: OrgLinks = defaultdict(list)
    for a, b, kind, through in found:
        links[frozenset((a, b))].append(OrgLink(kind, through))
    for each in links.values():
        each.sort(key=lambda x: (x.kind, x.through))
    return links


def _chain_edges(rels: Kept, branches: set[tuple[str, str]]) -> list[Edge]:
    """Every BRANCH_OF and SHAREHOLDER_OF between parties (the derived branches too), numbered."""
    pairs = [(t, s, e) for t in CHAINS for s, e, _ in rels.get((t, "Party", "Party"), {})]
    pairs += [("BRANCH_OF", s, e) for s, e in sorted(branches)]
    return [(t, s, e, i) for i, (t, s, e) in enumerate(pairs)]


def _chains(
    parties: dict[str, Props], edges: list[Edge], wanted: set[str], max_fanout: int
) -> set[tuple[str, str, str, str]]:
    """Rows (a, b, kind, through) of one- and two-hop chains from wanted ``a`` to wanted ``b`` > a."""
    near: dict[str, list[tuple[str, Edge]]] = defaultdict(list)
    for e in edges:
        near[e[1]].append((e[2], e))
        near[e[2]].append((e[1], e))
    org = {u for u, p in parties.items() if p.get("kind") == "org"}
    out: set[tuple[str, str, str, str]] = set()
    for a in wanted:
        for x, r1 in near.get(a, ()):
            if x in org and x > a and x in wanted:
                out.add((a, x, _kind(r1[0]), parties[x].get("name") or ""))
            if x not in org or len(near[x]) > max_fanout:
                continue
            for b, r2 in near[x]:
                if r2[3] != r1[3] and b in org and b > a and b in wanted:
                    out.add((a, b, _kind(r1[0], r2[0]), parties[x].get("name") or ""))
    return out


def _kind(*types: str) -> str:
    return "branch" if all(t == "BRANCH_OF" for t in types) else "shareholder"


def _shared(
    parties: dict[str, Props], rels: Kept,
    generic: set[tuple[str, str]], wanted: set[str],
) -> set[tuple[str, str, str, str]]:  # fmt: skip
    """Rows (a, b, kind, value) of wanted organisations at one non-generic address or phone."""
    out: set[tuple[str, str, str, str]] = set()
    for (rtype, label), kind in SHARED.items():
        at: dict[str, set[str]] = defaultdict(set)
        for start, value, _ in rels.get((rtype, "Party", label), {}):
            if (label, value) not in generic and start in parties:
                at[value].add(start)
        for value, uids in at.items():
            mine = sorted(uids & wanted)
            out.update((a, b, kind, value) for i, a in enumerate(mine) for b in mine[i + 1 :])
    return out


def place_names(tables: Tables, rels: Kept) -> frozenset[str]:
    """``group_scope.known_places`` in full: organisation mention names and organisation addresses."""
    parties = tables.nodes.get("Party", {})
    texts: Iterable[str] = [m["name"] for m in tables.nodes.get("Mention", {}).values()
                            if m.get("kind") == "org" and m.get("name") is not None]  # fmt: skip
    located = rels.get(("LOCATED_AT", "Party", "Address"), {})
    at = [v for s, v, _ in located if parties[s].get("kind") == "org"]
    return places_in([*texts, *at]) | PROVINCES


def group_step(planned: Planned) -> GroupStep:
    """``derive``'s group pass applying ``planned`` when the server holds what it assumed, else the
    usual pass (``corroborate.group_persons``)."""

    def step(graph: Graph, th: Thresholds, survivors: set[str], scope: list[str] | None) -> dict[str, int]:
        if scope is not None or th != planned.th or not holds(graph, planned):
            return group_persons(graph, th, survivors, scope)
        graph.write(query("resolve/places_set"), places=sorted(planned.places))
        return {"group_people": planned.people} | apply(graph, planned.plan, survivors)

    return step


def holds(graph: Graph, planned: Planned) -> bool:
    """Whether the server's generic identifiers and derived branches are the planned ones, with no
    rejected pair stored."""
    generic = {(r["label"], r["value"]) for r in graph.read(query("bulk/generic_identifiers"))}
    branches = {(r["a"], r["b"]) for r in graph.read(query("bulk/derived_branches"))}
    rejected = graph.read(query("resolve/distinct_pairs"))
    return generic == planned.generic and branches == planned.branches and not rejected
