"""Shortest paths between two parties, each hop with the documents that show it."""

from __future__ import annotations

from typing import Any

from ipclue.api.neighbourhood import node_out
from ipclue.api.store import Row, fetch_one
from ipclue.errors import InvalidInput, NotFound
from ipclue.graph.db import Graph

MAX_PATHS = 10


def shortest_paths(graph: Graph, a: str, b: str, max_hops: int) -> dict[str, Any]:
    """One query: both parties' existence, the paths and the documents behind every hop."""
    if a == b:
        raise InvalidInput("a and b must be two different parties")
    row = fetch_one(graph, "paths", a=a, b=b, max_hops=max_hops, limit=MAX_PATHS)
    if row is None or not row["a_found"] or not row["b_found"]:
        missing = a if row is None or not row["a_found"] else b
        raise NotFound(f"no party with uid {missing!r}")
    sources: dict[str, str | None] = {s["sha256"]: s["path"] for s in row["sources"]}
    return {"paths": [_path(p, sources) for p in row["paths"]]}


def _path(row: Row, sources: dict[str, str | None]) -> dict[str, Any]:
    nodes = [node_out(n) for n in row["nodes"]]
    ids = {n["eid"]: out["id"] for n, out in zip(row["nodes"], nodes, strict=True)}
    return {"nodes": nodes, "hops": [_hop(h, ids, sources) for h in row["hops"]]}


def _hop(hop: Row, ids: dict[str, str], sources: dict[str, str | None]) -> dict[str, Any]:
    props = dict(hop["props"])
    shas: list[str] = props.pop("sources", None) or []
    evidence: dict[str, Any] = {"sources": [{"sha256": s, "path": sources.get(s)} for s in shas]}
    evidence["source"] = evidence["sources"][0] if shas else None
    for key in ("case_no", "role", "pct", "title", "on"):
        if props.get(key) is not None:
            evidence[key] = props[key]
    return {
        "type": hop["type"],
        "from": ids[hop["start"]],
        "to": ids[hop["end"]],
        "props": props,
        "evidence": evidence,
    }
