"""Loader throughput: bulk import vs the batched UNWIND loader vs a naive one-MERGE-per-transaction loader.

    python bench/load.py --parties 100000 [--runs 3] [--naive-sample 3000] [--batch 5000] [--warmup 20000]
                         [--no-bulk] [--instance bench-NAME]

Generates synthetic canonical records (companies with legal representatives, shareholders,
addresses and phones; judgments between them), loads them into a fresh managed Neo4j
instance (``--instance``), and prints records/s, relationships/s and the ratios. The managed server is
started by the bench, so a warm-up load (``--warmup`` parties, then wiped; 0 to skip) first brings
its JIT-compiled code paths to the state of a server that has been running: the first load after a
start measured up to 2x slower than the next on the same data. The batched load then runs ``--runs``
times into the emptied database; every run is printed, and the table gives the median run.

Like with like: both paths time the same work. The records are generated before either clock
starts; the batched time (``Loader.load``) covers resolution and row building (the next chunk's,
in a thread, while this chunk's relationships are written) and the writes into a running server
whose schema is in place. The bulk path (``ipclue load --bulk``: the same records and the same key
resolver, its name look-up answered from what is folded so far) covers the same resolution and row
building, folding the rows, writing the ``neo4j-admin database import full`` files, stopping the
server, the import, starting the server and building the schema's indexes, so it is end to end
too; the derive step, which neither of the others runs, is left out.

Printed besides: each bulk stage; the fixed costs no data size changes (stopping and starting the
server, the importer's JVM start: its wall time less its own ``IMPORT DONE in`` time), and so the
best ratio they allow at this size (batched seconds / fixed seconds); and the ratio of the write
stages alone (bulk: everything after resolution and folding; batched: its time less the resolving,
which overlaps its writes, so that this favours the batched loader).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, LiteralString

from neo4j import ManagedTransaction

from ipclue.dbms.managed import ManagedNeo4j
from ipclue.graph.build import build_rows
from ipclue.graph.bulk import BulkReport, bulk_load_records, folded_lookup
from ipclue.graph.db import Graph, connect, resolve_target
from ipclue.graph.load import Loader, LoadReport
from ipclue.graph.mentions import mentions_of
from ipclue.graph.resolve import KeyResolver
from ipclue.graph.schema import apply_schema, counts, wipe
from ipclue.models import Company, Judgment, PartyMention, Record, Shareholder, SourceRef
from ipclue.normalize import uscc_check_char
from ipclue.settings import Settings

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"


def _uscc(i: int) -> str:
    body = f"91440300MA{i:07d}"
    return body + (uscc_check_char(body) or "0")


def _src(kind: str, i: int) -> SourceRef:
    return SourceRef(
        path=f"bench/{kind}/{i}", sha256=hashlib.sha256(f"{kind}{i}".encode()).hexdigest(), kind="bench"
    )


def synthetic(parties: int, seed: int = 7) -> Iterator[Record]:
    """About ``parties`` parties: companies (each with a person) plus judgments between companies."""
    rng = random.Random(seed)
    n_companies = max(2, parties // 2)
    for i in range(n_companies):
        person = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        holders = [Shareholder(name=f"控股{rng.randrange(n_companies)}有限公司", kind="org", pct=30.0)]
        yield Company(
            name=f"测试{i}科技有限公司",
            uscc=_uscc(i),
            legal_representative=person,
            address=f"某市某区{rng.randrange(n_companies)}号",
            phone=f"0755{i:08d}",
            shareholders=[Shareholder(name=person, kind="person", pct=70.0), *holders],
            source=_src("company", i),
        )
    for k in range(n_companies // 2):
        a, b = rng.randrange(n_companies), rng.randrange(n_companies)
        yield Judgment(
            case_no=f"(2020)测{k}号",
            case_no_raw=f"（2020）测{k}号",
            court="某市中级人民法院",
            decided_on=date(2020, 1 + k % 12, 1 + k % 28),
            parties=[
                PartyMention(name=f"测试{a}科技有限公司", role="plaintiff", role_text="原告", kind="org"),
                PartyMention(name=f"测试{b}科技有限公司", role="defendant", role_text="被告", kind="org"),
            ],
            source=_src("judgment", k),
        )


def _one_row(tx: ManagedTransaction, cypher: LiteralString, row: dict[str, Any]) -> None:
    tx.run(cypher, rows=[row]).consume()


def naive_load(graph: Graph, records: list[Record]) -> tuple[int, float]:
    """The same statements, one row per transaction: what a MERGE-per-record loader does."""
    from ipclue.cypher import query

    mentions = [m for r in records for m in mentions_of(r)]
    rows = build_rows(records, mentions, KeyResolver().resolve(mentions)).by_step()
    start = time.perf_counter()
    n_rels = 0
    nodes = {"source", "party", "case", "trademark", "patent", "penalty", "address", "phone", "email"}
    with graph.driver.session(database=graph.database) as session:
        for step, step_rows in rows:
            cypher = query(f"load/{step}")
            for row in step_rows:
                session.execute_write(_one_row, cypher, row)
                n_rels += step not in nodes
    return n_rels, time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parties", type=int, default=100_000)
    ap.add_argument("--naive-sample", type=int, default=3000, help="records for the naive loader")
    ap.add_argument("--batch", type=int, default=5000)
    ap.add_argument(
        "--workers",
        type=int,
        default=2,
        help="concurrent writers per step (node steps split by key, relationship steps node-disjoint)",
    )
    ap.add_argument("--warmup", type=int, default=20_000, help="parties loaded and wiped first (0: none)")
    ap.add_argument("--runs", type=int, default=3, help="batched loads, wiped between; median reported")
    ap.add_argument("--no-bulk", dest="bulk", action="store_false", help="skip the bulk import")
    ap.add_argument("--instance", default="bench", help="the managed instance (the bulk path restarts it)")
    args = ap.parse_args()
    settings = Settings()
    settings = settings.model_copy(update={"instance": args.instance})
    server = ManagedNeo4j(settings) if not settings.neo4j_uri else None
    if server:
        server.start()
    target = resolve_target(settings)
    graph = Graph(connect(target), target.database, timeout=600, target=target)
    try:
        apply_schema(graph)
        wipe(graph)
        if args.warmup:
            print(f"warm-up: {args.warmup:,} parties (another seed), then wiped", file=sys.stderr)
            Loader(graph, batch_size=args.batch, workers=args.workers).load(synthetic(args.warmup, seed=99))
            wipe(graph)
        records = list(synthetic(args.parties))
        report, n_parties, n_rels = _median_run(graph, records, args)
        _, naive_s = naive_load(graph, records[: args.naive_sample])
        naive_rels = _party_and_rel_counts(graph)[1]
        wipe(graph)
        graph.close()
        bulk = _bulk(settings, records, args) if args.bulk and server else None
        _print(report, n_parties, n_rels, naive_rels, naive_s, args, bulk)
    finally:
        graph.close()
        if server:
            server.stop()
    return 0


def _bulk(settings: Settings, records: list[Record], args: argparse.Namespace) -> tuple[BulkReport, int, int]:
    """The bulk path on the same records and resolver as the batched run (the key resolver, its
    name look-up answered from what is folded so far); its report and counts."""
    import tempfile

    bench = settings
    with tempfile.TemporaryDirectory(prefix="ipclue-bulk-") as tmp:
        report = bulk_load_records(
            bench, records, csv_dir=Path(tmp), batch_size=args.batch, derive_links=False,
            resolver=lambda _g, tables: KeyResolver(folded_lookup(tables)),
            progress=lambda msg: print(f"  bulk: {msg}", file=sys.stderr),
        )  # fmt: skip
    target = resolve_target(bench)
    graph = Graph(connect(target), target.database, timeout=600, target=target)
    try:
        parties, rels = _party_and_rel_counts(graph)
        wipe(graph)
    finally:
        graph.close()
    return report, parties, rels


def _bulk_seconds(report: BulkReport) -> float:
    return sum(v for k, v in report.stage_seconds.items() if k != "derive")


def _fixed_seconds(report: BulkReport) -> float:
    """Stopping and starting the server and the importer's JVM start: the same at any size."""
    stages = report.stage_seconds
    jvm = stages.get("import", 0.0) - (report.importer_seconds or stages.get("import", 0.0))
    return stages.get("stop", 0.0) + stages.get("start", 0.0) + jvm


