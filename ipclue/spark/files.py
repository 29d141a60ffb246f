"""One input file → rows of the Spark job (run in the workers), through ``extractors.dispatch``.

A row is one item of the file in order: a record (its JSON, as ``ipclue extract --jsonl`` prints it)
or a rejection (its fields, as the quarantine stores them), with what the run-wide steps need: the
file's order key and sha256, whether it is empty, the record's deduplication key (case or decision
number) and its mentions' blocking keys.
"""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath
from typing import Any, cast
from urllib.parse import urlsplit

from ipclue.extractors.dispatch import guarded, items_by_kind, read_input
from ipclue.extractors.inputs import display_name, holds_records, name_skip, name_verdict
from ipclue.graph.mentions import mentions_of
from ipclue.models import Judgment, Penalty, Rejection
from ipclue.normalize import clean
from ipclue.spark.keys import blocking_keys, uscc_of

Row = dict[str, Any]
ORDER_SEP = "\x00"  # below every character: "a\x00b" < "a-c\x00…", as Path("a/b") < Path("a-c")


class _Uri(PurePosixPath):
    """A non-local input (``hdfs://…``): PurePosixPath for its suffix, the URI as its text."""

    uri: str = ""

    def __str__(self) -> str:
        return self.uri


def is_local(uri: str) -> bool:
    """A ``file:`` URI or a plain path (read by the executors themselves), not ``hdfs://…`` and the like."""
    return urlsplit(uri).scheme in ("", "file")


def local_path(uri: str) -> PurePosixPath:
    """``file:/a/b`` → ``/a/b`` (the local path ``ipclue extract`` would record); other URIs kept."""
    parts = urlsplit(uri)
    if is_local(uri):
        return PurePosixPath(parts.path)
    out = _Uri(parts.path)
    out.uri = uri
    return out


def order_key(input_no: int, path: PurePosixPath) -> str:
    """Sorts as the local walk does: inputs in the given order, then the structured records' files
    before the documents (``inputs.walked``), each part as ``sorted(Path)`` (by parts)."""
    part = 0 if holds_records(path) else 1
    return f"{input_no:05d}{ORDER_SEP}{part}{ORDER_SEP}" + ORDER_SEP.join(path.parts)


def skipped(path: PurePosixPath, root: str) -> bool:
    """Hidden parts, quarantine directories and rejection logs are not inputs (as locally)."""
    base = local_path(root)
    if path == base or not path.is_relative_to(base):
        return False  # a file given by name is read, as locally
    return name_verdict(path.relative_to(base).parts) is not None


def skip_rows(input_no: int, path: PurePosixPath, root: str) -> list[Row]:
    """The skip a name-excluded file gets, reported as the local walk reports it (never dropped).
    ``empty``: it takes no part in the duplicate-content step."""
    base = local_path(root)
    rej = name_skip(str(path), path.relative_to(base).parts)
    assert rej is not None
    return [
        {"order": order_key(input_no, path), "file_sha256": None, "empty": True, "idx": 0} | _rejection(rej)
    ]


def file_rows(input_no: int, uri: str, data: bytes) -> list[Row]:
    """The rows of one file Spark read (``uri``, its bytes): records and rejections in order."""
    path = local_path(uri)
    return content_rows(order_key(input_no, path), path, data)


def local_rows(order: str, path: Path) -> list[Row]:
    """The rows of one local file, read here as the local path reads it (size limit, read errors)."""
    name = display_name(path)
    reading, rejected = read_input(path, name), []
    try:
        while True:
            rejected.append(next(reading))
    except StopIteration as stop:
        data = stop.value
    if data is None:  # too large or unreadable: its rejection, no part in the duplicate-content step
        return [{"order": order, "file_sha256": None, "empty": True, "idx": i} | _rejection(r)
                for i, r in enumerate(rejected)]  # fmt: skip
    return content_rows(order, path, data)


def rejection_rows(order: str, rej: Rejection) -> list[Row]:
    """A rejection the driver's listing made (a skip): one row, no part in the duplicate-content step."""
    return [{"order": order, "file_sha256": None, "empty": True, "idx": 0} | _rejection(rej)]


def content_rows(order: str, path: PurePosixPath | Path, data: bytes) -> list[Row]:
    """The rows of a file's bytes (records and rejections in the file's order)."""
    digest = hashlib.sha256(data).hexdigest()
    base = {"order": order, "file_sha256": digest, "empty": not data.strip()}
    if base["empty"]:
        rej = Rejection(path=display_name(str(path)), stage="decode", reason="empty",
                        detail="the file has no content", sha256=digest)  # fmt: skip
        return [base | {"idx": 0} | _rejection(rej)]
    name = display_name(
        str(path)
    )  # as the local walk names it; one file's failure is its rejection there too
    items = guarded(name, digest, items_by_kind(cast(Path, path), name, data, digest))
    return [base | {"idx": i} | (_rejection(x) if isinstance(x, Rejection) else _record(x))
            for i, x in enumerate(items)]  # fmt: skip


def _rejection(r: Rejection) -> Row:
    return {"kind": "rejection", "path": r.path, "line": r.line, "stage": r.stage, "reason": r.reason,
            "detail": r.detail, "sha256": r.sha256, "record": None, "dedup": None, "where": None,
            "mentions": []}  # fmt: skip


def _record(rec: Any) -> Row:
    src = rec.source
    return {
        "kind": rec.type,
        "path": src.path,
        "line": src.line,
        "stage": None,
        "reason": None,
        "detail": None,
        "sha256": src.sha256,
        "record": rec.model_dump_json(),
        "dedup": _dedup_key(rec),
        "where": f"{src.path}:{src.line}" if src.line else src.path,
        "mentions": [
            {"id": m.id, "kind": m.kind, "name": m.name, "uscc": uscc_of(m), "keys": blocking_keys(m)}
            for m in mentions_of(rec)
        ],
    }


def _dedup_key(rec: Any) -> str | None:
    """``case:…`` / ``decision:…``: within a run, the first record with the key wins (as locally)."""
    if isinstance(rec, Judgment):
        return f"case:{clean(rec.case_no)}"
    if isinstance(rec, Penalty):
        return f"decision:{clean(rec.decision_no)}"
    return None
