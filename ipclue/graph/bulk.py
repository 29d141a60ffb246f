"""``ipclue load --bulk``: a first load through ``neo4j-admin database import full``.

Records are extracted (rejects quarantined, as in ingest) and resolved chunk by chunk by the same
``GraphResolver`` against the empty target, the loader's row builders (``graph.build``) make the
rows, ``bulk_fold`` folds them into the nodes and relationships the load statements would write and
``bulk_csv`` writes the importer's files. The managed server is stopped, the importer runs from the
server's own jars (``org.neo4j.cli.AdminTool`` with ``NEO4J_HOME``/``NEO4J_CONF`` set to the
instance), the server is started again, and the schema and the derive step are applied. Later loads
are transactional (``ipclue ingest``).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any, LiteralString, TypeVar

from neo4j import ManagedTransaction
from pydantic import BaseModel, Field

from ipclue.cypher import names, query, statements
from ipclue.dbms.managed import GC_FLAGS, JAVA_OPENS, ManagedNeo4j, class_sharing, keep_archive
from ipclue.errors import ConfigError
from ipclue.extractors.dispatch import iter_inputs
from ipclue.extractors.quarantine import Quarantine
from ipclue.graph.build import build_rows
from ipclue.graph.bulk_csv import (
    ARRAY_DELIMITER_OPTION,
    BulkError,
    ImportFiles,
    Kept,
    kept_relationships,
    write_csvs,
)
from ipclue.graph.bulk_derive import Precomputed, precompute
from ipclue.graph.bulk_fold import Tables
from ipclue.graph.bulk_groups import Planned, group_step, plan_from_tables
from ipclue.graph.db import Graph, Target, chunks, connect
from ipclue.graph.mentions import mentions_of
from ipclue.graph.resolution import GraphResolver, derive
from ipclue.graph.resolution.derive import settings_thresholds
from ipclue.graph.resolution.resolver import collector_paused
from ipclue.graph.resolve import NameLookup, Resolver
from ipclue.graph.schema import apply_schema
from ipclue.models import Record, Rejection
from ipclue.settings import Settings
from ipclue.spark.parquet import items_of

Progress = Callable[[str], None]
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
T = TypeVar("T")


class BulkReport(BaseModel):
    """What a bulk load did."""

    files: int = 0
    read: int = 0
    quarantined: dict[str, int] = Field(default_factory=dict)
    quarantine_file: str | None = None
    csv_dir: str = ""
    imported: dict[str, int] = Field(default_factory=dict, description="node:Label / rel:TYPE → rows")
    derived: dict[str, int] = Field(default_factory=dict)
    derive_seconds: dict[str, float] = Field(default_factory=dict, description="derive's time per step")
    rows: dict[str, int] = Field(default_factory=dict, description="rows per load step, as the loader counts")
    stage_seconds: dict[str, float] = Field(
        default_factory=dict,
        description="extract (waiting for records), resolve, fold, precompute (derive's first steps on the "
        "tables), csv, stop, import, start, schema, empty lists, derive",
    )
    importer_seconds: float | None = Field(None, description="the importer's own time (IMPORT DONE in …)")
    seconds: float = 0.0


def bulk_load(
    settings: Settings,
    paths: Sequence[Path],
    *,
    csv_dir: Path,
    quarantine_dir: Path,
    batch_size: int = 5000,
    progress: Progress | None = None,
) -> BulkReport:
    """Extract and resolve ``paths``, import them into the empty managed instance, schema, derive."""
    report = BulkReport()
    records = _extracted(paths, Quarantine(quarantine_dir), report)
    return bulk_load_records(
        settings, records, csv_dir=csv_dir, batch_size=batch_size, progress=progress, report=report
    )


def bulk_load_records(
    settings: Settings,
    records: Iterable[Record],
    *,
    csv_dir: Path,
    batch_size: int = 5000,
    progress: Progress | None = None,
    report: BulkReport | None = None,
    resolver: Callable[[Graph, Tables], Resolver] | None = None,
    derive_links: bool = True,
    server: ManagedNeo4j | None = None,
    precomputed: bool = True,
) -> BulkReport:
    """The bulk load of canonical ``records`` (already extracted) into the managed instance.

    ``resolver``: made for the target graph and the tables folded so far; the GraphResolver (as
    ingest) by default, which carries what earlier chunks resolved in its own session index;
    ``derive_links``: run the derive step; ``server``: the instance (default: the settings');
    ``precomputed``: derive's steps before the group pass (``bulk_derive.STEPS``) are computed from the
    tables and written into the import files (False: the server's derive runs them after the import)."""
    if settings.neo4j_uri:
        raise ConfigError(
            "ipclue load --bulk imports into the managed local Neo4j (the importer needs the database's "
            "files): unset NEO4J_URI, or load the first time on the database's machine"
        )
    report = report or BulkReport()
    say = progress or (lambda _msg: None)
    start = time.perf_counter()
    server = server or ManagedNeo4j(settings)
    with _opened(server, settings) as graph:
        refuse_non_empty(graph)
        tables = Tables(datetime.now(UTC))
        make = resolver or (lambda g, _t: GraphResolver(g, empty=True))
        fold_records(tables, records, batch_size, say, make(graph, tables), report)
    report.stage_seconds["fold"] = tables.fold_seconds
    report.stage_seconds = {k: round(v, 2) for k, v in report.stage_seconds.items()}
    clock = _Clock(report)
    files, kept, done = _write_stopping(server, tables, csv_dir, clock, derive_links and precomputed)
    report.csv_dir, report.imported = str(csv_dir), files.counts
    say(f"importing {sum(files.counts.values()):,} rows with neo4j-admin (server stopped)")
    # the group pass planned while the importer runs (this process is idle then)
    plan: Callable[[], Planned | None] = (
        partial(_plan_timed, tables, kept, report, done) if derive_links else _none
    )
    report.importer_seconds, planned = import_while(server, settings, files, csv_dir, plan)
    del tables, kept
    clock.lap("import")
    with _opened(server, settings) as graph:
        clock.lap("start")
        create_schema(graph)
        clock.lap("schema")
        set_empty_lists(graph, files)
        clock.lap("empty lists")
        group = group_step(planned) if planned is not None else None
        counts = done.counts if done is not None else None
        report.derived = (
            derive(graph, timings=report.derive_seconds, group=group, done=counts) if derive_links else {}
        )
    clock.lap("derive")
    report.seconds = round(time.perf_counter() - start, 2)
    return report


def create_schema(graph: Graph, workers: int = 2) -> None:
    """Every constraint and index on the imported store, then ``apply_schema`` (its statements now
    no-ops) awaits them, migrates and records the version.

    The plain indexes go in one schema transaction, which the server populates in the background in
    one pass over the store; a uniqueness constraint is populated inside its own statement (one after
    the other: 11 s of 22 s at 100k parties here), so they run ``workers`` at a time, each in its own
    transaction (they lock different labels), while the indexes populate. Deriving while the indexes
    populate gained nothing on two cores (they share them): schema to derive took 25.4 and 26.6 s
    against 26.7 s at 100k parties."""
    stmts = statements("schema/constraints")
    unique = [stmt for stmt in stmts if "CREATE CONSTRAINT" in stmt]
    rest = [stmt for stmt in stmts if "CREATE CONSTRAINT" not in stmt]
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda part: _schema_transaction(graph, part), [rest, *([stmt] for stmt in unique)]))
    apply_schema(graph)


