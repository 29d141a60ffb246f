"""What an incremental group pass must plan again, and the place names it strips from 字号.

A name's plan depends only on the person parties bearing it, their roles, the links among their
organisations (branch and shareholder chains of up to two hops, shared non-generic addresses and
phones), rejections, and the place names known from the data. For parties ``scope`` (everything an
ingest wrote, plus the parties at identifiers whose generic flag changed and the new branches) the
names that can change are the scope's own person names, the names of the people holding a role (or
acting as agent) at a scope organisation or one hop from it (a two-hop chain runs through that hop),
and the names of the litigants in the cases a scope party is in as party, agent or agent's firm
(``suits``: a suit names its opponents and firms by uid).

The place names come from every organisation name as written and every organisation address: both
only ever grow, so the stored set plus the scope's new texts equals a full recount. A place name the
graph did not know changes the 字号 stem of the organisations whose names contain it, so the names of
the people at those organisations are planned again too.
"""

from __future__ import annotations

from ipclue.cypher import query
from ipclue.graph.db import Graph, chunks
from ipclue.graph.resolution.orgs import PROVINCES
from ipclue.graph.resolution.trade_names import places_in

PAGE = 5000


def scope_names(
    graph: Graph, scope: list[str], new_places: frozenset[str], litigants: list[str] | None = None
) -> list[str]:
    """The person names whose plan the parties ``scope`` (and place names ``new_places``) can change;
    ``litigants``: the names whose suits changed, when the caller knows them (``litigant_names``)."""
    found = {
        r["name"]
        for part in chunks(scope, PAGE)
        for r in graph.read(query("resolve/group_scope_names"), uids=part)
    }
    found |= set(litigant_names(graph, scope) if litigants is None else litigants)
    if new_places:
        rows = graph.read(query("resolve/group_names_at_places"), places=sorted(new_places))
        found |= {r["name"] for r in rows}
    return sorted(found)


def litigant_names(graph: Graph, uids: list[str]) -> list[str]:
    """The names of the litigants whose suits name one of the parties ``uids`` (``suits``)."""
    stmt = query("resolve/group_scope_litigants")
    return sorted({r["name"] for part in chunks(uids, PAGE) for r in graph.read(stmt, uids=part)})


def known_places(graph: Graph, scope: list[str] | None) -> tuple[frozenset[str], frozenset[str] | None]:
    """The place names known from the data (stored for the next run), and those ``scope`` added
    (None for a full pass: ``scope`` None, or no set stored yet)."""
    rows = graph.read(query("resolve/places_get"))
    stored = rows[0]["places"] if rows else None
    if scope is None or stored is None:
        texts = [r["value"] for r in graph.read(query("resolve/org_place_texts"))]
        return _store(graph, places_in(texts) | PROVINCES), None
    texts = [
        r["value"]
        for part in chunks(scope, PAGE)
        for r in graph.read(query("resolve/org_place_texts_of"), uids=part)
    ]
    found = places_in(texts) | frozenset(stored)
    added = found - frozenset(stored)
    return (_store(graph, found) if added else found), added


def _store(graph: Graph, places: frozenset[str]) -> frozenset[str]:
    graph.write(query("resolve/places_set"), places=sorted(places))
    return places
