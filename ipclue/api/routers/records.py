"""Cases, trademarks, patents, copyrights, penalties (keys URL-encoded) and source documents."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ipclue.api.auth import Investigator, Reader
from ipclue.api.deps import AuditDep, GraphDep
from ipclue.api.records import record, source_text
from ipclue.api.routers.params import RecordKey, Sha256
from ipclue.api.routing import ApiRoute
from ipclue.api.schemas import RecordOut, SourceText

router = APIRouter(route_class=ApiRoute, tags=["records"])
CAP = 500


@router.get("/cases/{case_no:path}", response_model=RecordOut)
def case(case_no: RecordKey, _: Reader, graph: GraphDep) -> dict[str, Any]:
    return record(graph, "case", case_no, CAP)


@router.get("/trademarks/{reg_no:path}", response_model=RecordOut)
def trademark(reg_no: RecordKey, _: Reader, graph: GraphDep) -> dict[str, Any]:
    return record(graph, "trademark", reg_no, CAP)


@router.get("/patents/{number:path}", response_model=RecordOut)
def patent(number: RecordKey, _: Reader, graph: GraphDep) -> dict[str, Any]:
    return record(graph, "patent", number, CAP)


@router.get("/copyrights/{reg_no:path}", response_model=RecordOut)
def copyright_(reg_no: RecordKey, _: Reader, graph: GraphDep) -> dict[str, Any]:
    return record(graph, "copyright", reg_no, CAP)


@router.get("/penalties/{decision_no:path}", response_model=RecordOut)
def penalty(decision_no: RecordKey, _: Reader, graph: GraphDep) -> dict[str, Any]:
    return record(graph, "penalty", decision_no, CAP)


@router.get("/sources/{sha256}", response_model=SourceText)
def source(sha256: Sha256, who: Investigator, graph: GraphDep, audit: AuditDep) -> dict[str, Any]:
    """The document's text (only while the stored file still has this hash) and its spans."""
    audit("read-source", sha256)
    return source_text(graph, sha256, 5000)
