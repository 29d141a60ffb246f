"""One exception base carrying its HTTP status; the API renders it as problem+json."""

from __future__ import annotations


class IpclueError(Exception):
    """Base of every error ipclue raises on purpose. ``status`` is the HTTP status to answer."""

    status: int = 500
    title: str = "Internal error"

    def __init__(self, detail: str, *, status: int | None = None, title: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        if status is not None:
            self.status = status
        if title is not None:
            self.title = title


class ConfigError(IpclueError):
    status = 500
    title = "Configuration error"


class InvalidInput(IpclueError):
    status = 422
    title = "Invalid input"


class NotFound(IpclueError):
    status = 404
    title = "Not found"


class Forbidden(IpclueError):
    status = 403
    title = "Forbidden"


class Unauthorized(IpclueError):
    status = 401
    title = "Unauthorized"


class Conflict(IpclueError):
    status = 409
    title = "Conflict"


class DatabaseUnavailable(IpclueError):
    status = 503
    title = "Database unavailable"


class ServerError(IpclueError):
    """The managed Neo4j could not be provisioned, started or stopped."""

    status = 500
    title = "Neo4j server error"


class ExtractError(IpclueError):
    """A document could not be turned into a record. ``reason`` is a short machine code."""

    status = 422
    title = "Extraction failed"

    def __init__(self, path: str, reason: str, detail: str, *, line: int | None = None) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}: {detail}")
        self.path = path
        self.reason = reason
        self.reason_detail = detail
        self.line = line
