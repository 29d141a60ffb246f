"""Ingest: files → extract → quarantine the rejects → resolve and load → derive links.

The same function serves the CLI (``ipclue ingest``), the API's upload jobs and the tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from ipclue.cypher import query
from ipclue.dbms.managed import ManagedNeo4j
from ipclue.extractors.dispatch import iter_inputs
from ipclue.extractors.quarantine import Quarantine
from ipclue.graph.bulk import bulk_load_records
from ipclue.graph.db import Graph, Target, connect
from ipclue.graph.first_load import BulkTarget, Choice, Facts, FirstLoad, decide, gather
from ipclue.graph.load import Loader
from ipclue.graph.resolution import GraphResolver, derive
from ipclue.graph.schema import ensure_schema
from ipclue.models import Record, Rejection
from ipclue.spark.parquet import items_of

Progress = Callable[[str, int, int], None]  # stage, done, total
Notify = Callable[[str], None]  # one line for the person running the ingest


class IngestReport(BaseModel):
    """What an ingest did, for people and for the API: ``read = loaded + quarantined + skipped``
    (:meth:`balanced`)."""

    files: int = 0
    read: int = Field(
        default=0, description="inputs read: records extracted, rejected units and skipped files"
    )
    records: int = Field(default=0, description="records extracted (loaded or refused by the database)")
    loaded: int = 0
    quarantined: dict[str, int] = Field(default_factory=dict)
    skipped: dict[str, int] = Field(
        default_factory=dict, description="files not read, by reason (hidden, links outside the roots …)"
    )
    quarantine_file: str | None = None
    rows: dict[str, int] = Field(default_factory=dict)
    derived: dict[str, int] = Field(default_factory=dict)
    seconds: float = 0.0
    stage_seconds: dict[str, float] = Field(
        default_factory=dict, description="extract (read input), resolve, write, derive: where the time went"
    )
    derive_seconds: dict[str, float] = Field(default_factory=dict, description="derive's time per step")
    load_path: Literal["transactional", "bulk"] = "transactional"
    load_path_reason: str = Field(default="", description="why that load path was taken")
    write_seconds: dict[str, float] = Field(
        default_factory=dict, description="the bulk path's write stage by step (fold, csv, import …)"
    )
    examples: list[Rejection] = Field(
        default_factory=list, description="the first rejections, for a quick look"
    )

    def balanced(self) -> bool:
        """Every input accounted for: loaded, quarantined with a reason, or skipped with a reason."""
        return self.read == self.loaded + sum(self.quarantined.values()) + sum(self.skipped.values())


def incremental_scope(graph: Graph, touched: set[str]) -> set[str] | None:
    """The parties to derive for, or None for a full derive: when the batch touched every party of
    the graph (a first load), a full derive is the cheaper way to the same result."""
    rows = graph.read(query("derive/party_count"))
    total = int(rows[0]["n"]) if rows else 0
    return None if len(touched) >= total else touched


def default_quarantine(home: Path) -> Path:
    return home / "quarantine" / datetime.now(UTC).strftime("%Y%m%dT%H%M%S")


def ingest(
    graph: Graph,
    paths: Sequence[Path],
    *,
    quarantine_dir: Path,
    progress: Progress | None = None,
    batch_size: int = 5000,
    full_derive: bool = False,
    first_load: FirstLoad = "transactional",
    bulk: BulkTarget | None = None,
    workers: int | None = None,
    notify: Notify | None = None,
) -> IngestReport:
    """Extract every input, quarantine what cannot be used, load the rest, derive party links
    (for the parties the batch touched, or in full with ``full_derive``).

    ``first_load``: ``auto`` bulk-imports a large first load into the empty managed instance
    ``bulk`` (``graph.first_load``: the API never gives one), ``bulk`` insists, ``transactional``
    (the default) never does; ``workers``: extraction processes (None: every core for a large input,
    1: serial); ``notify``: gets the choice of load path with its reason, and the bulk path's steps."""
    start = time.perf_counter()
    ensure_schema(graph)
    files = list(iter_inputs(paths))  # the files read; skipped ones are reported as they are met
    report = IngestReport(files=len(files))
    quarantine = Quarantine(quarantine_dir)
    choice = _choose(graph, files, first_load, bulk)
    report.load_path, report.load_path_reason = ("bulk" if choice.bulk else "transactional"), choice.reason
    if notify:
        notify(f"load path: {choice.reason}")
    records = _records(paths, report, quarantine, progress, workers)
    if choice.bulk and bulk is not None:
        _bulk_load(graph, bulk, records, report, batch_size, notify)
    else:
        _transactional(graph, records, report, quarantine, progress, batch_size, full_derive)
    report.quarantined, report.skipped = quarantine.summary(), quarantine.skipped()
    report.quarantine_file = str(quarantine.path) if quarantine.counts or quarantine.skips else None
    report.seconds = round(time.perf_counter() - start, 2)
    return report


