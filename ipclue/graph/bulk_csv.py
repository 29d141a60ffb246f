"""Folded tables → CSV files in the format of ``neo4j-admin database import full``.

One file per label (``uid:ID(Party)``, then typed property columns) and one per relationship type
and end labels (``:START_ID(Party)``, ``:END_ID(Case)``, then properties), header on the first line.
Strings are always quoted (an unquoted empty field is a missing property, ``""`` an empty string);
arrays are joined by U+001F, which no extracted text contains.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache, partial
from itertools import chain, islice, repeat
from pathlib import Path
from typing import Any, Literal

from ipclue.graph.bulk_fold import NODE_KEYS, Props, RelFile, RelKey, Tables
from ipclue.graph.bulk_fork import BulkError, Task, run_forked

IdType = Literal["actual", "string"]
__all__ = ["BulkError", "ImportFiles", "Kept", "column_type", "kept_relationships", "write_csvs"]
Kept = dict[RelFile, dict[RelKey, Props]]  # the relationships imported: both end nodes exist
Index = dict[str, dict[str, int]]  # label → key → store id
ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_OPTION = "U+001F"
LINES_PER_WRITE = 50_000  # lines joined into one write (bounds the text held at once)


@dataclass(slots=True)
class ImportFiles:
    """The files written, as (label or type, path), with row counts."""

    id_type: IdType = "actual"
    nodes: list[tuple[str, Path]] = field(default_factory=list)
    relationships: list[tuple[str, Path]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # node:Label / rel:TYPE → rows
    # The importer cannot write an empty array (an empty field is no property): these rows
    # ({label, key, props}) are set after the import, as the loader's ``SET n += row.props`` left them.
    empty_lists: list[dict[str, Any]] = field(default_factory=list)
    node_count: int = 0


def write_csvs(
    tables: Tables, directory: Path, id_type: IdType = "actual", kept: Kept | None = None,
    workers: int | None = None,
) -> ImportFiles:  # fmt: skip
    """Every node and relationship of ``tables`` as CSV files under ``directory``.

    ``id_type`` ``actual`` (the importer's ``--id-type=actual``): each node is given its store id
    here (0, 1, … over all labels) and relationships name those, so the importer maps no id at all;
    the key is a plain property column. ``string``: the key is the ``:ID`` column (``uid:ID(Party)``),
    which the importer maps to store ids (hashing, sorting, collision checks) in its id groups.
    ``kept``: ``kept_relationships(tables)``, when the caller has them already. The files are
    written by ``workers`` processes (default: one per usable core; ``bulk_fork.run_forked``): the
    files, counts and empty lists do not depend on it."""
    directory.mkdir(parents=True, exist_ok=True)
    files = ImportFiles(id_type=id_type)
    index: Index | None = {} if id_type == "actual" else None
    tasks = _node_tasks(tables, directory, files, index)
    tasks += _rel_tasks(kept_relationships(tables) if kept is None else kept, directory, files, index)
    for empty in run_forked(tasks, workers):
        files.empty_lists.extend(empty)
    return files


def _node_tasks(tables: Tables, directory: Path, files: ImportFiles, index: Index | None) -> list[Task]:
    """A task per label (its file, count and store ids recorded in ``files`` and ``index``)."""
    tasks = []
    for label in sorted(tables.nodes):
        nodes = tables.nodes[label]
        if index is not None:
            index[label] = dict(
                zip(nodes, range(files.node_count, files.node_count + len(nodes)), strict=True)
            )
        path = directory / f"nodes_{label}.csv"
        files.nodes.append((label, path))
        files.counts[f"node:{label}"] = len(nodes)
        files.node_count += len(nodes)
        tasks.append(Task(path, len(nodes) * _width(nodes), partial(_node_file, tables, label, path, index)))
    return tasks


def _rel_tasks(rels: Kept, directory: Path, files: ImportFiles, index: Index | None) -> list[Task]:
    """A task per relationship type and end labels (its file and count recorded in ``files``)."""
    tasks = []
    for kind, edges in sorted(rels.items()):
        path = directory / f"rels_{kind[0]}_{kind[1]}_{kind[2]}.csv"
        files.relationships.append((kind[0], path))
        files.counts[f"rel:{kind[0]}"] = files.counts.get(f"rel:{kind[0]}", 0) + len(edges)
        tasks.append(Task(path, len(edges) * _width(edges), partial(_rel_file, kind, edges, path, index)))
    return tasks


def _width(table: dict[Any, Props]) -> int:
    """Columns of a table's file (its first row's, plus the ids): a task's cost is rows × width."""
    return 2 + len(next(iter(table.values()), {}))


def _node_file(tables: Tables, label: str, path: Path, index: Index | None) -> list[Props]:
    """One label's file (``index``: the store ids, with ``--id-type=actual``); its empty list
    properties as ``ImportFiles.empty_lists`` rows."""
    key, table = NODE_KEYS[label], tables.nodes[label]
    rows = list(table.values())
    if index is not None:
        empty = _write(path, [":ID"], label, rows, [list(index[label].values())], set())
    else:
        empty = _write(path, [f"{key}:ID({label})"], label, rows, [list(map(str, table))], {key})
    return [{"label": label, "key": rows[i][key], "props": props} for i, props in empty]


