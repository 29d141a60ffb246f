"""Flags carry the resolution decisions they rely on, and go ``stale`` when one changes.

For each party a flag names (its Party subjects and every party uid in its evidence path) the
flag stores the weakest ``REFERS_TO`` link that put a mention there (rule, score, evidence), and
every ``POSSIBLY_SAME`` edge among those parties (a detector may have traversed it). Stored on
the flag as ``dependencies`` (JSON) and ``depends_on`` (the uids). A merge or split marks the
flags relying on a party it changed ``stale`` (``graph.resolution.judgements.mark_stale``); the
next ``ipclue detect`` re-raises, and so refreshes, what still holds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from ipclue.cypher import query
from ipclue.detect.models import Hit
from ipclue.graph.db import Graph

PARTY_UID = re.compile(r"(?<![0-9A-Za-z-])(?:org|per)-[0-9A-Za-z]+(?![0-9A-Za-z-])")


def party_uids(hit: Hit) -> list[str]:
    """The parties a hit names: Party subjects, then party uids anywhere in its evidence."""
    found = [s.key for s in hit.subjects if s.label == "Party"]
    found += [u for text in _strings(hit.evidence) for u in PARTY_UID.findall(text)]
    return list(dict.fromkeys(found))


def dependencies(graph: Graph, hits: list[Hit]) -> dict[str, list[dict[str, Any]]]:
    """Flag id → its dependencies: ``link`` rows (weakest link per party, weakest first) and
    ``possible`` rows (POSSIBLY_SAME edges among the flag's parties)."""
    per_hit = {h.flag_id: party_uids(h) for h in hits}
    uids = sorted({u for us in per_hit.values() for u in us})
    rows = {r["uid"]: r for r in graph.read(query("flags/dependencies"), uids=uids)} if uids else {}
    return {fid: _deps([rows[u] for u in us if u in rows], set(us)) for fid, us in per_hit.items()}


def _deps(rows: list[dict[str, Any]], mine: set[str]) -> list[dict[str, Any]]:
    links = [
        {"kind": "link", "uid": r["uid"], "name": r["name"], "rule": r["rule"], "score": r["score"]}
        | {"evidence": r["evidence"]}
        for r in rows
        if r["rule"] is not None
    ]
    edges = {(e["a"], e["b"]): e for r in rows for e in r["possible"] if e["a"] in mine and e["b"] in mine}
    possible = [{"kind": "possible", **edges[k]} for k in sorted(edges)]
    return sorted(links, key=lambda d: (d["score"], d["uid"])) + possible


def fields(deps: list[dict[str, Any]]) -> dict[str, Any]:
    """The flag properties for its dependencies (``dependencies`` JSON, ``depends_on`` uids)."""
    uids = {d["uid"] for d in deps if d["kind"] == "link"} | {
        u for d in deps if d["kind"] == "possible" for u in (d["a"], d["b"])
    }
    return {"dependencies": json.dumps(deps, ensure_ascii=False), "depends_on": sorted(uids)}


def summary(deps: list[dict[str, Any]], below: float = 1.0) -> str:
    """One line a prosecutor reads: ``线索依赖：方洪波（0.71，同名且…）；…`` (links below ``below``
    and every possible match), or '' when the flag rests only on certain links."""
    parts = [
        f"{d.get('name') or d['uid']}（{d['score']:.2f}，{d['evidence']}）"
        for d in deps
        if d["kind"] == "link" and d["score"] is not None and d["score"] < below
    ]
    parts += [
        f"{d['a']}≈{d['b']}（{d['score']:.2f}，{d['evidence']}）" for d in deps if d["kind"] == "possible"
    ]
    return "线索依赖：" + "；".join(parts) if parts else ""


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)