def _bulk_row(bulk: tuple[BulkReport, int, int], records: int) -> None:
    report, parties, rels = bulk
    took = _bulk_seconds(report)
    print(
        f"| bulk (neo4j-admin import, end to end) | {records:,} | {parties:,} | {rels:,} "
        f"| {took:.1f} | {records / took:,.0f} | {rels / took:,.0f} |"
    )


def _bulk_ratios(bulk: tuple[BulkReport, int, int], batched: LoadReport, batched_rels: int) -> None:
    report, _, rels = bulk
    took, fixed = _bulk_seconds(report), _fixed_seconds(report)
    stages = ", ".join(f"{k} {v:.1f}s" for k, v in report.stage_seconds.items() if k != "derive")
    print(f"bulk stages: {stages} (the importer's own time: {report.importer_seconds or 0:.1f}s)")
    b_rel = batched_rels / batched.seconds
    print(f"bulk / batched: {rels / took / b_rel:.1f}x relationships/s end to end")
    print(f"bulk / batched: {batched.seconds / took:.1f}x records/s end to end")
    print(
        f"fixed costs (server stop + start, importer JVM start): {fixed:.1f}s, so at most "
        f"{batched.seconds / fixed:.1f}x at this size"
    )
    write = took - sum(report.stage_seconds.get(k, 0) for k in ("extract", "resolve", "fold"))
    batched_write = batched.seconds - batched.stage_seconds()["resolve"]
    print(
        f"writing alone (bulk after resolution and folding {write:.1f}s vs batched less resolving "
        f"{batched_write:.1f}s): {batched_write / write:.1f}x"
    )
    if rels != batched_rels:
        print(f"WARNING: bulk wrote {rels:,} relationships, batched {batched_rels:,}")


