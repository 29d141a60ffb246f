"""Rows a detector returned → normalised hits with a stable fingerprint and flag id."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from ipclue.detect.models import DetectorHeader, Hit, Subject
from ipclue.detect.render import TemplateError, render


class RowError(ValueError):
    """A row whose columns do not have the shapes every detector must return."""


def fingerprint(detector: str, subjects: Iterable[Subject]) -> str:
    keys = sorted({f"{s.label}:{s.key}" for s in subjects})
    return hashlib.sha256("|".join([detector, *keys]).encode("utf-8")).hexdigest()


def flag_id(fp: str) -> str:
    return f"flg-{fp[:20]}"


def subject_of(value: Any) -> Subject:
    """A subject as a map {label, key}; a bare string is taken as a party uid."""
    if isinstance(value, str):
        return Subject(label="Party", key=value)
    if isinstance(value, dict) and {"label", "key"} <= value.keys():
        return Subject(label=value["label"], key=str(value["key"]))
    raise RowError(f"subject is neither a party uid nor a {{label, key}} map: {value!r}")


def to_hit(header: DetectorHeader, row: dict[str, Any]) -> Hit:
    """Check a row's shapes and normalise it (sorted, de-duplicated subjects; clamped score; the
    reason rendered from its facts by the header's templates, or taken as written)."""
    subjects_raw, evidence, score, reason = (row.get(k) for k in ("subjects", "evidence", "score", "reason"))
    if not isinstance(subjects_raw, list) or not subjects_raw:
        raise RowError("subjects must be a non-empty list")
    if not isinstance(evidence, list) or not all(isinstance(e, dict) for e in evidence):
        raise RowError("evidence must be a list of maps")
    if not isinstance(score, int | float):
        raise RowError("score must be a number")
    uniq = {(s.label, s.key): s for s in map(subject_of, subjects_raw)}
    subjects = [uniq[k] for k in sorted(uniq)]
    fp = fingerprint(header.id, subjects)
    return Hit(
        detector=header.id,
        subjects=subjects,
        evidence=dedupe(evidence),
        score=round(min(1.0, max(0.0, float(score))), 4),
        **wording(header, reason),
        fingerprint=fp,
        flag_id=flag_id(fp),
    )


def wording(header: DetectorHeader, reason: Any) -> dict[str, Any]:
    """``reason`` (zh), ``reason_en`` and ``facts`` of a row: facts rendered through the header's
    templates, or a sentence the query wrote itself (detector files without templates)."""
    if isinstance(reason, str):
        return {"reason": reason, "reason_en": None, "facts": {}}
    if not isinstance(reason, dict):
        raise RowError("reason must be a string or a map of facts")
    if header.reason_zh is None:
        raise RowError("reason is a map of facts but the header has no reason_zh template")
    try:
        return {
            "reason": render(header.reason_zh, reason, "zh"),
            "reason_en": render(header.reason_en, reason, "en") if header.reason_en else None,
            "facts": reason,
        }
    except TemplateError as exc:
        raise RowError(str(exc)) from exc


def dedupe(evidence: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    for item in evidence:
        key = json.dumps(item, sort_keys=True, ensure_ascii=False, default=str)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
