"""``ipclue detect | detectors | flags | review``: detectors, the catalog, flags, reviews."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ipclue.cli.common import err, graph_session, out
from ipclue.detect import (
    detector_precision,
    list_flags,
    load_catalog,
    review_flag,
    run_detectors,
    validate_catalog,
)
from ipclue.detect.models import RunReport
from ipclue.detect.params import parse_overrides


def detect(
    detector: Annotated[
        list[str] | None, typer.Option("--detector", "-d", help="detector id (repeatable); default all")
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="override a parameter: name=value or id.name=value"),
    ] = None,
    dry_run: bool = typer.Option(False, "--dry-run", help="show hits without storing flags"),
    as_json: bool = typer.Option(False, "--json", help="print the run report as JSON"),
) -> None:
    """Run detectors and store their hits as flags (a rerun updates, never duplicates)."""
    with graph_session() as graph:
        report = run_detectors(
            graph, ids=detector or None, params=parse_overrides(param or []), dry_run=dry_run
        )
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
        return
    out.print(_run_table(report))
    for e in report.catalog_errors:
        err.print(f"[red]refused[/] {e.path}: {e.error}")


def _run_table(report: RunReport) -> Table:
    title = f"{report.run_id}{' (dry run)' if report.dry_run else ''} — {report.seconds:.1f}s"
    table = Table("detector", "hits", "created", "updated", "seconds", "error", title=title)
    for d in report.detectors:
        table.add_row(
            d.detector, str(d.hits), str(d.created), str(d.updated), f"{d.seconds:.2f}", d.error or ""
        )
    return table


def detectors(
    validate: bool = typer.Option(True, help="also EXPLAIN each query against the database"),
) -> None:
    """List the detector catalog and every refused file with the reason."""
    catalog = load_catalog()
    if validate:
        with graph_session(read=True) as graph:
            catalog = validate_catalog(graph, catalog)
    table = Table("id", "title", "family", "severity", "version", "description", title="detectors")
    for d in catalog.detectors:
        h = d.header
        table.add_row(h.id, h.title, h.family, h.severity, str(h.version), h.description)
    out.print(table)
    extra = os.environ.get("IPCLUE_DETECTORS_DIR")
    if extra:
        out.print(f"extra directory: {Path(extra)}")
    for e in catalog.errors:
        err.print(f"[red]refused[/] {e.path}: {e.error}")


def flags(
    detector: str = typer.Option(None, "--detector", "-d"),
    status: str = typer.Option(None, "--status"),
    party: str = typer.Option(None, "--party", help="party uid"),
    limit: int = typer.Option(50, "--limit"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """List stored flags, best score first, with per-detector measured precision."""
    with graph_session(read=True) as graph:
        page = list_flags(graph, detector=detector, status=status, party=party, limit=limit)
        precision = detector_precision(graph)
    if as_json:
        typer.echo(
            json.dumps({**page.model_dump(mode="json"), "precision": precision}, ensure_ascii=False, indent=2)
        )
        return
    table = Table("id", "detector", "severity", "score", "status", "reason", title="flags")
    for f in page.items:
        table.add_row(f.id, f.detector, f.severity, f"{f.score:.2f}", f.status, f.reason)
    out.print(table)
    out.print(
        "precision: "
        + ", ".join(f"{k}={'—' if v is None else f'{v:.2f}'}" for k, v in sorted(precision.items()))
    )


def review(
    flag_id: str = typer.Argument(..., help="the flag id (flg-…)"),
    status: str = typer.Option(..., "--status", help="reviewing | confirmed | dismissed | referred | new"),
    note: str = typer.Option("", "--note"),
    by: str = typer.Option(os.environ.get("USER", "cli"), "--by"),
) -> None:
    """Record a review: move the flag to a new status and keep the note."""
    with graph_session() as graph:
        detail = review_flag(graph, flag_id, status, note, by)
    typer.echo(f"{detail.id}: {detail.status} ({len(detail.reviews)} reviews)")


def register(app: typer.Typer) -> None:
    app.command("detect")(detect)
    app.command("detectors")(detectors)
    app.command("flags")(flags)
    app.command("review")(review)
