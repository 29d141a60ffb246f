"""The app factory: routers under ``/api/v1``, problem+json errors, request ids, keys, static web app."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from ipclue.api import problems
from ipclue.api.audit import AuditLog
from ipclue.api.config import ApiSettings, Principal, configured_keys, get_api_settings
from ipclue.api.jobs import Jobs
from ipclue.api.middleware import Limits, RequestId
from ipclue.api.roles import PREFIX
from ipclue.api.routers import flags, jobs, meta, ownership, parties, records, reports, review
from ipclue.api.store import AsyncReads
from ipclue.errors import ConfigError
from ipclue.graph.db import Graph, open_graph
from ipclue.settings import get_settings

STATIC = Path(__file__).parent / "static"


def create_app(
    *,
    graph: Graph | None = None,
    settings: ApiSettings | None = None,
    keys: dict[str, Principal] | None = None,
) -> FastAPI:
    """The service. ``graph`` is opened from the settings at start-up when not given (and closed after)."""
    settings = settings or get_api_settings()
    table = keys if keys is not None else configured_keys(settings)
    if not table:
        raise ConfigError("no API keys: set IPCLUE_API_KEYS (key:role:name,…) or start with `ipclue serve`")
    app = FastAPI(
        title="ipclue",
        version="1",
        lifespan=_lifespan(graph, settings),
        openapi_url=f"{PREFIX}/openapi.json",
        docs_url=f"{PREFIX}/docs",
        redoc_url=None,
        responses=problems.PROBLEM_RESPONSES,
    )
    app.state.settings, app.state.keys = settings, table
    app.state.audit = AuditLog(settings.audit_file())
    for module in (meta, parties, ownership, records, flags, reports, review, jobs):
        app.include_router(module.router, prefix=PREFIX)
    problems.install(app)
    app.add_middleware(RequestId)
    app.add_middleware(
        Limits,
        max_target=settings.max_request_target,
        max_header=settings.max_header_bytes,
        max_headers=settings.max_headers_bytes,
        max_body=settings.max_upload_bytes + 1_000_000,  # multipart framing on top of the files
    )
    if (STATIC / "index.html").is_file():
        app.mount("/", StaticFiles(directory=STATIC, html=True), name="web")
    return app


def _lifespan(given: Graph | None, settings: ApiSettings):  # type: ignore[no-untyped-def]
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        base = given or open_graph(get_settings())
        app.state.graph = Graph(base.driver, base.database, settings.query_timeout_s, base.target)
        app.state.reads = AsyncReads.open(app.state.graph)
        app.state.jobs = Jobs(base, settings.home, settings.job_retention_days)
        try:
            yield
        finally:
            app.state.jobs.close()
            await app.state.reads.close()
            if given is None:
                base.close()

    return lifespan
