"""The late organisation pass against the real Neo4j: a misspelt firm first named with a lawyer its
firm had not been seen with becomes a party of its own (the online resolver cannot know better then);
once a later mention of the misspelling names one of the firm's lawyers, derive merges the two, the
merged mentions say why, and the lawyers follow their firm — in a full and in an incremental derive."""

from __future__ import annotations

import hashlib

from ipclue.graph.db import Graph
from ipclue.graph.load import Loader
from ipclue.graph.resolution import GraphResolver, derive
from ipclue.models import Agent, Judgment, PartyMention, Record, SourceRef
from tests.integration.test_org_members import _judgment, party_of

KAISHENG, MISSPELT = "广东凯圣律师事务所", "广东恺圣律师事务所"  # both read kǎi shèng


def _load(graph: Graph, *records: Record) -> set[str]:
    return Loader(graph, resolver=GraphResolver(graph), batch_size=1).load(list(records)).parties


def _split_then_joined(graph: Graph, incremental: bool) -> None:
    touched = _load(graph, _judgment(1, KAISHENG, "吴秀凤", "杨华"), _judgment(2, KAISHENG, "王庆雷"))
    derive(graph, touched=touched if incremental else None)
    touched = _load(graph, _judgment(3, MISSPELT, "李霞慧"))  # none of the firm's three lawyers
    derive(graph, touched=touched if incremental else None)
    firm, misspelt = party_of(graph, KAISHENG), party_of(graph, MISSPELT)
    assert len(firm) == 1 and len(misspelt) == 1 and firm != misspelt  # nothing yet says they are one
    touched = _load(graph, _judgment(4, MISSPELT, "杨华"), _judgment(5, KAISHENG, "李霞慧"))
    assert party_of(graph, MISSPELT) == misspelt  # the online resolver joined the misspelling's party
    counts = derive(graph, touched=touched if incremental else None)
    assert counts["late_org_merged"] == 1, counts
    assert party_of(graph, MISSPELT) == party_of(graph, KAISHENG) == firm
    rows = graph.read(
        "MATCH (m:Mention {name: $n})-[r:REFERS_TO]->() RETURN r.rule AS rule, r.evidence AS ev", n=MISSPELT
    )
    assert {r["rule"] for r in rows} == {"org:late-homophone"}
    assert all("same agents" in r["ev"] and "(was org:" in r["ev"] for r in rows), rows
    for lawyer in ("杨华", "李霞慧"):
        assert len(party_of(graph, lawyer, "person")) == 1, lawyer  # the lawyers follow the firm
    assert derive(graph)["late_org_merged"] == 0  # nothing left to merge


def test_a_split_firm_is_merged_once_its_misspelling_names_its_lawyer(graph: Graph) -> None:
    _split_then_joined(graph, incremental=False)


def test_an_incremental_derive_merges_it_too(graph: Graph) -> None:
    _split_then_joined(graph, incremental=True)


def test_firms_that_only_sound_alike_stay_apart(graph: Graph) -> None:
    _load(graph, _judgment(1, KAISHENG, "吴秀凤", "杨华"), _judgment(2, MISSPELT, "陈明", "王芳"))
    derive(graph)
    assert party_of(graph, KAISHENG) != party_of(graph, MISSPELT)


def _suit(no: int, plaintiff: str, firm: str, lawyer: str) -> Judgment:
    """A person suing a company of its own, represented by ``lawyer`` of ``firm``; dockets 100 apart
    (no filing batch) and no shared opponent, so only the firm can tie two same-name plaintiffs."""
    name = f"s{no}.txt"
    return Judgment(
        case_no=f"(2021)粤0305民初{no * 100}号",
        case_no_raw=f"（2021）粤0305民初{no * 100}号",
        court="深圳市南山区人民法院",
        parties=[
            PartyMention(
                name=plaintiff,
                role="plaintiff",
                role_text="原告",
                kind="person",
                agents=[Agent(name=lawyer, organization=firm)],
            ),
            PartyMention(
                name=f"深圳市被告{no}号贸易有限公司", role="defendant", role_text="被告", kind="org"
            ),
        ],
        source=SourceRef(path=f"test/{name}", sha256=hashlib.sha256(name.encode()).hexdigest()),
    )


def _possible_rules(graph: Graph, name: str) -> list[str]:
    rows = graph.read(
        "MATCH (a:Party {name_key: $n})-[r:POSSIBLY_SAME]->(:Party {name_key: $n}) RETURN r.rule AS rule",
        n=name,
    )
    return sorted(r["rule"] for r in rows)


def test_the_late_merge_plans_the_absorbed_firms_litigants_again_not_the_survivors(graph: Graph) -> None:
    """钱多多 sued once with the firm's lawyer and once with the misspelt firm's: one firm once the two
    are merged, so the two 钱多多 become a possible match. 孙小美 only ever came with the firm itself:
    her suits do not change, so her name is not planned again (it was, for every litigant of the firm)."""
    firm = [_judgment(1, KAISHENG, "吴秀凤", "杨华"), _judgment(2, KAISHENG, "王庆雷")]
    _load(graph, *firm, _suit(1, "钱多多", KAISHENG, "杨华"), _suit(2, "孙小美", KAISHENG, "吴秀凤"))
    _load(graph, _suit(3, "孙小美", KAISHENG, "杨华"))
    derive(graph)
    _load(graph, _judgment(3, MISSPELT, "李霞慧"), _suit(4, "钱多多", MISSPELT, "李霞慧"))
    derive(graph)
    assert party_of(graph, KAISHENG) != party_of(graph, MISSPELT)
    assert _possible_rules(graph, "孙小美") == ["person:suit-same-counsel"]
    assert _possible_rules(graph, "钱多多") == []  # two firms, as far as anyone knows yet
    touched = _load(graph, _judgment(4, MISSPELT, "杨华"), _judgment(5, KAISHENG, "李霞慧"))
    counts = derive(graph, touched=touched)
    assert counts["late_org_merged"] == 1, counts
    assert _possible_rules(graph, "钱多多") == ["person:suit-same-counsel"]
    assert _possible_rules(graph, "孙小美") == ["person:suit-same-counsel"]
    # planned again: 钱多多, 赵六 and 林志远 (in the absorbed party's cases), the two lawyers it split (杨华,
    # 李霞慧); not 孙小美 (6 names, with her, before the absorbed side was told apart)
    assert counts["late_group_names_planned"] == 5, counts
