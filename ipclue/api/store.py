"""Running the API's Cypher (``cypher/api/<name>.cypher``) and turning driver values into JSON values."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from neo4j.time import Date, DateTime, Duration, Time

from ipclue.cypher import query
from ipclue.graph.db import Graph

Row = dict[str, Any]


def fetch(graph: Graph, name: str, **params: Any) -> list[Row]:
    """Rows of an API query, with temporal values as ISO strings."""
    return [plain(row) for row in graph.read(query(f"api/{name}"), **params)]


def fetch_one(graph: Graph, name: str, **params: Any) -> Row | None:
    rows = fetch(graph, name, **params)
    return rows[0] if rows else None


def plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, Date | DateTime | Time | date | datetime):
        return value.isoformat()
    if isinstance(value, Duration):
        return str(value)
    return value
