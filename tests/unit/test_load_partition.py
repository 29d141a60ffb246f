"""Relationship rows split for concurrent writers: no node in two parts, nothing lost, parts balanced."""

from __future__ import annotations

import random

from ipclue.graph.load import node_disjoint

COLUMNS = ("uid", "to", "key", "target", "value", "id")


def _nodes(row: dict[str, object], columns: tuple[str, ...] = COLUMNS) -> set[str]:
    return {f"{c}:{row[c]}" if c == "src" else str(row[c]) for c in columns if row.get(c) is not None}


def test_rows_sharing_a_node_stay_together_and_none_is_lost() -> None:
    rng = random.Random(3)
    rows = [{"uid": f"p{rng.randrange(400)}", "to": f"p{rng.randrange(400)}", "src": "s"} for _ in range(300)]
    parts = node_disjoint(rows, 2, COLUMNS)
    assert sorted(map(id, rows)) == sorted(id(r) for p in parts for r in p)
    seen = [set().union(*(_nodes(r) for r in p)) for p in parts]
    assert len(parts) == 2 and not (seen[0] & seen[1])


def test_chains_join_through_any_column() -> None:
    rows = [
        {"uid": "a", "key": "c1"},
        {"uid": "b", "key": "c2"},
        {"uid": "b", "key": "c1"},
        {"uid": "d", "key": "c3"},
    ]
    parts = node_disjoint(rows, 2, COLUMNS)
    assert sorted(len(p) for p in parts) == [1, 3]  # a-c1-b-c2 is one component, d-c3 another
    assert [r["key"] for r in max(parts, key=len)] == ["c1", "c2", "c1"]  # row order kept within a part


def test_source_column_only_when_the_statement_matches_the_source() -> None:
    rows = [{"uid": f"p{i}", "key": f"t{i}", "src": "one-file"} for i in range(10)]
    assert len(node_disjoint(rows, 2, COLUMNS)) == 2  # src is a property here: rows split
    assert len(node_disjoint(rows, 2, (*COLUMNS, "src"))) == 1  # every row touches the one Source node


def test_independent_rows_are_balanced() -> None:
    rows = [{"uid": f"p{i}", "value": f"v{i}"} for i in range(1001)]
    assert sorted(len(p) for p in node_disjoint(rows, 2, COLUMNS)) == [500, 501]
