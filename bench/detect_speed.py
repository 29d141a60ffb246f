"""Detector timings at a scale: generate, extract, load, then time each detector and PROFILE it.

    python bench/detect_speed.py --parties 10000 100000

The configured Neo4j is WIPED for each scale. Prints per-detector seconds and, per detector,
the three operators with the most database hits (PROFILE).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any

from detect_quality import build  # bench/ is on sys.path when run as a script

from ipclue.detect import load_catalog, run_detectors
from ipclue.detect.params import explain_params
from ipclue.graph.db import Graph, open_graph
from ipclue.settings import get_settings


def worst_operators(graph: Graph, query: str, params: dict[str, Any], n: int = 3) -> list[str]:
    with graph.driver.session(database=graph.database) as session:
        plan = session.run("PROFILE " + query, params).consume().profile or {}
    ops: list[tuple[int, str]] = []

    def walk(p: dict[str, Any]) -> None:
        ops.append((int(p.get("dbHits", 0)), f"{p.get('operatorType')} rows={p.get('rows')}"))
        for child in p.get("children", []):
            walk(child)

    walk(plan)
    return [f"{op} dbHits={hits:,}" for hits, op in sorted(ops, reverse=True)[:n]]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--parties", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    graph = open_graph(get_settings())
    for n in args.parties:
        t0 = time.perf_counter()
        build(graph, n, args.seed, Path(tempfile.mkdtemp(prefix=f"ipclue-speed-{n}-")))
        report = run_detectors(graph, dry_run=True)
        print(
            f"\n## {n:,} parties — build {time.perf_counter() - t0:.0f}s, "
            f"detect total {report.seconds:.1f}s\n"
        )
        print("| detector | hits | seconds | worst operators (PROFILE) |\n|---|---|---|---|")
        for d in report.detectors:
            det = load_catalog().get(d.detector)
            ops = worst_operators(graph, det.query, explain_params(det)) if det else []
            print(f"| {d.detector} | {d.hits} | {d.seconds:.2f} | {'; '.join(ops)} |")


if __name__ == "__main__":
    main()
