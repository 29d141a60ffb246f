"""The group pass, run by ``derive``: people across group companies merged or marked POSSIBLY_SAME.

Reads every person party whose full name another person party bears (``resolve/group_people``)
and the links among their organisations (``resolve/group_org_links``), plans with ``groups.plan``
and applies it: merges move mentions (rule, score, evidence on each REFERS_TO) and
relationships to the surviving uid, like a force-merge but without a judgement; possible
matches are written as ``(:Party)-[:POSSIBLY_SAME {score, rule, evidence}]->(:Party)``,
planned on each run (for every name, or for the names an ingest can change: ``group_scope``) and
written as a difference: edges the plan no longer holds (or that touch a merged party) are
removed, new or changed ones written, the others left alone. Rejected pairs (``distinct``
judgements) are never proposed.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ipclue.cypher import query
from ipclue.graph.db import Graph, chunks
from ipclue.graph.resolution.group_scope import known_places, scope_names
from ipclue.graph.resolution.groups import (
    OrgLink,
    OrgLinks,
    Pair,
    Person,
    Plan,
    Role,
    Thresholds,
    plan,
)
from ipclue.graph.resolution.judgements import mark_stale, merge_steps, run_steps
from ipclue.graph.resolution.resolver import collector_paused
from ipclue.graph.resolution.suits import SIDES, Suit, suits_by_uid
from ipclue.graph.resolution.trade_names import city_of

MERGES_PER_TRANSACTION = 200  # survivors per write transaction (each absorbs its group's parties)


def group_persons(
    graph: Graph,
    th: Thresholds | None = None,
    survivors: set[str] | None = None,
    scope: list[str] | None = None,
    litigants: list[str] | None = None,
) -> dict[str, int]:
    """Plan and apply the group pass; returns counts (people compared, merged, possible);
    ``survivors`` collects the parties that absorbed others. ``scope``: plan only the names these
    parties can change (see ``group_scope``); None plans all. ``litigants``: with a scope, the names
    whose suits changed, when the caller knows them better than ``group_scope.litigant_names``."""
    th = th or Thresholds()
    places, added = known_places(graph, scope)
    names_in = None if scope is None or added is None else scope_names(graph, scope, added, litigants)
    names = read_people(graph, names_in)
    orgs = sorted({r.org for people, _ in names.values() for p in people for r in p.roles})
    links = read_org_links(graph, orgs)
    distinct = {frozenset((r["a"], r["b"])) for r in graph.read(query("resolve/distinct_pairs"))}
    with collector_paused():
        planned = plan(names, links, th, distinct, places)
    done = apply(graph, planned, survivors, names_in)
    scoped = {"group_names_planned": len(names)} if names_in is not None else {}
    return {"group_people": sum(len(p) for p, _ in names.values())} | scoped | done


def read_people(graph: Graph, only: list[str] | None = None) -> dict[str, tuple[list[Person], int]]:
    """Name → (people holding a role at an organisation or party to a case, how many person parties
    bear the name), for every name borne by several person parties, or for those among ``only``."""
    out: dict[str, tuple[list[Person], int]] = {}
    rows = (
        graph.read(query("resolve/group_people"))
        if only is None
        else [r for part in chunks(only, 5000) for r in _people_of(graph, part)]
    )
    suits = read_suits(graph, [r["uid"] for r in rows])
    cities = role_cities(graph, [x for r in rows for x in r["roles"]])
    for r in rows:
        people, _ = out.setdefault(r["name"], ([], int(r["bearers"])))
        if r["roles"] or r["uid"] in suits:
            # sorted: the first of equally strong links names the evidence, whatever the storage order
            roles = sorted((_role(x, cities) for x in r["roles"]), key=lambda x: (x.role, x.org))
            found = suits.get(r["uid"], [])
            people.append(Person(r["uid"], r["name"], roles, set(r["births"]), set(r["ids"]), found))
    return out


def read_suits(graph: Graph, uids: list[str]) -> dict[str, list[Suit]]:
    """The cases of the person parties ``uids`` (``suits``), by uid."""
    stmt, roles = query("resolve/group_suits"), sorted(SIDES)
    return suits_by_uid(r for part in chunks(uids, 5000) for r in graph.read(stmt, uids=part, roles=roles))


def _role(x: dict[str, Any], cities: dict[str, str]) -> Role:
    return Role(x["role"], x["org"], x["org_name"] or "", cities[x["org"]])


def role_cities(graph: Graph, roles: list[dict[str, Any]]) -> dict[str, str]:
    """Each organisation's city (``city_of``): from its name, else from its addresses, which are read
    only for those (once per organisation, not once per person holding a role there)."""
    names = {x["org"]: x["org_name"] or "" for x in roles}
    cities = {uid: city_of(name) for uid, name in names.items()}
    todo = sorted(uid for uid, city in cities.items() if not city)
    for part in chunks(todo, 5000):
        for r in graph.read(query("resolve/org_addresses"), uids=part):
            cities[r["uid"]] = city_of(names[r["uid"]], r["addresses"])
    return cities


def read_org_links(graph: Graph, uids: list[str], max_fanout: int = 50) -> OrgLinks:
    """Links among the given organisations, by unordered pair (``max_fanout``: an organisation
    with more branch/shareholder links than this does not join its neighbours into one group)."""
    links: OrgLinks = defaultdict(list)
    wanted = set(uids)
    for part in chunks(uids, 5000):
        for r in graph.read(query("resolve/group_org_links"), uids=part, max_fanout=max_fanout):
            if r["b"] in wanted:
                links[frozenset((r["a"], r["b"]))].append(OrgLink(r["kind"], r["through"] or ""))
    for found in links.values():  # in the data's order, not the storage's
        found.sort(key=lambda x: (x.kind, x.through))
    return links


def _people_of(graph: Graph, names: list[str]) -> list[dict[str, Any]]:
    return graph.read(query("resolve/group_people_of"), names=names)


def apply(
    graph: Graph, p: Plan, survivors: set[str] | None = None, names: list[str] | None = None
) -> dict[str, int]:
    """Remove the possible matches the plan drops, merge, then write the new or changed ones
    (``names``: the plan covers these names only, so only their possible matches are compared)."""
    merged = {u for keep, ab in p.merges.items() for u in (keep, *ab)}
    rows = {
        (x.a, x.b): {"a": x.a, "b": x.b, "score": x.score, "rule": x.rule, "evidence": x.evidence}
        for x in p.possible
    }
    kept = set()
    stale = []
    existing = (
        graph.read(query("resolve/possible_all"))
        if names is None
        else [r for part in chunks(names, 5000) for r in _possible_of(graph, part)]
    )
    for r in existing:
        row = {"a": r["a"], "b": r["b"], "score": r["score"], "rule": r["rule"], "evidence": r["evidence"]}
        if rows.get((r["a"], r["b"])) == row and not merged & {r["a"], r["b"]}:
            kept.add((r["a"], r["b"]))
        else:
            stale.append({"a": r["a"], "b": r["b"]})
    for part in chunks(stale, 5000):
        graph.write(query("resolve/possibly_same_drop"), rows=part)
    merge_all(graph, sorted(p.merges.items()))
    if survivors is not None:
        survivors.update(p.merges)
    fresh = [row for key, row in sorted(rows.items()) if key not in kept]
    if fresh:
        graph.write(query("resolve/possibly_same"), rows=fresh)
    return {"group_merged": sum(len(a) for a in p.merges.values()), "possibly_same": len(rows)}


def _possible_of(graph: Graph, names: list[str]) -> list[dict[str, Any]]:
    return graph.read(query("resolve/possible_of_names"), names=names)


def merge_all(graph: Graph, merges: list[tuple[str, dict[str, Pair]]]) -> None:
    for start in range(0, len(merges), MERGES_PER_TRANSACTION):
        part = merges[start : start + MERGES_PER_TRANSACTION]
        run_steps(graph, merge_steps([_merge(keep, uid, ab[uid]) for keep, ab in part for uid in sorted(ab)]))
        graph.write(query("resolve/refresh_parties"), uids=[keep for keep, _ in part])
        mark_stale(graph, [u for keep, ab in part for u in (keep, *ab)])


def _merge(keep: str, absorb: str, pair: Pair) -> dict[str, Any]:
    return {
        "a": keep,
        "b": absorb,
        "only": None,
        "mentions": None,
        "rule": pair.rule,
        "score": pair.score,
        "evidence": pair.evidence,
    }
