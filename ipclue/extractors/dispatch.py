"""The one entry point from input files to canonical records: detect, extract, dedup, reject.

Kinds by extension and content: ``.jsonl``/``.json``/``.csv`` are canonical records or
Qichacha JSON; ``.txt``/``.html``/``.htm`` are a 行政处罚决定书, a judgment, or a CAIL
criminal fact section. Anything else, and every file or line that cannot be used, becomes
a Rejection with a stage and a reason. Within one run (``extract_paths``) identical bytes,
a repeated case number and a repeated decision number are rejected; the first one wins.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import re
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Literal

from pydantic import ValidationError

from ipclue.errors import ExtractError
from ipclue.extractors import canonical, qichacha
from ipclue.extractors.canonical import CanonicalRecordModel, Item, error_summary
from ipclue.extractors.completeness import truncation
from ipclue.extractors.inputs import DATA_SUFFIXES, MAX_FILE_BYTES, display_name, walk_inputs
from ipclue.extractors.penalty import extract_penalty, looks_like_penalty
from ipclue.extractors.text import Document, decode_bytes, read_bytes_as_document
from ipclue.models import Judgment, Penalty, Rejection
from ipclue.normalize import clean

__all__ = ["CanonicalRecordModel", "ExtractResult", "Item", "extract_file", "extract_paths", "iter_inputs"]

Stage = Literal["decode", "extract", "validate", "skip"]
TEXT_SUFFIXES = frozenset({".txt", ".html", ".htm"})
_CRIMINAL_START = re.compile(r"指控|经审理查明|公诉机关")
_CRIMINAL_PARTY = re.compile(r"被告人|被告单位")
_COURTISH = re.compile(r"人民法院|判决书|裁定书|调解书|案号")


@dataclass(slots=True)
class ExtractResult:
    """Everything one run produced, split into records and rejections."""

    records: list[CanonicalRecordModel] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)

    @classmethod
    def collect(cls, items: Iterable[Item]) -> ExtractResult:
        """Drain an item stream into a result."""
        result = cls()
        for item in items:
            (result.rejections if isinstance(item, Rejection) else result.records).append(item)  # type: ignore[arg-type]
        return result


@dataclass(slots=True)
class Run:
    """What one run has seen: file hashes, case numbers, decision numbers (value: first path)."""

    hashes: dict[str, str] = field(default_factory=dict)
    case_nos: dict[str, str] = field(default_factory=dict)
    decision_nos: dict[str, str] = field(default_factory=dict)

    def seen_before(self, name: str, digest: str) -> Rejection | None:
        """A ``duplicate-content`` rejection when these bytes were read before; else None (and the
        bytes are now seen, as ``name``)."""
        if digest in self.hashes:
            detail = f"same bytes as {self.hashes[digest]}"
            return reject(name, "decode", "duplicate-content", detail, sha256=digest)
        self.hashes[digest] = name
        return None

    def dedup(self, item: Item) -> Item:
        """The item, or a Rejection when its case or decision number was already seen."""
        if isinstance(item, Judgment):
            return _first(item, self.case_nos, clean(item.case_no), "duplicate-case-no")
        if isinstance(item, Penalty):
            return _first(item, self.decision_nos, clean(item.decision_no), "duplicate-decision-no")
        return item


def _first(item: Judgment | Penalty, seen: dict[str, str], key: str, reason: str) -> Item:
    """Keep the first record with ``key``; later ones become Rejections naming the first."""
    src = item.source
    if key in seen:
        detail = f"{key} already read from {seen[key]}"
        return Rejection(path=src.path, line=src.line, stage="extract", reason=reason, detail=detail,
                         sha256=src.sha256)  # fmt: skip
    seen[key] = f"{src.path}:{src.line}" if src.line else src.path
    return item


def iter_inputs(paths: Sequence[Path]) -> Iterator[Path]:
    """The files that are read (see ``inputs.walk_inputs``; the skipped ones are reported there)."""
    return (p for p in walk_inputs(paths) if isinstance(p, Path))


def extract_file(path: Path) -> Iterator[Item]:
    """Records and Rejections of one file (deduplicated within the file only)."""
    yield from extract_one(path, Run())


def extract_paths(
    paths: Sequence[Path], *, progress: Callable[[int], None] | None = None, workers: int | None = None
) -> Iterator[Item]:
    """Records and Rejections of every input; ``progress`` gets the number of files done.

    ``workers``: extract in that many processes (``extractors.parallel``: the same items in the same
    order); None: every core for a large input, 1: in this process."""
    entries = list(walk_inputs(paths))
    from ipclue.extractors import parallel  # it imports this module

    count = workers if workers is not None else parallel.default_workers(len(entries))
    if count > 1:
        yield from parallel.extract_parallel(entries, count, progress)
        return
    run, done = Run(), 0
    for path in entries:
        if isinstance(path, Rejection):
            yield path
            continue
        yield from extract_one(path, run)
        done += 1
        if progress:
            progress(done)


def extract_one(path: Path, run: Run) -> Iterator[Item]:
    """Read (at most ``MAX_FILE_BYTES``), check for emptiness and duplicate bytes, then extract by kind.
    One file never stops the batch: whatever it raises becomes its rejection."""
    name = display_name(path)
    data = yield from read_input(path, name)
    if data is None:
        return
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        yield reject(name, "decode", "empty", "the file has no content", sha256=digest)
    elif seen := run.seen_before(name, digest):
        yield seen
    else:
        items = items_by_kind(path, name, data, digest)
        yield from guarded(name, digest, (run.dedup(item) for item in items))


def read_input(path: Path, name: str) -> Generator[Rejection, None, bytes | None]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            detail = f"{size:,} bytes; the limit is {MAX_FILE_BYTES:,} (IPCLUE_MAX_FILE_BYTES)"
            yield reject(name, "decode", "too-large", detail)
            return None
        return path.read_bytes()
    except OSError as exc:
        reason = "not-found" if isinstance(exc, FileNotFoundError) else "unreadable"
        yield reject(name, "decode", reason, exc.strerror or str(exc))
        return None


def guarded(name: str, digest: str, items: Iterator[Item]) -> Iterator[Item]:
    """``items``; an exception (a RecursionError on deep nesting, an extractor bug) ends the file with
    one rejection saying how far it got, and the batch goes on."""
    count = 0
    try:
        for item in items:
            count += 1
            yield item
    except RecursionError:
        detail = f"nested too deeply to parse (after {count} items)"
        yield reject(name, "decode", "too-deep", detail, sha256=digest)
    except Exception as exc:
        detail = f"{type(exc).__name__}: {exc} (after {count} items)"[:500]
        yield reject(name, "extract", "extractor-error", detail, sha256=digest)


def reject(path: Path | str, stage: Stage, reason: str, detail: str, *, sha256: str | None = None,
            line: int | None = None) -> Rejection:  # fmt: skip
    """A Rejection for a whole file (or one line of it)."""
    return Rejection(path=str(path), line=line, stage=stage, reason=reason, detail=detail, sha256=sha256)


def _from_error(exc: ExtractError, stage: Stage, sha256: str) -> Rejection:
    """An ExtractError as a Rejection."""
    return reject(exc.path, stage, exc.reason, exc.reason_detail, sha256=sha256, line=exc.line)


def items_by_kind(path: Path, name: str, data: bytes, digest: str) -> Iterator[Item]:
    """Dispatch on the extension."""
    suffix = path.suffix.lower()
    if suffix in DATA_SUFFIXES:
        yield from _structured(name, suffix, data, digest)
    elif suffix in TEXT_SUFFIXES:
        yield _document(name, data)
    else:
        detail = f"{display_name(suffix) or 'no extension'} is not read"
        yield reject(name, "decode", "unsupported-file-type", detail, sha256=digest)


def _structured(name: str, suffix: str, data: bytes, digest: str) -> Iterator[Item]:
    """JSON Lines, JSON or CSV: canonical records or Qichacha JSON, else not a record file."""
    try:
        text, _ = decode_bytes(data, name)
    except ExtractError as exc:
        yield _from_error(exc, "decode", digest)
        return
    if suffix == ".csv":
        yield from _csv(text, name, digest)
    elif suffix == ".jsonl":
        yield from _jsonl(text, name, digest)
    else:
        yield from _json(text, name, digest)


def _csv(text: str, name: str, digest: str) -> Iterator[Item]:
    """A canonical CSV, or one rejection for the whole file."""
    if canonical.sniff_csv(text, name):
        yield from canonical.parse_csv(text, path=name, sha256=digest)
    else:
        detail = (
            f"columns {canonical.csv_header(text)[:6]} have no 'type' and the file name names no record type"
        )
        yield reject(name, "extract", "not-a-record-file", detail, sha256=digest)


def _jsonl(text: str, name: str, digest: str) -> Iterator[Item]:
    """Canonical JSON Lines, or one rejection for the whole file."""
    if canonical.sniff_jsonl(text, name):
        yield from canonical.parse_jsonl(text, path=name, sha256=digest)
    else:
        detail = "the first object has no record 'type' and the file name names no record type"
        yield reject(name, "extract", "not-a-record-file", detail, sha256=digest)


def _json(text: str, name: str, digest: str) -> Iterator[Item]:
    """Qichacha JSON, canonical JSON (array or object), or JSON Lines saved as .json."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            yield from _jsonl(text, name, digest)
        else:
            yield reject(name, "decode", "invalid-json", exc.msg, sha256=digest, line=exc.lineno)
        return
    items = data if isinstance(data, list) else [data]
    if qichacha.looks_like_qichacha(data):
        yield from qichacha.extract_qichacha(data, path=name, sha256=digest)
    elif items and canonical.is_canonical_object(items[0], name):
        yield from canonical.parse_json(data, path=name, sha256=digest)
    else:
        detail = "neither canonical records (no 'type') nor a known Qichacha shape"
        yield reject(name, "extract", "not-a-record-file", detail, sha256=digest)


