"""``ipclue graph init|counts|reset|sample``: the schema and the data in Neo4j."""

from __future__ import annotations

import typer

from ipclue.cli.common import counts_table, err, graph_session, out
from ipclue.graph.load import Loader
from ipclue.graph.schema import apply_schema, counts, wipe
from ipclue.sample import sample_records

graph_app = typer.Typer(help="Schema and data in Neo4j.", no_args_is_help=True)


@graph_app.command()
def init() -> None:
    """Create constraints and indexes (idempotent) and record the schema version."""
    with graph_session(init=False) as graph:
        version = apply_schema(graph)
    typer.echo(f"schema version {version} applied")


@graph_app.command("counts")
def show_counts() -> None:
    """Node counts by label and relationship counts by type."""
    with graph_session(read=True) as graph:
        out.print(counts_table(counts(graph)))


@graph_app.command()
def reset(yes: bool = typer.Option(False, "--yes", help="really delete all data")) -> None:
    """Delete every node and relationship (the schema stays)."""
    if not yes:
        raise typer.BadParameter("add --yes to delete all data")
    with graph_session() as graph:
        wipe(graph)
    typer.echo("all data deleted")


@graph_app.command()
def sample() -> None:
    """Load the small built-in sample (invented parties) and print the counts."""
    with graph_session() as graph:
        report = Loader(graph).load(sample_records())
        for rej in report.rejections:
            err.print(f"[red]rejected[/] {rej.path}:{rej.line}: {rej.reason}: {rej.detail}")
        out.print(counts_table(counts(graph)))


def register(app: typer.Typer) -> None:
    app.add_typer(graph_app, name="graph")
