"""The neighbourhood graph stays readable at 150 nodes (headless Chromium, real Neo4j, data through the
real pipeline): nodes spread over the canvas and centred, almost no overlapping nodes, enough labels drawn
at a readable size and almost none of them overlapping, the root labelled, a culled label shown on hover.

The bounds are in ``graph_scale.mjs``. The layout before fcose (cose, labels culled by zoom only) drew the
same 150 nodes in a column a third of the canvas wide with no label at all (``spreadX`` 0.28, 0 labels).
"""

from __future__ import annotations

import json
import os
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from ipclue.graph.db import Graph
from ipclue.pipeline import ingest
from ipclue.synth.generate import generate

from .harness import KEYS, run_node, serve

pytestmark = [pytest.mark.browser, pytest.mark.integration]

HERE = Path(__file__).resolve().parent
NODES = 150


def _neighbourhood_size(url: str, uid: str) -> int:
    q = urllib.parse.urlencode({"depth": 3, "limit": NODES})
    req = urllib.request.Request(
        f"{url}/api/v1/parties/{urllib.parse.quote(uid)}/graph?{q}",
        headers={"X-API-Key": KEYS["investigator"]},
    )
    with urllib.request.urlopen(req, timeout=60) as res:
        return len(json.load(res)["nodes"])


def _root(graph: Graph, url: str) -> str:
    """A best-connected party whose 3-hop neighbourhood (through the API) has at least NODES nodes."""
    rows = graph.read("MATCH (p:Party) RETURN p.uid AS uid ORDER BY COUNT { (p)--() } DESC, p.uid LIMIT 10")
    for row in rows:
        if _neighbourhood_size(url, str(row["uid"])) >= NODES:
            return str(row["uid"])
    raise AssertionError(f"no party has a {NODES}-node neighbourhood in the generated corpus")


def test_graph_readable_at_150_nodes(prerequisites: None, graph: Graph, tmp_path: Path) -> None:
    generate(tmp_path / "corpus", 200, 7)
    ingest(graph, [tmp_path / "corpus"], quarantine_dir=tmp_path / "quarantine")
    shot = Path(os.environ.get("IPCLUE_E2E_ARTIFACTS", HERE / "artifacts")) / "graph-150.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    with serve(graph, tmp_path / "home") as url:
        proc = run_node(
            HERE / "graph_scale.mjs",
            url,
            KEY=KEYS["investigator"],
            ROOT_UID=_root(graph, url),
            MIN_NODES=str(NODES),
            LIMIT=str(NODES),
            SHOT=str(shot),
        )
    print(proc.stdout)
    assert proc.returncode == 0, f"graph not readable at {NODES} nodes:\n{proc.stdout}\n{proc.stderr}"
