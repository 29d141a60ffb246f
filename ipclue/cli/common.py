"""Shared CLI plumbing: opening the graph, progress bars, printing counts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ipclue.dbms.managed import ManagedNeo4j, running_instances
from ipclue.graph.db import Graph, open_graph
from ipclue.graph.schema import ensure_schema
from ipclue.settings import Settings, get_settings

out = Console()
err = Console(stderr=True)


@contextmanager
def graph_session(*, init: bool = True, read: bool = False) -> Iterator[Graph]:
    """Open the configured graph, schema applied, and say on stderr which Neo4j it is.

    A ``read`` command never starts a managed server: when its instance is not running it stops with how
    to start it (and which other instances run). A writing command starts it, saying so.
    """
    settings = get_settings()
    if not settings.neo4j_uri:
        _check_managed(settings, read)
    graph = open_graph(settings)
    where = graph.target.uri if graph.target else "?"
    name = "external server" if settings.neo4j_uri else f"instance '{settings.instance}'"
    err.print(f"[dim]Neo4j: {name} at {where}[/]")
    try:
        if init:
            ensure_schema(graph)
        yield graph
    finally:
        graph.close()


def _check_managed(settings: Settings, read: bool) -> None:
    if ManagedNeo4j(settings).running() is not None:
        return
    others = running_instances(settings)
    hint = "".join(f"\n  instance '{n}' runs at {s.uri}: ipclue --instance {n} …" for n, s in others.items())
    if read:
        err.print(
            f"[red]the managed Neo4j instance '{settings.instance}' is not running[/]; "
            f"start it with `ipclue neo4j start --instance {settings.instance}`{hint}"
        )
        raise typer.Exit(1)
    err.print(f"starting the managed Neo4j instance '{settings.instance}' (it was not running) …{hint}")


def progress_bar(what: str) -> Progress:
    return Progress(
        TextColumn(f"[bold]{what}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    )


def counts_table(counts: dict[str, int]) -> Table:
    table = Table("kind", "name", "count", title="graph")
    for key in sorted(counts):
        what, _, name = key.partition(":")
        table.add_row(what, name, f"{counts[key]:,}")
    return table
