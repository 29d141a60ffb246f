"""One run, every stage: generation, extraction, loading (with resolution), detection, API latency.

    python bench/run_all.py --parties 10000 [--seed 1] [--api-requests 300] [--clients 16]

Uses a managed Neo4j instance of its own (``bench``), wiped first, and prints a Markdown table.
Timings are measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import sys
import tempfile
import time
from pathlib import Path

from ipclue.cypher import query
from ipclue.dbms.managed import ManagedNeo4j
from ipclue.detect import run_detectors
from ipclue.extractors.dispatch import extract_paths
from ipclue.graph.db import Graph, connect, resolve_target
from ipclue.graph.schema import apply_schema, counts, wipe
from ipclue.models import Rejection
from ipclue.pipeline import ingest
from ipclue.settings import Settings
from ipclue.synth import generate

Row = tuple[str, str, float, str]


def _inputs(folder: Path) -> list[Path]:
    return [p for p in sorted(folder.iterdir()) if p.name != "truth.json"]


def stage_generate(out: Path, parties: int, seed: int) -> Row:
    summary = generate(out, parties, seed, "bench")
    docs = sum(summary.documents.values())
    return (
        "generate",
        f"{docs:,} documents, {sum(summary.registry.values()):,} registry records",
        summary.seconds,
        f"{docs / summary.seconds:,.0f} documents/s",
    )


def stage_extract(out: Path) -> Row:
    start = time.perf_counter()
    records = rejected = 0
    for item in extract_paths(_inputs(out)):
        rejected += isinstance(item, Rejection)
        records += not isinstance(item, Rejection)
    seconds = time.perf_counter() - start
    return (
        "extract (all kinds)",
        f"{records:,} records, {rejected:,} rejected",
        seconds,
        f"{records / seconds:,.0f} records/s",
    )


def stage_ingest(graph: Graph, out: Path) -> list[Row]:
    report = ingest(graph, _inputs(out), quarantine_dir=out.parent / "quarantine")
    rels = sum(v for k, v in counts(graph).items() if k.startswith("rel:"))
    parties = counts(graph).get("node:Party", 0)
    total = (
        "ingest (extract + resolve + load + derive)",
        f"{report.loaded:,} records, {rels:,} relationships",
        report.seconds,
        f"{report.loaded / report.seconds:,.0f} records/s, {rels / report.seconds:,.0f} rels/s",
    )
    parts = [
        (f"  of which {stage}", f"{parties:,} parties" if stage == "resolve" else "", seconds, "")
        for stage, seconds in report.stage_seconds.items()
    ]
    return [total, *parts]


def stage_detect(graph: Graph) -> list[Row]:
    report = run_detectors(graph)
    hits = sum(r.hits for r in report.detectors)
    total = (
        "detect (all detectors)",
        f"{hits:,} flags from {len(report.detectors)} detectors",
        report.seconds,
        "",
    )
    return [total, *((f"  {r.detector}", f"{r.hits:,} flags", r.seconds, "") for r in report.detectors)]


def stage_api(graph: Graph, requests: int, clients: int) -> list[Row]:
    """bench/api.py's clients against a uvicorn serving this graph (instance ``bench``)."""
    sys.path.insert(0, str(Path(__file__).parent))
    import api as api_bench

    pairs = [(r["a"], r["b"]) for r in graph.read(query("api/bench_pairs"))]
    os.environ["IPCLUE_INSTANCE"] = "bench"
    key, port = secrets.token_urlsafe(24), api_bench.free_port()
    server = api_bench.start_server(port, key, workers=2)
    rows: list[Row] = []
    try:
        for name, make_url in api_bench.endpoints(pairs, random.Random(7)).items():
            base = f"http://127.0.0.1:{port}"
            api_bench.drive(base, key, make_url, clients, clients * 2, time.monotonic() + 10)
            lat, errors, secs = api_bench.drive(base, key, make_url, clients, requests, time.monotonic() + 60)
            pcts = "/".join(f"{api_bench.pct(lat, q):.0f}" for q in (50, 95, 99))
            rows.append(
                (
                    f"API {name} ({clients} clients)",
                    f"{len(lat)} requests, {errors} errors",
                    secs,
                    f"{len(lat) / secs:,.0f} req/s, p50/p95/p99 {pcts} ms",
                )
            )
    finally:
        server.terminate()
        server.wait(10)
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parties", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--api-requests", type=int, default=300)
    ap.add_argument("--clients", type=int, default=16)
    args = ap.parse_args()
    settings = Settings().model_copy(update={"instance": "bench", "heap": "2g", "pagecache": "1g"})
    server = ManagedNeo4j(settings)
    server.start()
    target = resolve_target(settings)
    graph = Graph(connect(target), target.database, timeout=600, target=target)
    rows: list[Row] = []
    try:
        apply_schema(graph)
        wipe(graph)
        with tempfile.TemporaryDirectory(prefix="ipclue-bench-") as tmp:
            out = Path(tmp) / "corpus"
            rows.append(stage_generate(out, args.parties, args.seed))
            rows.append(stage_extract(out))
            rows.extend(stage_ingest(graph, out))
            rows.extend(stage_detect(graph))
            rows.extend(stage_api(graph, args.api_requests, args.clients))
    finally:
        graph.close()
        server.stop()
    print(f"\n### ipclue pipeline, {args.parties:,} parties, seed {args.seed}\n")
    print("| stage | volume | seconds | rate |\n|---|---|---:|---|")
    for name, volume, seconds, rate in rows:
        print(f"| {name} | {volume} | {seconds:.1f} | {rate} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
