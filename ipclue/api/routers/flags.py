"""Flags (list with ETag and cursor, detail, review), party risk, the detector catalog and dry runs."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response

from ipclue.api.auth import Investigator, Reader
from ipclue.api.deps import AuditDep, GraphDep, Limit, ReadsDep
from ipclue.api.flags import catalog, dry_run, engine, flag_detail, list_flags
from ipclue.api.routers.params import FlagFilters
from ipclue.api.routing import ApiRoute
from ipclue.api.schemas import DryRun, DryRunOut, FlagPage, Review

router = APIRouter(route_class=ApiRoute, tags=["flags"])
FlagId = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{1,80}$")]
DetectorId = Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9-]{1,62}$")]


@router.get("/flags", response_model=FlagPage)
async def flags(
    _: Reader,
    reads: ReadsDep,
    filters: Annotated[FlagFilters, Query()],
    cursor: Annotated[str | None, Query(max_length=300, pattern=r"^[A-Za-z0-9_=-]+$")] = None,
    limit: Limit = 50,
) -> Response:
    """A page of flags, best score first; send ``If-None-Match`` with the last ETag to get 304.

    ``since``/``until`` select by ``updated_at``: the time a flag was raised, changed by a detector rerun, or
    reviewed; a consumer polling with ``since`` sees status changes."""
    return await list_flags(reads, **filters.model_dump(), limit=limit, cursor=cursor)


@router.get("/flags/{flag_id}")
def flag(flag_id: FlagId, _: Reader, graph: GraphDep) -> dict[str, Any]:
    """One flag with its evidence, evidence subgraph, provenance, reviews and detector version."""
    return flag_detail(graph, flag_id)


@router.post("/flags/{flag_id}/review")
def review(
    flag_id: FlagId, body: Review, who: Investigator, graph: GraphDep, audit: AuditDep
) -> dict[str, Any]:
    """Move a flag along new → reviewing → confirmed | dismissed → referred, with a note."""
    engine().review_flag(graph, flag_id, body.status, body.note, who.name)
    audit("review-flag", flag_id, status=body.status, note=body.note[:200])
    return flag_detail(graph, flag_id)


@router.get("/detectors")
def detectors(_: Reader, graph: GraphDep) -> dict[str, Any]:
    """Every detector with its parameters, legal basis and measured precision."""
    return catalog(graph)


@router.post("/detectors/{detector_id}/dry-run", response_model=DryRunOut)
def detector_dry_run(
    detector_id: DetectorId, body: DryRun, _: Investigator, graph: GraphDep, audit: AuditDep
) -> dict[str, Any]:
    """Run one detector with these parameters and return its hits without storing anything, compared with
    its stored flags (new / unchanged / rescored / gone). Parameters that do not fit their declared type,
    bounds or choices are a 422 naming each field; a query that fails is a problem response."""
    audit("dry-run", detector_id, params=sorted(body.params))
    return dry_run(graph, detector_id, body.params)
