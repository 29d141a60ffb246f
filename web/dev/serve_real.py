"""Local iteration: the real API + a managed Neo4j instance ("webdev"), seeded once, on a fixed port.

    python web/dev/serve_real.py [--port 8766] [--reseed]

Then `IPCLUE_API=http://127.0.0.1:8766 npm run dev` (hot reload) or open the port directly (built app).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from ipclue.dbms.managed import ManagedNeo4j  # noqa: E402
from ipclue.graph.db import Graph, Target, connect  # noqa: E402
from ipclue.graph.schema import apply_schema, wipe  # noqa: E402
from ipclue.settings import Settings  # noqa: E402
from tests.e2e.harness import KEYS, seed, serve  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=8766)
    ap.add_argument("--reseed", action="store_true")
    args = ap.parse_args()
    state = ManagedNeo4j(Settings(), instance="webdev").start()
    target = Target(state.uri, "neo4j", state.password, "neo4j", True)
    graph = Graph(connect(target), "neo4j", timeout=60, target=target)  # the API's async reads need it
    apply_schema(graph)
    home = Path(tempfile.mkdtemp(prefix="ipclue-webdev-"))
    empty = not graph.read("MATCH (p:Party) RETURN count(p) > 0 AS any")[0]["any"]
    if args.reseed or empty:
        wipe(graph)
        print(seed(graph, home))
    with serve(graph, home, args.port) as url:
        print(url, KEYS, flush=True)
        while True:
            time.sleep(3600)


if __name__ == "__main__":
    main()
