"""Which files of the given paths are inputs, and every one that is not, with its reason.

Directories are walked in sorted order, structured records first (``DATA_SUFFIXES``: register
exports and lists, JSON Lines, JSON, CSV), then documents, so that a first load resolves the
registers in its main process while the workers extract the documents (``extractors.parallel``),
instead of after them with the workers idle (resolution depends on the order: the README gives what
this order changed). Not read, and reported as a ``skip`` (never silently): hidden names (``.x``,
``..x``), quarantine folders and rejection logs, symbolic links that point outside the input roots
(or nowhere, or in a loop), linked directories (not followed: their files inside the roots are read
where they really are), and anything that is not a regular file (a FIFO would block the batch). File
names that are not UTF-8 (archives made on Chinese Windows) are shown decoded as GB18030, else with
the undecodable bytes escaped, so a name never breaks a report.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePath

from ipclue.models import Rejection

SKIP_DIRS = frozenset({"quarantine", "_quarantine", "__pycache__", "node_modules"})
SKIP_FILES = frozenset({"rejections.jsonl"})
DATA_SUFFIXES = frozenset({".jsonl", ".json", ".csv"})
"""Structured records (walked before the documents of the same directory)."""
MAX_FILE_BYTES = int(os.environ.get("IPCLUE_MAX_FILE_BYTES", str(256 * 1024 * 1024)))
"""The largest input file read (bigger ones are quarantined as ``too-large``)."""


def display_name(path: Path | str) -> str:
    """The path as text that is always valid Unicode (non-UTF-8 names decoded as GB18030)."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raw = os.fsencode(path)
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError:
            return raw.decode("utf-8", "backslashreplace")
    return text


def skip(path: Path | str, reason: str, detail: str) -> Rejection:
    """A file that is not read, as a ``skip`` line for the report and the quarantine."""
    return Rejection(path=display_name(path), stage="skip", reason=reason, detail=detail)


def walk_inputs(paths: Sequence[Path]) -> Iterator[Path | Rejection]:
    """Every input file (a file given explicitly is always read), and a skip for each one that is not."""
    roots = [p.resolve() for p in paths if p.is_dir()]
    for path in paths:
        if path.is_dir():
            for entry in walked(path):
                verdict = entry_verdict(entry, path, roots)
                if verdict is not None:
                    yield verdict
        else:
            yield path


def walked(root: Path) -> list[Path]:
    """Everything under ``root`` in walk order: the structured records' files first, each part sorted."""
    return sorted(root.rglob("*"), key=lambda entry: (not holds_records(entry), entry))


def holds_records(path: PurePath) -> bool:
    """Whether the walk takes ``path`` among the structured records (before the documents)."""
    return path.suffix.lower() in DATA_SUFFIXES


def entry_verdict(entry: Path, root: Path, roots: list[Path]) -> Path | Rejection | None:
    """The entry as an input, a skip, or ``None`` for a plain directory (walked, not reported)."""
    parts = entry.relative_to(root).parts
    if name_verdict(parts) is not None:  # walked only to count what they hold
        return None if entry.is_dir() and not entry.is_symlink() else name_skip(entry, parts)
    if entry.is_symlink():
        return _link(entry, roots)
    try:
        mode = entry.lstat().st_mode
    except OSError as exc:
        return skip(entry, "unreadable", exc.strerror or str(exc))
    if stat.S_ISDIR(mode):
        return None
    if not stat.S_ISREG(mode):
        return skip(entry, "not-a-regular-file", "a device, FIFO or socket is not read")
    return entry


def name_verdict(parts: tuple[str, ...]) -> str | None:
    """Why a path is no input by its name alone (its parts below the input root): ``hidden``,
    ``quarantine-output``, or None. The Spark job's listing applies the same rule."""
    if any(part.startswith(".") for part in parts):
        return "hidden"
    if any(part in SKIP_DIRS for part in parts[:-1]) or parts[-1] in SKIP_FILES:
        return "quarantine-output"
    return None


def name_skip(entry: Path | str, parts: tuple[str, ...]) -> Rejection | None:
    """The skip of a file its name alone excludes (hidden, ipclue's own output), or None."""
    verdict = name_verdict(parts)
    if verdict == "hidden":
        first = next(p for p in parts if p.startswith("."))
        return skip(entry, "hidden", f"{first!r} starts with '.' (hidden files and folders are not read)")
    if verdict == "quarantine-output":
        return skip(entry, "quarantine-output", "ipclue's own rejection output")
    return None


def _link(entry: Path, roots: list[Path]) -> Path | Rejection:
    try:
        target = entry.resolve(strict=True)
    except RuntimeError:
        return skip(entry, "symlink-loop", "the link resolves in a loop")
    except OSError as exc:
        reason = "symlink-loop" if "loop" in (exc.strerror or "").lower() else "broken-symlink"
        return skip(entry, reason, exc.strerror or str(exc))
    if not any(target.is_relative_to(r) for r in roots):
        return skip(entry, "symlink-outside-roots", "the link points outside the input folders")
    if target.is_dir():
        return skip(entry, "symlink-dir-not-followed", "linked folders are not followed")
    return entry
