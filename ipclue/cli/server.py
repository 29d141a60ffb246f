"""``ipclue neo4j start|stop|status|destroy``: the managed local Neo4j."""

from __future__ import annotations

import typer
from rich.console import Console

from ipclue.dbms.managed import ManagedNeo4j, running_instances
from ipclue.settings import get_settings

err = Console(stderr=True)
neo4j_app = typer.Typer(
    help="The managed local Neo4j 5.26 Community (no Docker needed).", no_args_is_help=True
)


def _server(instance: str | None) -> ManagedNeo4j:
    return ManagedNeo4j(get_settings(), instance)


@neo4j_app.command()
def start(
    instance: str = typer.Option(None, help="instance name (default: IPCLUE_INSTANCE or 'default')"),
) -> None:
    """Provision Neo4j from Maven Central if needed, start it on a free local port, wait until ready."""
    server = _server(instance)
    if not server.provisioned():
        err.print(f"fetching Neo4j {server.version} from Maven Central (once) …")
    state = server.start()
    typer.echo(f"neo4j {state.version} running at {state.uri} (pid {state.pid}); data in {server.dir}")


@neo4j_app.command()
def stop(instance: str = typer.Option(None, help="instance name")) -> None:
    """Stop the managed server (TERM, then KILL after a timeout)."""
    stopped = _server(instance).stop()
    typer.echo("stopped" if stopped else "not running")


@neo4j_app.command()
def status(instance: str = typer.Option(None, help="instance name")) -> None:
    """Say whether the managed server runs, and where. Exit 1 when it does not."""
    server = _server(instance)
    name = server.dir.name
    state = server.running()
    others = {n: s for n, s in running_instances(get_settings()).items() if n != name}
    if state is None:
        typer.echo(f"instance '{name}': not running (provisioned: {server.provisioned()})")
    else:
        typer.echo(f"instance '{name}': running at {state.uri} (pid {state.pid}, neo4j {state.version})")
    for other, s in others.items():
        typer.echo(f"instance '{other}': running at {s.uri} (pid {s.pid}; use --instance {other})")
    if state is None:
        raise typer.Exit(1)


@neo4j_app.command()
def destroy(
    instance: str = typer.Option(None, help="instance name"),
    yes: bool = typer.Option(False, "--yes", help="really delete the data"),
) -> None:
    """Stop the server and delete its data directory (the cached jars stay)."""
    if not yes:
        raise typer.BadParameter("add --yes to delete the instance's data")
    _server(instance).destroy()
    typer.echo("destroyed")


def register(app: typer.Typer) -> None:
    app.add_typer(neo4j_app, name="neo4j")
