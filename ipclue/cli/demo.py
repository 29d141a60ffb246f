"""``ipclue demo``: the main job on a fresh machine — Neo4j, demo data, ingest, detect, serve.

The demo runs on its own managed instance (``demo``) and its own folder, so it never mixes
with a user's data; each run starts from an empty graph.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ipclue.cli.common import counts_table, err, out
from ipclue.cli.ingest import print_report
from ipclue.graph.db import Graph, open_graph
from ipclue.graph.schema import apply_schema, counts, wipe
from ipclue.pipeline import default_quarantine, ingest
from ipclue.settings import get_settings


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _generate(folder: Path, parties: int, seed: int) -> None:
    from ipclue.synth import generate

    summary = generate(folder, parties, seed, "demo")
    err.print(
        f"generated {sum(summary.documents.values()):,} documents and "
        f"{sum(summary.registry.values()):,} registry records into {folder}"
    )


def _detect(graph: Graph) -> None:
    if not _has("ipclue.detect"):
        err.print("detectors: not installed in this build, skipped")
        return
    from ipclue.detect import run_detectors

    report = run_detectors(graph)
    table = Table("detector", "version", "flags", "seconds", title="detectors")
    for run in report.detectors:
        table.add_row(run.detector, str(run.version), f"{run.hits:,}", f"{run.seconds:.2f}")
    out.print(table)


def demo(
    parties: Annotated[int, typer.Option(help="parties in the demo scenario")] = 300,
    seed: Annotated[int, typer.Option(help="scenario seed (same seed, same data)")] = 7,
    serve: Annotated[bool, typer.Option(help="serve the API and web page at the end")] = True,
    port: Annotated[int, typer.Option(help="port for the API and web page")] = 8000,
) -> None:
    """Start Neo4j, generate the demo scenario, ingest it, run the detectors, serve the API and page."""
    os.environ["IPCLUE_INSTANCE"] = "demo"  # the API started below reads the same instance
    get_settings.cache_clear()
    settings = get_settings()
    folder = settings.home / "demo" / f"seed-{seed}-{parties}"
    graph = open_graph(settings)
    try:
        apply_schema(graph)
        wipe(graph)
        _generate(folder, parties, seed)
        inputs = [p for p in sorted(folder.iterdir()) if p.name != "truth.json"]  # truth is for benchmarks
        print_report(ingest(graph, inputs, quarantine_dir=default_quarantine(settings.home)))
        _detect(graph)
        out.print(counts_table(counts(graph)))
    finally:
        graph.close()
    if serve and _has("ipclue.api.app"):
        from ipclue.cli.serve import serve as run_server

        err.print(f"serving the API and web page at http://127.0.0.1:{port}/ (Ctrl-C to stop)")
        run_server(host="127.0.0.1", port=port)


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
