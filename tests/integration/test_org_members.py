"""Firms told apart and joined by their lawyers, against the real Neo4j: two firms whose names
sound alike stay two parties, a misspelt firm named with one of its lawyers joins its firm (within
one ingest and in a later one, from the graph), and the lawyers follow their firm."""

from __future__ import annotations

import hashlib

from ipclue.graph.db import Graph
from ipclue.graph.load import Loader
from ipclue.graph.resolution import GraphResolver, derive
from ipclue.models import Agent, Judgment, PartyMention, Record, SourceRef

CHENGXIN, SHENGXIN = "广东成信律师事务所", "广东晟信律师事务所"  # both read chéng xìn
LANGXIN = "广东朗鑫律师事务所"


def _judgment(no: int, firm: str, *lawyers: str) -> Judgment:
    agents = [Agent(name=n, organization=firm) for n in lawyers]
    name = f"j{no}.txt"
    return Judgment(
        case_no=f"(2021)粤0305民初{no}号",
        case_no_raw=f"（2021）粤0305民初{no}号",
        court="深圳市南山区人民法院",
        parties=[
            PartyMention(
                name=f"深圳市第{no}号贸易有限公司",
                role="plaintiff",
                role_text="原告",
                kind="org",
                legal_representative="林志远",
                agents=agents,
            ),
            PartyMention(name="赵六", role="defendant", role_text="被告", kind="person"),
        ],
        source=SourceRef(path=f"test/{name}", sha256=hashlib.sha256(name.encode()).hexdigest()),
    )


def first_ingest() -> list[Record]:
    return [
        _judgment(1, CHENGXIN, "杨颖雪", "刘龙伟"),
        _judgment(2, CHENGXIN, "张龙志"),
        _judgment(3, CHENGXIN, "冯东凯", "杨颖雪"),
        _judgment(4, SHENGXIN, "王芳", "李强"),  # another firm: none of 成信's four lawyers
        _judgment(5, "广东成新律师事务所", "刘龙伟"),  # 成信 misspelt, with one of its lawyers
        _judgment(6, LANGXIN, "陈静", "周敏"),
        _judgment(7, "广东朗森律师事务所", "陈静"),  # 鑫/森 look alike, sound apart
    ]


def party_of(graph: Graph, name: str, kind: str = "org") -> set[str]:
    rows = graph.read(
        "MATCH (m:Mention {name: $n, kind: $k})-[:REFERS_TO]->(p:Party) RETURN DISTINCT p.uid AS uid",
        n=name,
        k=kind,
    )
    return {r["uid"] for r in rows}


def test_firms_are_told_apart_and_joined_by_their_lawyers(graph: Graph) -> None:
    Loader(graph, resolver=GraphResolver(graph), batch_size=2).load(first_ingest())
    derive(graph)
    chengxin, shengxin = party_of(graph, CHENGXIN), party_of(graph, SHENGXIN)
    assert len(chengxin) == 1 and len(shengxin) == 1 and chengxin != shengxin
    assert party_of(graph, "广东成新律师事务所") == chengxin
    assert party_of(graph, "广东朗森律师事务所") == party_of(graph, LANGXIN)
    for lawyer in ("刘龙伟", "陈静"):
        assert len(party_of(graph, lawyer, "person")) == 1, lawyer  # the lawyer follows the firm
    rows = graph.read(
        "MATCH (m:Mention {name: $n})-[r:REFERS_TO]->() RETURN r.rule AS rule, r.evidence AS ev",
        n="广东朗森律师事务所",
    )
    assert {r["rule"] for r in rows} == {"org:name-lookalike+corroborated"}
    assert all("same agents 陈静" in r["ev"] for r in rows)

    # a later ingest reads the candidates' lawyers from the graph
    Loader(graph, resolver=GraphResolver(graph), batch_size=2).load(
        [_judgment(8, "广东晟新律师事务所", "王芳")]
    )
    assert party_of(graph, "广东晟新律师事务所") == shengxin
