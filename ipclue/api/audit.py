"""Append-only audit log (JSON Lines under the ipclue home): who read whose data, who changed what."""

from __future__ import annotations

import os
import threading
from collections import deque
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ipclue.api.config import Principal


class AuditEntry(BaseModel):
    at: str
    request_id: str
    actor: str
    role: str
    action: str
    subject: str
    route: str | None = None
    status: int | None = None
    subjects: list[str] = []
    detail: dict[str, Any] = {}


class AuditLog:
    """Lines are only ever appended (``O_APPEND``); reads scan the file from the end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)

    def record(self, who: Principal, request_id: str, action: str, subject: str, **detail: Any) -> None:
        """One line for what ``who`` did to ``subject``."""
        fields = {"action": action, "subject": subject, "detail": detail}
        self.write(actor=who.name, role=who.role, request_id=request_id, **fields)

    def write(self, **fields: Any) -> None:
        """Append one entry (``at``: now); the file is opened ``O_APPEND`` per line, never rewritten."""
        entry = AuditEntry(at=datetime.now(UTC).isoformat(timespec="milliseconds"), **fields)
        line = (entry.model_dump_json() + "\n").encode("utf-8")
        with self._lock:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, line)
            finally:
                os.close(fd)

    def query(
        self, *, since: datetime | None = None, actor: str | None = None, limit: int = 100
    ) -> list[AuditEntry]:
        """The newest ``limit`` entries at or after ``since`` by ``actor``, newest first."""
        if not self.path.exists():
            return []
        kept: deque[AuditEntry] = deque(maxlen=limit)
        with self.path.open(encoding="utf-8") as fh:
            for line in fh:
                entry = _parse(line)
                if entry is not None and _matches(entry, since, actor):
                    kept.append(entry)
        return list(reversed(kept))


def _parse(line: str) -> AuditEntry | None:
    try:
        return AuditEntry.model_validate_json(line)
    except ValueError:
        return None


def _matches(entry: AuditEntry, since: datetime | None, actor: str | None) -> bool:
    if actor is not None and entry.actor != actor:
        return False
    return since is None or datetime.fromisoformat(entry.at) >= _aware(since)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
