"""``ipclue extract``: files and directories → canonical records (stdout) and rejections (stderr)."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ipclue.extractors.dispatch import extract_paths, iter_inputs
from ipclue.extractors.quarantine import Quarantine
from ipclue.models import Rejection

PathsArg = Annotated[
    list[str], typer.Argument(help="Files or directories (searched recursively); Hadoop URIs with spark.")
]
JsonlOpt = Annotated[bool, typer.Option("--jsonl", help="Print one canonical record a line as JSON.")]
QuarantineOpt = Annotated[
    Path | None, typer.Option("--quarantine", help="Append rejections to DIR/rejections.jsonl.")
]
EngineOpt = Annotated[
    str,
    typer.Option("--engine", help="local (this process) or spark (a PySpark job writing Parquet to --out)"),
]
OutOpt = Annotated[str | None, typer.Option("--out", help="spark: output directory or Hadoop URI")]
WorkersOpt = Annotated[
    int | None,
    typer.Option(
        "--workers",
        min=1,
        help="local: extraction processes (default: every core for a large input; 1: serial)",
    ),
]
MasterOpt = Annotated[
    str, typer.Option("--master", help="spark: master URL (local[2], spark://host:7077, yarn …)")
]


def register(app: typer.Typer) -> None:
    """Add the ``extract`` command."""
    app.command("extract")(extract)


def extract(
    paths: PathsArg,
    jsonl: JsonlOpt = False,
    quarantine: QuarantineOpt = None,
    engine: EngineOpt = "local",
    out: OutOpt = None,
    master: MasterOpt = "local[*]",
    workers: WorkersOpt = None,
) -> None:
    """Extract canonical records from judgments, penalty decisions, Qichacha JSON and record files."""
    if engine not in ("local", "spark"):
        raise typer.BadParameter("use local or spark", param_hint="--engine")
    if engine == "spark":
        _spark(paths, out, master)
        return
    inputs = [Path(p) for p in paths]
    if not any(p.exists() for p in iter_inputs(inputs)):
        typer.echo("error: no input found", err=True)
        raise typer.Exit(2)
    store = Quarantine(quarantine) if quarantine else None
    kinds: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    for item in extract_paths(inputs, workers=workers):
        if isinstance(item, Rejection):
            reasons[item.reason] += 1
            _reject(item, store)
        else:
            kinds[item.type] += 1
            if jsonl:
                sys.stdout.write(json.dumps(item.model_dump(mode="json"), ensure_ascii=False) + "\n")
    if not jsonl:
        Console().print(summary_table(kinds, reasons))


def _spark(paths: list[str], out: str | None, master: str) -> None:
    """Run the Spark job: inputs are local paths or Hadoop URIs (``hdfs://…``, ``s3a://…``)."""
    if not out:
        raise typer.BadParameter("the spark engine writes Parquet: give --out DIR or URI", param_hint="--out")
    from ipclue.spark.job import run, session

    spark = session(master)
    try:
        summary = run(spark, [_uri(p) for p in paths], _uri(out))
    finally:
        spark.stop()
    kinds, reasons = Counter(summary.records), Counter(summary.rejections)
    Console(stderr=True).print(summary_table(kinds, reasons))
    typer.echo(f"{summary.files:,} files in {summary.seconds:.1f} s on {summary.master}; Parquet in {out}")


def _uri(path: str) -> str:
    """A Hadoop URI: ``hdfs://…`` (any scheme) as given, a local path as ``file:/…``."""
    return path if re.match(r"^[a-zA-Z][\w+.-]*:/", path) else "file:" + str(Path(path).resolve())


def _reject(rejection: Rejection, store: Quarantine | None) -> None:
    """Report one rejection on stderr and keep it in the quarantine."""
    typer.echo(rejection_line(rejection), err=True)
    if store:
        store.add(rejection)


def rejection_line(r: Rejection) -> str:
    """``path:line: reason: detail`` (the line only when known)."""
    where = f"{r.path}:{r.line}" if r.line else r.path
    return f"{where}: {r.reason}: {r.detail or ''}".rstrip(": ")


def summary_table(kinds: Counter[str], reasons: Counter[str]) -> Table:
    """Records by type and rejections by reason."""
    table = Table(title="ipclue extract")
    table.add_column("outcome")
    table.add_column("kind")
    table.add_column("count", justify="right")
    for kind, n in sorted(kinds.items()):
        table.add_row("record", kind, str(n))
    for reason, n in reasons.most_common():
        table.add_row("rejected", reason, str(n))
    table.add_row("total", "", str(sum(kinds.values()) + sum(reasons.values())))
    return table
