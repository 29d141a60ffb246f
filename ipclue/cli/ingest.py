"""``ipclue ingest FILE|DIR …``: extract, resolve and load, with progress and a final report."""

from __future__ import annotations

import shlex
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from neo4j.exceptions import ServiceUnavailable, SessionExpired
from rich.progress import TaskID
from rich.table import Table

from ipclue.cli.common import err, graph_session, out, progress_bar
from ipclue.dbms.managed import ManagedNeo4j
from ipclue.graph.first_load import BULK_MIN_RECORDS, FIRST_LOADS, BulkTarget, FirstLoad
from ipclue.pipeline import IngestReport, default_quarantine, ingest
from ipclue.settings import Settings, get_settings

FirstLoadOpt = Annotated[
    str,
    typer.Option(
        "--first-load",
        help="auto: a large first load into the empty managed instance goes through neo4j-admin import "
        f"(from ~{BULK_MIN_RECORDS:,} records); bulk: insist; transactional: never",
    ),
]
WorkersOpt = Annotated[
    int | None,
    typer.Option(
        "--workers", min=1, help="extraction processes (default: every core for a large input; 1: serial)"
    ),
]
CsvDirOpt = Annotated[
    Path | None,
    typer.Option("--csv-dir", help="bulk path: where the import files go (default: IPCLUE_HOME/bulk)"),
]


def ingest_command(
    paths: Annotated[list[Path], typer.Argument(exists=True, help="files or directories to ingest")],
    quarantine: Annotated[
        Path | None, typer.Option(help="where rejected input goes (default: a new folder under IPCLUE_HOME)")
    ] = None,
    first_load: FirstLoadOpt = "auto",
    workers: WorkersOpt = None,
    csv_dir: CsvDirOpt = None,
) -> None:
    """Extract every input, quarantine what cannot be used (with the reason), resolve and load the rest."""
    if first_load not in FIRST_LOADS:
        raise typer.BadParameter(f"use one of {', '.join(FIRST_LOADS)}", param_hint="--first-load")
    qdir = quarantine or default_quarantine(get_settings().home)
    try:
        report = _run(paths, qdir, first_load, workers, csv_dir)
    except DB_GONE as exc:
        _database_gone(exc, paths)
    print_report(report)


DB_GONE = (ServiceUnavailable, SessionExpired, ConnectionError, BrokenPipeError)
EXIT_DATABASE = 3


def _run(
    paths: list[Path], qdir: Path, first_load: FirstLoad, workers: int | None, csv_dir: Path | None
) -> IngestReport:
    settings = get_settings()
    bulk = bulk_target(settings, csv_dir)
    with graph_session() as graph, progress_bar("ingest") as bar:
        task: TaskID = bar.add_task("extract", total=None)

        def progress(stage: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=stage)

        return ingest(graph, paths, quarantine_dir=qdir, progress=progress, batch_size=settings.batch_size,
                      first_load=first_load, bulk=bulk, workers=workers, notify=err.print)  # fmt: skip


def bulk_target(settings: Settings, csv_dir: Path | None) -> BulkTarget | None:
    """The managed instance a first load may bulk-import into (None under NEO4J_URI)."""
    if settings.neo4j_uri:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    return BulkTarget(ManagedNeo4j(settings), settings, csv_dir or settings.home / "bulk" / stamp)


def _database_gone(exc: BaseException, paths: list[Path]) -> NoReturn:
    """One line instead of a traceback: what happened, the exit code, how to resume."""
    again = " ".join(shlex.quote(str(p)) for p in paths)
    err.print(
        f"error: Neo4j stopped answering during the ingest ({type(exc).__name__}); exit code "
        f"{EXIT_DATABASE}. What was written stays and a re-run is idempotent: start Neo4j "
        f"(`ipclue neo4j start`), then run `ipclue ingest {again}` again to resume.",
        highlight=False,
        soft_wrap=True,
    )
    raise typer.Exit(EXIT_DATABASE)


def print_report(report: IngestReport) -> None:
    table = Table("what", "count", title=f"ingest report ({report.seconds:.1f} s)")
    table.add_row("files", f"{report.files:,}")
    table.add_row("records read", f"{report.records:,}")
    table.add_row("items read (records, rejects, skipped files)", f"{report.read:,}")
    table.add_row("records loaded", f"{report.loaded:,}")
    table.add_row("load path", report.load_path)
    for reason, n in report.quarantined.items():
        table.add_row(f"quarantined: {reason}", f"{n:,}")
    for reason, n in report.skipped.items():
        table.add_row(f"skipped: {reason}", f"{n:,}")
    for name, n in sorted(report.derived.items()):
        table.add_row(f"derived: {name}", f"{n:,}")
    out.print(table)
    out.print("seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in report.stage_seconds.items()))
    if report.write_seconds:
        out.print("write (bulk): " + ", ".join(f"{k} {v:.1f}" for k, v in report.write_seconds.items()))
    if report.quarantine_file:
        err.print(f"rejections with reasons: {report.quarantine_file}")


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