def _rel_file(kind: RelFile, rels: dict[RelKey, Props], path: Path, index: Index | None) -> list[Props]:
    """One relationship file (``index``: the store ids of its end nodes, with ``--id-type=actual``)."""
    rtype, start, end = kind
    ends: list[list[Any]]
    if index is not None:
        head = [":START_ID", ":END_ID"]
        ends = [[index[start][k[0]] for k in rels], [index[end][k[1]] for k in rels]]
    else:
        head = [f":START_ID({start})", f":END_ID({end})"]
        ends = [[str(k[0]) for k in rels], [str(k[1]) for k in rels]]
    if _write(path, head, rtype, list(rels.values()), ends, set()):
        raise BulkError(f"{rtype} has an empty list property, which the importer cannot write")
    return []


def kept_relationships(tables: Tables) -> Kept:
    """Relationships whose two end nodes exist (a load statement's MATCH finds no other)."""
    rels = dict(tables.rels)
    rels[("REFERS_TO", "Mention", "Party")] = {(m, uid, None): p for m, (uid, p) in tables.refers_to.items()}
    out: Kept = {}
    for kind, table in rels.items():
        starts, ends = tables.nodes.get(kind[1], {}), tables.nodes.get(kind[2], {})
        kept = {k: p for k, p in table.items() if k[0] in starts and k[1] in ends}
        if kept:
            out[kind] = kept
    return out


def _write(
    path: Path, head: list[str], what: str, rows: list[Props], ids: list[list[Any]], skip: set[str]
) -> list[tuple[int, Props]]:
    """``head`` names the id columns (their values: ``ids``), then one typed column per property of
    ``rows`` but ``skip``. Written column by column (each column's values converted in one pass, the
    lines joined by ``str.join``, in C); returns the rows' empty lists as (row index, {prop: []})."""
    columns = sorted(set().union(*rows) - skip)
    values = [list(map(dict.get, rows, repeat(c))) for c in columns]
    types = [column_type(what, c, vals) for c, vals in zip(columns, values, strict=True)]
    empty: dict[int, Props] = {}
    for c, t, vals in zip(columns, types, values, strict=True):
        if t.endswith("[]") and [] in vals:
            for i in (i for i, v in enumerate(vals) if v == []):
                empty.setdefault(i, {})[c] = []
    cells = [
        _CONVERT[t.removesuffix("[]")](vals, t.endswith("[]")) for t, vals in zip(types, values, strict=True)
    ]
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(",".join([*head, *(f"{c}:{t}" for c, t in zip(columns, types, strict=True))]) + "\n")
        lines = map(",".join, zip(*map(_id_cells, ids), *cells, strict=True))
        while batch := list(islice(lines, LINES_PER_WRITE)):
            out.write("\n".join(batch) + "\n")
    return sorted(empty.items())


def column_type(what: str, column: str, values: Iterable[Any]) -> str:
    """The importer's type of a column from its values (ints with floats: double)."""
    present = [v for v in values if v is not None]
    kinds = {_kind_of(t) for t in set(map(type, present))}
    if "[]" in kinds:
        kinds.discard("[]")
        if kinds:
            raise BulkError(f"{what}.{column} holds arrays and single values ({', '.join(sorted(kinds))})")
        inner = {_kind_of(t) for t in set(map(type, chain.from_iterable(v for v in present if v)))}
        return _widened(inner, what, column) + "[]" if inner else "string[]"
    if kinds == {"long", "double"}:
        return "double"
    if len(kinds) > 1:
        raise BulkError(f"{what}.{column} holds values of several types ({', '.join(sorted(kinds))})")
    return kinds.pop() if kinds else "string[]"


def _widened(inner: set[str], what: str, column: str) -> str:
    if inner == {"long", "double"}:
        return "double"
    if len(inner) > 1 or "[]" in inner:
        raise BulkError(f"{what}.{column} holds arrays of several types ({', '.join(sorted(inner))})")
    return inner.pop()


@cache
def _kind_of(kind: type) -> str:
    """The importer's type of a Python type (the array's element type is asked separately)."""
    for base, name in _KINDS:
        if issubclass(kind, base):
            return name
    raise BulkError(f"a {kind.__name__} value cannot be written to an import file")


_KINDS: tuple[tuple[type, str], ...] = (
    (bool, "boolean"), (int, "long"), (float, "double"), (datetime, "datetime"), (date, "date"),
    (str, "string"), (list, "[]"), (tuple, "[]"),
)  # fmt: skip


def _quoted(text: str) -> str:
    """A string cell: always quoted (``""`` is an empty string), a quote doubled."""
    return '"' + text.replace('"', '""') + '"'


def _id_cells(ids: list[Any]) -> list[str]:
    """Store ids (numbers) as they are, keys (strings) quoted."""
    return [str(v) if isinstance(v, int) else _quoted(v) for v in ids]


def _strings(values: list[Any], array: bool) -> list[str]:
    if array:
        return ["" if v is None else _quoted(ARRAY_DELIMITER.join(v)) for v in values]
    return ["" if v is None else '"' + v.replace('"', '""') + '"' for v in values]  # _quoted, inlined


def _numbers(values: list[Any], array: bool) -> list[str]:
    if array:
        return ["" if v is None else '"' + ARRAY_DELIMITER.join(map(repr, v)) + '"' for v in values]
    return ["" if v is None else repr(v) for v in values]


def _texts(values: list[Any], array: bool) -> list[str]:
    """Booleans, dates and times: bare (``true``, ``2020-01-02``), an array of them quoted."""
    if array:
        return ["" if v is None else '"' + ARRAY_DELIMITER.join(map(_text, v)) + '"' for v in values]
    return ["" if v is None else _text(v) for v in values]


_CONVERT: dict[str, Callable[[list[Any], bool], list[str]]] = {
    "string": _strings, "long": _numbers, "double": _numbers,
    "boolean": _texts, "date": _texts, "datetime": _texts,
}  # fmt: skip


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return value if isinstance(value, str) else repr(value)
