"""Shortest paths between two parties: up to five distinct chains, every intermediate node drawn (the case,
the phone, the address, the person), each hop with its evidence sentence and the documents that show it."""

from __future__ import annotations

from typing import Any

from ipclue.api.hops import hop_sentence
from ipclue.api.neighbourhood import node_out
from ipclue.api.store import Row, fetch_one
from ipclue.errors import InvalidInput, NotFound
from ipclue.graph.db import Graph

MAX_PATHS = 5
EVIDENCE_KEYS = ("case_no", "role", "role_text", "pct", "title", "on")


def shortest_paths(graph: Graph, a: str, b: str, max_hops: int, k: int = 3) -> dict[str, Any]:
    """One query: both parties' existence, the paths and the documents behind every hop."""
    if a == b:
        raise InvalidInput("a and b must be two different parties")
    if not 1 <= k <= MAX_PATHS:
        raise InvalidInput(f"k must be between 1 and {MAX_PATHS}")
    row = fetch_one(graph, "paths", a=a, b=b, max_hops=max_hops)
    if row is None or not row["a_found"] or not row["b_found"]:
        missing = a if row is None or not row["a_found"] else b
        raise NotFound(f"no party with uid {missing!r}")
    sources: dict[str, str | None] = {s["sha256"]: s["path"] for s in row["sources"]}
    return {"paths": [_path(p, sources) for p in distinct_chains(row["paths"], k)]}


def distinct_chains(paths: list[Row], k: int) -> list[Row]:
    """The first ``k`` paths by distinct node chain, parallel relationships of a chain folded into its hops
    (each hop then holds ``parallel``: the other relationships between the same two nodes)."""
    chains: dict[tuple[str, ...], Row] = {}
    for p in paths:
        key = tuple(n["eid"] for n in p["nodes"])
        if key not in chains:
            if len(chains) == k:
                continue
            chains[key] = {"nodes": p["nodes"], "hops": [{**h, "parallel": []} for h in p["hops"]]}
            continue
        for hop, other in zip(chains[key]["hops"], p["hops"], strict=True):
            seen = {hop["rid"], *(x["rid"] for x in hop["parallel"])}
            if other["rid"] not in seen:
                hop["parallel"].append(other)
    return list(chains.values())


def _path(row: Row, sources: dict[str, str | None]) -> dict[str, Any]:
    nodes = [node_out(n) for n in row["nodes"]]
    ids = {n["eid"]: out["id"] for n, out in zip(row["nodes"], nodes, strict=True)}
    by_id = {n["id"]: n for n in nodes}
    return {"nodes": nodes, "hops": [_hop(h, ids, by_id, sources) for h in row["hops"]]}


def _hop(
    hop: Row, ids: dict[str, str], nodes: dict[str, Any], sources: dict[str, str | None]
) -> dict[str, Any]:
    relations = [hop, *hop.get("parallel", [])]
    shas = list(dict.fromkeys(s for r in relations for s in r["props"].get("sources") or []))
    evidence: dict[str, Any] = {"sources": [{"sha256": s, "path": sources.get(s)} for s in shas]}
    evidence["source"] = evidence["sources"][0] if shas else None
    props = {k: v for k, v in hop["props"].items() if k != "sources"}
    evidence.update({k: props[k] for k in EVIDENCE_KEYS if props.get(k) is not None})
    sentences = [
        hop_sentence(r["type"], nodes[ids[r["start"]]], nodes[ids[r["end"]]], r["props"]) for r in relations
    ]
    return {
        "type": hop["type"],
        "types": list(dict.fromkeys(r["type"] for r in relations)),
        "from": ids[hop["start"]],
        "to": ids[hop["end"]],
        "props": props,
        "sentence": "；".join(dict.fromkeys(sentences)),
        "evidence": evidence,
    }
