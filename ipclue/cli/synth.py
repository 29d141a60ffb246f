"""``ipclue synth``: write a synthetic corpus with planted patterns and ground truth."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ipclue.synth import generate

DEFAULT_PARTIES = {"demo": 300, "bench": 10_000}


OutOpt = Annotated[
    Path, typer.Option("--out", help="output directory (files this generator owns are replaced)")
]
PartiesOpt = Annotated[int | None, typer.Option("--parties", min=50, help="parties (demo 300, bench 10000)")]
SeedOpt = Annotated[int, typer.Option("--seed", help="same seed, same bytes")]
ProfileOpt = Annotated[str, typer.Option("--profile", help="demo (a handful of each pattern) or bench")]


def synth(out: OutOpt, parties: PartiesOpt = None, seed: SeedOpt = 1, profile: ProfileOpt = "demo") -> None:
    """Generate judgments, penalties, registries and truth.json under OUT."""
    if profile not in DEFAULT_PARTIES:
        raise typer.BadParameter("use demo or bench", param_hint="--profile")
    summary = generate(out, parties or DEFAULT_PARTIES[profile], seed, profile)
    docs = summary.documents
    typer.echo(
        f"wrote {docs.get('judgments', 0):,} judgments, {docs.get('penalties', 0):,} penalties, "
        f"{sum(summary.registry.values()):,} registry records, {summary.entities:,} entities "
        f"({summary.bytes / 1e6:.1f} MB) to {summary.out} in {summary.seconds:.1f}s"
    )
    typer.echo("patterns: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.patterns.items())))
    typer.echo("negatives: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.negatives.items())))


def register(app: typer.Typer) -> None:
    """Add the ``synth`` command."""
    app.command("synth")(synth)
