"""The group pass against the real Neo4j: merge across a branch, POSSIBLY_SAME on a shared 字号,
anonymised names never linked, thresholds as parameters."""

from __future__ import annotations

import hashlib

from ipclue.graph.db import Graph
from ipclue.graph.load import Loader
from ipclue.graph.resolution import GraphResolver, derive
from ipclue.graph.resolution.groups import Thresholds
from ipclue.models import Company, Record, SourceRef


def _company(name: str, rep: str, address: str, parent: str | None = None) -> Company:
    src = SourceRef(path=f"test/{name}.json", sha256=hashlib.sha256(name.encode()).hexdigest())
    return Company(name=name, legal_representative=rep, address=address, parent=parent, source=src)


def records() -> list[Record]:
    parent = "深圳市星河电子有限公司"
    return [
        _company(parent, "周伯通", "深圳市南山区科技园8号"),
        _company("深圳市星河电子有限公司宝安分公司", "周伯通", "深圳市宝安区新安路9号", parent=parent),
        _company("杭州飞鸿科技有限公司", "欧阳锋", "杭州市西湖区文三路1号"),
        _company("杭州飞鸿贸易有限公司", "欧阳锋", "杭州市滨江区江南大道2号"),
        _company("深圳市星河电子有限公司福田分公司", "张某", "深圳市福田区深南路3号", parent=parent),
        _company("深圳市星河电子有限公司罗湖分公司", "张某", "深圳市罗湖区人民路4号", parent=parent),
    ]


def load(graph: Graph, thresholds: Thresholds | None = None) -> None:
    Loader(graph, resolver=GraphResolver(graph), batch_size=2).load(records())
    derive(graph, thresholds=thresholds)


def persons(graph: Graph, name: str) -> list[dict[str, object]]:
    return graph.read(
        "MATCH (m:Mention {name: $n})-[r:REFERS_TO]->(p:Party) "
        "RETURN p.uid AS uid, r.rule AS rule, r.score AS score, r.evidence AS evidence ORDER BY uid, rule",
        n=name,
    )


def possible(graph: Graph, name: str) -> list[dict[str, object]]:
    return graph.read(
        "MATCH (a:Party {name: $n})-[r:POSSIBLY_SAME]->(b:Party {name: $n}) "
        "RETURN a.uid AS a, b.uid AS b, r.score AS score, r.rule AS rule, r.evidence AS evidence",
        n=name,
    )


def test_legal_rep_of_parent_and_branch_is_merged_with_rule_and_evidence(graph: Graph) -> None:
    load(graph)
    rows = persons(graph, "周伯通")
    assert len({r["uid"] for r in rows}) == 1, rows
    merged = [r for r in rows if r["rule"] == "person:group-branch"]
    assert len(merged) == 1 and merged[0]["score"] == 0.97  # branch 0.92 + a second kind (字号) 0.05
    assert "同一集团（分支机构）" in str(merged[0]["evidence"]) and "宝安分公司" in str(merged[0]["evidence"])
    assert possible(graph, "周伯通") == []


def test_same_trade_name_is_a_possible_match_not_a_merge(graph: Graph) -> None:
    load(graph)
    assert len({r["uid"] for r in persons(graph, "欧阳锋")}) == 2
    (edge,) = possible(graph, "欧阳锋")
    assert edge["rule"] == "person:group-trade-name" and "飞鸿" in str(edge["evidence"])
    assert 0.6 <= float(str(edge["score"])) < 0.85


def test_anonymised_legal_reps_are_never_merged_or_linked(graph: Graph) -> None:
    load(graph)
    assert len({r["uid"] for r in persons(graph, "张某")}) == 2
    assert graph.read("MATCH (a {name: '张某'})-[r:POSSIBLY_SAME]-() RETURN r") == []


def test_thresholds_are_parameters(graph: Graph) -> None:
    load(graph, Thresholds(merge=0.99, review=0.75))
    assert len({r["uid"] for r in persons(graph, "周伯通")}) == 2
    assert [e["rule"] for e in possible(graph, "周伯通")] == ["person:group-branch"]
    assert possible(graph, "欧阳锋") == []  # 0.72 is below a review threshold of 0.75


def test_rerun_is_idempotent(graph: Graph) -> None:
    load(graph)
    before = (persons(graph, "周伯通"), possible(graph, "欧阳锋"))
    derive(graph)
    assert (persons(graph, "周伯通"), possible(graph, "欧阳锋")) == before


def test_a_shared_address_merges_counting_only_the_bearers_in_reach(graph: Graph) -> None:
    # two unlike-named firms at one (non-generic) address; two more bearers of the name elsewhere
    shared = "深圳市南山区共享路8号"
    rows = [
        _company("深圳市青松贸易有限公司", "黄药师", shared),
        _company("深圳市白鹭物流有限公司", "黄药师", shared),
        _company("北京市红枫餐饮有限公司", "黄药师", "北京市朝阳区建国路1号"),
        _company("成都市金沙家具有限公司", "黄药师", "成都市武侯区人民南路2号"),
    ]
    Loader(graph, resolver=GraphResolver(graph), batch_size=2).load(rows)
    derive(graph)
    found = graph.read(
        "MATCH (p:Party {name: '黄药师'})-[:LEGAL_REP_OF]->(o:Party) "
        "RETURN o.name AS org, p.uid AS uid ORDER BY org"
    )
    by_org = {r["org"]: r["uid"] for r in found}
    assert by_org["深圳市青松贸易有限公司"] == by_org["深圳市白鹭物流有限公司"], found
    assert len(set(by_org.values())) == 3, found  # the bearers in 北京 and 成都 stay apart
    (merged,) = [r for r in persons(graph, "黄药师") if r["rule"] == "person:group-shared-address"]
    assert merged["score"] == 0.85 and f"共同地址「{shared}」" in str(merged["evidence"])
    assert "关联组织内同名可区分者 1 人" in str(merged["evidence"])
