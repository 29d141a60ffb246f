"""Possible matches (``POSSIBLY_SAME``) in review: list (a party's, or the whole queue), confirm (a
force-merge judgement) or reject.

A rejection is stored as a force-split judgement between two parties,
``(:Judgement {kind: 'distinct', a, b, note})``: the group pass never proposes or merges that
pair again. A confirmation is ``force_merge`` (the lower uid survives). Both survive re-ingestion.
"""

from __future__ import annotations

import json
import math
from typing import Any

from pydantic import BaseModel

from ipclue.cypher import query
from ipclue.errors import InvalidInput
from ipclue.graph.db import Graph
from ipclue.graph.resolution.judgements import (
    JudgementError,
    force_merge,
    mark_stale,
    require_parties,
    run_steps,
)
from ipclue.graph.resolve import digest
from ipclue.paging import decode_cursor, encode_cursor


def possible_matches(graph: Graph, uid: str) -> list[dict[str, Any]]:
    """The parties possibly the same as ``uid``: uid, name, score, rule, evidence (best first)."""
    return graph.read(query("resolve/possible_of"), uid=uid)


QUEUE_MAX = 1000  # possible matches a page holds at most


class QueuePage(BaseModel):
    """A page of the review queue: the possible matches, how many match the filter in all, and the
    cursor of the next page (None on the last)."""

    items: list[dict[str, Any]]
    total: int
    next_cursor: str | None = None


def review_queue(
    graph: Graph,
    *,
    limit: int = 50,
    rule: str | None = None,
    min_score: float = 0.0,
    cursor: str | None = None,
) -> QueuePage:
    """The possible matches across the graph, best score first (then by uids), ``limit`` a page
    after ``cursor`` (a page's ``next_cursor``); of ``rule`` only and at ``min_score`` or more."""
    if not 1 <= limit <= QUEUE_MAX:
        raise InvalidInput(f"limit must be 1 to {QUEUE_MAX}, not {limit}")
    score, a, b = _position(cursor) if cursor else (None, None, None)
    where = {"rule": rule, "min_score": min_score}
    rows = graph.read(query("resolve/possible_queue"), limit=limit + 1, score=score, a=a, b=b, **where)
    total = int(graph.read(query("resolve/possible_queue_count"), **where)[0]["total"])
    page = rows[:limit]
    last = page[-1] if len(rows) > limit else None
    return QueuePage(items=page, total=total, next_cursor=_cursor(last) if last else None)


def _cursor(row: dict[str, Any]) -> str:
    return encode_cursor(json.dumps([row["score"], row["a"], row["b"]], ensure_ascii=False)).rstrip("=")


def _position(cursor: str) -> tuple[float, str, str]:
    """A ``next_cursor`` back to (score, a, b); InvalidInput when it is not one."""
    try:
        score, a, b = json.loads(decode_cursor(cursor))
        if isinstance(score, bool) or not isinstance(score, int | float) or not math.isfinite(score):
            raise ValueError(score)
        if not isinstance(a, str) or not isinstance(b, str):
            raise ValueError(a, b)
        return float(score), a, b
    except (ValueError, TypeError, RecursionError) as exc:  # JSONDecodeError is a ValueError
        raise InvalidInput(f"cursor {cursor[:40]!r} is not a next_cursor this queue gave") from exc


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
