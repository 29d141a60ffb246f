"""Extraction in worker processes, with the serial run's output exactly.

The main process walks the inputs (``inputs.walk_inputs``, the serial order) and hands consecutive
files, ``FILES_PER_TASK`` at a time, to a pool of ``workers`` processes, keeping ``FILES_AHEAD``
files ahead of the consumer (so extraction overlaps with whatever consumes the items: resolution and
writing in ``ipclue ingest``, which takes a chunk of records at a time and resolves it while the
workers go on). A worker reads each file, hashes it and extracts its items without the run-wide
rules; the main process takes the results back in input order and applies those rules itself, as
the serial run does: an empty file, bytes already seen (``duplicate-content``), a repeated case or
decision number (the first wins). So the items, their order and every rejection are the serial
run's. A JSON Lines or CSV file larger than ``WORKER_MAX_BYTES`` is extracted in the main process,
record by record, as in the serial run (a worker would hold all its records at once and send them
back in one piece); a JSON file of any size goes to a worker, as it is parsed whole either way.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from multiprocessing import get_context
from pathlib import Path

from ipclue.errors import ConfigError
from ipclue.extractors import dispatch
from ipclue.extractors.canonical import Item
from ipclue.extractors.inputs import display_name, holds_records
from ipclue.models import Rejection

FILES_PER_TASK = 32  # ~50 ms of work per task for generated judgments: the hand-over is negligible
TASKS_AHEAD = 4  # per worker: tasks submitted before the consumer asks for them, at least
FILES_AHEAD = 32768  # files submitted before the consumer asks for them: more than one chunk of records
# the consumer takes at a time (ingest resolves 5,000), so the workers go on while it resolves a chunk, and
# enough for the ~30 s the main process spends on the registers walked first at 100k parties (workers
# extract ~1,300 generated judgments a second meanwhile); at most ~14 KB held per judgment: ~450 MB
WORKER_MAX_BYTES = 32 * 1024 * 1024
MIN_FILES_FOR_WORKERS = 200  # below: starting the workers (~1 s each, their models) costs more


@dataclass(slots=True)
class Extracted:
    """One file as a worker saw it: its digest (None when it could not be read), whether it is empty,
    and its items before the run-wide rules."""

    name: str
    digest: str | None
    empty: bool
    items: list[Item]


def default_workers(files: int) -> int:
    """The processes to extract ``files`` inputs with: every core this process may use, or 1 (serial)
    for a small input."""
    return usable_cores() if files >= MIN_FILES_FOR_WORKERS else 1


def usable_cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract_file_items(path: str) -> Extracted:
    """Read, hash and extract one file (no run-wide rule: the main process applies them)."""
    name = display_name(path)
    reading = dispatch.read_input(Path(path), name)
    try:
        rejected = next(reading)
        return Extracted(name, None, False, [rejected])
    except StopIteration as end:
        data: bytes | None = end.value
    if data is None:  # unreachable: _read yields a rejection before returning None
        return Extracted(name, None, False, [])
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        return Extracted(name, digest, True, [])
    items = dispatch.items_by_kind(Path(path), name, data, digest)
    return Extracted(name, digest, False, list(dispatch.guarded(name, digest, items)))


def _task(paths: list[str]) -> list[Extracted]:
    return [extract_file_items(p) for p in paths]


def _warm() -> None:
    """A worker's start: import the judgment extractor (and its models) before the first task."""
    dispatch.judgment_extractor()


def settle(run: dispatch.Run, got: Extracted) -> Iterator[Item]:
    """The run-wide rules on one worker's file, exactly as ``dispatch.extract_one`` applies them."""
    if got.digest is None:
        yield from got.items
    elif got.empty:
        yield dispatch.reject(got.name, "decode", "empty", "the file has no content", sha256=got.digest)
    elif seen := run.seen_before(got.name, got.digest):
        yield seen
    else:
        yield from (run.dedup(item) for item in got.items)


def _in_worker(path: Path) -> bool:
    """Whether a worker extracts ``path``: every file but a large JSON Lines or CSV file."""
    if not holds_records(path) or path.suffix.lower() == ".json":
        return True
    try:
        return path.stat().st_size <= WORKER_MAX_BYTES
    except OSError:
        return True  # the worker reports it as not found / unreadable, as the serial run would


Entry = Path | Rejection
Batch = tuple[list[tuple[Entry, bool]], "Future[list[Extracted]]"]  # (entry, whether a worker reads it)


def _ahead(pool: ProcessPoolExecutor, entries: Iterator[Entry], depth: int) -> Iterator[Batch]:
    """Consecutive batches of entries with the future of their worker files, ``depth`` batches ahead."""
    pending: deque[Batch] = deque()
    while True:
        while len(pending) < depth and (batch := list(islice(entries, FILES_PER_TASK))):
            marked = [(e, isinstance(e, Path) and _in_worker(e)) for e in batch]
            pending.append((marked, pool.submit(_task, [str(e) for e, mine in marked if mine])))
        if not pending:
            return
        yield pending.popleft()


def _result(future: Future[list[Extracted]]) -> list[Extracted]:
    """A worker task's files; a worker that died is a ConfigError saying the two usual causes."""
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise ConfigError(
            "an extraction worker process died. A script that extracts or ingests with workers must "
            'start under `if __name__ == "__main__":` (workers are spawned and import the script); '
            "otherwise the machine may be out of memory. workers=1 (--workers 1) extracts in this process."
        ) from exc


def extract_parallel(
    entries: Sequence[Entry], workers: int, progress: Callable[[int], None] | None = None
) -> Iterator[Item]:
    """Items of the walked ``entries`` (files and skips, in walk order) extracted by ``workers``
    processes, in the serial order with the serial run-wide rules."""
    run, done = dispatch.Run(), 0
    pool = ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_warm)
    try:
        depth = max(workers * TASKS_AHEAD, FILES_AHEAD // FILES_PER_TASK)
        for batch, future in _ahead(pool, iter(entries), depth):
            results = iter(_result(future))
            for entry, by_worker in batch:
                if isinstance(entry, Rejection):
                    yield entry
                    continue
                yield from settle(run, next(results)) if by_worker else dispatch.extract_one(entry, run)
                done += 1
                if progress:
                    progress(done)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
