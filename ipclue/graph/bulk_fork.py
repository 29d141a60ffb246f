"""Import files written by forked processes: one per core, each a share of the files.

Writing a file is pure Python (the values converted, the lines joined), so one process keeps one
core busy. ``run_forked`` forks a child per share (``os.fork``: the child sees the parent's tables
copy-on-write, nothing is pickled but each task's small result), the parent writing the first share
itself; the shares are balanced by each task's estimated cost. A task that fails in any process
raises ``BulkError`` naming its file, after every child has been reaped.
"""

from __future__ import annotations

import gc
import os
import pickle
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ipclue.errors import IpclueError
from ipclue.extractors.parallel import usable_cores

Result = list[dict[str, Any]]


class BulkError(IpclueError):
    """The bulk load cannot go on (a non-empty target, a column of mixed types, the importer failed)."""

    status = 409
    title = "Bulk load refused"


@dataclass(frozen=True, slots=True)
class Task:
    """One file to write: its path, an estimate of its cost, the work (returns the file's result)."""

    path: Path
    cost: int
    run: Callable[[], Result]


def run_forked(tasks: Sequence[Task], workers: int | None = None) -> list[Result]:
    """Every task's result, in order; the tasks shared among ``workers`` processes (this one and
    forked children). BulkError naming the file of the first task (in order) that failed."""
    shares = balanced(tasks, min(workers or usable_cores(), len(tasks)) if hasattr(os, "fork") else 1)
    collecting = gc.isenabled()
    gc.disable()  # a collection here would touch every shared page (each a copy once forked)
    try:
        children = [(share, *_fork(tasks, share)) for share in shares[1:]]
        outcomes = _run(tasks, shares[0]) if shares else {}
        for share, pid, fd in children:
            outcomes |= _reaped(tasks, share, pid, fd)
    finally:
        if collecting:
            gc.enable()
    for i in sorted(outcomes):
        if isinstance(failed := outcomes[i], str):
            raise BulkError(f"writing {tasks[i].path}: {failed}")
    return [outcomes[i] for i in range(len(tasks))]  # type: ignore[misc]


def balanced(tasks: Sequence[Task], workers: int) -> list[list[int]]:
    """The task numbers in ``workers`` shares of about equal cost (the costliest placed first)."""
    shares: list[list[int]] = [[] for _ in range(max(workers, 1))]
    loads = [0] * len(shares)
    for i in sorted(range(len(tasks)), key=lambda i: -tasks[i].cost):
        least = loads.index(min(loads))
        shares[least].append(i)
        loads[least] += tasks[i].cost
    return [sorted(share) for share in shares if share]


def _run(tasks: Sequence[Task], share: list[int]) -> dict[int, Result | str]:
    """The share's results by task number; a failed task's error text instead (the rest not run)."""
    out: dict[int, Result | str] = {}
    for i in share:
        try:
            out[i] = tasks[i].run()
        except Exception as exc:  # reported by the parent, naming the file
            out[i] = f"{exc}" if isinstance(exc, BulkError) else f"{type(exc).__name__}: {exc}"
            break
    return out


def _fork(tasks: Sequence[Task], share: list[int]) -> tuple[int, int]:
    """A child running ``share``, its results pickled down a pipe; (pid, the pipe's read end)."""
    read, write = os.pipe()
    with warnings.catch_warnings():  # the server's stop may run in a thread: the child runs none
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 1
        try:
            os.close(read)
            with os.fdopen(write, "wb") as out:
                out.write(pickle.dumps(_run(tasks, share), pickle.HIGHEST_PROTOCOL))
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


def _reaped(tasks: Sequence[Task], share: list[int], pid: int, fd: int) -> dict[int, Result | str]:
    """A child's results (read before it is waited for: the pipe would fill); when it died, its
    first file's outcome says so."""
    with os.fdopen(fd, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code != 0 or not data:
        names = ", ".join(tasks[i].path.name for i in share)
        return {share[0]: f"its writer process died (exit {code}) writing {names}"}
    outcomes: dict[int, Result | str] = pickle.loads(data)
    return outcomes
