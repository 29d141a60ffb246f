"""Health, the caller, dashboard statistics, the audit log and the key table."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from ipclue.api.auth import Caller, Reader, Supervisor
from ipclue.api.deps import GraphDep
from ipclue.api.routers.params import Moment
from ipclue.api.routing import ApiRoute
from ipclue.api.schemas import AuditPage, Health, Me, Stats
from ipclue.api.stats import stats
from ipclue.api.store import fetch_one

router = APIRouter(route_class=ApiRoute, tags=["meta"])


@router.get("/health", response_model=Health)
def health(graph: GraphDep) -> Health:
    """Liveness and the Neo4j version (no key needed)."""
    row = fetch_one(graph, "health")
    return Health(status="ok", neo4j_version=row["version"] if row else None)


@router.get("/me", response_model=Me)
def me(who: Reader) -> Me:
    return Me(name=who.name, role=who.role)


@router.get("/stats", response_model=Stats)
def get_stats(_: Reader, graph: GraphDep) -> Stats:
    return Stats(**stats(graph))


@router.get("/audit", response_model=AuditPage)
def audit(
    _: Supervisor,
    request: Request,
    since: Moment = None,
    actor: Annotated[str | None, Query(max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> AuditPage:
    """Audit entries, newest first (supervisors and admins)."""
    entries = request.app.state.audit.query(since=since, actor=actor, limit=limit)
    return AuditPage(items=[e.model_dump() for e in entries])


@router.get("/keys")
def keys(_: Caller, request: Request) -> dict[str, list[dict[str, str]]]:
    """The configured callers: name, role and the first characters of the key's SHA-256 (never a key)."""
    table = request.app.state.keys.items()
    return {"items": [{"name": p.name, "role": p.role, "digest": d[:12]} for d, p in sorted(table)]}
