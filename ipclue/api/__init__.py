"""The HTTP service (FastAPI), versioned under ``/api/v1``: ``create_app()`` builds it."""

from ipclue.api.app import create_app

__all__ = ["create_app"]
