"""Canonical records written directly (JSON Lines, JSON, CSV) → validated models.

The record type comes from a ``type`` field, or from the file name (trademarks.jsonl,
penalties.csv …). A record that already carries ``source`` keeps it, so the output of
``ipclue extract --jsonl`` can be ingested with its provenance; otherwise ``source`` points
at this file and line. Bad lines become Rejections; the other lines go on.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import PurePath
from typing import Any, TypeAlias, get_args, get_origin

from pydantic import BaseModel, ValidationError

from ipclue.models import RECORD_TYPES, CanonicalModel, Rejection

CanonicalRecordModel: TypeAlias = CanonicalModel
Item: TypeAlias = CanonicalRecordModel | Rejection
MODELS = RECORD_TYPES
_NAME_TYPES = {
    "judgment": "judgment",
    "judgments": "judgment",
    "trademark": "trademark",
    "trademarks": "trademark",
    "patent": "patent",
    "patents": "patent",
    "copyright": "copyright",
    "copyrights": "copyright",
    "penalty": "penalty",
    "penalties": "penalty",
    "company": "company",
    "companies": "company",
}
_NAME_SPLIT = re.compile(r"[._\-\s]+")
_LIST_SPLIT = re.compile(r"\s*[;；|]\s*")
_BOOLS = {"是": "true", "否": "false", "有": "true", "无": "false"}


def type_from_name(path: str) -> str | None:
    """Record type named by the last word of a file name: trademarks.jsonl, 2024_penalties.csv."""
    return _NAME_TYPES.get(_NAME_SPLIT.split(PurePath(path).stem.lower())[-1])


def is_canonical_object(obj: object, path: str) -> bool:
    """A JSON object that names a record type, or sits in a file whose name does."""
    if not isinstance(obj, dict):
        return False
    return obj.get("type") in MODELS or ("type" not in obj and type_from_name(path) is not None)


def to_record(obj: dict[str, Any], *, path: str, sha256: str, line: int | None) -> Item:
    """Validate one object as its record type; a Rejection (with the field errors) if it fails."""
    where: dict[str, Any] = {"path": path, "line": line, "sha256": sha256}
    kind = obj.get("type") or type_from_name(path)
    if not isinstance(kind, str) or kind not in MODELS:
        reason = "missing-type" if kind is None else "unknown-type"
        return Rejection(stage="validate", reason=reason, detail=f"type={kind!r}", **where)
    data = {**obj, "type": kind}
    data.setdefault("source", {"path": path, "sha256": sha256, "line": line, "kind": "canonical"})
    try:
        return MODELS[kind].model_validate(data)
    except ValidationError as exc:
        return Rejection(stage="validate", reason="invalid-record", detail=error_summary(exc), **where)


def error_summary(exc: ValidationError) -> str:
    """Pydantic errors as ``field.path: message; …``."""
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or '<record>'}: {e['msg']}" for e in exc.errors())


def sniff_jsonl(text: str, path: str) -> bool:
    """True when the first JSON object of the file is a canonical record."""
    for raw in text.splitlines()[:20]:
        try:
            return is_canonical_object(json.loads(raw), path)
        except json.JSONDecodeError:
            continue
    return False


def parse_jsonl(text: str, *, path: str, sha256: str) -> Iterator[Item]:
    """One record (or Rejection) per non-blank line, with 1-based line numbers."""
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.strip():
            yield _json_line(raw, path=path, sha256=sha256, line=number)


def _json_line(raw: str, *, path: str, sha256: str, line: int) -> Item:
    """Decode and validate one JSON Lines line."""
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        detail = f"{exc.msg} at column {exc.colno}"
        return Rejection(
            path=path, line=line, stage="decode", reason="invalid-json", detail=detail, sha256=sha256
        )
    except RecursionError:
        where = {"path": path, "line": line, "sha256": sha256}
        return Rejection(stage="decode", reason="too-deep", detail="nested too deeply to parse", **where)
    if not isinstance(obj, dict):
        detail = f"a JSON {type(obj).__name__}, not an object"
        return Rejection(
            path=path, line=line, stage="decode", reason="not-an-object", detail=detail, sha256=sha256
        )
    return to_record(obj, path=path, sha256=sha256, line=line)


def parse_json(data: object, *, path: str, sha256: str) -> Iterator[Item]:
    """A JSON array of records (line = 1-based index) or a single record object."""
    items: Iterable[object] = data if isinstance(data, list) else [data]
    for index, obj in enumerate(items, start=1):
        line = index if isinstance(data, list) else None
        if isinstance(obj, dict):
            yield to_record(obj, path=path, sha256=sha256, line=line)
        else:
            detail = f"item {index} is a JSON {type(obj).__name__}, not an object"
            yield Rejection(path=path, line=line, stage="decode", reason="not-an-object", detail=detail)


def csv_header(text: str) -> list[str]:
    """The header row of a CSV text."""
    return next(csv.reader(io.StringIO(text)), [])


def sniff_csv(text: str, path: str) -> bool:
    """A canonical CSV has a ``type`` column or a record-type file name."""
    return "type" in [h.strip() for h in csv_header(text)] or type_from_name(path) is not None


def parse_csv(text: str, *, path: str, sha256: str) -> Iterator[Item]:
    """One record per row; cells are converted by the target field's type (lists, JSON, booleans).

    A row may not run over several lines: a quote left open on a line would swallow the rows
    after it, so that row is rejected (``unterminated-quote``) and the lines it swallowed are read
    again as rows of their own. A row with the wrong number of cells is rejected with both counts.
    """
    lines = io.StringIO(text, newline="").readlines()
    header = [h.strip() for h in next(csv.reader(lines[:1]), [])]
    yield from _csv_rows(lines, 1, header, path=path, sha256=sha256)


def _csv_rows(lines: list[str], first: int, header: list[str], *, path: str, sha256: str) -> Iterator[Item]:
    """The rows of ``lines[first:]`` (``first`` is a 0-based index; reported lines are 1-based)."""
    position = [first]

    def feed() -> Iterator[str]:
        while position[0] < len(lines):
            position[0] += 1
            yield lines[position[0] - 1]

    start = first
    for cells in csv.reader(feed()):
        end, begin = position[0], start + 1
        start = end
        where: dict[str, Any] = {"path": path, "line": begin, "sha256": sha256}
        if end > begin and any("\n" in c or "\r" in c for c in cells):
            detail = f"a quote opened on line {begin} is not closed before line {end}; lines after it re-read"
            yield Rejection(stage="decode", reason="unterminated-quote", detail=detail, **where)
            yield from _csv_rows(lines[:end], begin, header, path=path, sha256=sha256)
            continue
        if cells and len(cells) != len(header):
            detail = f"{len(cells)} cells for {len(header)} columns"
            yield Rejection(stage="decode", reason="malformed-row", detail=detail, **where)
        elif cells:
            yield _csv_record(dict(zip(header, cells, strict=True)), path=path, sha256=sha256, line=begin)


def _csv_record(row: dict[str, str], *, path: str, sha256: str, line: int) -> Item:
    kind = (row.get("type") or "").strip() or type_from_name(path) or ""
    try:
        obj = _csv_object(row, MODELS.get(kind))
    except json.JSONDecodeError as exc:
        where = {"path": path, "line": line, "sha256": sha256}
        return Rejection(stage="decode", reason="invalid-json-cell", detail=exc.msg, **where)
    return to_record(obj, path=path, sha256=sha256, line=line)


def _csv_object(row: dict[str, str], model: type[BaseModel] | None) -> dict[str, Any]:
    """A CSV row as a JSON-like object: empty cells dropped, cells converted per field."""
    fields = model.model_fields if model else {}
    out: dict[str, Any] = {}
    for column, cell in row.items():
        name, value = column.strip(), cell.strip()
        if value:
            annotation = fields[name].annotation if name in fields else None
            out[name] = _cell(value, annotation)
    return out


def _cell(value: str, annotation: object) -> Any:
    """Convert one cell: JSON for nested values, split lists on ; ｜ |, 是/否 for booleans."""
    if value[0] in "[{":
        return json.loads(value)
    origin = get_origin(annotation)
    if origin is list:
        return _LIST_SPLIT.split(value)
    if annotation is bool or bool in get_args(annotation):
        return _BOOLS.get(value, value)
    return value
