"""``ipclue demo``: the main job on a fresh machine — Neo4j, data, detection, service."""

from __future__ import annotations

import typer

from ipclue.cli.common import counts_table, graph_session, out
from ipclue.graph.load import Loader
from ipclue.graph.schema import counts
from ipclue.sample import sample_records


def demo() -> None:
    """Start the managed Neo4j, init the schema, load the demo data and print the counts."""
    with graph_session() as graph:
        Loader(graph).load(sample_records())
        out.print(counts_table(counts(graph)))


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
