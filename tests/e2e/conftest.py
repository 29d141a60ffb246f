"""Prerequisites of the browser tests: the built web app, playwright-core, node and Chromium."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .harness import CHROMIUM

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
STATIC = REPO / "ipclue" / "api" / "static" / "index.html"
PLAYWRIGHT = REPO / "web" / "node_modules" / "playwright-core"


def _missing() -> str | None:
    if not STATIC.is_file():
        return f"the web app is not built ({STATIC} missing): cd web && npm ci && npm run build"
    if not PLAYWRIGHT.is_dir():
        return "playwright-core is not installed: cd web && npm ci"
    if not shutil.which("node"):
        return "node is not on PATH"
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM}: apt-get install -y chromium fonts-noto-cjk"
    return None


@pytest.fixture()
def prerequisites() -> None:
    why = _missing()
    if why is None:
        return
    if os.environ.get("IPCLUE_E2E_REQUIRED") == "1":
        pytest.fail(why)
    pytest.skip(why)
