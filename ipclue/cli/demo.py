"""``ipclue demo``: the main job on a fresh machine — Neo4j, demo data, ingest, detect, serve.

The demo runs on its own managed instance (``demo``) and its own folder, so it never mixes
with a user's data; each run starts from an empty graph. It ends by saying how the next commands reach
that instance (``ipclue --instance demo …``), and serves the web page only when it is built (building it
from ``web/`` when Node.js is there).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import TaskID
from rich.table import Table

from ipclue.cli.common import counts_table, err, out, progress_bar
from ipclue.cli.ingest import print_report
from ipclue.dbms.managed import ManagedNeo4j
from ipclue.graph.db import Graph, open_graph
from ipclue.graph.schema import apply_schema, counts, wipe
from ipclue.pipeline import IngestReport, default_quarantine, ingest
from ipclue.settings import get_settings

INSTANCE = "demo"


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _generate(folder: Path, parties: int, seed: int) -> list[Path]:
    """Write the scenario; say what it holds in the units the ingest report counts (files, records)."""
    from ipclue.extractors.dispatch import iter_inputs
    from ipclue.synth import generate

    summary = generate(folder, parties, seed, "demo")
    inputs = [p for p in sorted(folder.iterdir()) if p.name != "truth.json"]  # truth is for benchmarks
    docs = summary.documents
    records = docs.get("judgments", 0) + docs.get("penalties", 0) + sum(summary.registry.values())
    err.print(
        f"generated {docs.get('judgments', 0):,} judgments, {docs.get('penalties', 0):,} penalty decisions "
        f"and {sum(summary.registry.values()):,} registry records ({records:,} records) "
        f"in {len(list(iter_inputs(inputs))):,} files under {folder}"
    )
    return inputs


def web_page(build: bool = True) -> bool:
    """Whether the web page can be served; built from ``web/`` first when missing and buildable."""
    from ipclue.api.app import STATIC

    if (STATIC / "index.html").is_file():
        return True
    web = Path(__file__).resolve().parents[2] / "web"
    npm = shutil.which("npm")
    if build and npm and (web / "package.json").is_file():
        err.print("the web page is not built: building it (npm ci && npm run build, about a minute) …")
        for args in (["ci", "--no-audit", "--no-fund", "--loglevel=error"], ["run", "build", "--silent"]):
            if subprocess.run([npm, *args], cwd=web, check=False).returncode != 0:
                break
    if (STATIC / "index.html").is_file():
        return True
    err.print(
        "[yellow]the web page is not built[/] (no ipclue/api/static/index.html): "
        "build it with `cd web && npm ci && npm run build` (needs Node.js); serving the API only"
    )
    return False


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
    os.environ["IPCLUE_INSTANCE"] = INSTANCE  # the API started below reads the same instance
    get_settings.cache_clear()
    settings = get_settings()
    folder = settings.home / "demo" / f"seed-{seed}-{parties}"
    if not settings.neo4j_uri and ManagedNeo4j(settings).running() is None:
        err.print(f"starting the managed Neo4j instance '{INSTANCE}' (its own data, apart from yours) …")
    graph = open_graph(settings)
    try:
        apply_schema(graph)
        wipe(graph)
        inputs = _generate(folder, parties, seed)
        print_report(_ingest(graph, inputs, default_quarantine(settings.home)))
        _detect(graph)
        out.print(counts_table(counts(graph)))
    finally:
        graph.close()
    if settings.neo4j_uri:
        err.print(f"the demo's data is in the Neo4j at {settings.neo4j_uri} (NEO4J_URI)")
    else:
        _next_commands()
    if serve and _has("ipclue.api.app"):
        from ipclue.cli.serve import serve as run_server

        page = web_page()
        where = f"http://127.0.0.1:{port}/" if page else f"http://127.0.0.1:{port}/api/v1/docs"
        err.print(f"serving the API{' and the web page' if page else ''} at {where} (Ctrl-C to stop)")
        run_server(host="127.0.0.1", port=port)


def _next_commands() -> None:
    err.print(
        f"the demo's data is in the managed Neo4j instance '{INSTANCE}'; name it in the next commands:\n"
        f"  ipclue --instance {INSTANCE} flags        (or: export IPCLUE_INSTANCE={INSTANCE})\n"
        f"  ipclue --instance {INSTANCE} neo4j stop   (when done)"
    )


def _ingest(graph: Graph, inputs: list[Path], quarantine: Path) -> IngestReport:
    with progress_bar("ingest") as bar:
        task: TaskID = bar.add_task("extract", total=None)

        def progress(stage: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=stage)

        return ingest(graph, inputs, quarantine_dir=quarantine, progress=progress)


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
