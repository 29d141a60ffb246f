"""Running the API's Cypher (``cypher/api/<name>.cypher``) and turning driver values into JSON values.

Every request is a single auto-commit read: one network round trip (``execute_query`` wraps each
query in an explicit transaction, which costs a second one and more server work), retried once when
the driver says the failure is retryable (a stale pooled connection, a transient server error).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import Any, LiteralString

import pydantic_core
from fastapi import Response
from neo4j import READ_ACCESS, Query
from neo4j.exceptions import DriverError, Neo4jError
from neo4j.time import Date, DateTime, Duration, Time

from ipclue.cypher import query
from ipclue.graph.db import Graph

Row = dict[str, Any]
Convert = Callable[[Any], Any]
_SCALARS = frozenset({str, int, float, bool, type(None)})
_TEMPORALS = (Date, DateTime, Time, date, datetime)


@cache
def api_query(name: str) -> LiteralString:
    """The text of ``cypher/api/<name>.cypher`` (or ``cypher/<dir>/<name>.cypher``), read once per process."""
    return query(name if "/" in name else f"api/{name}")


def fetch(graph: Graph, name: str, **params: Any) -> list[Row]:
    """Rows of an API query, with temporal values as ISO strings."""
    return _retried(graph, name, params, plain)


def fetch_one(graph: Graph, name: str, **params: Any) -> Row | None:
    rows = fetch(graph, name, **params)
    return rows[0] if rows else None


def fetch_one_raw(graph: Graph, name: str, **params: Any) -> Row | None:
    """The first row as the driver returns it, for queries that return their dates and times as
    strings already (walking a large result to convert nothing costs more than the query)."""
    rows = _retried(graph, name, params, _same)
    return rows[0] if rows else None


def _retried(graph: Graph, name: str, params: dict[str, Any], convert: Convert) -> list[Row]:
    try:
        return _run(graph, api_query(name), params, convert)
    except (Neo4jError, DriverError) as exc:
        if not exc.is_retryable():
            raise
        return _run(graph, api_query(name), params, convert)


def _run(graph: Graph, cypher: LiteralString, params: dict[str, Any], convert: Convert) -> list[Row]:
    with graph.driver.session(database=graph.database, default_access_mode=READ_ACCESS) as session:
        result = session.run(Query(cypher, timeout=graph.timeout), params)
        keys = result.keys()
        return [{key: convert(value) for key, value in zip(keys, record, strict=True)} for record in result]


def _same(value: Any) -> Any:
    return value


def json_response(value: Any) -> Response:
    """``value`` encoded once by pydantic-core (temporals as ISO strings), for a route whose output is
    built to its schema already: FastAPI's validate-then-serialise pass costs more than the encoding."""
    return Response(pydantic_core.to_json(value, fallback=_json_fallback), media_type="application/json")


def _json_fallback(value: Any) -> Any:
    out = _iso(value)
    if out is value:
        raise TypeError(f"{type(value).__name__} is not JSON serialisable")
    return out


def _iso(value: Any) -> Any:
    """A driver or Python temporal as its ISO string; anything else unchanged."""
    if isinstance(value, _TEMPORALS):
        return value.isoformat()
    if isinstance(value, Duration):
        return str(value)
    return value


def plain(value: Any) -> Any:
    """``value`` with driver temporals as ISO strings (maps and lists walked; scalars kept as they are)."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is dict:
        return {k: plain(v) for k, v in value.items()}
    if kind is list or kind is tuple:
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return _iso(value)
