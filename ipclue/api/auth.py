"""API keys → principals, and the role checks every route declares."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from ipclue.api.config import Principal, Role, key_digest
from ipclue.errors import Forbidden, Unauthorized

api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="an ipclue API key")
bearer = HTTPBearer(auto_error=False, description="an ipclue API key as a bearer token")

READERS: tuple[Role, ...] = ("investigator", "supervisor", "consumer", "admin")
INVESTIGATORS: tuple[Role, ...] = ("investigator", "supervisor", "admin")
SUPERVISORS: tuple[Role, ...] = ("supervisor", "admin")


async def authenticate(
    request: Request,
    api_key: Annotated[str | None, Depends(api_key_header)],
    token: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Principal:
    """The caller behind ``X-API-Key`` or ``Authorization: Bearer``; 401 when neither is known."""
    key = api_key or (token.credentials if token else None)
    if not key:
        raise Unauthorized("send an API key in X-API-Key or Authorization: Bearer")
    principal: Principal | None = request.app.state.keys.get(key_digest(key))
    if principal is None:
        raise Unauthorized("unknown API key")
    request.state.principal = principal
    return principal


def require(*roles: Role) -> Callable[[Principal], Awaitable[Principal]]:
    """A dependency admitting only callers with one of ``roles`` (403 otherwise).

    Checks (like :func:`authenticate`) are ``async``: they never block, so they need no thread hop.
    """

    async def check(principal: Annotated[Principal, Depends(authenticate)]) -> Principal:
        if principal.role not in roles:
            raise Forbidden(f"role {principal.role!r} may not do this (needs one of: {', '.join(roles)})")
        return principal

    return check


Reader = Annotated[Principal, Depends(require(*READERS))]
Investigator = Annotated[Principal, Depends(require(*INVESTIGATORS))]
Supervisor = Annotated[Principal, Depends(require(*SUPERVISORS))]
