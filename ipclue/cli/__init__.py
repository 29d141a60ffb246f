"""The ``ipclue`` command: one Typer app, each domain registering its own subcommands."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="ipclue",
    help="Knowledge-graph linkage for IP prosecution: extract, resolve, load, detect, serve.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

# Each module defines ``register(app)``; the order is the order of ``ipclue --help``.
_DOMAINS = ("demo", "server", "graph", "extract", "ingest", "load", "synth", "resolve", "detect", "serve")

for _name in _DOMAINS:
    importlib.import_module(f"ipclue.cli.{_name}").register(app)


def main() -> None:
    app()
