"""Apply the graph schema (constraints, indexes) idempotently and record its version."""

from __future__ import annotations

from neo4j import READ_ACCESS

from ipclue.cypher import query, statements
from ipclue.graph.db import Graph

SCHEMA_VERSION = 7


def apply_schema(graph: Graph) -> int:
    """Create every constraint and index that is missing, await them, migrate older data, record the
    version."""
    for stmt in statements("schema/constraints"):
        graph.write(stmt)
    await_indexes(graph)
    for stmt in statements("schema/migrate"):
        graph.write(stmt)
    graph.write(query("schema/version_set"), version=SCHEMA_VERSION)
    return SCHEMA_VERSION


def await_indexes(graph: Graph, seconds: int = 1800) -> None:
    """Wait for every index to be online, without the client's query timeout (20 s by default): the
    whole store's indexes after a bulk import, or an index a new schema version adds to a large graph,
    take longer (at 100k parties on a loaded machine the bulk load failed in such a wait). It writes
    nothing: READ mode, which a cluster routes by."""
    with graph.driver.session(database=graph.database, default_access_mode=READ_ACCESS) as session:
        session.run("CALL db.awaitIndexes($seconds)", seconds=seconds).consume()


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