def _document(path: str, data: bytes) -> Item:
    """Decode a text or HTML document and extract from it; every failure is a Rejection."""
    try:
        doc = read_bytes_as_document(data, path)
    except ExtractError as exc:
        return _from_error(exc, "decode", hashlib.sha256(data).hexdigest())
    try:
        return _from_text(doc)
    except ExtractError as exc:
        return _from_error(exc, "extract", doc.sha256)
    except ValidationError as exc:
        return reject(path, "validate", "invalid-record", error_summary(exc), sha256=doc.sha256)
    except Exception as exc:  # an extractor bug must not stop a batch: quarantine it, visibly
        return reject(path, "extract", "extractor-error", f"{type(exc).__name__}: {exc}", sha256=doc.sha256)


def _from_text(doc: Document) -> Item:
    """Penalty decision, judgment, criminal fact section, or a Rejection saying why not."""
    text = doc.text
    if looks_like_penalty(text):
        return extract_penalty(doc)
    judgment = judgment_extractor()
    if judgment is not None and judgment.looks_like_judgment(text):
        cut = None if looks_like_criminal_facts(text) else truncation(text)
        if cut is not None:
            return reject(doc.path, "extract", "truncated", cut, sha256=doc.sha256)
        record: Judgment = judgment.extract_judgment(doc)
        return record
    if looks_like_criminal_facts(text):
        if judgment is None:
            return reject(
                doc.path, "extract", "extractor-unavailable", "no judgment extractor", sha256=doc.sha256
            )
        facts: Judgment = judgment.extract_criminal_facts(doc)
        return facts
    return _unrecognised(doc, judgment is None)


def _unrecognised(doc: Document, no_extractor: bool) -> Rejection:
    """Why a text document yields nothing: not a judgment, or not any document we know."""
    if _COURTISH.search(doc.text[:2000]):
        reason = "extractor-unavailable" if no_extractor else "not-a-judgment"
        detail = "court document, but no judgment header (court, title, 案号)"
        return reject(doc.path, "extract", reason, detail, sha256=doc.sha256)
    detail = "neither a judgment, a 行政处罚决定书 nor a criminal fact section"
    return reject(doc.path, "extract", "unrecognised-document", detail, sha256=doc.sha256)


def looks_like_criminal_facts(text: str) -> bool:
    """A CAIL fact section: opens with 公诉机关指控 / 经审理查明 and names a 被告人 or 被告单位."""
    return bool(_CRIMINAL_START.search(text[:120]) and _CRIMINAL_PARTY.search(text))


@cache
def judgment_extractor() -> ModuleType | None:
    """The judgment extractor module, imported on first use; None while it does not exist."""
    try:
        return importlib.import_module("ipclue.extractors.judgment")
    except ImportError:
        return None
