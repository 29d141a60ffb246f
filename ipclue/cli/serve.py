"""``ipclue serve``: the HTTP API (and the web app when built) on a local port."""

from __future__ import annotations

import ipaddress
from typing import Any

import typer

from ipclue.api.config import ApiSettings, configured_keys, generate_keys, get_api_settings, keys_from
from ipclue.api.jobs import prune_jobs


def serve(
    host: str = typer.Option("127.0.0.1", help="address to listen on (loopback by default)"),
    port: int = typer.Option(8000, min=1, max=65535, help="port to listen on"),
) -> None:
    """Serve the API under /api/v1. Without IPCLUE_API_KEYS, one random key per role is printed."""
    import uvicorn

    from ipclue.api import create_app

    settings = get_api_settings()
    keys = configured_keys(settings)
    if keys is None:
        generated = generate_keys()
        keys = keys_from(generated)
        typer.echo("no IPCLUE_API_KEYS configured; keys for this run only:", err=True)
        for role, key in generated.items():
            typer.echo(f"  {role:<12} {key}", err=True)
    if not _loopback(host):
        typer.echo(f"warning: listening on {host}; put TLS in front of it", err=True)
    uvicorn.run(create_app(settings=settings, keys=keys), host=host, port=port, **server_options(settings))


def server_options(settings: ApiSettings) -> dict[str, Any]:
    """uvicorn settings that bound what one client can make the server buffer: the h11 parser (it
    refuses a request line plus headers above the limit with 400 as soon as the buffer passes it,
    where httptools keeps reading) and a cap on concurrent connections; ``api.middleware.Limits``
    then gives the precise 414 / 431 / 413 on what was parsed."""
    return {
        "http": "h11",
        "h11_max_incomplete_event_size": settings.max_headers_bytes + settings.max_request_target,
        "limit_concurrency": 256,
        "timeout_keep_alive": 5,
        "log_level": "info",
    }


jobs_app = typer.Typer(help="Upload jobs of the API (folders under IPCLUE_HOME/jobs).", no_args_is_help=True)


@jobs_app.command("prune")
def prune(
    older_than_days: float = typer.Option(
        None, "--older-than-days", min=0, help="default: IPCLUE_JOB_RETENTION_DAYS (7)"
    ),
) -> None:
    """Remove the folders (uploads, quarantine) of jobs older than the retention period."""
    settings = get_api_settings()
    days = settings.job_retention_days if older_than_days is None else older_than_days
    removed = prune_jobs(settings.home / "jobs", days)
    typer.echo(f"removed {len(removed)} job folder(s) older than {days:g} day(s)")


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(jobs_app, name="jobs")
