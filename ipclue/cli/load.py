"""``ipclue load FILE|DIR … [--bulk]``: transactional load (as ingest), or a bulk first load."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ipclue.cli.common import err, out
from ipclue.cli.ingest import ingest_command
from ipclue.graph.bulk import BulkReport, bulk_load
from ipclue.pipeline import default_quarantine
from ipclue.settings import get_settings

PathsArg = Annotated[list[Path], typer.Argument(exists=True, help="files or directories to load")]
BulkOpt = Annotated[
    bool,
    typer.Option("--bulk", help="first load into an EMPTY managed database through neo4j-admin import"),
]
CsvOpt = Annotated[
    Path | None, typer.Option("--csv-dir", help="where the import files go (default: under IPCLUE_HOME/bulk)")
]
QuarantineOpt = Annotated[Path | None, typer.Option(help="where rejected input goes")]


def load_command(
    paths: PathsArg, bulk: BulkOpt = False, csv_dir: CsvOpt = None, quarantine: QuarantineOpt = None
) -> None:
    """Load records: transactionally (the default, for every later load) or ``--bulk`` for the first."""
    if not bulk:
        ingest_command(paths, quarantine, first_load="transactional")
        return
    settings = get_settings()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    report = bulk_load(
        settings,
        paths,
        csv_dir=csv_dir or settings.home / "bulk" / stamp,
        quarantine_dir=quarantine or default_quarantine(settings.home),
        batch_size=settings.batch_size,
        progress=lambda msg: err.print(msg),
    )
    print_bulk_report(report)


def print_bulk_report(report: BulkReport) -> None:
    table = Table("what", "count", title=f"bulk load ({report.seconds:.1f} s)")
    table.add_row("files", f"{report.files:,}")
    table.add_row("records read", f"{report.read:,}")
    for reason, n in report.quarantined.items():
        table.add_row(f"quarantined: {reason}", f"{n:,}")
    for what, n in sorted(report.imported.items()):
        table.add_row(f"imported {what}", f"{n:,}")
    for name, n in sorted(report.derived.items()):
        table.add_row(f"derived: {name}", f"{n:,}")
    out.print(table)
    out.print("seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in report.stage_seconds.items()))
    out.print(f"import files and the importer's log: {report.csv_dir}")
    if report.quarantine_file:
        err.print(f"rejections with reasons: {report.quarantine_file}")


def register(app: typer.Typer) -> None:
    app.command("load")(load_command)
