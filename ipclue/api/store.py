"""Running the API's Cypher (``cypher/api/<name>.cypher``) and turning driver values into JSON values.

Every request is a single auto-commit read: one network round trip (``execute_query`` wraps each
query in an explicit transaction, which costs a second one and more server work), retried once when
the driver says the failure is retryable (a stale pooled connection, a transient server error).

Two ways in: ``fetch*`` on the sync driver, for plain ``def`` routes (FastAPI runs them in its thread
pool), and :class:`AsyncReads` on the async driver, for the hot ``async def`` routes (party profile,
flags list, neighbourhood). Those skip the thread-pool hop and the GIL hand-offs between the event
loop and the pool threads: on the 100k bench graph, Python CPU per profile request fell from
2.2-2.6 ms to 1.3-1.6 ms, and the profile's p95 at 16 clients from ~55 ms to ~33 ms.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import Any, LiteralString

import pydantic_core
from fastapi import Response
from neo4j import READ_ACCESS, AsyncDriver, Query
from neo4j.exceptions import DriverError, Neo4jError
from neo4j.time import Date, DateTime, Duration, Time

from ipclue.cypher import query
from ipclue.errors import ConfigError
from ipclue.graph.db import Graph, bolt_params, connect_async

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
    try:
        return _run(graph, api_query(name), params)
    except (Neo4jError, DriverError) as exc:
        if not exc.is_retryable():
            raise
        return _run(graph, api_query(name), params)


def fetch_one(graph: Graph, name: str, **params: Any) -> Row | None:
    rows = fetch(graph, name, **params)
    return rows[0] if rows else None


def _run(graph: Graph, cypher: LiteralString, params: dict[str, Any]) -> list[Row]:
    with graph.driver.session(database=graph.database, default_access_mode=READ_ACCESS) as session:
        result = session.run(Query(cypher, timeout=graph.timeout), bolt_params(params))
        keys = result.keys()
        return [{key: plain(value) for key, value in zip(keys, record, strict=True)} for record in result]


def _same(value: Any) -> Any:
    return value


class AsyncReads:
    """API queries on the async driver: ``await reads.one(name, **params)`` from an ``async def`` route."""

    def __init__(self, driver: AsyncDriver, database: str, timeout: float | None) -> None:
        self.driver = driver
        self.database = database
        self.timeout = timeout

    @classmethod
    def open(cls, graph: Graph) -> AsyncReads:
        """An async driver to ``graph``'s server and database, with its query timeout."""
        if graph.target is None:
            raise ConfigError("the API needs the graph's target (uri and credentials) to open async reads")
        return cls(connect_async(graph.target), graph.database, graph.timeout)

    async def one(self, name: str, *, raw: bool = False, **params: Any) -> Row | None:
        """The first row of an API query; ``raw`` keeps values as the driver returns them (for queries
        that return their times as strings already), else temporals become ISO strings."""
        convert = _same if raw else plain
        try:
            rows = await self._run(api_query(name), params, convert)
        except (Neo4jError, DriverError) as exc:
            if not exc.is_retryable():
                raise
            rows = await self._run(api_query(name), params, convert)
        return rows[0] if rows else None

    async def _run(self, cypher: LiteralString, params: dict[str, Any], convert: Convert) -> list[Row]:
        async with self.driver.session(database=self.database, default_access_mode=READ_ACCESS) as session:
            result = await session.run(Query(cypher, timeout=self.timeout), bolt_params(params))
            keys = result.keys()
            return [{k: convert(v) for k, v in zip(keys, record, strict=True)} async for record in result]

    async def close(self) -> None:
        await self.driver.close()


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
