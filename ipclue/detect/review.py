"""The review workflow around a flag: assignee and due date, a comment thread, and bulk status changes.

A single review (status + note) stays ``store.review_flag``; this module adds what a team needs to share the
work. Every change moves the flag's ``updated_at`` (what ``since`` polls).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from ipclue.cypher import query
from ipclue.detect.models import TRANSITIONS
from ipclue.errors import InvalidInput, NotFound
from ipclue.graph.db import Graph

MAX_COMMENTS = 500
MAX_BULK = 500


class Comment(BaseModel):
    at: str
    by: str
    kind: str
    text: str


class Workflow(BaseModel):
    """Who works on a flag, by when, and what was said about it."""

    assignee: str | None = None
    due_on: date | None = None
    overdue: bool = False
    comments: list[Comment] = Field(default_factory=list)


class BulkResult(BaseModel):
    """Which flags a bulk review moved, and why the others were refused."""

    reviewed: list[str] = Field(default_factory=list)
    refused: dict[str, str] = Field(default_factory=dict)


def workflow(graph: Graph, flag_id: str, today: date | None = None) -> Workflow:
    rows = graph.read(query("flags/workflow"), id=flag_id, cap=MAX_COMMENTS)
    if not rows:
        raise NotFound(f"no flag {flag_id!r}")
    row = rows[0]
    due = row["due_on"].to_native() if hasattr(row["due_on"], "to_native") else row["due_on"]
    overdue = due is not None and due < (today or date.today())
    return Workflow(assignee=row["assignee"], due_on=due, overdue=overdue, comments=row["comments"])


def assign(graph: Graph, flag_id: str, assignee: str | None, due_on: date | None, by: str) -> Workflow:
    """Set (or clear, with None) the assignee and the due date; the change is noted in the thread."""
    assignee = (assignee or "").strip() or None
    text = f"指派给 {assignee or '（无人）'}" + (f"，期限 {due_on.isoformat()}" if due_on else "，无期限")
    done = graph.write(query("flags/assign"), id=flag_id, assignee=assignee, due_on=due_on, by=by, text=text)
    if not done:
        raise NotFound(f"no flag {flag_id!r}")
    return workflow(graph, flag_id)


def add_comment(graph: Graph, flag_id: str, text: str, by: str) -> Workflow:
    text = text.strip()
    if not text:
        raise InvalidInput("a comment needs text")
    if not graph.write(query("flags/comment"), id=flag_id, text=text, by=by):
        raise NotFound(f"no flag {flag_id!r}")
    return workflow(graph, flag_id)


def bulk_review(graph: Graph, flag_ids: list[str], status: str, note: str, by: str) -> BulkResult:
    """Move every flag that may go to ``status`` (``TRANSITIONS``) in one write; say why others may not."""
    if status not in TRANSITIONS:
        raise InvalidInput(f"unknown status {status!r}; one of {sorted(TRANSITIONS)}")
    ids = list(dict.fromkeys(flag_ids))
    if not 1 <= len(ids) <= MAX_BULK:
        raise InvalidInput(f"a bulk review takes 1 to {MAX_BULK} flags, not {len(ids)}")
    current = {r["id"]: r["status"] for r in graph.read(query("flags/statuses"), ids=ids)}
    result = BulkResult(refused={i: _refusal(current.get(i), status) for i in ids})
    result.refused = {i: why for i, why in result.refused.items() if why}
    result.reviewed = [i for i in ids if i not in result.refused]
    rows: list[dict[str, Any]] = [
        {"id": i, "status": status, "note": note, "by": by} for i in result.reviewed
    ]
    if rows:
        graph.write(query("flags/review_bulk"), rows=rows)
    return result


def _refusal(current: str | None, status: str) -> str:
    if current is None:
        return "no such flag"
    if status != current and status not in TRANSITIONS[current]:
        return f"cannot go from {current} to {status} (allowed: {', '.join(sorted(TRANSITIONS[current]))})"
    return ""
