"""The importer's CSV cells and column types (pure)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ipclue.graph.bulk_csv import BulkError, cell, column_type, write_csvs
from ipclue.graph.bulk_fold import Tables


def test_cells_quote_strings_and_leave_nulls_empty() -> None:
    assert cell(None) == ""
    assert cell("") == '""'  # an empty string, not a missing property
    assert cell('他说"好",\n下一行') == '"他说""好"",\n下一行"'
    assert cell(True) == "true" and cell(2.5) == "2.5" and cell(date(2020, 1, 2)) == "2020-01-02"
    assert cell(["a", "b;c"]) == '"a\x1fb;c"'


def test_column_types_widen_ints_to_doubles_and_refuse_mixtures() -> None:
    assert column_type("Case", "fine", [1, 2.5, None]) == "double"
    assert column_type("Case", "classes", [[], [35, 9]]) == "long[]"
    assert column_type("Source", "ingested_at", [datetime.now(UTC)]) == "datetime"
    with pytest.raises(BulkError, match=r"Case\.x holds values of several types"):
        column_type("Case", "x", ["a", 1])


def test_relationships_to_missing_nodes_are_not_written(tmp_path: Path) -> None:
    t = Tables(datetime.now(UTC))
    t.fold("source", [{"sha256": "s1", "path": "p", "kind": "file", "src": "s1", "where": "p"}])
    t.fold("located_at", [{"uid": "org-1", "value": "某地1号", "src": "s1", "where": "p"}])  # no such party
    files = write_csvs(t, tmp_path)
    assert files.counts == {"node:Source": 1}
    text = (tmp_path / "nodes_Source.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "sha256:ID(Source),ingested_at:datetime,kind:string,path:string"
