"""Possible matches (``POSSIBLY_SAME``) in review: list, confirm (a force-merge judgement) or reject.

A rejection is stored as a force-split judgement between two parties,
``(:Judgement {kind: 'distinct', a, b, note})``: the group pass never proposes or merges that
pair again. A confirmation is ``force_merge`` (the lower uid survives). Both survive re-ingestion.
"""

from __future__ import annotations

from typing import Any

from ipclue.cypher import query
from ipclue.graph.db import Graph
from ipclue.graph.resolution.judgements import (
    JudgementError,
    force_merge,
    mark_stale,
    require_parties,
    run_steps,
)
from ipclue.graph.resolve import digest


def possible_matches(graph: Graph, uid: str) -> list[dict[str, Any]]:
    """The parties possibly the same as ``uid``: uid, name, score, rule, evidence (best first)."""
    return graph.read(query("resolve/possible_of"), uid=uid)


def confirm(graph: Graph, a: str, b: str, note: str = "") -> tuple[str, str]:
    """Confirm a possible match: force-merge (lower uid kept); returns (judgement id, kept uid)."""
    why = _pair(graph, a, b)
    keep, absorb = sorted((a, b))
    jid = force_merge(graph, keep, absorb, f"confirmed possible match ({why}) {note}".strip())
    return jid, keep


def reject(graph: Graph, a: str, b: str, note: str = "") -> str:
    """Reject a possible match: store a ``distinct`` judgement and drop the edge; returns its id."""
    why = _pair(graph, a, b)
    lo, hi = sorted((a, b))
    jid = f"distinct-{digest(lo, hi)}"
    store = {"id": jid, "kind": "distinct", "a": lo, "b": hi, "note": f"rejected ({why}) {note}".strip()}
    run_steps(
        graph,
        [
            ("resolve/judgement_create", store | {"mentions": []}),
            ("resolve/possible_drop", {"a": lo, "b": hi}),
        ],
    )
    mark_stale(graph, [lo, hi])
    return jid


def _pair(graph: Graph, a: str, b: str) -> str:
    """The edge's rule and score, or an error naming what is wrong."""
    if a == b:
        raise JudgementError("a party is not a possible match of itself")
    require_parties(graph, [a, b])
    rows = graph.read(query("resolve/possible_pair"), a=a, b=b)
    if not rows:
        raise JudgementError(f"no possible match between {a} and {b}")
    return f"{rows[0]['rule']} {rows[0]['score']}"