def _schema_transaction(graph: Graph, stmts: Sequence[LiteralString]) -> None:
    def work(tx: ManagedTransaction) -> None:
        for stmt in stmts:
            tx.run(stmt).consume()

    with graph.driver.session(database=graph.database) as session:
        session.execute_write(work)


def import_while(
    server: ManagedNeo4j, settings: Settings, files: ImportFiles, csv_dir: Path, work: Callable[[], T]
) -> tuple[float | None, T]:
    """Run the importer (``run_import``) and, meanwhile, ``work`` in this process; the importer's
    time and the work's result. On any failure the (empty) database is served again, then raised."""
    with ThreadPoolExecutor(1) as importer:
        running = importer.submit(run_import, server, settings, files, csv_dir)
        try:
            done = work()
        finally:
            failed = running.exception() is not None
        if failed:
            server.start()  # the database was empty before: serve it again, then report
        return running.result(), done


def _none() -> None:
    return None


def _plan_timed(tables: Tables, kept: Kept, report: BulkReport, done: Precomputed | None) -> Planned:
    """The group pass planned from the tables; its seconds (overlapping the import) in the report."""
    clock = time.perf_counter()
    planned = plan_from_tables(tables, settings_thresholds(), kept=kept, done=done)
    report.derive_seconds["group_plan_during_import"] = round(time.perf_counter() - clock, 3)
    return planned


