"""Spark extraction throughput: the same generated corpus with ``local[1]`` and ``local[2]`` in one run.

    python bench/spark_extract.py --documents 100000 [--masters local[1],local[2]] [--baseline 2000]

Generates judgments and penalty decisions (``ipclue synth``, text and HTML) until at least
``--documents`` documents exist, runs the extraction job (``ipclue extract --engine spark``) once per
master into a fresh output, and prints documents/s, the speed-up over the first master and, from the
measured per-core rate, the cores a 24-hour extraction of 10^8 judgments needs (as measured, and at
the measured parallel efficiency). The job's time excludes the SparkSession start (a one-off per
cluster job). ``--baseline`` documents are also extracted in this process (``extract_paths``), for
the per-core cost of Spark itself. Figures are measured, never asserted; on a shared machine they
are contended.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from ipclue.extractors.dispatch import extract_paths
from ipclue.spark.job import run, session
from ipclue.synth import generate

TARGET = 10**8
_CORES = re.compile(r"local\[(\d+)\]")
DAY_S = 86_400


def corpus(root: Path, documents: int, seed: int) -> list[Path]:
    """A generated corpus with at least ``documents`` text documents; the document directories."""
    dirs = [root / "judgments", root / "penalties"]
    parties = max(50, documents * 21 // 10)  # the bench profile writes ~0.48 text documents per party
    while True:
        generate(root, parties, seed, "bench")
        docs = count_files(dirs)
        if docs >= documents:
            print(f"generated {docs:,} documents from {parties:,} parties", file=sys.stderr)
            return dirs
        parties = int(parties * documents / max(docs, 1) * 1.05) + 1


def cores(master: str) -> int:
    """Worker threads of a ``local[n]`` master (another master: give its cores as local[n] does)."""
    found = _CORES.fullmatch(master)
    if not found:
        raise SystemExit(f"--masters takes local[n] masters here (got {master})")
    return int(found[1])


def count_files(dirs: list[Path]) -> int:
    return sum(1 for d in dirs for p in d.rglob("*") if p.is_file())


def time_master(master: str, dirs: list[Path], out: Path) -> float:
    """Seconds the job took on ``master`` (session start excluded)."""
    spark = session(master, partitions=4 * cores(master))
    try:
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        summary = run(spark, [f"file:{d.resolve()}" for d in dirs], f"file:{out}")
        took = time.perf_counter() - start
        print(f"{master}: {summary.files:,} files, {sum(summary.records.values()):,} records in {took:.1f} s",
              file=sys.stderr)  # fmt: skip
        return took
    finally:
        spark.stop()


def baseline(dirs: list[Path], n: int) -> float:
    """Documents/s of the in-process extraction on the first ``n`` documents (one core)."""
    files = sorted(p for d in dirs for p in d.rglob("*") if p.is_file())[:n]
    start = time.perf_counter()
    done = sum(1 for _ in extract_paths(files))
    return done / (time.perf_counter() - start)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--documents", type=int, default=100_000)
    ap.add_argument("--masters", default="local[1],local[2]")
    ap.add_argument("--baseline", type=int, default=2000, help="documents extracted in-process (0: none)")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--keep", type=Path, default=None, help="generate into (and keep) this directory")
    args = ap.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="ipclue-spark-bench-"))
    try:
        dirs = corpus(root / "corpus", args.documents, args.seed)
        docs = count_files(dirs)
        rates = {m: docs / time_master(m, dirs, root / "out") for m in args.masters.split(",")}
        local = baseline(dirs, args.baseline) if args.baseline else None
        report(docs, rates, local)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    return 0


def report(docs: int, rates: dict[str, float], local: float | None) -> None:
    first, *_ = rates
    cores_of = {m: cores(m) for m in rates}
    print("| master | documents | documents/s | speed-up |")
    print("|---|---:|---:|---:|")
    for m, r in rates.items():
        print(f"| {m} | {docs:,} | {r:,.1f} | {r / rates[first]:.2f}x |")
    per_core = rates[first] / cores_of[first]
    needed = TARGET / DAY_S / per_core
    print(f"\nper-core rate ({first}): {per_core:,.1f} documents/s")
    print(
        f"10^8 judgments in 24 h: {TARGET / DAY_S:,.0f} documents/s, {needed:,.0f} cores at the per-core rate"
    )
    last = list(rates)[-1]
    eff = rates[last] / rates[first] / (cores_of[last] / cores_of[first])
    if last != first and eff > 0:
        print(f"parallel efficiency {first} → {last}: {eff:.0%}; at it, {needed / eff:,.0f} cores")
    if local:
        print(f"in-process extraction (no Spark), one core: {local:,.1f} documents/s")


if __name__ == "__main__":
    raise SystemExit(main())
