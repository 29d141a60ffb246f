"""Browser flows (search, party, source, graph expand, paths, flag review, detector dry run, roles) in
headless Chromium against the real service: real Neo4j, data loaded through the real pipeline.

Needs: the built web app (``cd web && npm ci && npm run build``), ``/usr/bin/chromium`` (Debian's
``chromium`` package, plus ``fonts-noto-cjk``), and Node with ``web/node_modules/playwright-core``.
Screenshots land in ``tests/e2e/artifacts/`` (git-ignored). Skipped when a prerequisite is missing,
unless ``IPCLUE_E2E_REQUIRED=1`` (CI), where a missing prerequisite fails.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ipclue.graph.db import Graph

from .harness import KEYS, run_node, seed, serve

pytestmark = [pytest.mark.browser, pytest.mark.integration]

HERE = Path(__file__).resolve().parent


def test_browser_flows(prerequisites: None, graph: Graph, tmp_path: Path) -> None:
    seeded = seed(graph, tmp_path)
    assert seeded.flags > 0, f"the detectors stored no flag to review: {seeded}"
    artifacts = Path(os.environ.get("IPCLUE_E2E_ARTIFACTS", HERE / "artifacts"))
    artifacts.mkdir(parents=True, exist_ok=True)
    with serve(graph, tmp_path / "home") as url:
        proc = run_node(HERE / "flows.mjs", url, KEYS_JSON=json.dumps(KEYS), ARTIFACTS=str(artifacts))
    (artifacts / "flows.log").write_text(proc.stdout + proc.stderr, encoding="utf-8")
    print(proc.stdout)
    assert proc.returncode == 0, (
        f"browser flows failed (screenshots in {artifacts}):\n{proc.stdout}\n{proc.stderr}"
    )
