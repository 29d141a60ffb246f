"""Shared CLI plumbing: opening the graph, progress bars, printing counts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ipclue.graph.db import Graph, open_graph
from ipclue.graph.schema import ensure_schema
from ipclue.settings import get_settings

out = Console()
err = Console(stderr=True)


@contextmanager
def graph_session(*, init: bool = True) -> Iterator[Graph]:
    """Open the configured graph (starting the managed server if needed), schema applied."""
    graph = open_graph(get_settings())
    try:
        if init:
            ensure_schema(graph)
        yield graph
    finally:
        graph.close()


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
