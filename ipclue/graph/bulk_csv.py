"""Folded tables → CSV files in the format of ``neo4j-admin database import full``.

One file per label (``uid:ID(Party)``, then typed property columns) and one per relationship type
and end labels (``:START_ID(Party)``, ``:END_ID(Case)``, then properties), header on the first line.
Strings are always quoted (an unquoted empty field is a missing property, ``""`` an empty string);
arrays are joined by U+001F, which no extracted text contains.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ipclue.errors import IpclueError
from ipclue.graph.bulk_fold import NODE_KEYS, Props, RelFile, Tables

ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_OPTION = "U+001F"


class BulkError(IpclueError):
    """The bulk load cannot go on (a non-empty target, a column of mixed types, the importer failed)."""

    status = 409
    title = "Bulk load refused"


@dataclass(slots=True)
class ImportFiles:
    """The files written, as (label or type, path), with row counts."""

    nodes: list[tuple[str, Path]] = field(default_factory=list)
    relationships: list[tuple[str, Path]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # node:Label / rel:TYPE → rows
    # The importer cannot write an empty array (an empty field is no property): these rows
    # ({label, key, props}) are set after the import, as the loader's ``SET n += row.props`` left them.
    empty_lists: list[dict[str, Any]] = field(default_factory=list)


def write_csvs(tables: Tables, directory: Path) -> ImportFiles:
    """Every node and relationship of ``tables`` as CSV files under ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    files = ImportFiles()
    for label in sorted(tables.nodes):
        path = directory / f"nodes_{label}.csv"
        rows = list(tables.nodes[label].values())
        _write(path, [f"{NODE_KEYS[label]}:ID({label})"], label, rows, [NODE_KEYS[label]])
        files.empty_lists.extend(_empty_lists(label, rows))
        files.nodes.append((label, path))
        files.counts[f"node:{label}"] = len(rows)
    for kind, rels in sorted(_relationships(tables).items()):
        rtype, start, end = kind
        path = directory / f"rels_{rtype}_{start}_{end}.csv"
        rows = [{"\x00start": s, "\x00end": e, **props} for (s, e, _), props in rels.items()]
        if any(isinstance(v, list) and not v for row in rows for v in row.values()):
            raise BulkError(f"{rtype} has an empty list property, which the importer cannot write")
        head = [f":START_ID({start})", f":END_ID({end})"]
        _write(path, head, rtype, rows, ["\x00start", "\x00end"])
        files.relationships.append((rtype, path))
        files.counts[f"rel:{rtype}"] = files.counts.get(f"rel:{rtype}", 0) + len(rows)
    return files


def _relationships(tables: Tables) -> dict[RelFile, dict[tuple[str, str, Any], Props]]:
    """Relationships whose two end nodes exist (a load statement's MATCH finds no other)."""
    rels = dict(tables.rels)
    rels[("REFERS_TO", "Mention", "Party")] = {(m, uid, None): p for m, (uid, p) in tables.refers_to.items()}
    out: dict[RelFile, dict[tuple[str, str, Any], Props]] = {}
    for kind, table in rels.items():
        starts, ends = tables.nodes.get(kind[1], {}), tables.nodes.get(kind[2], {})
        kept = {k: p for k, p in table.items() if k[0] in starts and k[1] in ends}
        if kept:
            out[kind] = kept
    return out


def _empty_lists(label: str, rows: list[Props]) -> Iterator[dict[str, Any]]:
    key = NODE_KEYS[label]
    for row in rows:
        empty: Props = {k: [] for k, v in row.items() if isinstance(v, list) and not v}
        if empty:
            yield {"label": label, "key": row[key], "props": empty}


def _write(path: Path, head: list[str], what: str, rows: list[Props], ids: list[str]) -> None:
    """``head`` names the id columns (their values: ``ids`` of each row), then typed properties."""
    columns = sorted({c for row in rows for c in row} - set(ids))
    types = {c: column_type(what, c, (row.get(c) for row in rows)) for c in columns}
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(",".join([*head, *(f"{c}:{types[c]}" for c in columns)]) + "\n")
        for row in rows:
            cells = [quote(str(row[x])) for x in ids] + [cell(row.get(c)) for c in columns]
            out.write(",".join(cells) + "\n")


def column_type(what: str, column: str, values: Iterable[Any]) -> str:
    """The importer's type of a column from its values (ints with floats: double)."""
    kinds = {_kind(v) for v in values if v is not None} - {"empty[]"}
    if kinds == {"long", "double"}:
        return "double"
    if kinds == {"long[]", "double[]"}:
        return "double[]"
    if len(kinds) > 1:
        raise BulkError(f"{what}.{column} holds values of several types ({', '.join(sorted(kinds))})")
    return kinds.pop() if kinds else "string[]"


def _kind(value: Any) -> str:
    if isinstance(value, list | tuple):
        inner = {_kind(v) for v in value}
        return "empty[]" if not inner else ("double" if inner == {"long", "double"} else min(inner)) + "[]"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, datetime):
        return "datetime"
    if isinstance(value, date):
        return "date"
    if isinstance(value, str):
        return "string"
    raise BulkError(f"a {type(value).__name__} value cannot be written to an import file")


def cell(value: Any) -> str:
    """One CSV field: empty for null, strings and arrays quoted."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return quote(ARRAY_DELIMITER.join(_text(v) for v in value))
    if isinstance(value, str):
        return quote(value)
    return _text(value)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return value if isinstance(value, str) else repr(value)


def quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'
