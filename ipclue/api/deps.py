"""Request-scoped dependencies as ``Annotated`` aliases: the graph (sync and async reads), the audit
trail, paging.

They are ``async`` because they never block: FastAPI runs a plain ``def`` dependency in its thread
pool, one hop per dependency and request, which costs more than the work itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from ipclue.api.audit import AuditLog
from ipclue.api.auth import authenticate
from ipclue.api.config import ApiSettings, Principal
from ipclue.api.store import AsyncReads
from ipclue.graph.db import Graph


async def get_graph(request: Request) -> Graph:
    graph: Graph = request.app.state.graph
    return graph


async def get_reads(request: Request) -> AsyncReads:
    reads: AsyncReads = request.app.state.reads
    return reads


async def get_settings(request: Request) -> ApiSettings:
    settings: ApiSettings = request.app.state.settings
    return settings


@dataclass(frozen=True, slots=True)
class Auditor:
    """The audit log bound to the caller and the request id."""

    log: AuditLog
    who: Principal
    request_id: str

    def __call__(self, action: str, subject: str, **detail: Any) -> None:
        self.log.record(self.who, self.request_id, action, subject, **detail)


async def get_auditor(request: Request, who: Annotated[Principal, Depends(authenticate)]) -> Auditor:
    return Auditor(request.app.state.audit, who, getattr(request.state, "request_id", "-"))


GraphDep = Annotated[Graph, Depends(get_graph)]
ReadsDep = Annotated[AsyncReads, Depends(get_reads)]
SettingsDep = Annotated[ApiSettings, Depends(get_settings)]
AuditDep = Annotated[Auditor, Depends(get_auditor)]
Limit = Annotated[int, Query(ge=1, le=200, description="page size (at most 200)")]
