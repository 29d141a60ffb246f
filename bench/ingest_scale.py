"""End-to-end ingest at growing sizes: the real ``ipclue ingest`` pipeline with the graph resolver.

    python bench/ingest_scale.py [--sizes 1000,10000,30000,100000] [--seed 1] [--incremental 1000]
                                 [--out /tmp/ipclue-scale] [--instance bench]
                                 [--first-load auto|bulk|transactional] [--workers N]

A size may repeat (``--sizes 10000,10000,10000``: the same corpus ingested afresh each time, to
see whether a run stalls). For each size: generate a corpus (``ipclue.synth``), wipe the graph,
run ``pipeline.ingest`` on it and print records/s per stage (extract, resolve, write, derive) and
overall, derive's seconds per step, the 1-minute load average before and after, plus the slowest
queries (every ``Graph.read``/``write`` and loader transaction is timed by its Cypher file name).
With ``--incremental N``, a corpus of N parties (another seed, ``--batch-seed``) is then ingested
into the last graph (with ``--sizes ''``: into the graph as it is): its time and the share spent
resolving. Uses the managed instance ``--instance`` unless
NEO4J_URI is set. ``--first-load`` and ``--workers`` are ``ipclue ingest``'s options, with its defaults
(auto: a large first load into the empty instance is bulk-imported; every core extracts a large
input); each result says which load path ran and why. The figures are measured, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from ipclue import cypher
from ipclue.dbms.managed import ManagedNeo4j
from ipclue.graph import db
from ipclue.graph.first_load import FIRST_LOADS, BulkTarget
from ipclue.graph.load import Loader
from ipclue.graph.resolution import GraphResolver, corroborate
from ipclue.graph.schema import apply_schema, wipe
from ipclue.pipeline import IngestReport, ingest
from ipclue.settings import Settings

NODE_STEPS = {"source", "party", "case", "trademark", "patent", "penalty", "address", "phone", "email"}
FOLDERS = ("resolve", "load", "derive", "schema", "flags", "detect")


class QueryClock:
    """Seconds and calls per Cypher file (and the slowest single call), while installed."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        for folder in FOLDERS:
            try:
                self.names |= {cypher.query(n): n for n in cypher.names(folder)}
            except (FileNotFoundError, NotADirectoryError):
                continue
        self.total: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self.worst: dict[str, float] = defaultdict(float)

    def name(self, text: str) -> str:
        return self.names.get(text) or self.names.get(text.removeprefix("CYPHER replan=skip\n")) or text[:40]

    def add(self, name: str, seconds: float) -> None:
        self.total[name] += seconds
        self.calls[name] += 1
        self.worst[name] = max(self.worst[name], seconds)

    def timed(self, fn: Callable[..., Any], by: Callable[..., str]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.add(by(*args), time.perf_counter() - start)

        return wrapper

    @contextmanager
    def installed(self) -> Iterator[None]:
        """Time every Graph read/write, loader transaction, resolver chunk and group-pass merge."""
        patches: list[tuple[object, str, Callable[..., str]]] = [
            (db.Graph, "read", lambda _g, text, *a: self.name(text)),
            (db.Graph, "write", lambda _g, text, *a: self.name(text)),
            (Loader, "_run", lambda _l, step, *a: f"load/{step}"),
            (GraphResolver, "resolve", lambda *a: "(GraphResolver.resolve, per chunk)"),
            (corroborate, "run_steps", lambda *a: "(group pass merge transaction)"),
        ]
        saved = [getattr(owner, attr) for owner, attr, _ in patches]
        for (owner, attr, by), fn in zip(patches, saved, strict=True):
            setattr(owner, attr, self.timed(fn, by))
        try:
            yield
        finally:
            for (owner, attr, _), fn in zip(patches, saved, strict=True):
                setattr(owner, attr, fn)

    def top(self, n: int = 14) -> list[dict[str, Any]]:
        names = sorted(self.total, key=lambda k: -self.total[k])[:n]
        return [
            {
                "query": k,
                "s": round(self.total[k], 2),
                "calls": self.calls[k],
                "max_s": round(self.worst[k], 2),
            }
            for k in names
        ]


def open_bench_graph(instance: str) -> db.Graph:
    """NEO4J_URI if configured, else the managed instance ``instance`` (started on demand)."""
    settings = Settings()
    if settings.neo4j_uri:
        return db.open_graph(settings)
    state = ManagedNeo4j(settings, instance=instance).start()
    target = db.Target(state.uri, "neo4j", state.password, "neo4j", True)
    return db.Graph(db.connect(target), "neo4j", settings.query_timeout_s, target)


def generate(out: Path, parties: int, seed: int, profile: str) -> Path:
    from ipclue.synth.generate import generate as synth

    target = out / f"{profile}-p{parties}-s{seed}"
    if not (target / "truth.json").exists():
        synth(target, parties, seed, profile)
    return target


def rates(report: IngestReport) -> dict[str, Any]:
    """Records/s per stage and overall."""
    n = report.read
    per = {k: round(n / v) if v else None for k, v in report.stage_seconds.items()}
    rels = sum(v for k, v in report.rows.items() if k not in NODE_STEPS)
    overall = round(n / report.seconds) if report.seconds else None
    return {"records": n, "seconds": report.seconds, "stage_s": report.stage_seconds} | {
        "records_per_s": per,
        "overall_records_per_s": overall,
        "relationships": rels,
    }


def run(graph: db.Graph, corpus: Path, quarantine: Path, options: dict[str, Any]) -> dict[str, Any]:
    clock = QueryClock()
    before = os.getloadavg()
    with clock.installed():
        report = ingest(graph, [corpus], quarantine_dir=quarantine, **options)
    return rates(report) | {
        "load_path": report.load_path,
        "load_path_reason": report.load_path_reason,
        "write_step_s": report.write_seconds,
        "derive_step_s": report.derive_seconds,
        "load_avg_before_after": [round(before[0], 2), round(os.getloadavg()[0], 2)],
        "slowest_queries": clock.top(),
        "derived": report.derived,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--sizes", default="1000,10000,30000,100000")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--profile", default="bench", help="synth profile (bench/run_all.py uses 'bench')")
    ap.add_argument("--incremental", type=int, default=1000, help="parties of the batch added last (0: none)")
    ap.add_argument(
        "--batch-seed", type=int, default=0, help="seed of the incremental batch (default seed+1000)"
    )
    ap.add_argument("--out", type=Path, default=Path("/tmp/ipclue-scale"))
    ap.add_argument("--instance", default="bench")
    ap.add_argument(
        "--first-load", choices=FIRST_LOADS, default="auto", help="as ipclue ingest (default auto)"
    )
    ap.add_argument("--workers", type=int, default=None, help="extraction processes (default: every core)")
    args = ap.parse_args()
    graph = open_bench_graph(args.instance)
    settings = Settings()
    bulk = (
        None
        if settings.neo4j_uri
        else BulkTarget(ManagedNeo4j(settings, args.instance), settings, args.out / "bulk")
    )
    options = {"first_load": args.first_load, "bulk": bulk, "workers": args.workers}
    results: dict[str, Any] = {}
    for size in [int(s) for s in args.sizes.split(",") if s]:  # none: the batch goes into the graph as it is
        corpus = generate(args.out, size, args.seed, args.profile)
        wipe(graph)
        apply_schema(graph)
        if bulk is not None:  # the import files of each size apart
            options["bulk"] = replace(bulk, csv_dir=args.out / "bulk" / f"p{size}")
        results[str(size)] = run(graph, corpus, args.out / "quarantine", options)
        print(json.dumps({size: results[str(size)]}, ensure_ascii=False), flush=True)
    if args.incremental:
        extra = generate(args.out, args.incremental, args.batch_seed or args.seed + 1000, args.profile)
        inc = run(graph, extra, args.out / "quarantine", options)
        inc["resolve_share"] = round(inc["stage_s"].get("resolve", 0.0) / inc["seconds"], 3)
        results[f"incremental+{args.incremental}"] = inc
        print(json.dumps({"incremental": inc}, ensure_ascii=False), flush=True)
    graph.close()


if __name__ == "__main__":
    main()
