"""The flag store: upsert hits as ``(:Flag)`` nodes, list and page them, review them."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, time
from typing import Any

import pydantic_core

from ipclue.cypher import query
from ipclue.detect import dependencies as deps_
from ipclue.detect.models import TRANSITIONS, Detector, FlagDetail, FlagPage, FlagSummary, Hit, Review
from ipclue.errors import Conflict, InvalidInput, NotFound
from ipclue.graph.db import Graph
from ipclue.paging import decode_cursor, encode_cursor

_RANK = re.compile(r"\d{7} [A-Za-z0-9_-]{1,80}")


def _flag_row(det: Detector, hit: Hit, params: dict[str, Any], run_id: str) -> dict[str, Any]:
    h = det.header
    subjects = [s.model_dump() for s in hit.subjects]
    return {
        "id": hit.flag_id,
        "fingerprint": hit.fingerprint,
        "detector": h.id,
        "detector_version": h.version,
        "family": h.family,
        "severity": h.severity,
        "score": hit.score,
        "reason": hit.reason,
        "reason_en": hit.reason_en,
        "facts": _json(hit.facts) if hit.facts else None,
        "evidence": _json(hit.evidence),
        "subjects": _json(subjects),
        "subject_list": subjects,
        "subject_keys": [f"{s.label}:{s.key}" for s in hit.subjects],
        "params": _json(params),
        "title": h.title,
        "legal_basis": h.legal_basis,
        "run_id": run_id,
        "records": _records(hit),
    }


def _records(hit: Hit) -> list[str]:
    """The cases and penalties a hit rests on (their decision dates date the flag on the dashboard)."""
    keys = [str(e["key"]) for e in hit.evidence if e.get("label") in ("Case", "Penalty") and e.get("key")]
    return list(dict.fromkeys([*keys, *(s.key for s in hit.subjects if s.label in ("Case", "Penalty"))]))


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def store_hits(
    graph: Graph, det: Detector, hits: list[Hit], params: dict[str, Any], run_id: str
) -> tuple[int, int]:
    """Upsert flags for these hits; (created, updated)."""
    if not hits:
        return 0, 0
    ids = [h.flag_id for h in hits]
    existing = {r["id"] for r in graph.read(query("flags/existing"), ids=ids)}
    deps = deps_.dependencies(graph, hits)
    rows = [_flag_row(det, h, params, run_id) | deps_.fields(deps[h.flag_id]) for h in hits]
    for start in range(0, len(rows), 1000):
        graph.write(query("flags/upsert"), flags=rows[start : start + 1000])
    created = len(set(ids) - existing)
    return created, len(set(ids)) - created


def _as_datetime(value: date | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.combine(value, time.min, tzinfo=UTC)


def _native(value: Any) -> Any:
    return value.to_native() if hasattr(value, "to_native") else value


def _summary_fields(flag: dict[str, Any]) -> dict[str, Any]:
    out = {k: _native(v) for k, v in flag.items() if k != "rank"}
    out["subjects"] = json.loads(out.get("subjects") or "[]")
    return out


def _decode_cursor(cursor: str | None) -> str:
    """The rank a page resumes after ("" for the first page)."""
    if not cursor:
        return ""
    rank = decode_cursor(cursor)
    if not _RANK.fullmatch(rank):
        raise InvalidInput(f"bad cursor {cursor!r}: not a position in the flag list")
    return rank


def list_flags(
    graph: Graph,
    *,
    detector: str | None = None,
    family: str | None = None,
    severity: str | None = None,
    status: str | None = None,
    party: str | None = None,
    since: date | datetime | None = None,
    until: date | datetime | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> FlagPage:
    """A page of flags (best score first); ``next_cursor`` resumes after the last one."""
    params = list_params(
        detector=detector,
        family=family,
        severity=severity,
        status=status,
        party=party,
        since=since,
        until=until,
        limit=limit,
        cursor=cursor,
    )
    rows = graph.read(query(list_query(params)), **params)
    return flag_page(rows[0]["flags"] if rows else [], limit)


def list_params(
    *,
    limit: int,
    cursor: str | None,
    since: date | datetime | None,
    until: date | datetime | None,
    **filters: str | None,
) -> dict[str, Any]:
    """The parameters of ``flags/list`` for these filters (checked) and cursor (decoded)."""
    if not 1 <= limit <= 1000:
        raise InvalidInput("limit must be between 1 and 1000")
    return {
        **filters,
        "since": _as_datetime(since),
        "until": _as_datetime(until),
        "after": _decode_cursor(cursor),
        "limit": limit + 1,
    }


def list_query(params: dict[str, Any]) -> str:
    """The Cypher file that reads this page: ``flags/list_by_severity`` (an index seek per severity) when
    a severity is asked, else ``flags/list`` (the rank index, other filters applied while reading)."""
    return "flags/list_by_severity" if params.get("severity") else "flags/list"


def flag_page(rows: list[dict[str, Any]], limit: int) -> FlagPage:
    """Rows of ``flags/list`` (one more than ``limit`` when there is a next page) → a page."""
    items = [FlagSummary.model_validate(_summary_fields(r)) for r in rows[:limit]]
    return FlagPage(items=items, next_cursor=_next_cursor(rows, limit))


def flag_page_json(rows: list[dict[str, Any]], limit: int) -> bytes:
    """The same page as ``flag_page(rows, limit).model_dump_json()``, without a model per flag.

    The API's fast path: every field was validated when its hit was stored (``store_hits``) and the
    query returns times as ISO strings, so the page is only reshaped (subjects decoded, rank dropped)
    and encoded once. Tests hold it equal to ``flag_page``.
    """
    items = [_summary_fields(r) for r in rows[:limit]]
    for item in items:
        item["created_at"], item["updated_at"] = _micros(item["created_at"]), _micros(item["updated_at"])
    return pydantic_core.to_json({"items": items, "next_cursor": _next_cursor(rows, limit)})


def _micros(stamp: str | None) -> str | None:
    """Neo4j's ``toString`` of a UTC datetime (``…T07:40:54.69Z``) as pydantic writes it
    (``…T07:40:54.690000Z``), so the list and a flag's detail show one form."""
    if not stamp or "." not in stamp or not stamp.endswith("Z"):
        return stamp
    head, _, frac = stamp[:-1].partition(".")
    return f"{head}.{frac[:6].ljust(6, '0')}Z"


