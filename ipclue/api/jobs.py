"""Ingest jobs: uploaded files saved under the ipclue home, ingested one at a time in a background thread."""

from __future__ import annotations

import importlib
import re
import secrets
import shutil
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ipclue.errors import IpclueError, NotFound
from ipclue.graph.db import Graph

MAX_JOBS_KEPT = 200
_SAFE_NAME = re.compile(r"[^0-9A-Za-z._\u4e00-\u9fff-]+")


class PipelineMissing(IpclueError):
    status = 503
    title = "Ingest pipeline unavailable"


@dataclass(slots=True)
class Job:
    id: str
    owner: str
    files: list[str]
    status: str = "queued"
    progress: dict[str, Any] = field(default_factory=dict)
    report: dict[str, Any] | None = None
    error: str | None = None
    created_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    def view(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "progress": dict(self.progress),
            "report": self.report,
            "error": self.error,
            "files": self.files,
            "created_at": self.created_at,
        }


def safe_name(name: str | None, index: int) -> str:
    """A file name that cannot leave the job folder."""
    base = _SAFE_NAME.sub("_", Path(name or "").name).strip("._")[:120]
    return base or f"upload-{index}"


def ingest_function() -> Callable[..., Any]:
    try:
        module = importlib.import_module("ipclue.pipeline")
    except ImportError as exc:
        raise PipelineMissing(f"the ingest pipeline cannot be imported: {exc}") from exc
    fn: Callable[..., Any] = module.ingest
    return fn


class Jobs:
    """Jobs in memory (newest ``MAX_JOBS_KEPT``), run one after the other on one worker thread.

    One at a time: two ingests resolving into the same graph would contend for the same parties.
    ``close()`` (the app's shutdown) cancels what is still queued and waits for the running job, so
    no ingest keeps writing after the service has stopped.
    """

    def __init__(self, graph: Graph, home: Path, retention_days: float = 7.0) -> None:
        self.graph = graph
        self.root = home / "jobs"
        self.retention_days = retention_days
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._worker = ThreadPoolExecutor(1, thread_name_prefix="ingest-job")
        prune_jobs(self.root, retention_days)

    def discard(self, job: Job) -> None:
        """Forget a job whose upload failed, and remove every byte of it that was saved."""
        with self._lock:
            self._jobs.pop(job.id, None)
        shutil.rmtree(self.root / job.id, ignore_errors=True)

    def folder(self, job_id: str) -> Path:
        return self.root / job_id / "in"

    def create(self, owner: str, files: list[str]) -> Job:
        ingest_function()  # fail now, not in the thread, when the pipeline is missing
        job = Job(id="job-" + secrets.token_hex(8), owner=owner, files=files)
        with self._lock:
            self._jobs[job.id] = job
            for old in list(self._jobs)[:-MAX_JOBS_KEPT]:
                del self._jobs[old]
        return job

    def start(self, job: Job) -> None:
        self._worker.submit(self._run, job)

    def close(self) -> None:
        """Cancel the queued jobs, wait for the running one."""
        self._worker.shutdown(wait=True, cancel_futures=True)
        for job in list(self._jobs.values()):
            if job.status == "queued":
                job.status, job.error = "cancelled", "the service stopped before the job started"

    def get(self, job_id: str) -> Job:
        job = self._jobs.get(job_id)
        if job is None:
            raise NotFound(f"no job {job_id!r}")
        return job

    def _run(self, job: Job) -> None:
        job.status = "running"
        paths = [self.folder(job.id) / name for name in job.files]
        try:
            report = ingest_function()(
                self.graph, paths, quarantine_dir=self.root / job.id / "quarantine", progress=_progress(job)
            )
            job.report = report.model_dump(mode="json") if hasattr(report, "model_dump") else dict(report)
            job.status = "done"
        except Exception as exc:  # a job reports its failure instead of dying silently
            job.status, job.error = "failed", f"{type(exc).__name__}: {exc}"[:1000]
        finally:
            prune_jobs(self.root, self.retention_days, keep=frozenset({job.id}))


def _progress(job: Job) -> Callable[[str, int, int], None]:
    def update(stage: str, done: int, total: int) -> None:
        job.progress = {"stage": stage, "done": done, "total": total}

    return update


def prune_jobs(root: Path, older_than_days: float, *, keep: frozenset[str] = frozenset()) -> list[str]:
    """Remove the folders of jobs last touched more than ``older_than_days`` ago; their ids."""
    if not root.is_dir():
        return []
    cutoff = time.time() - older_than_days * 86400
    removed = []
    for folder in sorted(root.glob("job-*")):
        if folder.name not in keep and folder.is_dir() and _newest(folder) < cutoff:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder.name)
    return removed


def _newest(folder: Path) -> float:
    return max((p.stat().st_mtime for p in folder.rglob("*")), default=folder.stat().st_mtime)
