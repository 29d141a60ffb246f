"""``ipclue extract --engine spark``: the PySpark job gives what the local path gives.

One SparkSession (``local[2]``) for the module; tiny inputs (a 50-party generated corpus with planted
input defects, and the shared real corpus).
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from pyspark.sql import SparkSession

from ipclue.extractors.canonical import Item
from ipclue.extractors.dispatch import extract_paths
from ipclue.graph.db import Graph
from ipclue.graph.mentions import mentions_of
from ipclue.graph.schema import counts, wipe
from ipclue.models import Rejection
from ipclue.pipeline import ingest
from ipclue.spark.job import run, session
from ipclue.spark.keys import blocking_keys, candidate_key
from ipclue.spark.parquet import read_output
from ipclue.synth import generate


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    started = time.perf_counter()
    spark = session("local[2]", app="ipclue-tests", partitions=2)
    print(f"SparkSession started in {time.perf_counter() - started:.1f} s")
    yield spark
    spark.stop()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small generated corpus plus every run-wide rejection the local path makes."""
    root = tmp_path_factory.mktemp("spark") / "corpus"
    generate(root, 50, 5, "demo")
    judgments = sorted((root / "judgments").glob("*.txt"))
    shutil.copy(judgments[0], root / "judgments" / "copy-of-first.txt")  # duplicate-content
    (root / "judgments" / "zz-same-case.txt").write_bytes(judgments[1].read_bytes() + b"\n\n")
    (root / "empty.txt").write_bytes(b"  \n")
    (root / "notes.docx").write_bytes(b"not read")
    (root / ".hidden.txt").write_text("skipped", encoding="utf-8")
    (root / "quarantine").mkdir()
    (root / "quarantine" / "old.txt").write_text("skipped", encoding="utf-8")
    (root / "_draft.txt").write_text("草稿，尚未成文", encoding="utf-8")  # read locally; hidden from Spark
    outside = tmp_path_factory.mktemp("elsewhere") / "j.txt"
    outside.write_bytes(judgments[2].read_bytes())
    (root / "judgments" / "link.txt").symlink_to(outside)  # a link out of the input roots: a skip
    return root


def _dump(item: Item) -> str:
    if isinstance(item, Rejection):
        return item.model_dump_json(exclude_none=True)
    return json.dumps(item.model_dump(mode="json"), ensure_ascii=False)


def _same_as_local(spark: SparkSession, root: Path, out: Path) -> list[Item]:
    started = time.perf_counter()
    summary = run(spark, [f"file:{root}"], f"file:{out}")
    print(f"spark job on {summary.files} files: {time.perf_counter() - started:.1f} s")
    local = list(extract_paths([root]))
    got = list(read_output(out))
    assert [_dump(x) for x in got] == [_dump(x) for x in local]
    return local


def test_spark_extract_equals_local_on_a_generated_corpus(
    spark: SparkSession, generated: Path, tmp_path: Path
) -> None:
    local = _same_as_local(spark, generated, tmp_path / "out")
    reasons = {x.reason for x in local if isinstance(x, Rejection)}
    assert {"duplicate-content", "duplicate-case-no", "empty", "unsupported-file-type"} <= reasons
    assert {"hidden", "quarantine-output", "symlink-outside-roots"} <= reasons
    assert any(isinstance(x, Rejection) and x.path.endswith("/_draft.txt") for x in local)
    kinds = {p.name for p in (tmp_path / "out" / "records").iterdir() if p.is_dir()}
    assert kinds == {f"kind={x.type}" for x in local if not isinstance(x, Rejection)}
    table = pq.read_table(tmp_path / "out" / "records" / "kind=judgment").to_pylist()
    assert all(json.loads(r["record"])["source"]["sha256"] == r["sha256"] for r in table)
    assert all(json.loads(r["record"])["source"]["path"] == r["path"] for r in table)
    _keys_and_groups(local, tmp_path / "out")


def _keys_and_groups(local: list[Item], out: Path) -> None:
    """Every mention with its blocking keys; every group with the candidate party key of its codes."""
    mentions = [m for x in local if not isinstance(x, Rejection) for m in mentions_of(x)]
    rows = pq.read_table(out / "mentions").to_pylist()
    assert len(rows) == len(mentions)
    assert {r["id"]: list(r["keys"]) for r in rows} == {m.id: blocking_keys(m) for m in mentions}
    groups = {r["key"]: r for r in pq.read_table(out / "groups").to_pylist()}
    codes: dict[str, set[str]] = {}
    for r in rows:
        for key in r["keys"]:
            codes.setdefault(key, set()).update([r["uscc"]] if r["uscc"] else [])
    assert set(groups) == set(codes)
    assert all(groups[k]["candidate"] == candidate_key(k, c) for k, c in codes.items())
    by_id = {r["id"]: r for r in rows}
    assert all(by_id[m]["candidate"] == groups[by_id[m]["keys"][0]]["candidate"]
               for m in by_id if by_id[m]["keys"])  # fmt: skip


def test_spark_extract_equals_local_on_the_real_corpus(
    spark: SparkSession, corpus: Path, tmp_path: Path
) -> None:
    local = _same_as_local(spark, corpus, tmp_path / "out")
    assert sum(not isinstance(x, Rejection) for x in local) > 100


def test_ingest_reads_the_parquet_output(
    spark: SparkSession, generated: Path, graph: Graph, tmp_path: Path
) -> None:
    run(spark, [f"file:{generated}"], f"file:{tmp_path / 'out'}")
    from_parquet = ingest(graph, [tmp_path / "out"], quarantine_dir=tmp_path / "q1")
    parquet_counts = counts(graph)
    wipe(graph)
    from_files = ingest(graph, [generated], quarantine_dir=tmp_path / "q2")
    assert counts(graph) == parquet_counts
    assert from_parquet.quarantined == from_files.quarantined and from_parquet.read == from_files.read
