"""Rows a detector returned → normalised hits with a stable fingerprint and flag id."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from ipclue.detect.models import Hit, Subject

KEY_PROPS = {
    "Party": "uid",
    "Case": "case_no",
    "Trademark": "reg_no",
    "Patent": "number",
    "Penalty": "decision_no",
}


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


def to_hit(detector: str, row: dict[str, Any]) -> Hit:
    """Check a row's shapes and normalise it (sorted, de-duplicated subjects; clamped score)."""
    subjects_raw, evidence, score, reason = (row.get(k) for k in ("subjects", "evidence", "score", "reason"))
    if not isinstance(subjects_raw, list) or not subjects_raw:
        raise RowError("subjects must be a non-empty list")
    if not isinstance(evidence, list) or not all(isinstance(e, dict) for e in evidence):
        raise RowError("evidence must be a list of maps")
    if not isinstance(score, int | float) or not isinstance(reason, str):
        raise RowError("score must be a number and reason a string")
    uniq = {(s.label, s.key): s for s in map(subject_of, subjects_raw)}
    subjects = [uniq[k] for k in sorted(uniq)]
    fp = fingerprint(detector, subjects)
    return Hit(
        detector=detector,
        subjects=subjects,
        evidence=dedupe(evidence),
        score=round(min(1.0, max(0.0, float(score))), 4),
        reason=reason,
        fingerprint=fp,
        flag_id=flag_id(fp),
    )


def dedupe(evidence: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    for item in evidence:
        key = json.dumps(item, sort_keys=True, ensure_ascii=False, default=str)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
