"""Party search, profile, risk, neighbourhood and paths."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from ipclue.api.auth import Reader, Supervisor
from ipclue.api.deps import AuditDep, GraphDep, Limit, ReadsDep, SettingsDep
from ipclue.api.flags import party_risk
from ipclue.api.neighbourhood import Scope, neighbourhood
from ipclue.api.paths import shortest_paths
from ipclue.api.routers.params import REL_TYPES, Since, Types, Uid, UidQuery, Until
from ipclue.api.routing import ApiRoute
from ipclue.api.schemas import (
    JudgementNote,
    Neighbourhood,
    PartyHits,
    Paths,
    PossibleMatches,
    PossibleQueue,
    Profile,
    Risk,
)
from ipclue.api.search import search_parties
from ipclue.api.store import json_response
from ipclue.errors import InvalidInput, NotFound
from ipclue.graph.resolution import confirm, possible_matches, reject, review_queue

router = APIRouter(route_class=ApiRoute, tags=["parties"])
PROFILE_CAP = 200


@router.get("/parties", response_model=PartyHits)
def search(
    _: Reader, graph: GraphDep, q: Annotated[str, Query(min_length=1, max_length=100)], limit: Limit = 20
) -> PartyHits:
    """Parties by name, alias or USCC; tolerant of width and company-form variants; best first."""
    if not q.strip():
        raise InvalidInput("q must not be blank")
    return PartyHits(items=search_parties(graph, q, limit))


@router.get("/parties/{uid}", response_model=Profile)
async def profile(uid: Uid, _: Reader, reads: ReadsDep) -> dict[str, Any]:
    """Identifiers, aliases, mentions with their sources, cases, registrations, penalties and flags.
    ``async`` on the async driver: the hottest read, so it skips FastAPI's thread pool."""
    row = await reads.one("party_profile", uid=uid, cap=PROFILE_CAP)
    if row is None:
        raise NotFound(f"no party with uid {uid!r}")
    return _profile(row)


def _profile(row: dict[str, Any]) -> dict[str, Any]:
    ids = {k: row[k] for k in ("addresses", "phones", "emails")}
    rest = {k: row[k] for k in ("cases", "trademarks", "patents", "copyrights", "penalties", "flags")}
    return {**row["party"], "identifiers": ids, "mentions": [_mention(m) for m in row["mentions"]], **rest}


def _mention(m: dict[str, Any]) -> dict[str, Any]:
    start, end = m.pop("span_start", None), m.pop("span_end", None)
    source = {"sha256": m.pop("sha256", None), "path": m.pop("path", None)}
    return {**m, "source": source, "span": [start, end] if start is not None and end is not None else None}


@router.get("/possible-matches", response_model=PossibleQueue)
def queue(
    _: Reader,
    graph: GraphDep,
    limit: Limit = 50,
    rule: Annotated[str | None, Query(max_length=100, description="only this rule")] = None,
    min_score: Annotated[float, Query(ge=0, le=1, description="only at this score or more")] = 0.0,
    cursor: Annotated[str | None, Query(max_length=300, pattern=r"^[A-Za-z0-9_-]+$")] = None,
) -> dict[str, Any]:
    """The review queue: possible matches across the graph, best score first; ``next_cursor`` pages on."""
    return review_queue(graph, limit=limit, rule=rule, min_score=min_score, cursor=cursor).model_dump()


@router.get("/parties/{uid}/possible-matches", response_model=PossibleMatches)
def possible(uid: Uid, _: Reader, graph: GraphDep) -> dict[str, Any]:
    """Parties that may be the same person (POSSIBLY_SAME, not merged): score, rule, evidence."""
    return {"uid": uid, "items": possible_matches(graph, uid)}


@router.post("/parties/{uid}/possible-matches/{other}/confirm")
def confirm_match(
    uid: Uid, other: Uid, body: JudgementNote, who: Supervisor, graph: GraphDep, audit: AuditDep
) -> dict[str, Any]:
    """Confirm a possible match: the two parties are merged (a force-merge judgement)."""
    jid, keep = confirm(graph, uid, other, f"{body.note} ({who.name})".strip())
    audit("confirm-possible-match", f"{uid}|{other}", judgement=jid)
    return {"judgement": jid, "uid": keep}


@router.post("/parties/{uid}/possible-matches/{other}/reject")
def reject_match(
    uid: Uid, other: Uid, body: JudgementNote, who: Supervisor, graph: GraphDep, audit: AuditDep
) -> dict[str, Any]:
    """Reject a possible match: different people (a force-split judgement between the two)."""
    jid = reject(graph, uid, other, f"{body.note} ({who.name})".strip())
    audit("reject-possible-match", f"{uid}|{other}", judgement=jid)
    return {"judgement": jid, "uid": uid}


@router.get("/parties/{uid}/risk", response_model=Risk)
def risk(uid: Uid, _: Reader, graph: GraphDep) -> dict[str, Any]:
    return party_risk(graph, uid, PROFILE_CAP)


@router.get("/parties/{uid}/graph", response_model=Neighbourhood)
async def party_graph(
    uid: Uid,
    _: Reader,
    reads: ReadsDep,
    settings: SettingsDep,
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
    types: Types = None,
    limit: Annotated[int, Query(ge=10, le=2000)] = 300,
    since: Since = None,
    until: Until = None,
) -> Response:
    """The neighbourhood up to ``depth`` hops; dense nodes are capped and reported in ``collapsed``.
    ``async``: one query per level on the async driver."""
    scope = Scope(
        depth=depth,
        types=_types(types),
        cap=settings.dense_cap,
        max_nodes=min(limit, settings.max_graph_nodes),
        since=since,
        until=until,
    )
    return json_response(await neighbourhood(reads, uid, scope))


def _types(types: str | None) -> list[str]:
    chosen = [t for t in (types or "").split(",") if t]
    unknown = sorted(set(chosen) - REL_TYPES)
    if unknown:
        raise InvalidInput(f"unknown relationship type(s): {', '.join(unknown)}")
    return chosen


@router.get("/paths", response_model=Paths)
def paths(
    a: UidQuery,
    b: UidQuery,
    _: Reader,
    graph: GraphDep,
    max_hops: Annotated[int, Query(ge=1, le=4)] = 3,
    k: Annotated[int, Query(ge=1, le=5, description="how many distinct paths, shortest first")] = 3,
) -> dict[str, Any]:
    """Up to ``k`` shortest paths between two parties through real records (never through generic
    identifiers or derived links), every intermediate node included, each hop with its evidence sentence."""
    return shortest_paths(graph, a, b, max_hops, k)
