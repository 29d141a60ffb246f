"""Where the shared corpus is, and what a test does when it is missing: skip on a developer machine,
fail in CI (``CI`` set), where a missing corpus would otherwise hide every corpus test as a skip."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def need(path: Path) -> Path:
    """``path`` when it exists; else a skip (a failure in CI)."""
    if path.exists():
        return path
    message = f"the shared corpus is missing: {path} (see ../shared/corpus/SOURCES.md)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)
