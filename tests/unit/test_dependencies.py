"""Flag dependencies (pure parts): party uids from subjects and evidence, stored fields, summary line."""

from __future__ import annotations

import json

from ipclue.detect.dependencies import fields, party_uids, summary
from ipclue.detect.models import Hit, Subject


def hit(evidence: list[dict[str, object]]) -> Hit:
    subjects = [Subject(label="Party", key="org-n1"), Subject(label="Case", key="(2021)粤01民初1号")]
    return Hit(
        detector="d",
        subjects=subjects,
        evidence=evidence,
        score=0.9,
        reason="r",
        fingerprint="f",
        flag_id="x",
    )


def test_party_uids_come_from_subjects_and_evidence_paths() -> None:
    h = hit([{"label": "LEGAL_REP_OF", "key": "per-ab12 → org-n2"}, {"ties": ["per-ab12", "深圳市某路1号"]}])
    assert party_uids(h) == ["org-n1", "per-ab12", "org-n2"]
    assert party_uids(hit([{"key": "super-org-n3", "text": "org-n4x"}])) == ["org-n1", "org-n4x"]


def test_fields_and_summary_name_the_weak_links_and_possible_matches() -> None:
    deps = [
        {"kind": "link", "uid": "per-1", "name": "方洪波", "rule": "person:group-trade-name", "score": 0.71}
        | {"evidence": "同名且同一集团法定代表人"},
        {
            "kind": "link",
            "uid": "org-n1",
            "name": "甲公司",
            "rule": "org:uscc",
            "score": 1.0,
            "evidence": "USCC",
        },
        {"kind": "possible", "a": "per-1", "b": "per-2", "score": 0.66, "rule": "r", "evidence": "相同字号"},
    ]
    stored = fields(deps)
    assert stored["depends_on"] == ["org-n1", "per-1", "per-2"]
    assert json.loads(stored["dependencies"]) == deps
    line = summary(deps)
    assert (
        line.startswith("线索依赖：方洪波（0.71，同名且同一集团法定代表人）")
        and "per-1≈per-2（0.66，相同字号）" in line
    )
    assert "甲公司" not in line and summary(deps[1:2]) == ""
