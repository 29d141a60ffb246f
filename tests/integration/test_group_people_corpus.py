"""Real people across (group) organisations: one party, or parties joined by POSSIBLY_SAME; known
different people with the same name stay apart and unlinked (tests/data/group_people.json)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ipclue.graph.db import Graph

SPEC = Path(__file__).resolve().parents[1] / "data" / "group_people.json"

PARTIES = (
    "MATCH (p:Party {kind: 'person'})-[:LEGAL_REP_OF|SHAREHOLDER_OF|OFFICER_OF|MEMBER_OF]->(o:Party) "
    "WHERE p.name_key = $name AND any(n IN $orgs WHERE n = o.name OR n IN coalesce(o.aliases, [])) "
    "RETURN collect(DISTINCT p.uid) AS uids"
)
EDGES = (
    "MATCH (a:Party)-[r:POSSIBLY_SAME]->(b:Party) WHERE a.uid IN $uids AND b.uid IN $uids "
    "RETURN a.uid AS a, b.uid AS b, r.score AS score, r.rule AS rule, r.evidence AS evidence"
)


def _parties(graph: Graph, entry: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    uids = list(graph.read(PARTIES, name=entry["name"], orgs=entry["orgs"])[0]["uids"])
    return uids, graph.read(EDGES, uids=uids)


def _connected(uids: list[str], edges: list[dict[str, Any]]) -> bool:
    seen, todo = {uids[0]}, [uids[0]]
    while todo:
        u = todo.pop()
        for e in edges:
            for x, y in ((e["a"], e["b"]), (e["b"], e["a"])):
                if x == u and y not in seen:
                    seen.add(y)
                    todo.append(y)
    return seen == set(uids)


def test_list_is_large_enough(people_spec: dict[str, Any]) -> None:
    assert len(people_spec["same_person"]) >= 15


def test_same_person_is_one_party_or_possibly_same(people_loaded: Graph, people_spec: dict[str, Any]) -> None:
    failures = []
    for entry in people_spec["same_person"]:
        uids, edges = _parties(people_loaded, entry)
        if not uids or not _connected(uids, edges):
            failures.append((entry["name"], uids, edges))
        assert all(e["evidence"] and 0 < e["score"] < 1 for e in edges), entry
    assert not failures, failures


def test_fang_hongbo_possible_match_names_the_group(
    people_loaded: Graph, people_spec: dict[str, Any]
) -> None:
    entry = next(e for e in people_spec["same_person"] if e["name"] == "方洪波")
    _, edges = _parties(people_loaded, entry)
    assert any(e["rule"] == "person:group-trade-name" and "美的" in e["evidence"] for e in edges), edges


def test_same_name_different_people_stay_apart(people_loaded: Graph, people_spec: dict[str, Any]) -> None:
    for entry in people_spec["different_person"]:
        uids, edges = _parties(people_loaded, entry)
        assert len(uids) == len(entry["orgs"]), entry
        assert edges == [], entry
