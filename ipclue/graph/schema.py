"""Apply the graph schema (constraints, indexes) idempotently and record its version."""

from __future__ import annotations

from ipclue.cypher import query, statements
from ipclue.graph.db import Graph

SCHEMA_VERSION = 7


def apply_schema(graph: Graph) -> int:
    """Create every constraint and index that is missing, await them, migrate older data, record the
    version."""
    for stmt in statements("schema/constraints"):
        graph.write(stmt)
    graph.read("CALL db.awaitIndexes(300)")  # waits, writes nothing: READ mode
    for stmt in statements("schema/migrate"):
        graph.write(stmt)
    graph.write(query("schema/version_set"), version=SCHEMA_VERSION)
    return SCHEMA_VERSION


def schema_version(graph: Graph) -> int | None:
    rows = graph.read(query("schema/version_get"))
    return int(rows[0]["version"]) if rows else None


def counts(graph: Graph) -> dict[str, int]:
    """``node:Label`` and ``rel:TYPE`` → count."""
    return {f"{r['what']}:{r['name']}": int(r["count"]) for r in graph.read(query("schema/counts"))}


def wipe(graph: Graph) -> None:
    """Delete all data (keeps the schema)."""
    with graph.driver.session(database=graph.database) as session:
        for stmt in statements("schema/wipe"):
            session.run(stmt).consume()


def ensure_schema(graph: Graph) -> int:
    """Apply the schema unless the graph already records this version."""
    current = schema_version(graph)
    return current if current == SCHEMA_VERSION else apply_schema(graph)
