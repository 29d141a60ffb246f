"""The importer's CSV cells and column types (pure)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ipclue.graph.bulk_csv import BulkError, column_type, write_csvs
from ipclue.graph.bulk_fold import Tables


def test_cells_quote_strings_and_leave_nulls_empty(tmp_path: Path) -> None:
    t = Tables(datetime.now(UTC))
    t.nodes["Case"]["c1"] = {
        "case_no": "c1",
        "note": '他说"好",\n下一行',
        "fine": 2.5,
        "stub": True,
        "decided_on": date(2020, 1, 2),
        "classes": [35, 9],
        "tags": ["a", "b;c"],
    }
    t.nodes["Case"]["c2"] = {"case_no": "c2", "note": "", "fine": 3, "stub": False, "tags": []}
    files = write_csvs(t, tmp_path, "string")
    head, one, one_end, two, _ = (tmp_path / "nodes_Case.csv").read_text(encoding="utf-8").split("\n")
    assert head == ("case_no:ID(Case),classes:long[],decided_on:date,fine:double,note:string,stub:boolean,"
                    "tags:string[]")  # fmt: skip
    assert one == '"c1","35\x1f9",2020-01-02,2.5,"他说""好"",'  # a quote doubled, the newline inside quotes
    assert one_end == '下一行",true,"a\x1fb;c"'
    assert two == '"c2",,,3,"",false,""'  # null: an empty field; an empty string: ""
    assert files.empty_lists == [{"label": "Case", "key": "c2", "props": {"tags": []}}]


def test_column_types_widen_ints_to_doubles_and_refuse_mixtures() -> None:
    assert column_type("Case", "fine", [1, 2.5, None]) == "double"
    assert column_type("Case", "classes", [[], [35, 9]]) == "long[]"
    assert column_type("Source", "ingested_at", [datetime.now(UTC)]) == "datetime"
    with pytest.raises(BulkError, match=r"Case\.x holds values of several types"):
        column_type("Case", "x", ["a", 1])
    with pytest.raises(BulkError, match=r"Case\.y holds arrays of several types"):
        column_type("Case", "y", [["a"], [1]])
    with pytest.raises(BulkError, match=r"Case\.z holds arrays and single values"):
        column_type("Case", "z", [["a"], "b"])


def test_relationships_to_missing_nodes_are_not_written(tmp_path: Path) -> None:
    t = Tables(datetime.now(UTC))
    t.fold("source", [{"sha256": "s1", "path": "p", "kind": "file", "src": "s1", "where": "p"}])
    t.fold("located_at", [{"uid": "org-1", "value": "某地1号", "src": "s1", "where": "p"}])  # no such party
    files = write_csvs(t, tmp_path, "string")
    assert files.counts == {"node:Source": 1}
    text = (tmp_path / "nodes_Source.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "sha256:ID(Source),ingested_at:datetime,kind:string,path:string"


def test_actual_ids_number_the_nodes_and_keep_the_key_as_a_property(tmp_path: Path) -> None:
    t = Tables(datetime.now(UTC))
    t.fold("source", [{"sha256": "s1", "path": "p", "kind": "file", "src": "s1", "where": "p"}])
    t.nodes["Party"]["org-1"] = {"uid": "org-1", "kind": "org"}
    t.nodes["Address"]["某地1号"] = {"value": "某地1号"}
    t.fold("located_at", [{"uid": "org-1", "value": "某地1号", "src": "s1", "where": "p"}])
    files = write_csvs(t, tmp_path)  # Address 0, Party 1, Source 2: labels in order, ids over all of them
    assert files.id_type == "actual" and files.node_count == 3
    assert (tmp_path / "nodes_Party.csv").read_text(
        encoding="utf-8"
    ) == ':ID,kind:string,uid:string\n1,"org","org-1"\n'
    rel = (tmp_path / "rels_LOCATED_AT_Party_Address.csv").read_text(encoding="utf-8")
    assert rel == ':START_ID,:END_ID,sources:string[]\n1,0,"s1"\n'
