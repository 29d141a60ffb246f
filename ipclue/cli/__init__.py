"""The ``ipclue`` command: one Typer app, each domain registering its own subcommands."""

from __future__ import annotations

import importlib
import os

import typer

from ipclue.settings import get_settings

app = typer.Typer(
    name="ipclue",
    help="Knowledge-graph linkage for IP prosecution: extract, resolve, load, detect, serve.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def _main(
    instance: str | None = typer.Option(
        None,
        "--instance",
        help="the managed Neo4j instance every command uses (default: IPCLUE_INSTANCE or 'default')",
    ),
) -> None:
    """Knowledge-graph linkage for IP prosecution: extract, resolve, load, detect, serve."""
    if instance:
        os.environ["IPCLUE_INSTANCE"] = instance
        get_settings.cache_clear()


# Each module defines ``register(app)``; the order is the order of ``ipclue --help``.
_DOMAINS = (
    "demo",
    "server",
    "graph",
    "extract",
    "ingest",
    "load",
    "synth",
    "resolve",
    "detect",
    "report",
    "serve",
)

for _name in _DOMAINS:
    importlib.import_module(f"ipclue.cli.{_name}").register(app)


def main() -> None:
    app()
