"""Possible matches in review against the real Neo4j: listed by explain, confirmed (force-merge)
or rejected (force-split between two parties), both surviving re-ingestion."""

from __future__ import annotations

import pytest

from ipclue.graph.db import Graph
from ipclue.graph.resolution import JudgementError, confirm, derive, explain, possible_matches, reject
from tests.integration.test_group_resolution import load, persons


def _pair(graph: Graph) -> tuple[str, str]:
    (a, b) = sorted({str(r["uid"]) for r in persons(graph, "欧阳锋")})
    return a, b


def test_explain_lists_possible_matches(graph: Graph) -> None:
    load(graph)
    a, b = _pair(graph)
    (exp,) = [e for e in explain(graph, a)]
    assert [p["uid"] for p in exp.possible] == [b]
    assert exp.possible[0]["rule"] == "person:group-trade-name" and "飞鸿" in exp.possible[0]["evidence"]
    assert [p["uid"] for p in possible_matches(graph, b)] == [a]


def test_confirm_merges_and_survives_reingest(graph: Graph) -> None:
    load(graph)
    a, b = _pair(graph)
    jid, keep = confirm(graph, b, a, "同一人：核对营业执照")
    assert keep == a and jid.startswith("merge-")
    assert {r["uid"] for r in persons(graph, "欧阳锋")} == {a}
    assert possible_matches(graph, a) == []
    load(graph)  # re-ingest the same records
    assert {r["uid"] for r in persons(graph, "欧阳锋")} == {a}
    assert possible_matches(graph, a) == []


def test_reject_keeps_apart_and_survives_reingest(graph: Graph) -> None:
    load(graph)
    a, b = _pair(graph)
    jid = reject(graph, a, b, "两人出生日期不同")
    assert jid.startswith("distinct-")
    assert possible_matches(graph, a) == []
    load(graph)
    derive(graph)
    assert {r["uid"] for r in persons(graph, "欧阳锋")} == {a, b}
    assert possible_matches(graph, a) == []
    assert any(j["kind"] == "distinct" for j in explain(graph, a)[0].judgements)


def test_confirm_or_reject_needs_a_possible_match(graph: Graph) -> None:
    load(graph)
    a, _ = _pair(graph)
    other = str(persons(graph, "周伯通")[0]["uid"])
    with pytest.raises(JudgementError, match="no possible match"):
        reject(graph, a, other)
    with pytest.raises(JudgementError, match="no party"):
        confirm(graph, a, "per-nope")
