"""``ipclue serve``: the HTTP API (and the web app when built) on a local port."""

from __future__ import annotations

import ipaddress

import typer

from ipclue.api.config import configured_keys, generate_keys, get_api_settings, keys_from


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
    uvicorn.run(create_app(settings=settings, keys=keys), host=host, port=port, log_level="info")


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
