"""Whether ``ipclue ingest`` loads through the bulk importer (``graph.bulk``) or transactionally, and why.

The bulk path replaces the whole database and stops the server while it imports, so it is taken
only when all of these hold: the graph is a managed local instance that this process may stop (a
``BulkTarget`` was given: the CLI and the benchmark give one, the API's upload jobs never do, and
never under ``NEO4J_URI``), the database holds no data, and, with ``auto``, the input is large
enough that the importer's fixed costs (stopping the server, the importer's JVM, the start, the
indexes: ~20 s here; then a cold server derives slower) are paid back by its speed (``BULK_MIN_RECORDS``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ipclue.cypher import query
from ipclue.dbms.managed import ManagedNeo4j
from ipclue.graph.bulk_csv import BulkError
from ipclue.graph.db import Graph
from ipclue.settings import Settings

FirstLoad = Literal["auto", "bulk", "transactional"]
FIRST_LOADS: tuple[FirstLoad, ...] = ("auto", "bulk", "transactional")
BULK_MIN_RECORDS = 100_000
"""Records from which ``auto`` bulk-loads an empty managed database. Measured here (2 shared cores,
load 2-4, ``bench/ingest_scale.py``): at 21,929 records the bulk path took 74.8 s against 68.6 s
transactionally, at 65,624 records 211.6 s against 174.9 s: its write stage is faster (62 s against
95 s) but the freshly started server then derives 2-2.3x slower (a cold JVM) and the import has
~20 s of fixed costs, so the bulk path pays only for a larger first load (the transactional write
took 277 s of 816 s at 220,088 records)."""
_LINE_FILES = frozenset({".jsonl", ".csv"})
_DOCUMENTS = frozenset({".txt", ".html", ".htm", ".json"})


@dataclass(frozen=True, slots=True)
class BulkTarget:
    """What the bulk path needs: the managed instance the graph talks to, and where its files go."""

    server: ManagedNeo4j
    settings: Settings
    csv_dir: Path


@dataclass(frozen=True, slots=True)
class Facts:
    """What the choice rests on: why the target cannot be stopped (None: it can), its data nodes,
    and the records the input is estimated to hold."""

    not_stoppable: str | None
    nodes: int
    records: int


@dataclass(frozen=True, slots=True)
class Choice:
    bulk: bool
    reason: str


def decide(mode: FirstLoad, facts: Facts, min_records: int = BULK_MIN_RECORDS) -> Choice:
    """The load path for ``mode``; ``bulk`` that cannot be honoured raises BulkError with the reason."""
    if mode == "transactional":
        return Choice(False, "transactional load requested (--first-load transactional)")
    refusal = facts.not_stoppable or (
        f"the database is not empty ({facts.nodes:,} nodes): only a first load can be bulk-imported"
        if facts.nodes
        else None
    )
    if refusal:
        if mode == "bulk":
            raise BulkError(f"--first-load bulk is not possible: {refusal}")
        return Choice(False, f"transactional: {refusal}")
    size = f"~{facts.records:,} records into the empty managed database"
    if mode == "bulk":
        return Choice(True, f"bulk import requested (--first-load bulk): {size}")
    if facts.records < min_records:
        return Choice(False, f"transactional: {size}, fewer than {min_records:,} (the import's fixed costs)")
    return Choice(True, f"bulk import (neo4j-admin): first load of {size}, at least {min_records:,}")


def gather(graph: Graph, files: Sequence[Path], target: BulkTarget | None) -> Facts:
    """The facts about ``graph`` (as reached through ``target``) and the input ``files``."""
    rows = graph.read(query("bulk/data_nodes"))
    nodes = int(rows[0]["nodes"]) if rows else 0
    return Facts(not_stoppable(graph, target), nodes, estimate_records(files))


def not_stoppable(graph: Graph, target: BulkTarget | None) -> str | None:
    """Why the graph's server cannot be stopped for an import, or None when it can."""
    if target is None:
        return "not a managed instance this ingest may stop (the API's uploads always load transactionally)"
    if target.settings.neo4j_uri:
        return "NEO4J_URI names a remote database (the importer must run on the database's machine)"
    state = target.server.running()
    if state is None or graph.target is None or graph.target.uri != state.uri:
        return f"the graph is not the running managed instance '{target.server.dir.name}'"
    return None


def estimate_records(files: Sequence[Path]) -> int:
    """Records the input files hold, roughly: one per document or JSON file, one per line of a JSON
    Lines or CSV file, the rows of a Spark output's Parquet files."""
    total = 0
    for path in files:
        suffix = path.suffix.lower()
        if suffix == ".parquet" and "records" in path.parts:
            total += _parquet_rows(path)
        elif suffix in _LINE_FILES:
            total += _lines(path)
        elif suffix in _DOCUMENTS:
            total += 1
    return total


def _lines(path: Path) -> int:
    try:
        with path.open("rb") as fh:
            return sum(block.count(b"\n") for block in iter(lambda: fh.read(1 << 20), b""))
    except OSError:
        return 0  # the extraction reports it


def _parquet_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    try:
        return int(pq.ParquetFile(path).metadata.num_rows)
    except (OSError, ValueError):
        return 0
