"""Reports and exports: a flag's (or a selection's) 线索审查报告 / 线索移送函 as PDF or DOCX, and the flag
list with its filters as CSV or XLSX. Consumers get personal data masked (``ipclue.reports.masking``)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, ConfigDict, Field

from ipclue.api.auth import Reader
from ipclue.api.config import Principal
from ipclue.api.deps import AuditDep, GraphDep
from ipclue.api.routers.flags import FlagId
from ipclue.api.routers.params import FlagFilters
from ipclue.api.routing import ApiRoute
from ipclue.graph.db import Graph

router = APIRouter(route_class=ApiRoute, tags=["reports"])
Format = Annotated[Literal["pdf", "docx"], Query(description="pdf or docx")]
KindQ = Annotated[
    Literal["review", "referral"], Query(description="review: 线索审查报告; referral: 线索移送函")
]
FILE_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"application/pdf": {}, "application/octet-stream": {}}, "description": "the file"}
}


class Selection(BaseModel):
    """A report over several flags, in this order."""

    model_config = ConfigDict(extra="forbid")

    flags: list[Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,80}$")]] = Field(min_length=1, max_length=50)
    format: Literal["pdf", "docx"] = "pdf"
    kind: Literal["review", "referral"] = "review"


def _report(graph: Graph, ids: list[str], fmt: str, kind: str, who: Principal) -> Response:
    from ipclue.reports import MEDIA, build_report, render

    report = build_report(graph, ids, kind=kind, who=who.name, role=who.role)  # type: ignore[arg-type]
    body = render(report, fmt)  # type: ignore[arg-type]
    stem = ids[0] if len(ids) == 1 else f"{len(ids)}-flags"
    name = f"{kind}-{stem}-{datetime.now(UTC):%Y%m%d%H%M}.{fmt}"
    return Response(
        body, media_type=MEDIA[fmt], headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@router.get("/flags/{flag_id}/report", responses=FILE_RESPONSES, response_class=Response)
def flag_report(
    flag_id: FlagId,
    who: Reader,
    graph: GraphDep,
    audit: AuditDep,
    format: Format = "pdf",
    kind: KindQ = "review",
) -> Response:
    """One flag's 线索审查报告 (``kind=review``) or 线索移送函 (``kind=referral``) as PDF or DOCX."""
    audit("report", flag_id, format=format, kind=kind)
    return _report(graph, [flag_id], format, kind, who)


@router.post("/reports", responses=FILE_RESPONSES, response_class=Response)
def selection_report(body: Selection, who: Reader, graph: GraphDep, audit: AuditDep) -> Response:
    """One report over a selection of flags (up to 50), in the given order."""
    audit("report", ",".join(body.flags)[:200], format=body.format, kind=body.kind, flags=len(body.flags))
    return _report(graph, body.flags, body.format, body.kind, who)


@router.get("/exports/flags", responses=FILE_RESPONSES, response_class=Response)
def export_flags(
    *,
    who: Reader,
    graph: GraphDep,
    audit: AuditDep,
    format: Annotated[Literal["csv", "xlsx"], Query(description="csv or xlsx")] = "csv",
    selected: Annotated[FlagFilters, Query()],
) -> Response:
    """The flag list (every flag the filters select, best score first) as CSV or XLSX; XLSX also lists the
    filters. ``since``/``until`` select by the time a flag last changed, as on ``/flags``."""
    from ipclue.reports.tables import MEDIA, flag_rows, flag_table

    filters = selected.model_dump()
    audit("export-flags", format, **{k: str(v) for k, v in filters.items() if v is not None})
    rows = flag_rows(graph, filters, masked=who.role == "consumer")
    name = f"flags-{datetime.now(UTC):%Y%m%d%H%M}.{format}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"', "X-Total-Count": str(len(rows))}
    return Response(flag_table(rows, filters, format), media_type=MEDIA[format], headers=headers)
