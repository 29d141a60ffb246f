"""``ipclue synth``: write a synthetic corpus with planted patterns and ground truth."""

from __future__ import annotations

from pathlib import Path

import typer

from ipclue.synth import generate

DEFAULT_PARTIES = {"demo": 300, "bench": 10_000}


def synth(
    out: Path = typer.Option(..., "--out", help="output directory (files this generator owns are replaced)"),
    parties: int | None = typer.Option(None, "--parties", min=50, help="parties in the world (demo 300, bench 10000)"),
    seed: int = typer.Option(1, "--seed", help="same seed, same bytes"),
    profile: str = typer.Option("demo", "--profile", help="demo (a handful of every pattern) or bench (proportional)"),
) -> None:
    """Generate judgments, penalties, registries and truth.json under OUT."""
    if profile not in DEFAULT_PARTIES:
        raise typer.BadParameter("use demo or bench", param_hint="--profile")
    summary = generate(out, parties or DEFAULT_PARTIES[profile], seed, profile)
    docs = summary.documents
    typer.echo(f"wrote {docs.get('judgments', 0):,} judgments, {docs.get('penalties', 0):,} penalties, "
               f"{sum(summary.registry.values()):,} registry records, {summary.entities:,} entities "
               f"({summary.bytes / 1e6:.1f} MB) to {summary.out} in {summary.seconds:.1f}s")
    typer.echo("patterns: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.patterns.items())))
    typer.echo("negatives: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.negatives.items())))


def register(app: typer.Typer) -> None:
    """Add the ``synth`` command."""
    app.command("synth")(synth)
