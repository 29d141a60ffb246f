"""``ipclue ingest FILE|DIR …``: extract, resolve and load, with progress and a final report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import TaskID
from rich.table import Table

from ipclue.cli.common import err, graph_session, out, progress_bar
from ipclue.pipeline import IngestReport, default_quarantine, ingest
from ipclue.settings import get_settings


def ingest_command(
    paths: Annotated[list[Path], typer.Argument(exists=True, help="files or directories to ingest")],
    quarantine: Annotated[
        Path | None, typer.Option(help="where rejected input goes (default: a new folder under IPCLUE_HOME)")
    ] = None,
) -> None:
    """Extract every input, quarantine what cannot be used (with the reason), resolve and load the rest."""
    qdir = quarantine or default_quarantine(get_settings().home)
    with graph_session() as graph, progress_bar("ingest") as bar:
        task: TaskID = bar.add_task("extract", total=None)

        def progress(stage: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=stage)

        report = ingest(graph, paths, quarantine_dir=qdir, progress=progress)
    print_report(report)


def print_report(report: IngestReport) -> None:
    table = Table("what", "count", title=f"ingest report ({report.seconds:.1f} s)")
    table.add_row("files", f"{report.files:,}")
    table.add_row("records read", f"{report.read:,}")
    table.add_row("records loaded", f"{report.loaded:,}")
    for reason, n in report.quarantined.items():
        table.add_row(f"quarantined: {reason}", f"{n:,}")
    for name, n in sorted(report.derived.items()):
        table.add_row(f"derived: {name}", f"{n:,}")
    out.print(table)
    if report.quarantine_file:
        err.print(f"rejections with reasons: {report.quarantine_file}")


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
