"""Benchmark the API: a synthetic graph of --parties N, a local service, concurrent clients.

    python bench/api.py --parties 2000 --clients 16 --requests 400

Generates the corpus (``ipclue.synth.generate``), ingests it (``ipclue.pipeline.ingest``) into the
configured Neo4j (NEO4J_URI / the managed instance), runs the detectors, starts uvicorn on
127.0.0.1 and reports throughput and p50/p95/p99 per endpoint as a Markdown table. Loopback only;
requests and time are bounded.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from ipclue.cypher import query
from ipclue.graph.db import Graph, open_graph
from ipclue.graph.schema import apply_schema, wipe
from ipclue.settings import get_settings

TARGETS = {"profile": 50, "flags": 50, "graph-d2": 150, "paths-k4": 300, "search": None}


def load(graph: Graph, parties: int, seed: int) -> None:
    from ipclue.detect import run_detectors
    from ipclue.pipeline import ingest
    from ipclue.synth.generate import generate

    wipe(graph)
    apply_schema(graph)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "corpus"
        generate(out, parties, seed)
        files = sorted(p for p in out.rglob("*") if p.is_file())
        report = ingest(graph, files, quarantine_dir=Path(tmp) / "q")
    took = f"{report.seconds:.1f}s"
    print(f"ingested {report.loaded} records from {report.files} files in {took}", file=sys.stderr)
    print(f"detectors: {run_detectors(graph).hits} hits", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, key: str, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "IPCLUE_API_KEYS": f"{key}:investigator:bench"}
    cmd = [
        sys.executable,
        "-m",
        "uvicorn",
        "ipclue.api.app:create_app",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--workers",
        str(workers),
    ]
    proc = subprocess.Popen(cmd, env=env)
    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("the service did not start")


def endpoints(pairs: list[tuple[str, str]], rng: random.Random) -> dict[str, Callable[[], str]]:
    uids = [a for a, _ in pairs]
    return {
        "profile": lambda: f"/api/v1/parties/{rng.choice(uids)}",
        "flags": lambda: f"/api/v1/flags?limit=50&severity={rng.choice(['high', 'medium', 'low'])}",
        "graph-d2": lambda: f"/api/v1/parties/{rng.choice(uids)}/graph?depth=2&limit=300",
        "paths-k4": lambda: "/api/v1/paths?a={}&b={}&max_hops=4".format(*_far_pair(pairs, rng)),
        "search": lambda: "/api/v1/parties?q=" + rng.choice(["有限公司", "科技", "贸易", "电子", "商行"]),
    }


def _far_pair(pairs: list[tuple[str, str]], rng: random.Random) -> tuple[str, str]:
    (a, _), (_, b) = rng.choice(pairs), rng.choice(pairs)
    return (a, b) if a != b else pairs[0]


def drive(
    base: str, key: str, make_url: Callable[[], str], clients: int, total: int, deadline: float
) -> tuple[list[float], int, float]:
    urls = [make_url() for _ in range(total)]
    latencies: list[float] = []
    errors = 0

    def worker(chunk: list[str]) -> None:
        nonlocal errors
        with httpx.Client(base_url=base, headers={"X-API-Key": key}, timeout=30) as c:
            for url in chunk:
                if time.monotonic() > deadline:
                    return
                t0 = time.perf_counter()
                status = c.get(url).status_code
                latencies.append((time.perf_counter() - t0) * 1000)
                errors += status >= 400

    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(worker, [urls[i::clients] for i in range(clients)]))
    return latencies, errors, time.perf_counter() - start


def pct(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def row(name: str, lat: list[float], errors: int, seconds: float, client_cpu: float) -> str:
    """One table row; ``client_cpu``: this process's CPU seconds for the run (the load generator's share)."""
    target = TARGETS.get(name)
    p95 = pct(lat, 95)
    verdict = "" if target is None else ("ok" if p95 <= target else "MISSED")
    per_request = 1000 * client_cpu / max(len(lat), 1)
    return (
        f"| {name} | {len(lat)} | {errors} | {len(lat) / seconds:.0f} | {pct(lat, 50):.1f} | {p95:.1f} | "
        f"{pct(lat, 99):.1f} | {target or '-'} {verdict} | {per_request:.2f} | "
        f"{os.getloadavg()[0]:.1f} |"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parties", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--requests", type=int, default=400, help="requests per endpoint (at most 20000)")
    ap.add_argument("--max-seconds", type=float, default=60, help="time budget per endpoint")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=4, choices=range(1, 17), help="uvicorn worker processes")
    ap.add_argument("--no-load", "--reuse", action="store_true", help="use the data already in the graph")
    ap.add_argument(
        "--driver",
        choices=("python", "wrk"),
        default="python",
        help="load generator: httpx threads in this process, or wrk (native; apt-get install wrk)",
    )
    ap.add_argument("--load-only", action="store_true", help="generate, ingest and detect, then stop")
    args = ap.parse_args()
    graph = open_graph(get_settings())
    if not args.no_load:
        load(graph, args.parties, args.seed)
    if args.load_only:
        graph.close()
        return
    pairs = [(r["a"], r["b"]) for r in graph.read(query("api/bench_pairs"))]
    graph.close()
    if not pairs:
        raise SystemExit("no parties in the graph")
    key, port = secrets.token_urlsafe(24), free_port()
    server = start_server(port, key, args.workers)
    try:
        report(f"http://127.0.0.1:{port}", key, pairs, args)
    finally:
        server.terminate()
        server.wait(10)


def report(base: str, key: str, pairs: list[tuple[str, str]], args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    n = min(args.requests, 20000)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"\n{args.parties} parties, {args.clients} clients, {n} requests per endpoint, "
        f"{args.workers} workers, {os.cpu_count()} CPUs, load average {load}\n"
    )
    if args.driver == "wrk":
        report_wrk(base, key, pairs, args, rng)
        return
    print(
        "| endpoint | requests | errors | req/s | p50 ms | p95 ms | p99 ms | p95 target ms "
        "| client CPU ms/req | load 1 min |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|")
    for name, make_url in endpoints(pairs, rng).items():
        drive(base, key, make_url, args.clients, args.clients * 2, time.monotonic() + 10)  # warm-up
        cpu = time.process_time()
        lat, errors, seconds = drive(
            base, key, make_url, args.clients, min(args.requests, 20000), time.monotonic() + args.max_seconds
        )
        print(row(name, lat, errors, seconds, time.process_time() - cpu), flush=True)


def report_wrk(
    base: str, key: str, pairs: list[tuple[str, str]], args: argparse.Namespace, rng: random.Random
) -> None:
    """The same endpoints driven by wrk for --max-seconds each (after a 5 s warm-up)."""
    import api_wrk

    if not api_wrk.available():
        raise SystemExit("--driver wrk needs wrk on PATH (apt-get install wrk)")
    print("| endpoint | requests | errors | req/s | p50 ms | p95 ms | p99 ms | p95 target ms | load 1 min |")
    print("|---|---:|---:|---:|---:|---:|---:|---|---:|")
    for name, make_url in endpoints(pairs, rng).items():
        urls = [make_url() for _ in range(2000)]
        api_wrk.run(base, key, urls, args.clients, 5)
        r = api_wrk.run(base, key, urls, args.clients, args.max_seconds)
        target = TARGETS.get(name)
        verdict = "" if target is None else ("ok" if r["p95"] <= target else "MISSED")
        print(
            f"| {name} | {r['requests']:.0f} | {r['errors']:.0f} | {r['requests'] / r['seconds']:.0f} "
            f"| {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {target or '-'} {verdict} "
            f"| {os.getloadavg()[0]:.1f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
