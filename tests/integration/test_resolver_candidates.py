"""The resolver's person candidates: the parties of a name that share a corroborating value (ID
fragment, birth date, organisation, address) are looked up by that value, not by scanning every
party of the name; on a generated corpus, loaded in two sessions (so that the second fetches
candidates from the graph), the links equal those of the scan of the whole name block."""

from __future__ import annotations

from typing import Any

import pytest

from ipclue.graph.db import Graph
from ipclue.graph.load import Loader
from ipclue.graph.resolution import GraphResolver
from ipclue.graph.resolution.profiles import Profile
from ipclue.graph.schema import wipe
from ipclue.models import Record, Rejection
from ipclue.spark.parquet import items_of
from ipclue.synth.generate import generate

LINKS = (
    "MATCH (m:Mention)-[r:REFERS_TO]->(p:Party) "
    "RETURN m.id AS id, p.uid AS uid, r.rule AS rule, r.score AS score, r.evidence AS evidence"
)


class NameBlockResolver(GraphResolver):
    """The first version: every party bearing the name is a candidate."""

    def _person_candidates(self, ev: Profile) -> list[Profile]:
        return self.index.candidates([f"person:{n}" for n in ev.names])


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[Record]:
    root = tmp_path_factory.mktemp("candidates") / "corpus"
    generate(root, 200, 5, "bench")
    return [r for r in items_of([root]) if not isinstance(r, Rejection)]


def load_twice(graph: Graph, records: list[Record], resolver: type[GraphResolver]) -> list[tuple[Any, ...]]:
    wipe(graph)
    half = len(records) // 2
    for part in (records[:half], records[half:]):  # two sessions: the second reads the first's parties
        Loader(graph, batch_size=250, resolver=resolver(graph)).load(part)
    return sorted(tuple(r.values()) for r in graph.read(LINKS))


def test_person_candidates_by_evidence_give_the_links_of_the_whole_name_block(
    graph: Graph, records: list[Record]
) -> None:
    fast = load_twice(graph, records, GraphResolver)
    scan = load_twice(graph, records, NameBlockResolver)
    rules = {row[2] for row in scan}
    assert {"person:name+company", "person:name+birth"} <= rules, rules  # corroborated joins are compared
    assert fast == scan, set(fast) ^ set(scan)
