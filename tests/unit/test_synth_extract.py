"""The colleagues' extractors against synth output: judgments, penalties and the whole directory."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ipclue.normalize import clean, normalize_case_no
from ipclue.synth import generate

judgment = pytest.importorskip("ipclue.extractors.judgment")
text = pytest.importorskip("ipclue.extractors.text")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """A small demo corpus and its truth."""
    out = tmp_path_factory.mktemp("synth-extract")
    generate(out, 200, 9, "demo")
    return out, json.loads((out / "truth.json").read_text("utf-8"))


def _names(record: Any) -> set[str]:
    """Every name a judgment record gives for its parties (name, trade name, legal rep)."""
    out: set[str] = set()
    for p in record.parties:
        out |= {n for n in (p.name, p.trade_name, p.legal_representative) if n}
    return out


def test_judgments_parse_with_case_no_court_and_parties(corpus: tuple[Path, dict[str, Any]]) -> None:
    root, truth = corpus
    docs = [d for d in truth["documents"] if d["kind"] == "judgment"]
    ok_no = ok_court = ok_parties = 0
    for d in docs:
        rec = judgment.extract_judgment(text.read_document(root / d["file"]))
        ok_no += rec.case_no == normalize_case_no(d["id"])
        ok_court += rec.court == d["court"]
        ok_parties += {p["name_as_written"] for p in d["parties"]} <= _names(rec)
    n = len(docs)
    print(f"judgments {n}: case_no {ok_no / n:.1%}, court {ok_court / n:.1%}, parties {ok_parties / n:.1%}")
    assert ok_no / n > 0.95 and ok_court / n > 0.95
    assert ok_parties / n > 0.8


def test_penalty_texts_parse_with_decision_no(corpus: tuple[Path, dict[str, Any]]) -> None:
    penalty = pytest.importorskip("ipclue.extractors.penalty")
    root, truth = corpus
    docs = [d for d in truth["documents"] if d["kind"] == "penalty" and d["file"].startswith("penalties/")]
    good = sum(
        penalty.extract_penalty(text.read_document(root / d["file"])).decision_no == clean(d["id"])
        for d in docs
    )
    print(f"penalty texts {len(docs)}: decision_no {good / len(docs):.1%}")
    assert good / len(docs) > 0.95


def test_whole_directory_extracts_without_rejections(corpus: tuple[Path, dict[str, Any]]) -> None:
    dispatch = pytest.importorskip("ipclue.extractors.dispatch")
    root, truth = corpus
    kinds: dict[str, int] = {}
    rejected = []
    for item in dispatch.extract_paths([root]):
        kind = getattr(item, "type", "rejection")
        kinds[kind] = kinds.get(kind, 0) + 1
        if kind == "rejection" and not item.path.endswith("truth.json"):
            rejected.append((item.path, item.reason, item.detail))
    print(kinds, rejected[:5])
    assert not rejected
    assert kinds.get("judgment", 0) == sum(d["kind"] == "judgment" for d in truth["documents"])
    assert kinds.get("penalty", 0) == sum(d["kind"] == "penalty" for d in truth["documents"])


_SIDE_A = {"plaintiff", "appellant"}
_SIDE_B = {"defendant", "appellee"}


def test_no_firm_acts_for_both_sides_except_in_planted_rings(corpus: tuple[Path, dict[str, Any]]) -> None:
    """律师法 第三十九条: one firm on both sides is a planted signal, never background noise."""
    root, truth = corpus
    planted = {normalize_case_no(d) for p in truth["patterns"] for d in p["documents"]}
    both_sides = []
    for d in (d for d in truth["documents"] if d["kind"] == "judgment"):
        rec = judgment.extract_judgment(text.read_document(root / d["file"]))
        firms = {
            side: {a.organization for p in rec.parties if p.role in roles for a in p.agents if a.organization}
            for side, roles in (("a", _SIDE_A), ("b", _SIDE_B))
        }
        if firms["a"] & firms["b"] and rec.case_no not in planted:
            both_sides.append(rec.case_no)
    assert both_sides == []
