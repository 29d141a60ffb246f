"""Merges as row batches (``judgements.merge_steps``): a transaction of many merges, each statement taking
every merge as a row, leaves the graph that the same merges applied one at a time leave, also when the
merged parties are related to each other and share neighbours."""

from __future__ import annotations

from typing import Any

from ipclue.graph.db import Graph
from ipclue.graph.resolution.judgements import merge_steps, run_steps

SEED = """
CREATE (a:Party {uid: 'A', kind: 'person', name: '李强'}),
       (b1:Party {uid: 'B1', kind: 'person', name: '李强', uscc: null, merged_from: ['Z']}),
       (b2:Party {uid: 'B2', kind: 'person', name: '李强'}),
       (c:Party {uid: 'C', kind: 'person', name: '王芳'}),
       (d:Party {uid: 'D', kind: 'person', name: '王芳'}),
       (x:Party {uid: 'X', kind: 'org', name: '甲公司'}),
       (y:Party {uid: 'Y', kind: 'org', name: '乙公司'}),
       (b1)-[:LEGAL_REP_OF {sources: ['s1']}]->(x),
       (b2)-[:LEGAL_REP_OF {sources: ['s2']}]->(x),
       (b2)-[:SHAREHOLDER_OF {sources: ['s3']}]->(y),
       (b1)-[:SHAREHOLDER_OF {sources: ['s4']}]->(d),
       (d)-[:OFFICER_OF {sources: ['s5']}]->(b2),
       (b2)-[:OFFICER_OF {sources: ['s6']}]->(b1),
       (a)-[:LEGAL_REP_OF {sources: ['s7']}]->(y),
       (:Mention {id: 'm1'})-[:REFERS_TO {rule: 'person:new', evidence: 'e1'}]->(b1),
       (:Mention {id: 'm2'})-[:REFERS_TO {rule: 'person:new', evidence: 'e2'}]->(b2),
       (:Mention {id: 'm3'})-[:REFERS_TO {rule: 'person:new', evidence: 'e3'}]->(d)
"""
STATE = """
MATCH (p:Party) WITH p ORDER BY p.uid
OPTIONAL MATCH (p)-[r]->(o)
WITH p, r, o ORDER BY type(r), coalesce(o.uid, o.id)
RETURN p.uid AS uid, p.merged_from AS merged_from,
       collect([type(r), coalesce(o.uid, o.id), r.sources]) AS out,
       [(m:Mention)-[t:REFERS_TO]->(p) | [m.id, t.rule, t.score, t.evidence]] AS mentions
"""


def _row(keep: str, absorb: str) -> dict[str, Any]:
    return {"a": keep, "b": absorb, "only": None, "mentions": None, "rule": "person:group", "score": 0.9,
            "evidence": f"{absorb} into {keep}"}  # fmt: skip


MERGES = [_row("A", "B1"), _row("A", "B2"), _row("C", "D")]


def _state(graph: Graph) -> list[dict[str, Any]]:
    rows = graph.read(STATE)
    for row in rows:
        row["mentions"].sort()
    return rows


def test_a_batch_of_merges_leaves_the_graph_one_at_a_time_leaves(graph: Graph) -> None:
    graph.write(SEED)
    run_steps(graph, merge_steps(MERGES))
    batched = _state(graph)
    graph.write("MATCH (n) DETACH DELETE n")
    graph.write(SEED)
    for row in MERGES:
        run_steps(graph, merge_steps([row]))
    assert batched == _state(graph)
    by_uid = {r["uid"]: r for r in batched}
    assert sorted(by_uid) == ["A", "C", "X", "Y"]
    assert by_uid["A"]["merged_from"] == ["B1", "Z", "B2"]
    assert ["LEGAL_REP_OF", "X", ["s1", "s2"]] in by_uid["A"]["out"]  # one relationship, both sources
    assert ["SHAREHOLDER_OF", "C", ["s4"]] in by_uid["A"]["out"]  # B1 → D became A → C
    assert ["OFFICER_OF", "A", ["s5"]] in by_uid["C"]["out"]  # D → B2 became C → A
    assert [m[0] for m in by_uid["A"]["mentions"]] == ["m1", "m2"]
    assert by_uid["A"]["mentions"][0][3] == "B1 into A (was person:new: e1)"
