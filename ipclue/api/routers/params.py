"""Validated request parameters shared by the routers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Literal

from fastapi import Path, Query
from pydantic import AfterValidator, BaseModel

UID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{1,99}$"
REL_TYPES = frozenset(
    {
        "PARTY_TO",
        "REPRESENTED_BY",
        "LEGAL_REP_OF",
        "SHAREHOLDER_OF",
        "OFFICER_OF",
        "MEMBER_OF",
        "BRANCH_OF",
        "APPLIED_FOR",
        "OWNS",
        "ASSIGNED",
        "FILED_VIA",
        "INVENTOR_OF",
        "PENALISED_IN",
        "CONCERNS",
        "APPEAL_OF",
        "LOCATED_AT",
        "HAS_PHONE",
        "HAS_EMAIL",
        "SIMILAR_TO",
        "LINKED",
    }
)

Uid = Annotated[str, Path(pattern=UID_PATTERN, description="a party uid (org-…, per-…)")]
UidQuery = Annotated[str, Query(pattern=UID_PATTERN, description="a party uid")]
RecordKey = Annotated[str, Path(min_length=1, max_length=120, description="the record key, URL-encoded")]
Sha256 = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")]
Since = Annotated[date | None, Query(description="only relationships/records on or after this date")]
Until = Annotated[date | None, Query(description="only relationships/records on or before this date")]
Types = Annotated[
    str | None,
    Query(
        max_length=400,
        pattern=r"^[A-Z_]+(,[A-Z_]+)*$",
        description="relationship types to follow, comma-separated",
    ),
]


def _utc(moment: datetime | None) -> datetime | None:
    """Aware datetimes in UTC; naive ones are taken as UTC; offsets beyond ±14 h are refused."""
    if moment is None:
        return None
    offset = moment.utcoffset()
    if offset is not None and abs(offset) > timedelta(hours=14):
        raise ValueError("UTC offset must be within ±14:00")
    return moment.astimezone(UTC) if offset is not None else moment.replace(tzinfo=UTC)


Name = Annotated[str | None, Query(pattern=r"^[a-z0-9_-]{1,63}$")]
Severity = Annotated[Literal["low", "medium", "high"] | None, Query()]
Status = Annotated[Literal["new", "reviewing", "confirmed", "dismissed", "referred"] | None, Query()]
Moment = Annotated[
    datetime | None, AfterValidator(_utc), Query(description="an ISO date-time (UTC when no offset is given)")
]


class FlagFilters(BaseModel):
    """The filters of the flag list, the same query parameters on ``/flags`` and ``/exports/flags``.

    Used as ``Annotated[FlagFilters, Query()]``: FastAPI lists each field as its own query parameter, in
    this order, and ignores parameters it does not know (as it does for single parameters)."""

    detector: Name = None
    family: Name = None
    severity: Severity = None
    status: Status = None
    party: Annotated[str | None, Query(pattern=UID_PATTERN)] = None
    since: Moment = None
    until: Moment = None
