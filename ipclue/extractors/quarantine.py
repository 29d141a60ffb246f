"""The quarantine: rejected input (and skipped files) appended to ``rejections.jsonl``, counted by reason."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ipclue.models import Rejection

FILE_NAME = "rejections.jsonl"


class Quarantine:
    """Appends Rejections (one JSON object a line) and counts this run's by reason."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path = directory / FILE_NAME
        self.counts: Counter[str] = Counter()
        self.skips: Counter[str] = Counter()

    def add(self, rejection: Rejection) -> None:
        """Append one rejection."""
        self.extend([rejection])

    def extend(self, rejections: Iterable[Rejection]) -> int:
        """Append rejections; returns how many were written."""
        self.directory.mkdir(parents=True, exist_ok=True)
        written = 0
        with self.path.open("a", encoding="utf-8") as out:
            for rejection in rejections:
                out.write(rejection.model_dump_json(exclude_none=True) + "\n")
                (self.skips if rejection.stage == "skip" else self.counts)[rejection.reason] += 1
                written += 1
        return written

    def summary(self) -> dict[str, int]:
        """This run's rejections by reason, most frequent first (skipped files not included)."""
        return dict(self.counts.most_common())

    def skipped(self) -> dict[str, int]:
        """This run's skipped files (``stage: skip``: hidden, links outside the roots …) by reason."""
        return dict(self.skips.most_common())

    def read(self) -> list[Rejection]:
        """Every rejection in the file (all runs)."""
        if not self.path.exists():
            return []
        lines = self.path.read_text(encoding="utf-8").splitlines()
        return [Rejection.model_validate_json(line) for line in lines if line.strip()]