def _write_stopping(
    server: ManagedNeo4j, tables: Tables, csv_dir: Path, clock: _Clock, precomputed: bool
) -> tuple[ImportFiles, Kept, Precomputed | None]:
    """The import files (and the relationships kept in them, and derive's steps written into them
    when ``precomputed``), written while the server shuts down (its checkpoint on the other core)."""
    with ThreadPoolExecutor(1) as stopper:
        stopped = stopper.submit(server.stop)
        try:
            kept = kept_relationships(tables)
            done = precompute(tables, kept) if precomputed else None
            clock.lap("precompute")
            files = write_csvs(tables, csv_dir, kept=kept)
        except BaseException:  # e.g. a column of mixed types: serve the (empty) database again
            stopped.result()
            server.start()
            raise
        clock.lap("csv")
        stopped.result()
    clock.lap("stop")
    return files, kept, done


class _Clock:
    def __init__(self, report: BulkReport) -> None:
        self.report = report
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        """The time since the last lap is ``stage``'s."""
        now = time.perf_counter()
        self.report.stage_seconds[stage] = round(now - self.last, 2)
        self.last = now


class _opened:
    """The managed server started and a graph open on it (closed on exit)."""

    def __init__(self, server: ManagedNeo4j, settings: Settings) -> None:
        state = server.start()
        target = Target(state.uri, "neo4j", state.password, "neo4j", True)
        self.graph = Graph(connect(target), target.database, settings.query_timeout_s, target)

    def __enter__(self) -> Graph:
        return self.graph

    def __exit__(self, *_exc: object) -> None:
        self.graph.close()


def set_empty_lists(graph: Graph, files: ImportFiles, batch: int = 5000) -> None:
    """Write the empty list properties the importer could not (see ``ImportFiles.empty_lists``), one
    statement per label (``bulk/empty_lists_<label>``: one index seek a row)."""
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in files.empty_lists:
        by_label[row["label"]].append(row)
    missing = sorted(label for label in by_label if f"bulk/empty_lists_{label.lower()}" not in names("bulk"))
    if missing:
        raise BulkError(f"empty list properties on {missing} have no statement in cypher/bulk/empty_lists_*")
    for label, rows in by_label.items():
        for i in range(0, len(rows), batch):
            graph.write(query(f"bulk/empty_lists_{label.lower()}"), rows=rows[i : i + batch])


def refuse_non_empty(graph: Graph) -> None:
    """Raise BulkError when the target holds any data (the importer replaces the whole database)."""
    rows = graph.read(query("bulk/data_nodes"))
    nodes = int(rows[0]["nodes"]) if rows else 0
    if nodes:
        raise BulkError(
            f"the target database is not empty ({nodes:,} nodes): a bulk load is for the first load only. "
            "Load into it with `ipclue ingest` (transactional), "
            "or empty it first with `ipclue graph reset --yes`"
        )


def fold_records(
    tables: Tables, records: Iterable[Record], batch_size: int, say: Progress, resolver: Resolver,
    report: BulkReport | None = None,
) -> Tables:  # fmt: skip
    """Resolve chunk by chunk exactly as the loader does, folding each chunk's rows into tables;
    ``report`` gets the rows per step and the seconds spent waiting for records and resolving."""
    report = report or BulkReport()
    done, pending = 0, chunks(records, batch_size)
    # Millions of small objects and no cycles (see collector_paused), the waits for records included:
    # the extraction workers' results are unpickled meanwhile, 2–3× slower with the collector on.
    with collector_paused():
        while chunk := _timed_next(pending, report):
            _fold_chunk(tables, chunk, resolver, report)
            done += len(chunk)
            say(f"resolved {done:,} records")
    return tables


def _fold_chunk(tables: Tables, chunk: list[Record], resolver: Resolver, report: BulkReport) -> None:
    """One chunk's mentions resolved, its rows built (timed as resolve) and folded into the tables."""
    clock = time.perf_counter()
    mentions = [m for rec in chunk for m in mentions_of(rec)]
    steps = build_rows(chunk, mentions, resolver.resolve(mentions)).by_step()
    _add_seconds(report, "resolve", time.perf_counter() - clock)
    for step, rows in steps:
        tables.fold(step, rows)
        report.rows[step] = report.rows.get(step, 0) + len(rows)


def _timed_next(pending: Iterator[list[Record]], report: BulkReport) -> list[Record] | None:
    """The next chunk of records; the wait (extraction, when the records stream) counts as extract."""
    clock = time.perf_counter()
    chunk = next(pending, None)
    _add_seconds(report, "extract", time.perf_counter() - clock)
    return chunk


def _add_seconds(report: BulkReport, stage: str, seconds: float) -> None:
    report.stage_seconds[stage] = report.stage_seconds.get(stage, 0.0) + seconds


