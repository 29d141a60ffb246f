"""Real people tied only by litigation (tests/data/litigants.json): natural-person litigants written
without birth date or ID, and agents for one company, end up one party or parties joined by
POSSIBLY_SAME (a litigation rule: review only, never merged); the known different people stay apart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ipclue.graph.db import Graph
from ipclue.graph.resolution.suits import RULES
from tests.integration.test_group_people_corpus import EDGES

SPEC = Path(__file__).resolve().parents[1] / "data" / "litigants.json"

PARTIES = (
    "MATCH (p:Party {kind: 'person'}) WHERE p.name_key = $name AND ("
    " EXISTS { (p)-[:PARTY_TO]->(c:Case) WHERE c.case_no IN $cases }"
    " OR EXISTS { (p)-[:LEGAL_REP_OF]->(:Party)-[:PARTY_TO]->(c:Case) WHERE c.case_no IN $cases }"
    " OR EXISTS { (:Party)-[r:REPRESENTED_BY]->(p) WHERE r.case_no IN $cases }) "
    "RETURN collect(DISTINCT p.uid) AS uids"
)
MERGED = (
    "MATCH (:Mention)-[r:REFERS_TO]->(p:Party) WHERE p.uid IN $uids AND r.rule STARTS WITH 'person:suit' "
    "RETURN count(r) AS n"
)


def _parties(graph: Graph, entry: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    uids = sorted(graph.read(PARTIES, name=entry["name"], cases=entry["cases"])[0]["uids"])
    return uids, graph.read(EDGES, uids=uids)


def test_list_covers_litigants_and_agents(people_spec: dict[str, Any]) -> None:
    assert len(people_spec["same_person"]) >= 8
    assert {e["rule"] for e in people_spec["same_person"] if "rule" in e} <= RULES
    assert sum("rule" not in e for e in people_spec["same_person"]) >= 4  # agents for one company


def test_same_person_is_one_party_or_possibly_same(people_loaded: Graph, people_spec: dict[str, Any]) -> None:
    failures = []
    for entry in people_spec["same_person"]:
        uids, edges = _parties(people_loaded, entry)
        # an agent for one company: one party; a litigant: two parties, one possible match of its rule
        litigant = "rule" in entry and len(uids) == 2 and [e["rule"] for e in edges] == [entry["rule"]]
        if not (litigant if "rule" in entry else len(uids) == 1):
            failures.append((entry["name"], uids, edges))
    assert not failures, failures


def test_litigation_pairs_are_review_only_and_explained(
    people_loaded: Graph, people_spec: dict[str, Any]
) -> None:
    for entry in (e for e in people_spec["same_person"] if "rule" in e):
        uids, edges = _parties(people_loaded, entry)
        assert people_loaded.read(MERGED, uids=uids)[0]["n"] == 0, entry["name"]  # no mention moved by it
        (edge,) = edges
        assert 0.6 <= edge["score"] < 0.85, edge
        assert all(case in edge["evidence"] for case in entry["cases"]), edge["evidence"]
        assert "同名可区分者 2 人" in edge["evidence"], edge["evidence"]


def test_same_name_different_people_stay_apart(people_loaded: Graph, people_spec: dict[str, Any]) -> None:
    for entry in people_spec["different_person"]:
        uids, edges = _parties(people_loaded, entry)
        assert len(uids) == 2 and not edges, (entry["name"], uids, edges)
