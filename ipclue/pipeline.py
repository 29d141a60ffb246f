"""Ingest: files → extract → quarantine the rejects → resolve and load → derive links.

The same function serves the CLI (``ipclue ingest``), the API's upload jobs and the tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, Field

from ipclue.cypher import query
from ipclue.extractors.dispatch import iter_inputs
from ipclue.extractors.quarantine import Quarantine
from ipclue.graph.db import Graph
from ipclue.graph.load import Loader
from ipclue.graph.resolution import GraphResolver, derive
from ipclue.graph.schema import ensure_schema
from ipclue.models import Record, Rejection
from ipclue.spark.parquet import items_of

Progress = Callable[[str, int, int], None]  # stage, done, total


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
) -> IngestReport:
    """Extract every input, quarantine what cannot be used, load the rest, derive party links
    (for the parties the batch touched, or in full with ``full_derive``)."""
    start = time.perf_counter()
    ensure_schema(graph)
    files = list(iter_inputs(paths))  # the files read; skipped ones are reported as they are met
    report = IngestReport(files=len(files))
    quarantine = Quarantine(quarantine_dir)

    def on_file(done: int) -> None:
        if progress:
            progress("extract", done, len(files))

    def records() -> Iterator[Record]:
        for item in items_of(paths, progress=on_file):  # raw inputs, or a Spark extraction's output
            report.read += 1
            if isinstance(item, Rejection):
                quarantine.add(item)
                if len(report.examples) < 20:
                    report.examples.append(item)
                continue
            report.records += 1
            yield item

    loaded = Loader(graph, batch_size=batch_size, resolver=GraphResolver(graph)).load(records())
    quarantine.extend(loaded.rejections)
    report.loaded = loaded.records - len(loaded.rejections)
    report.rows = dict(loaded.rows)
    report.quarantined, report.skipped = quarantine.summary(), quarantine.skipped()
    report.quarantine_file = str(quarantine.path) if quarantine.counts or quarantine.skips else None
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
    report.seconds = round(time.perf_counter() - start, 2)
    return report
