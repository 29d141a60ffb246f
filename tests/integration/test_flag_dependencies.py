"""Flags carry the resolution decisions they rely on and go stale when one changes (real Neo4j)."""

from __future__ import annotations

from datetime import date

from ipclue.detect import run_detectors
from ipclue.detect.store import get_flag
from ipclue.graph.db import Graph
from ipclue.graph.load import Loader
from ipclue.graph.resolution import GraphResolver, derive, force_split, reject
from ipclue.models import Record
from tests.integration.test_detect_records import judgment, no_errors
from tests.integration.test_group_resolution import _company


def records() -> list[Record]:
    """Two companies of one 字号 whose legal representatives share a name (a possible match, not a
    merge), in a mediated suit against each other."""
    return [
        _company("杭州飞鸿科技有限公司", "欧阳锋", "杭州市西湖区文三路1号"),
        _company("杭州飞鸿贸易有限公司", "欧阳锋", "杭州市滨江区江南大道2号"),
        judgment(
            "(2022)浙01民初9号",
            "杭州飞鸿科技有限公司",
            "杭州飞鸿贸易有限公司",
            outcome="mediated",
            on=date(2022, 5, 1),
        ),
    ]


def detect(graph: Graph) -> str:
    report = no_errors(run_detectors(graph, ids=["linked-opponents"]))
    (hit,) = report.detectors[0].results
    return hit.flag_id


def load(graph: Graph) -> None:
    Loader(graph, resolver=GraphResolver(graph), batch_size=2).load(records())
    derive(graph)


def test_flag_through_a_possible_match_shows_it_and_scores_lower(graph: Graph) -> None:
    load(graph)
    flag = get_flag(graph, detect(graph))
    possible = [d for d in flag.dependencies if d["kind"] == "possible"]
    assert len(possible) == 1 and possible[0]["rule"] == "person:group-trade-name"
    assert "飞鸿" in possible[0]["evidence"] and flag.score < 0.9
    assert any(e.get("label") == "POSSIBLY_SAME" for e in flag.evidence)
    assert "可能同一人" in flag.reason
    links = [d for d in flag.dependencies if d["kind"] == "link"]
    assert {d["name"] for d in links} >= {"杭州飞鸿科技有限公司", "杭州飞鸿贸易有限公司", "欧阳锋"}
    assert not flag.stale


def test_rejecting_the_match_marks_the_flag_stale_and_detect_reevaluates(graph: Graph) -> None:
    load(graph)
    fid = detect(graph)
    (edge,) = [d for d in get_flag(graph, fid).dependencies if d["kind"] == "possible"]
    reject(graph, edge["a"], edge["b"], "不同人")
    assert get_flag(graph, fid).stale
    report = no_errors(run_detectors(graph, ids=["linked-opponents"]))
    assert report.detectors[0].results == []  # the ring no longer stands
    assert get_flag(graph, fid).stale  # kept, marked: it rested on the rejected match


def test_split_marks_dependent_flag_stale_and_a_rerun_reevaluates_it(graph: Graph) -> None:
    load(graph)
    fid = detect(graph)
    org = graph.read("MATCH (p:Party {name: '杭州飞鸿科技有限公司'}) RETURN p.uid AS uid")[0]["uid"]
    mentions = graph.read(
        "MATCH (m:Mention)-[:REFERS_TO]->(:Party {uid: $u}) RETURN m.id AS id, m.context AS c ORDER BY id",
        u=org,
    )
    registry = [m["id"] for m in mentions if m["c"] == "company.self"]
    force_split(graph, org, registry, "登记信息另属一家")
    assert get_flag(graph, fid).stale
    rerun = no_errors(run_detectors(graph, ids=["linked-opponents"])).detectors[0].results
    assert get_flag(graph, fid).stale == (fid not in {h.flag_id for h in rerun})


def test_a_rerun_of_a_flag_that_still_holds_is_fresh(graph: Graph) -> None:
    load(graph)
    fid = detect(graph)
    per = graph.read("MATCH (p:Party {name: '欧阳锋'}) RETURN p.uid AS uid ORDER BY uid")[0]["uid"]
    graph.write("MATCH (x:Flag {id: $id}) SET x.stale = true", id=fid)  # as mark_stale leaves it
    assert get_flag(graph, fid).stale and per in graph.read("MATCH (x:Flag) RETURN x.depends_on AS d")[0]["d"]
    assert detect(graph) == fid
    assert not get_flag(graph, fid).stale