def folded_lookup(tables: Tables) -> NameLookup:
    """``load.graph_lookup`` on the tables folded so far (for a ``KeyResolver``, which has no memory of
    earlier chunks but the graph): org name keys → the one organisation party with that key. Parties
    are only ever added (and their name key set on creation), so each call indexes the new ones only."""
    by_key: dict[str, list[str]] = defaultdict(list)
    seen = 0

    def lookup(keys: list[str]) -> dict[str, str]:
        nonlocal seen
        parties = tables.nodes["Party"]
        for p in islice(parties.values(), seen, None):
            if p.get("kind") == "org" and p.get("name_key") is not None:
                by_key[p["name_key"]].append(p["uid"])
        seen = len(parties)
        return {k: by_key[k][0] for k in keys if len(by_key.get(k, ())) == 1}

    return lookup


def _extracted(paths: Sequence[Path], quarantine: Quarantine, report: BulkReport) -> Iterator[Record]:
    """Records of every input; rejections go to the quarantine (counted in ``report``)."""
    report.files = sum(1 for _ in iter_inputs(paths))
    for item in items_of(paths):  # raw inputs, or a Spark extraction output
        if isinstance(item, Rejection):
            quarantine.add(item)
            report.quarantined = quarantine.summary()
            report.quarantine_file = str(quarantine.path)
            continue
        report.read += 1
        yield item


def import_command(
    server: ManagedNeo4j, settings: Settings, files: ImportFiles, report: Path, sharing: Sequence[str] = ()
) -> list[str]:
    """The ``neo4j-admin database import full`` command line, run from the server's jars.

    The importer is a batch job on the stopped server's machine: the throughput collector (as the
    server's, ``IPCLUE_GC``) and the server's heap, at least 2g (at 1g it warns that the heap may be too
    small for 100k parties); its off-heap memory is sized by the importer from the free memory.
    ``sharing``: the class-sharing flags (``managed.class_sharing``)."""
    heap = max(_bytes(settings.heap), 2 << 30) >> 20
    return [
        "java", f"-Xmx{heap}m", GC_FLAGS[settings.gc], *sharing, *JAVA_OPENS,
        "-cp", f"{server.lib}/*", ADMIN_TOOL,
        "database", "import", "full", "neo4j", "--overwrite-destination=true", "--multiline-fields=true",
        f"--array-delimiter={ARRAY_DELIMITER_OPTION}", f"--id-type={files.id_type}",
        f"--report-file={report}",
        *(f"--nodes={label}={path}" for label, path in files.nodes),
        *(f"--relationships={rtype}={path}" for rtype, path in files.relationships),
    ]  # fmt: skip


def _bytes(size: str) -> int:
    """A JVM memory size (``512m``, ``2g``, ``1048576``) in bytes."""
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}
    text = size.strip().lower()
    return int(text[:-1]) * units[text[-1]] if text[-1:] in units else int(text)


def run_import(server: ManagedNeo4j, settings: Settings, files: ImportFiles, csv_dir: Path) -> float | None:
    """Run the importer on the stopped instance; BulkError with the importer's own words if it fails.
    Returns the importer's own time (``IMPORT DONE in …`` of its log: the import without the JVM's
    start), None when the log does not say."""
    if server.running() is not None:
        raise BulkError(f"the instance {server.dir.name} is running: the importer needs it stopped")
    env = os.environ | {"NEO4J_HOME": str(server.dir), "NEO4J_CONF": str(server.dir / "conf")}
    log = csv_dir / "import.log"
    archive = server.lib.parent / "importer.jsa"  # the importer's class path: the shared jars only
    sharing, pending = class_sharing(archive)
    cmd = import_command(server, settings, files, csv_dir / "import.report", sharing)
    with log.open("wb") as out:
        done = subprocess.run(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=server.dir, check=False)
    if done.returncode == 0:
        keep_archive(archive, pending)
    elif pending is not None:
        pending.unlink(missing_ok=True)
    text = log.read_text(encoding="utf-8", errors="replace")
    if done.returncode != 0:
        print(text[-3000:], file=sys.stderr)
        raise BulkError(f"neo4j-admin database import failed (exit {done.returncode}); see {log}")
    return importer_seconds(text)


def importer_seconds(log: str) -> float | None:
    """The importer's ``IMPORT DONE in 1m 2s 345ms`` as seconds."""
    found = re.search(r"IMPORT DONE in ((?:\d+[hms]+ ?)+)", log)
    if not found:
        return None
    scale = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001}
    return round(sum(int(n) * scale[u] for n, u in re.findall(r"(\d+)(ms|h|m|s)", found.group(1))), 3)
