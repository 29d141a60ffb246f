"""``ipclue load --bulk`` and ``ipclue ingest``'s bulk first load: a bulk-imported database equals a
transactional load of the same input.

The transactional load goes to the session's server; the bulk load to a second managed instance
(1g heap), destroyed afterwards. Small chunks (60 records) make both resolve across chunks.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ipclue.cypher import query
from ipclue.dbms.managed import ManagedNeo4j
from ipclue.extractors.dispatch import iter_inputs
from ipclue.graph.bulk import bulk_load, refuse_non_empty
from ipclue.graph.bulk_csv import BulkError
from ipclue.graph.db import Graph, Target, connect
from ipclue.graph.first_load import BulkTarget, decide, gather
from ipclue.graph.load import Loader
from ipclue.pipeline import ingest
from ipclue.sample import sample_records
from ipclue.settings import Settings
from ipclue.synth import generate

CHUNK = 60
Snapshot = tuple[dict[tuple[tuple[str, ...], str], dict[str, Any]], Counter[tuple[str, str, str, str]]]


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.iso_format() if hasattr(value, "iso_format") else value


def snapshot(graph: Graph) -> Snapshot:
    """Every node by labels and key with its properties (less the load time), every relationship."""
    nodes = {}
    for r in graph.read(query("bulk/snapshot_nodes")):
        props = {k: _plain(v) for k, v in r["props"].items() if k != "ingested_at"}
        key = next(props[k] for k in ("uid", "id", "sha256", "case_no", "reg_no", "number",
                                      "decision_no", "value") if k in props)  # fmt: skip
        nodes[(tuple(sorted(r["labels"])), key)] = props
    rels: Counter[tuple[str, str, str, str]] = Counter()
    for r in graph.read(query("bulk/snapshot_rels")):
        text = json.dumps({k: _plain(v) for k, v in r["props"].items()}, sort_keys=True, default=str)
        rels[(r["type"], r["start"], r["end"], text)] += 1
    return nodes, rels


@pytest.fixture(scope="module")
def bulk_instance() -> Iterator[tuple[Settings, ManagedNeo4j]]:
    base = os.environ.get("IPCLUE_TEST_INSTANCE") or "pytest"
    settings = Settings().model_copy(update={"instance": f"{base}-bulk", "heap": "1g", "pagecache": "128m"})
    if settings.neo4j_uri:
        pytest.skip("bulk import needs the managed server (NEO4J_URI is set)")
    server = ManagedNeo4j(settings)
    server.destroy()  # a fresh, empty instance (a previous run's is gone)
    yield settings, server
    server.destroy()


def _open(server: ManagedNeo4j) -> Graph:
    state = server.start()
    target = Target(state.uri, "neo4j", state.password, "neo4j", True)
    return Graph(connect(target), "neo4j", 60.0, target)


def test_bulk_load_equals_transactional_load(
    graph: Graph, bulk_instance: tuple[Settings, ManagedNeo4j], tmp_path: Path
) -> None:
    settings, server = bulk_instance
    generate(tmp_path / "corpus", 80, 3, "demo")
    corpus = [tmp_path / "corpus"]
    ingest(graph, corpus, quarantine_dir=tmp_path / "q1", batch_size=CHUNK)
    expected = snapshot(graph)
    report = bulk_load(settings, corpus, csv_dir=tmp_path / "csv", quarantine_dir=tmp_path / "q2",
                       batch_size=CHUNK)  # fmt: skip
    bulk = _open(server)
    try:
        got = snapshot(bulk)
        assert report.read > 100
        assert Counter(k[0] for k in got[0]) == Counter(k[0] for k in expected[0])  # per label
        assert Counter(k[0] for k in got[1].elements()) == Counter(k[0] for k in expected[1].elements())
        uids = {k[1] for k in got[0] if k[0] == ("Party",)}
        assert uids == {k[1] for k in expected[0] if k[0] == ("Party",)}
        assert got[0] == expected[0]  # every node's properties
        assert got[1] == expected[1]  # every relationship, its end points and properties
        # a later load into the bulk-loaded database stays transactional, and a second bulk load is refused
        later = Loader(bulk).load(sample_records())
        assert later.rows["party"] > 0 and not later.rejections
        with pytest.raises(BulkError, match="not empty"):
            refuse_non_empty(bulk)
    finally:
        bulk.close()


def test_bulk_load_refuses_a_non_empty_target(
    bulk_instance: tuple[Settings, ManagedNeo4j], tmp_path: Path
) -> None:
    settings, server = bulk_instance
    graph = _open(server)
    try:
        Loader(graph).load(sample_records())
    finally:
        graph.close()
    (tmp_path / "in").mkdir()
    with pytest.raises(BulkError, match=r"not empty \(\d[\d,]* nodes\).*ipclue ingest"):
        bulk_load(settings, [tmp_path / "in"], csv_dir=tmp_path / "csv", quarantine_dir=tmp_path / "q")
    assert server.running() is not None  # refused before anything was stopped


def test_ingest_bulk_first_load_equals_the_transactional_ingest(
    graph: Graph, bulk_instance: tuple[Settings, ManagedNeo4j], tmp_path: Path
) -> None:
    settings, server = bulk_instance
    server.destroy()  # empty again (the tests above loaded into it)
    generate(tmp_path / "corpus", 80, 3, "demo")
    corpus = [tmp_path / "corpus"]
    plain = ingest(graph, corpus, quarantine_dir=tmp_path / "q1", batch_size=CHUNK, workers=1)
    expected = snapshot(graph)
    bulk = _open(server)
    try:
        target = BulkTarget(server, settings, tmp_path / "csv")
        report = ingest(bulk, corpus, quarantine_dir=tmp_path / "q2", batch_size=CHUNK, first_load="bulk",
                        bulk=target, workers=2)  # fmt: skip
        assert (plain.load_path, report.load_path) == ("transactional", "bulk")
        assert (
            set(report.stage_seconds) == set(plain.stage_seconds) == {"extract", "resolve", "write", "derive"}
        )
        assert {"import", "csv", "schema"} <= set(report.write_seconds)
        assert report.balanced() and plain.balanced() and report.read == plain.read > 100
        assert report.quarantined == plain.quarantined and report.quarantined  # truth.json: not a record file
        assert (report.loaded, report.rows, report.derived) == (plain.loaded, plain.rows, plain.derived)
        got = snapshot(bulk)  # through the caller's graph, connected again to the restarted server
        assert got[0] == expected[0]
        assert got[1] == expected[1]
        later = decide("auto", gather(bulk, list(iter_inputs(corpus)), target))
        assert not later.bulk and "not empty" in later.reason
    finally:
        bulk.close()
