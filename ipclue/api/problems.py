"""Errors as ``application/problem+json`` (RFC 9457): one handler for every failure."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from neo4j.exceptions import ClientError, ServiceUnavailable, SessionExpired, TransientError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ipclue.errors import IpclueError

PROBLEM = "application/problem+json"
log = logging.getLogger("ipclue.api")

PROBLEM_SCHEMA: dict[str, Any] = {
    "content": {
        PROBLEM: {
            "schema": {
                "type": "object",
                "properties": {
                    "type": {"type": "string"},
                    "title": {"type": "string"},
                    "status": {"type": "integer"},
                    "detail": {"type": "string"},
                    "instance": {"type": "string"},
                    "request_id": {"type": "string"},
                },
            }
        }
    },
}
PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"description": text, **PROBLEM_SCHEMA}
    for code, text in (
        (401, "Unauthorized"),
        (403, "Forbidden"),
        (404, "Not found"),
        (422, "Invalid input"),
        (503, "Database unavailable"),
        (504, "Query timed out"),
    )
}


def problem(request: Request, status: int, title: str, detail: str, **extra: Any) -> JSONResponse:
    """The problem document; ``headers`` in ``extra`` (``Allow`` on a 405) become response headers."""
    sent = dict(extra.pop("headers", None) or {})
    body = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
        "request_id": getattr(request.state, "request_id", None),
        **extra,
    }
    if status == 401:
        sent["WWW-Authenticate"] = 'Bearer realm="ipclue"'
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=sent or None)


def _as_problem(exc: Exception) -> tuple[int, str, str, dict[str, Any]]:
    """(status, title, detail, extra) for any exception; the one mapping of errors to HTTP."""
    if isinstance(exc, IpclueError):
        return exc.status, exc.title, exc.detail, dict(getattr(exc, "extra", None) or {})
    if isinstance(exc, RequestValidationError):
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        return 422, "Invalid input", "the request failed validation", {"errors": errors}
    if isinstance(exc, StarletteHTTPException):
        return exc.status_code, _http_title(exc.status_code), str(exc.detail), {"headers": exc.headers}
    return _database_problem(exc) or (500, "Internal error", "an unexpected error occurred", {})


def _database_problem(exc: Exception) -> tuple[int, str, str, dict[str, Any]] | None:
    code = getattr(exc, "code", "") or ""
    if isinstance(exc, ServiceUnavailable | SessionExpired):
        return 503, "Database unavailable", "the graph database cannot be reached", {}
    if "TransactionTimedOut" in code or (isinstance(exc, TransientError) and "Timed" in code):
        return 504, "Query timed out", "the query took longer than the configured limit", {}
    if isinstance(exc, ClientError) and "MemoryLimit" in code:
        return 503, "Query too large", "the query needed more memory than allowed; narrow it", {}
    return None


def _http_title(status: int) -> str:
    return {404: "Not found", 405: "Method not allowed", 401: "Unauthorized", 403: "Forbidden"}.get(
        status, "HTTP error"
    )


async def handle(request: Request, exc: Exception) -> JSONResponse:
    status, title, detail, extra = _as_problem(exc)
    if status >= 500:
        log.error("request %s failed: %r", getattr(request.state, "request_id", "?"), exc)
    return problem(request, status, title, detail, **extra)


def install(app: FastAPI) -> None:
    for kind in (IpclueError, RequestValidationError, StarletteHTTPException, Exception):
        app.add_exception_handler(kind, handle)
