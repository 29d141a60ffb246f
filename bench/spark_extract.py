"""Spark extraction throughput: the same generated corpus with ``local[1]`` and ``local[2]`` in one run.

    python bench/spark_extract.py --documents 100000 [--masters local[1],local[2]] [--baseline 3000]

Generates judgments and penalty decisions (``ipclue synth``, text and HTML) until at least
``--documents`` documents exist, cached under ``/tmp/ipclue-spark-bench/<documents>-<seed>`` and
reused by later runs (``--fresh`` regenerates). Runs the extraction job (``ipclue extract --engine
spark``) once per master into a fresh output, and prints documents/s, the speed-up over the first
master, the parallel efficiency and, from the measured per-core rate, the cores a 24-hour extraction
of 10^8 judgments needs (at that rate, and at the measured efficiency). The job's time excludes the
SparkSession start (a one-off per cluster job) and includes everything else (listing, the Python
workers' start with the extractors' models, extraction, the run-wide steps, every Parquet write).
``--baseline`` documents (an even sample of the corpus) are also extracted in this process
(``extract_paths``), for the per-document cost of Spark itself. Besides wall time it reports the CPU
seconds per document of the whole process tree (driver, JVM, Python workers), which a shared
machine inflates less than wall time; load averages are printed around each run. Figures are
measured, never asserted.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ipclue.extractors.dispatch import extract_paths
from ipclue.spark.job import run, session
from ipclue.synth import generate

TARGET = 10**8
_CORES = re.compile(r"local\[(\d+)\]")
DAY_S = 86_400
CACHE = Path("/tmp/ipclue-spark-bench")
DOCS_PER_PARTY = 0.5  # the bench profile writes ~0.53 text documents per party


@dataclass(slots=True)
class Timed:
    """One measured run: documents, wall seconds, CPU seconds of this process tree."""

    docs: int
    wall: float
    cpu: float

    @property
    def rate(self) -> float:
        return self.docs / self.wall


def corpus(documents: int, seed: int, fresh: bool) -> list[Path]:
    """A generated corpus with at least ``documents`` text documents (cached); the document directories."""
    root = CACHE / f"{documents}-{seed}"
    dirs = [root / "judgments", root / "penalties"]
    if (root / ".complete").is_file() and not fresh:
        print(f"reusing {count_files(dirs):,} documents in {root}", file=sys.stderr)
        return dirs
    parties = max(50, int(documents / DOCS_PER_PARTY))
    while True:
        started = time.perf_counter()
        generate(root, parties, seed, "bench")
        docs = count_files(dirs)
        took = time.perf_counter() - started
        print(f"generated {docs:,} documents from {parties:,} parties in {took:.0f} s", file=sys.stderr)
        if docs >= documents:
            (root / ".complete").write_text(f"{docs}\n", encoding="utf-8")
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


def tree_cpu() -> float:
    """CPU seconds used so far by this process and its live descendants (Linux ``/proc``)."""
    stats: dict[int, tuple[int, int]] = {}
    for entry in os.listdir("/proc"):
        try:
            text = Path(f"/proc/{entry}/stat").read_text() if entry.isdigit() else ""
        except OSError:
            continue
        if text:
            fields = text[text.rfind(")") + 2 :].split()
            stats[int(entry)] = (int(fields[1]), sum(int(x) for x in fields[11:15]))
    total, todo = 0, [os.getpid()]
    while todo:
        pid = todo.pop()
        total += stats.get(pid, (0, 0))[1]
        todo += [p for p, (parent, _) in stats.items() if parent == pid]
    return total / os.sysconf("SC_CLK_TCK")


def load() -> str:
    return "load " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def time_master(master: str, dirs: list[Path], out: Path) -> Timed:
    """The job on ``master`` (session start excluded); CPU read before the session stops."""
    spark = session(master, partitions=4 * cores(master))
    try:
        shutil.rmtree(out, ignore_errors=True)
        print(f"{master}: start ({load()})", file=sys.stderr)
        cpu, start = tree_cpu(), time.perf_counter()
        summary = run(spark, [f"file:{d.resolve()}" for d in dirs], f"file:{out}")
        took, used = time.perf_counter() - start, tree_cpu() - cpu
        print(f"{master}: {summary.files:,} files, {sum(summary.records.values()):,} records in {took:.1f} s,"
              f" {used:.0f} CPU s ({load()})", file=sys.stderr)  # fmt: skip
        return Timed(summary.files, took, used)
    finally:
        spark.stop()


def baseline(dirs: list[Path], n: int) -> Timed:
    """The in-process extraction (one core) of ``n`` documents spread evenly over the corpus."""
    files = sorted(p for d in dirs for p in d.rglob("*") if p.is_file())
    sample = files[:: max(1, len(files) // n)][:n]
    list(extract_paths(sample[:1]))  # the extractors' models load outside the measurement, as in a long run
    cpu, start = tree_cpu(), time.perf_counter()
    sum(1 for _ in extract_paths(sample))
    return Timed(len(sample), time.perf_counter() - start, tree_cpu() - cpu)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--documents", type=int, default=100_000)
    ap.add_argument("--masters", default="local[1],local[2]")
    ap.add_argument("--baseline", type=int, default=3000, help="documents extracted in-process (0: none)")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--fresh", action="store_true", help="regenerate the cached corpus")
    args = ap.parse_args()
    dirs = corpus(args.documents, args.seed, args.fresh)
    out = Path(f"/tmp/ipclue-spark-bench-out-{os.getpid()}")
    try:
        runs = {m: time_master(m, dirs, out) for m in args.masters.split(",")}
    finally:
        shutil.rmtree(out, ignore_errors=True)
    local = baseline(dirs, args.baseline) if args.baseline else None
    report(runs, local)
    return 0


def report(runs: dict[str, Timed], local: Timed | None) -> None:
    first, last = next(iter(runs)), list(runs)[-1]
    print("| run | documents | seconds | documents/s | speed-up | CPU ms/document |")
    print("|---|---:|---:|---:|---:|---:|")
    for m, r in runs.items():
        print(f"| Spark {m} | {r.docs:,} | {r.wall:,.1f} | {r.rate:,.1f} | {r.rate / runs[first].rate:.2f}x"
              f" | {1000 * r.cpu / r.docs:.2f} |")  # fmt: skip
    if local:
        print(f"| in-process, one core | {local.docs:,} | {local.wall:,.1f} | {local.rate:,.1f} | |"
              f" {1000 * local.cpu / local.docs:.2f} |")  # fmt: skip
    per_core = runs[first].rate / cores(first)
    needed = TARGET / DAY_S / per_core
    print(f"\nper-core rate (Spark {first}): {per_core:,.1f} documents/s")
    print(
        f"10^8 judgments in 24 h: {TARGET / DAY_S:,.0f} documents/s, {needed:,.1f} cores at the per-core rate"
    )
    eff = runs[last].rate / runs[first].rate / (cores(last) / cores(first))
    if last != first and eff > 0:
        print(f"parallel efficiency {first} → {last}: {eff:.0%}; at it, {needed / eff:,.1f} cores")
    if local:
        print(f"Spark per document vs in-process: {local.rate / per_core:.2f}x the wall time per core")


if __name__ == "__main__":
    raise SystemExit(main())