def _choose(graph: Graph, files: list[Path], mode: FirstLoad, bulk: BulkTarget | None) -> Choice:
    if mode == "transactional":
        return decide(mode, Facts(None, 0, 0))
    return decide(mode, gather(graph, files, bulk))


def _records(
    paths: Sequence[Path], report: IngestReport, quarantine: Quarantine, progress: Progress | None,
    workers: int | None,
) -> Iterator[Record]:  # fmt: skip
    """The records of every input; rejections go to the quarantine (the first 20 to the report)."""

    def on_file(done: int) -> None:
        if progress:
            progress("extract", done, report.files)

    for item in items_of(paths, progress=on_file, workers=workers):  # raw inputs, or a Spark output
        report.read += 1
        if isinstance(item, Rejection):
            quarantine.add(item)
            if len(report.examples) < 20:
                report.examples.append(item)
            continue
        report.records += 1
        yield item


def _transactional(
    graph: Graph, records: Iterator[Record], report: IngestReport, quarantine: Quarantine,
    progress: Progress | None, batch_size: int, full_derive: bool,
) -> None:  # fmt: skip
    """Load through the batched transactional loader, then derive (incrementally when it can)."""
    loaded = Loader(graph, batch_size=batch_size, resolver=GraphResolver(graph)).load(records)
    quarantine.extend(loaded.rejections)
    report.loaded = loaded.records - len(loaded.rejections)
    report.rows = dict(loaded.rows)
    clock = time.perf_counter()
    if progress:
        progress("derive links", 0, 1)
    scope = None if full_derive else incremental_scope(graph, loaded.parties)
    report.derived = derive(graph, touched=scope, timings=report.derive_seconds)
    if progress:
        progress("derive links", 1, 1)
    took = loaded.stage_seconds() | {"derive": time.perf_counter() - clock}
    took["extract"] = took.pop("input")
    report.stage_seconds = {k: round(v, 2) for k, v in took.items()}


def _bulk_load(
    graph: Graph, target: BulkTarget, records: Iterator[Record], report: IngestReport, batch_size: int,
    notify: Notify | None,
) -> None:  # fmt: skip
    """Load through ``neo4j-admin import`` (the server stops and starts), then derive in full; the
    caller's ``graph`` is connected to the restarted server afterwards."""
    done = bulk_load_records(
        target.settings, records, csv_dir=target.csv_dir, batch_size=batch_size, progress=notify,
        server=target.server,
    )  # fmt: skip
    reconnect(graph, target.server)
    stages = dict(done.stage_seconds)
    extract, resolve, derived = (stages.pop(k, 0.0) for k in ("extract", "resolve", "derive"))
    report.write_seconds = stages
    report.stage_seconds = {"extract": extract, "resolve": resolve, "write": round(sum(stages.values()), 2),
                            "derive": derived}  # fmt: skip
    report.loaded, report.rows = report.records, done.rows
    report.derived, report.derive_seconds = done.derived, done.derive_seconds


def reconnect(graph: Graph, server: ManagedNeo4j) -> None:
    """Point ``graph`` at ``server`` as it runs now (a restart gives it a new port)."""
    state = server.start()
    user = graph.target.user if graph.target else "neo4j"
    target = Target(state.uri, user, state.password, graph.database, True)
    graph.driver.close()
    graph.driver, graph.target = connect(target), target
