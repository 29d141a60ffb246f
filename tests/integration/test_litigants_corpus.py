"""Real people tied only by litigation (tests/data/litigants.json): natural-person litigants written
without birth date or ID, and agents for one company, end up one party or parties joined by
POSSIBLY_SAME (a litigation rule: review only, never merged); the known different people stay apart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ipclue.graph.db import Graph
from ipclue.graph.resolution.suits import RULES
from ipclue.pipeline import ingest

SPEC = Path(__file__).resolve().parents[1] / "data" / "litigants.json"

PARTIES = (
    "MATCH (p:Party {kind: 'person'}) WHERE p.name_key = $name AND ("
    " EXISTS { (p)-[:PARTY_TO]->(c:Case) WHERE c.case_no IN $cases }"
    " OR EXISTS { (p)-[:LEGAL_REP_OF]->(:Party)-[:PARTY_TO]->(c:Case) WHERE c.case_no IN $cases }"
    " OR EXISTS { (:Party)-[r:REPRESENTED_BY]->(p) WHERE r.case_no IN $cases }) "
    "RETURN collect(DISTINCT p.uid) AS uids"
)
EDGES = (
    "MATCH (a:Party)-[r:POSSIBLY_SAME]->(b:Party) WHERE a.uid IN $uids AND b.uid IN $uids "
    "RETURN a.uid AS a, b.uid AS b, r.score AS score, r.rule AS rule, r.evidence AS evidence"
)
MERGED = (
    "MATCH (:Mention)-[r:REFERS_TO]->(p:Party) WHERE p.uid IN $uids AND r.rule STARTS WITH 'person:suit' "
    "RETURN count(r) AS n"
)


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return dict(json.loads(SPEC.read_text(encoding="utf-8")))


@pytest.fixture()
def loaded(graph: Graph, corpus: Path, spec: dict[str, Any], tmp_path: Path) -> Graph:
    files = {f for group in ("same_person", "different_person") for e in spec[group] for f in e["files"]}
    ingest(graph, [corpus / "judgments/civil" / f for f in sorted(files)], quarantine_dir=tmp_path / "q")
    return graph


def _parties(graph: Graph, entry: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    uids = sorted(graph.read(PARTIES, name=entry["name"], cases=entry["cases"])[0]["uids"])
    return uids, graph.read(EDGES, uids=uids)


def test_list_covers_litigants_and_agents(spec: dict[str, Any]) -> None:
    assert len(spec["same_person"]) >= 8
    assert {e["rule"] for e in spec["same_person"] if "rule" in e} <= RULES
    assert sum("rule" not in e for e in spec["same_person"]) >= 4  # agents for one company


def test_same_person_is_one_party_or_possibly_same(loaded: Graph, spec: dict[str, Any]) -> None:
    failures = []
    for entry in spec["same_person"]:
        uids, edges = _parties(loaded, entry)
        # an agent for one company: one party; a litigant: two parties, one possible match of its rule
        litigant = "rule" in entry and len(uids) == 2 and [e["rule"] for e in edges] == [entry["rule"]]
        if not (litigant if "rule" in entry else len(uids) == 1):
            failures.append((entry["name"], uids, edges))
    assert not failures, failures


def test_litigation_pairs_are_review_only_and_explained(loaded: Graph, spec: dict[str, Any]) -> None:
    for entry in (e for e in spec["same_person"] if "rule" in e):
        uids, edges = _parties(loaded, entry)
        assert loaded.read(MERGED, uids=uids)[0]["n"] == 0, entry["name"]  # no mention moved by it
        (edge,) = edges
        assert 0.6 <= edge["score"] < 0.85, edge
        assert all(case in edge["evidence"] for case in entry["cases"]), edge["evidence"]
        assert "同名可区分者 2 人" in edge["evidence"], edge["evidence"]


def test_same_name_different_people_stay_apart(loaded: Graph, spec: dict[str, Any]) -> None:
    for entry in spec["different_person"]:
        uids, edges = _parties(loaded, entry)
        assert len(uids) == 2 and not edges, (entry["name"], uids, edges)
