"""Gather one report's content from the graph: flags, parties, evidence rows, quotes, resolutions, reviews."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from ipclue.cypher import query
from ipclue.graph.db import Graph
from ipclue.reports import words
from ipclue.reports.masking import mask_report
from ipclue.reports.model import EvidenceRow, FlagSection, Kind, PartyLine, Report, Resolution, ReviewLine
from ipclue.reports.quotes import quotes_for

UID = re.compile(r"\b(?:org|per)-[A-Za-z0-9_.]+")
MAX_MENTIONS = 6
MAX_FLAGS = 50


def reason_of(flag: dict[str, Any]) -> str:
    """The flag's reason as the report prints it: the one place to switch when reasons are rendered anew."""
    reason = str(flag.get("reason_zh") or flag.get("reason") or "")
    head, sep, tail = reason.rpartition(" / ")
    return head if sep and not re.search(r"[\u4e00-\u9fff]", tail) else reason


def build_report(graph: Graph, flag_ids: list[str], *, kind: Kind, who: str, role: str) -> Report:
    """The report over these flags (in this order) for a reader with ``role``; consumers get it masked."""
    from ipclue.api.flags import flag_detail  # the detail the API serves, with its evidence subgraph

    sections = [_section(graph, flag_detail(graph, fid)) for fid in dict.fromkeys(flag_ids)]
    masked = role == "consumer"
    report = Report(
        kind=kind,
        generated_at=datetime.now(UTC),
        generated_by=who,
        role=role,
        masked=masked,
        flags=sections,
    )
    return mask_report(report) if masked else report


def _section(graph: Graph, detail: dict[str, Any]) -> FlagSection:
    evidence: list[dict[str, Any]] = detail.get("evidence") or []
    subject_uids = [s["key"] for s in detail.get("subjects") or [] if s["label"] == "Party"]
    names = _names(graph, {*subject_uids, *_uids(evidence)})
    shas = sorted({str(e["source"]) for e in evidence if isinstance(e.get("source"), str)})
    parties, resolutions = _parties(graph, subject_uids, shas)
    return FlagSection(
        id=detail["id"],
        title=str(detail.get("title") or detail["detector"]).split(" / ")[0],
        detector=detail["detector"],
        version=int(detail["detector_version"]),
        legal_basis=str(detail.get("legal_basis") or ""),
        severity=detail["severity"],
        score=float(detail["score"]),
        status=detail["status"],
        reason=reason_of(detail),
        parties=parties,
        evidence=[evidence_row(e, names) for e in evidence],
        quotes=quotes_for(graph, evidence),
        resolutions=resolutions,
        reviews=_history(graph, detail),
        graph=detail.get("subgraph") or {},
    )


def _uids(value: Any) -> set[str]:
    if isinstance(value, str):
        return set(UID.findall(value))
    if isinstance(value, dict):
        return {u for v in value.values() for u in _uids(v)}
    if isinstance(value, list):
        return {u for v in value for u in _uids(v)}
    return set()


def _names(graph: Graph, uids: set[str]) -> dict[str, str]:
    rows = graph.read(query("reports/names"), uids=sorted(uids)) if uids else []
    return {r["uid"]: r["name"] or r["uid"] for r in rows}


def _parties(graph: Graph, uids: list[str], shas: list[str]) -> tuple[list[PartyLine], list[Resolution]]:
    rows = graph.read(query("reports/parties"), uids=uids, shas=shas, cap=MAX_MENTIONS) if uids else []
    parties, resolutions = [], []
    for row in rows:
        p = row["party"]
        parties.append(PartyLine(uid=p["uid"], name=p["name"] or p["uid"], kind=p["kind"], uscc=p["uscc"]))
        resolutions += [_resolution(p["name"] or p["uid"], m) for m in row["mentions"]]
    return parties, resolutions


def _resolution(party: str, m: dict[str, Any]) -> Resolution:
    return Resolution(
        party=party,
        mention=str(m.get("name") or ""),
        role=m.get("role"),
        rule=m.get("rule"),
        score=m.get("score"),
        document=m.get("path"),
    )


def evidence_row(item: dict[str, Any], names: dict[str, str]) -> EvidenceRow:
    """One evidence item as a labelled row: its kind, its key and its other fields, uids shown as names."""
    label = str(item.get("label") or "")
    details = [
        f"{words.FIELDS.get(k, k)}：{_cell(v, names)}"
        for k, v in sorted(item.items())
        if k not in words.SKIPPED and v not in (None, "", [], {})
    ]
    return EvidenceRow(
        what=words.LABELS.get(label, label),
        key=_names_in(str(item.get("key") or ""), names),
        date=str(item["decided_on"]) if item.get("decided_on") else None,
        detail="；".join(details),
    )


def _cell(value: Any, names: dict[str, str]) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, list):
        return "、".join(dict.fromkeys(_cell(v, names) for v in value))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    text = _names_in(str(value), names)
    return words.detail_text(words.value_word(text))


def _names_in(text: str, names: dict[str, str]) -> str:
    return UID.sub(lambda m: names.get(m.group(0), m.group(0)), text)


def _history(graph: Graph, detail: dict[str, Any]) -> list[ReviewLine]:
    """Reviews (status changes), assignments and comments, oldest first."""
    from ipclue.detect.review import workflow

    events = list(detail.get("reviews") or [])
    for c in workflow(graph, detail["id"]).comments:
        events.append({"at": c.at, "by": c.by, "status": c.kind, "note": c.text})
    return [_review(e) for e in sorted(events, key=lambda e: _instant(e.get("at")))]


def _instant(at: Any) -> datetime:
    """When an event happened, for ordering: reviews and comments write their times in different text forms,
    and the report shows whole seconds only, so neither text orders them."""
    try:
        moment = datetime.fromisoformat(str(at))
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _review(r: dict[str, Any]) -> ReviewLine:
    at = str(r.get("at") or "")
    return ReviewLine(
        at=at[:19].replace("T", " "), by=str(r.get("by") or ""), status=r["status"], note=r["note"]
    )
