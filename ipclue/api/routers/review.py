"""The review workflow: a flag's assignee and due date, its comment thread, and bulk status changes."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from ipclue.api.auth import Investigator
from ipclue.api.deps import AuditDep, GraphDep
from ipclue.api.routers.flags import FlagId
from ipclue.api.routing import ApiRoute
from ipclue.detect import review as workflow

router = APIRouter(route_class=ApiRoute, tags=["review"])
STATUS = r"^(new|reviewing|confirmed|dismissed|referred)$"


class Assignment(BaseModel):
    model_config = ConfigDict(extra="forbid")

    assignee: str | None = Field(default=None, max_length=100, description="who works on it; null to clear")
    due_on: date | None = Field(default=None, description="the date it is due; null for none")


class CommentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=4000)


class BulkReview(BaseModel):
    model_config = ConfigDict(extra="forbid")

    flags: list[str] = Field(min_length=1, max_length=workflow.MAX_BULK)
    status: str = Field(pattern=STATUS)
    note: str = Field(default="", max_length=4000)


@router.get("/flags/{flag_id}/workflow")
def get_workflow(flag_id: FlagId, _: Investigator, graph: GraphDep) -> dict[str, Any]:
    """The flag's assignee, due date (and whether it is overdue) and comment thread."""
    return workflow.workflow(graph, flag_id).model_dump(mode="json")


@router.put("/flags/{flag_id}/assignment")
def put_assignment(
    flag_id: FlagId, body: Assignment, who: Investigator, graph: GraphDep, audit: AuditDep
) -> dict[str, Any]:
    """Assign the flag to someone, with a due date (null clears either); noted in the thread."""
    audit("assign-flag", flag_id, assignee=body.assignee, due_on=str(body.due_on))
    return workflow.assign(graph, flag_id, body.assignee, body.due_on, who.name).model_dump(mode="json")


@router.post("/flags/{flag_id}/comments")
def post_comment(
    flag_id: FlagId, body: CommentIn, who: Investigator, graph: GraphDep, audit: AuditDep
) -> dict[str, Any]:
    """Add a comment to the flag's thread."""
    audit("comment-flag", flag_id, text=body.text[:200])
    return workflow.add_comment(graph, flag_id, body.text, who.name).model_dump(mode="json")


@router.post("/reviews/bulk")
def bulk_review(body: BulkReview, who: Investigator, graph: GraphDep, audit: AuditDep) -> dict[str, Any]:
    """Move many flags to one status with one note; flags whose transition is not allowed are listed with
    the reason and left as they are."""
    result = workflow.bulk_review(graph, body.flags, body.status, body.note, who.name)
    audit("bulk-review", ",".join(result.reviewed)[:200], status=body.status, reviewed=len(result.reviewed))
    return result.model_dump(mode="json")
