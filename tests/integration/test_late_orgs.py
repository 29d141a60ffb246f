"""The late organisation pass against the real Neo4j: a misspelt firm first named with a lawyer its
firm had not been seen with becomes a party of its own (the online resolver cannot know better then);
once a later mention of the misspelling names one of the firm's lawyers, derive merges the two, the
merged mentions say why, and the lawyers follow their firm — in a full and in an incremental derive."""

from __future__ import annotations

from ipclue.graph.db import Graph
from ipclue.graph.load import Loader
from ipclue.graph.resolution import GraphResolver, derive
from ipclue.models import Record
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
