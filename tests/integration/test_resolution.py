"""GraphResolver against the real Neo4j: identity, stability, incremental loads, judgements, derive."""

from __future__ import annotations

import hashlib
from datetime import date

from ipclue.cli.resolve import explain_party, merge_parties, split_party
from ipclue.cypher import query
from ipclue.graph.db import Graph
from ipclue.graph.load import Loader
from ipclue.graph.resolution import GraphResolver, derive
from ipclue.models import Agent, Company, Judgment, PartyMention, Penalty, Record, SourceRef
from ipclue.normalize import uscc_check_char

CODE = "91440300MA5D0000" + "1"
CODE += uscc_check_char(CODE) or "0"
MASKED = CODE[:8] + "********" + CODE[16:]
FIRM = Agent(name="陈明", organization="广东明理律师事务所")


def _src(name: str, line: int | None = None) -> SourceRef:
    return SourceRef(path=f"test/{name}", sha256=hashlib.sha256(name.encode()).hexdigest(), line=line)


def _person(name: str, role: str = "defendant", born: date | None = None) -> PartyMention:
    return PartyMention(name=name, role=role, role_text="被告", kind="person", birth_date=born)


def _org(name: str, role: str = "plaintiff", agents: list[Agent] | None = None) -> PartyMention:
    return PartyMention(
        name=name,
        role=role,
        role_text="原告",
        kind="org",
        legal_representative="林志远",
        agents=agents or [],
    )


def _judgment(no: int, parties: list[PartyMention]) -> Judgment:
    return Judgment(
        case_no=f"(2021)粤0305民初{no}号",
        case_no_raw=f"（2021）粤0305民初{no}号",
        court="南山法院",
        parties=parties,
        source=_src(f"j{no}.txt"),
    )


def records() -> list[Record]:
    """A company written five ways, two 王伟 (one twice), 张某 twice, a lawyer twice, a branch."""
    return [
        Company(
            name="深圳市华美科技有限公司",
            uscc=CODE,
            legal_representative="林志远",
            address="深圳市南山区科技园1号",
            source=_src("companies.jsonl", 1),
        ),
        _judgment(
            1,
            [
                _org("深圳市华美科技有限公司", agents=[FIRM]),
                _person("张某"),
                _person("王伟", born=date(1980, 1, 1)),
            ],
        ),
        _judgment(
            2,
            [
                _org("华美科技有限责任公司", agents=[FIRM]),
                _person("张某"),
                _person("王伟", born=date(1990, 5, 5)),
                _org("深圳市华美科技有限公司南山分公司", role="defendant"),
            ],
        ),
        _judgment(3, [_org("深圳市华美科技有限公司", agents=[FIRM]), _person("王伟", born=date(1980, 1, 1))]),
        Penalty(
            decision_no="深市监罚〔2022〕88号",
            authority="深圳市市场监督管理局",
            party="深圳市化美科技有限公司",
            uscc=MASKED,
            legal_representative="林志远",
            source=_src("penalty-88.txt"),
        ),
    ]


def load(graph: Graph, recs: list[Record]) -> None:
    Loader(graph, resolver=GraphResolver(graph), batch_size=2).load(recs)
    derive(graph)


def uids(graph: Graph) -> dict[str, str]:
    return {r["id"]: r["uid"] for r in graph.read(query("resolve/mention_assignments"))}


def parties_named(graph: Graph, name: str) -> set[str]:
    rows = graph.read(
        "MATCH (m:Mention {name: $n})-[:REFERS_TO]->(p:Party) RETURN DISTINCT p.uid AS uid", n=name
    )
    return {r["uid"] for r in rows}


def test_one_company_five_spellings(graph: Graph) -> None:
    load(graph, records())
    names = ["深圳市华美科技有限公司", "华美科技有限责任公司", "深圳市化美科技有限公司"]
    assert set().union(*(parties_named(graph, n) for n in names)) == {f"org-{CODE}"}
    branch = parties_named(graph, "深圳市华美科技有限公司南山分公司")
    assert len(branch) == 1 and branch != {f"org-{CODE}"}
    rows = graph.read("MATCH (b:Party)-[:BRANCH_OF]->(p:Party) RETURN b.uid AS b, p.uid AS p")
    assert rows == [{"b": next(iter(branch)), "p": f"org-{CODE}"}]


def test_people_need_corroboration(graph: Graph) -> None:
    load(graph, records())
    assert len(parties_named(graph, "王伟")) == 2  # same birth date joins, another birth date does not
    assert len(parties_named(graph, "张某")) == 2  # anonymised: never across documents
    assert len(parties_named(graph, "陈明")) == 1  # lawyer: name + firm
    assert len(parties_named(graph, "林志远")) == 1  # legal representative of one company


def test_reingest_and_incremental_keep_uids(graph: Graph) -> None:
    recs = records()
    load(graph, recs[:3])
    first = uids(graph)
    load(graph, recs[3:])
    second = uids(graph)
    assert {k: second[k] for k in first} == first
    load(graph, recs)
    assert uids(graph) == second
    assert len(parties_named(graph, "王伟")) == 2


def test_merge_and_split_survive_reingest(graph: Graph) -> None:
    recs = records()
    load(graph, recs)
    (wang_a, wang_b) = sorted(parties_named(graph, "王伟"))
    merge_parties(graph, wang_a, wang_b, note="same person, checked ID card")
    assert parties_named(graph, "王伟") == {wang_a}
    mention = graph.read("MATCH (m:Mention {name: '深圳市化美科技有限公司'}) RETURN m.id AS id")[0]["id"]
    _, new_uid = split_party(graph, f"org-{CODE}", [mention], note="different company")
    load(graph, recs)
    assert parties_named(graph, "王伟") == {wang_a}
    assert parties_named(graph, "深圳市化美科技有限公司") == {new_uid}
    graph.write("MATCH (m:Mention) DETACH DELETE m")  # a fresh resolution still honours the judgements
    load(graph, recs)
    assert parties_named(graph, "王伟") == {wang_a}
    assert parties_named(graph, "深圳市化美科技有限公司") == {new_uid}
    assert graph.read("MATCH (p:Party {uid: $u}) RETURN count(p) AS n", u=wang_b)[0]["n"] == 0


def test_explain_shows_rules(graph: Graph) -> None:
    load(graph, records())
    (exp,) = explain_party(graph, "华美科技有限责任公司")
    rules = {m.rule for m in exp.mentions}
    assert exp.uid == f"org-{CODE}" and "org:uscc" in rules and "org:name-variant" in rules
    assert all(m.path and m.path.startswith("test/") for m in exp.mentions)


def test_generic_address(graph: Graph) -> None:
    office = "深圳市福田区秘书路8号"
    recs: list[Record] = [
        Company(
            name=f"深圳市{c}贸易有限公司",
            address=office if i < 12 else f"深圳市某路{i}号",
            source=_src("c.jsonl", i + 1),
        )
        for i, c in enumerate("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉")
    ]
    recs += [
        Company(name=f"深圳市双{i}有限公司", address="深圳市共享路1号", source=_src("d.jsonl", i + 1))
        for i in range(2)
    ]
    load(graph, recs)
    rows = graph.read("MATCH (a:Address) WHERE a.generic RETURN a.value AS v")
    assert [r["v"] for r in rows] == [office]
    linked = graph.read("MATCH ()-[l:LINKED]->() RETURN l.via AS via, l.through AS t")
    assert linked == [{"via": "shared_address", "t": "深圳市共享路1号"}]
