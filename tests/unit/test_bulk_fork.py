"""The import files written by forked processes are the files one process writes, and a writer that
fails (an error, or its process dying) is a BulkError naming the file."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ipclue.graph.bulk_csv import BulkError, write_csvs
from ipclue.graph.bulk_fold import Tables
from ipclue.graph.bulk_fork import Result, Task, balanced, run_forked


def _tables() -> Tables:
    t = Tables(datetime(2024, 1, 2, tzinfo=UTC))
    for i in range(300):
        t.nodes["Party"][f"p{i}"] = {"uid": f"p{i}", "name": f"名{i}", "aliases": [] if i % 7 else [f"别{i}"]}
        t.nodes["Case"][f"c{i}"] = {"case_no": f"c{i}", "on": date(2020, 1, 1 + i % 28), "fine": i * 1.5}
        t.rels[("PARTY_TO", "Party", "Case")][(f"p{i}", f"c{i}", "plaintiff")] = {"role": "plaintiff"}
        t.rels[("LEGAL_REP_OF", "Party", "Party")][(f"p{i}", f"p{(i + 1) % 300}", None)] = {"title": None}
    return t


@pytest.mark.parametrize("id_type", ["actual", "string"])
def test_forked_writers_write_the_files_one_process_writes(tmp_path: Path, id_type: str) -> None:
    one = write_csvs(_tables(), tmp_path / "one", id_type, workers=1)  # type: ignore[arg-type]
    two = write_csvs(_tables(), tmp_path / "two", id_type, workers=2)  # type: ignore[arg-type]
    assert [(k, p.name) for k, p in one.nodes] == [(k, p.name) for k, p in two.nodes]
    assert [(k, p.name) for k, p in one.relationships] == [(k, p.name) for k, p in two.relationships]
    assert (one.counts, one.empty_lists, one.node_count) == (two.counts, two.empty_lists, two.node_count)
    assert len(one.empty_lists) == 300 - 43  # every Party without an alias
    for (_, a), (_, b) in zip(
        [*one.nodes, *one.relationships], [*two.nodes, *two.relationships], strict=True
    ):
        assert a.read_bytes() == b.read_bytes()


def _ok(n: int) -> Result:
    return [{"n": n}]


def _fails() -> Result:
    raise ValueError("boom")


def _dies() -> Result:
    os._exit(3)


def test_results_come_back_in_order_from_every_share() -> None:
    tasks = [Task(Path(f"f{i}.csv"), cost, lambda i=i: _ok(i)) for i, cost in enumerate([5, 9, 1, 7, 3])]  # type: ignore[misc]
    assert balanced(tasks, 2) == [[1, 2, 4], [0, 3]]  # costs 13 and 12
    assert run_forked(tasks, 2) == [[{"n": i}] for i in range(5)]


@pytest.mark.parametrize(("work", "message"), [(_fails, "ValueError: boom"), (_dies, r"died \(exit 3\)")])
def test_a_failing_writer_names_its_file(work: object, message: str) -> None:
    tasks = [Task(Path("big.csv"), 10, lambda: _ok(0)), Task(Path("small.csv"), 1, work)]  # type: ignore[arg-type]
    assert balanced(tasks, 2) == [[0], [1]]  # the failing one is the child's
    with pytest.raises(BulkError, match=rf"writing small\.csv: .*{message}"):
        run_forked(tasks, 2)
    with pytest.raises(BulkError, match=r"writing small\.csv: ValueError"):
        run_forked([Task(Path("small.csv"), 1, _fails)], 1)  # in this process: the same words
