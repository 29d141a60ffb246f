"""The bulk load's resolver (``GraphResolver(graph, empty=True)``: no reads of the empty graph per
batch, judgements read once) resolves exactly as the resolver that asks the graph every batch: on a
generated corpus and on the real one, folded chunk by chunk as ``ipclue load --bulk`` does, every
link (uid, rule, score, evidence) and every folded node and relationship is the same; and stored
judgements (a merge, a split) are replayed by both alike."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from ipclue.cypher import query
from ipclue.graph.bulk import fold_records
from ipclue.graph.bulk_fold import Tables
from ipclue.graph.db import Graph
from ipclue.graph.mentions import Mention
from ipclue.graph.resolution import GraphResolver
from ipclue.graph.resolve import Link
from ipclue.models import Record, Rejection
from ipclue.spark.parquet import items_of
from ipclue.synth.generate import generate

CHUNK = 400  # several chunks: later ones resolve against the session index of earlier ones


class Recording:
    """A resolver that keeps every link it returned."""

    def __init__(self, inner: GraphResolver) -> None:
        self.inner = inner
        self.links: dict[str, Link] = {}

    def resolve(self, mentions: Sequence[Mention]) -> dict[str, Link]:
        out = self.inner.resolve(mentions)
        self.links.update(out)
        return out


def folded(graph: Graph, records: list[Record], *, empty: bool) -> tuple[dict[str, Link], dict[str, Any]]:
    """The links and the folded tables of a bulk first load's resolve stage."""
    resolver = Recording(GraphResolver(graph, empty=empty))
    tables = fold_records(Tables(datetime(2026, 1, 1, tzinfo=UTC)), records, CHUNK, lambda _m: None, resolver)
    parts = {"nodes": dict(tables.nodes), "rels": dict(tables.rels), "refers": tables.refers_to}
    return resolver.links, parts


def assert_same(graph: Graph, records: list[Record]) -> dict[str, Link]:
    asked, asked_tables = folded(graph, records, empty=False)
    quiet, quiet_tables = folded(graph, records, empty=True)
    differ = {mid for mid in asked.keys() | quiet.keys() if asked.get(mid) != quiet.get(mid)}
    assert not differ, sorted(differ)[:5]
    for part, rows in asked_tables.items():
        assert rows == quiet_tables[part], part
    return asked


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[Record]:
    root = tmp_path_factory.mktemp("empty") / "corpus"
    generate(root, 2000, 7, "bench")
    return [r for r in items_of([root]) if not isinstance(r, Rejection)]


def test_generated_corpus_resolves_the_same_without_reads(graph: Graph, generated: list[Record]) -> None:
    links = assert_same(graph, generated)
    rules = {link.rule for link in links.values()}
    # the comparison covers the rules that join across records and chunks, not only new parties
    assert {"org:uscc", "org:name-exact", "person:name+company", "person:new"} <= rules, rules


def test_real_corpus_resolves_the_same_without_reads(graph: Graph, corpus: Path) -> None:
    records: list[Record] = [r for r in items_of([corpus], workers=1) if not isinstance(r, Rejection)]
    assert_same(graph, records)


def test_judgements_are_replayed_alike(graph: Graph, generated: list[Record]) -> None:
    links, _ = folded(graph, generated, empty=False)
    by_uid: dict[str, list[str]] = {}
    for mid, link in sorted(links.items()):
        by_uid.setdefault(link.party_uid, []).append(mid)
    orgs = sorted(uid for uid, ms in by_uid.items() if uid.startswith("org-") and len(ms) >= 2)
    keep, absorb, split = orgs[0], orgs[1], orgs[2]
    moved = by_uid[split][0]
    store(graph, "merge-t", "merge", keep, absorb, [])
    store(graph, "split-t", "split", f"{split}-s1", split, [moved])
    judged = assert_same(graph, generated)
    assert {judged[m].party_uid for m in by_uid[absorb]} == {keep}
    assert judged[by_uid[absorb][0]].rule == "judgement:merge"
    assert (judged[moved].party_uid, judged[moved].rule) == (f"{split}-s1", "judgement:split")


def store(graph: Graph, jid: str, kind: str, a: str, b: str, mentions: list[str]) -> None:
    params = {"id": jid, "kind": kind, "a": a, "b": b, "note": "test", "mentions": mentions}
    graph.write(query("resolve/judgement_create"), **params)