def _party_and_rel_counts(graph: Graph) -> tuple[int, int]:
    """Parties and relationships actually in the database (not rows sent)."""
    found = counts(graph)
    return found.get("node:Party", 0), sum(n for k, n in found.items() if k.startswith("rel:"))


def _median_run(graph: Graph, records: list[Record], args: argparse.Namespace) -> tuple[LoadReport, int, int]:
    """Load ``records`` ``args.runs`` times into the emptied database; the median run and its counts."""
    runs: list[tuple[LoadReport, int, int]] = []
    for i in range(max(1, args.runs)):
        report = _batched(graph, records, args.batch, args.workers)
        parties, rels = _party_and_rel_counts(graph)
        wipe(graph)
        print(f"run {i + 1}: {report.seconds:.1f} s, {rels / report.seconds:,.0f} relationships/s")
        runs.append((report, parties, rels))
    runs.sort(key=lambda run: run[0].seconds)
    return runs[len(runs) // 2]


def _batched(graph: Graph, records: list[Record], batch: int, workers: int) -> LoadReport:
    done = 0

    def progress(n: int) -> None:
        nonlocal done
        done += n
        print(f"  batched: {done:,}/{len(records):,} records", file=sys.stderr)

    report = Loader(graph, batch_size=batch, workers=workers).load(records, progress)
    print(file=sys.stderr)
    return report


def _print(
    report: LoadReport,
    parties: int,
    rels: int,
    naive_rels: int,
    naive_s: float,
    args: argparse.Namespace,
    bulk: tuple[BulkReport, int, int] | None,
) -> None:
    b_rec = report.records / report.seconds
    b_rel = rels / report.seconds
    n_rel = naive_rels / naive_s
    n_rec = args.naive_sample / naive_s
    print(f"\nmedian of {max(1, args.runs)} batched runs:")
    print("| loader | records | parties | relationships | seconds | records/s | relationships/s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    print(
        f"| batched (UNWIND, {args.batch}/tx) | {report.records:,} | {parties:,} | {rels:,} "
        f"| {report.seconds:.1f} | {b_rec:,.0f} | {b_rel:,.0f} |"
    )
    print(
        f"| naive (1 row/tx) | {args.naive_sample:,} | – | {naive_rels:,} | {naive_s:.1f} "
        f"| {n_rec:,.0f} | {n_rel:,.0f} |"
    )
    if bulk:
        _bulk_row(bulk, report.records)
    print(f"\nbatched / naive: {b_rel / n_rel:.1f}x relationships/s, {b_rec / n_rec:.1f}x records/s")
    if bulk:
        _bulk_ratios(bulk, report, rels)
    warm = f"warm-up before the batched run: {args.warmup:,} parties" if args.warmup else "no warm-up"
    print(warm)
    slowest = ", ".join(
        f"{k} {v:.1f}s" for k, v in sorted(report.step_seconds.items(), key=lambda kv: -kv[1])[:5]
    )
    print(f"slowest steps (batched): {slowest}")


if __name__ == "__main__":
    raise SystemExit(main())
