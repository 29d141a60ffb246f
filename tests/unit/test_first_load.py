"""The choice between the bulk importer and the transactional loader for ``ipclue ingest``."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pytest

from ipclue.dbms.managed import ManagedNeo4j
from ipclue.graph.bulk_csv import BulkError
from ipclue.graph.first_load import (
    BULK_MIN_RECORDS,
    BulkTarget,
    Facts,
    decide,
    estimate_records,
    not_stoppable,
)
from ipclue.pipeline import ingest
from ipclue.settings import Settings

EMPTY_LARGE = Facts(None, 0, BULK_MIN_RECORDS)


def test_auto_bulk_loads_a_large_first_load_into_an_empty_managed_database() -> None:
    choice = decide("auto", EMPTY_LARGE)
    assert choice.bulk and f"~{BULK_MIN_RECORDS:,} records" in choice.reason


def test_auto_loads_a_small_input_transactionally_and_says_why() -> None:
    choice = decide("auto", Facts(None, 0, BULK_MIN_RECORDS - 1))
    assert not choice.bulk and "fewer than" in choice.reason


def test_bulk_insists_on_a_small_input_but_transactional_never_bulk_loads() -> None:
    assert decide("bulk", Facts(None, 0, 10)).bulk
    assert not decide("transactional", EMPTY_LARGE).bulk


@pytest.mark.parametrize(
    ("facts", "why"),
    [
        (Facts(None, 12, 10**6), "not empty (12 nodes)"),
        (Facts("NEO4J_URI names a remote", 0, 10**6), "NEO4J_URI"),
    ],
)
def test_a_non_empty_or_remote_database_is_never_bulk_loaded(facts: Facts, why: str) -> None:
    choice = decide("auto", facts)
    assert not choice.bulk and why in choice.reason
    with pytest.raises(BulkError, match=why.replace("(", r"\(").replace(")", r"\)")):
        decide("bulk", facts)


def test_without_a_bulk_target_or_under_neo4j_uri_the_server_is_not_stoppable(tmp_path: Path) -> None:
    graph: Any = None  # not consulted: the reasons come first
    assert "API" in (not_stoppable(graph, None) or "")
    remote = Settings().model_copy(update={"neo4j_uri": "neo4j://db.example:7687"})
    target = BulkTarget(ManagedNeo4j(remote), remote, tmp_path)
    assert "NEO4J_URI" in (not_stoppable(graph, target) or "")


def test_the_pipeline_default_never_bulk_loads() -> None:
    """The API's upload jobs call ``ingest`` without ``first_load``: the server keeps serving."""
    params = inspect.signature(ingest).parameters
    assert params["first_load"].default == "transactional" and params["bulk"].default is None


def test_estimate_counts_documents_and_lines(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("判决书", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"a": 1}\n{"a": 2}\n{"a": 3}\n', encoding="utf-8")
    (tmp_path / "d.md").write_text("notes", encoding="utf-8")
    assert estimate_records([*sorted(tmp_path.iterdir()), tmp_path / "gone.csv"]) == 5