def _next_cursor(rows: list[dict[str, Any]], limit: int) -> str | None:
    return encode_cursor(str(rows[limit - 1]["rank"])) if len(rows) > limit else None


def get_flag(graph: Graph, flag_id: str) -> FlagDetail:
    rows = graph.read(query("flags/get"), id=flag_id)
    if not rows:
        raise NotFound(f"no flag {flag_id!r}")
    fields = _summary_fields(rows[0]["flag"])
    fields["evidence"] = json.loads(fields.get("evidence") or "[]")
    fields["params"] = json.loads(fields.get("params") or "{}")
    fields["facts"] = json.loads(fields.get("facts") or "{}")
    fields["dependencies"] = json.loads(fields.get("dependencies") or "[]")
    fields["dependency_summary"] = deps_.summary(fields["dependencies"])
    fields.pop("depends_on", None)
    fields["stale"] = bool(fields.get("stale"))
    fields["reviews"] = [
        Review.model_validate({k: _native(v) for k, v in r.items()}) for r in rows[0]["reviews"]
    ]
    fields.pop("subject_keys", None)
    return FlagDetail.model_validate(fields)


def review_flag(graph: Graph, flag_id: str, status: str, note: str, by: str) -> FlagDetail:
    """Move a flag to ``status`` (an allowed transition) and keep the note as a Review."""
    current = get_flag(graph, flag_id)
    if status not in TRANSITIONS:
        raise InvalidInput(f"unknown status {status!r}; one of {sorted(TRANSITIONS)}")
    if status != current.status and status not in TRANSITIONS[current.status]:
        allowed = ", ".join(sorted(TRANSITIONS[current.status]))
        raise Conflict(f"cannot go from {current.status} to {status} (allowed: {allowed})")
    graph.write(query("flags/review"), id=flag_id, status=status, note=note, by=by)
    return get_flag(graph, flag_id)


def detector_precision(graph: Graph) -> dict[str, float | None]:
    """Per detector: confirmed / (confirmed + dismissed) over reviewed flags; None if none reviewed."""
    out: dict[str, float | None] = {}
    for r in graph.read(query("flags/precision")):
        decided = int(r["confirmed"]) + int(r["dismissed"])
        out[str(r["detector"])] = round(int(r["confirmed"]) / decided, 4) if decided else None
    return out
