"""API keys → principals. Which role may call which route is decided in one place, ``roles.py``,
and enforced by :class:`ipclue.api.routing.ApiRoute`; the aliases below only hand a route its caller."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from ipclue.api.config import Principal, key_digest
from ipclue.errors import Forbidden, Unauthorized

api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="an ipclue API key")
bearer = HTTPBearer(auto_error=False, description="an ipclue API key as a bearer token")


def principal_of(request: Request) -> Principal:
    """The caller behind ``X-API-Key`` or ``Authorization: Bearer``; 401 when neither is known."""
    known: Principal | None = getattr(request.state, "principal", None)
    if known is not None:
        return known
    key = request.headers.get("x-api-key") or _bearer(request.headers.get("authorization", ""))
    if not key:
        raise Unauthorized("send an API key in X-API-Key or Authorization: Bearer")
    principal: Principal | None = request.app.state.keys.get(key_digest(key))
    if principal is None:
        raise Unauthorized("unknown API key")
    request.state.principal = principal
    return principal


def _bearer(header: str) -> str | None:
    scheme, _, token = header.partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


async def authenticate(
    request: Request,
    _key: Annotated[str | None, Depends(api_key_header)],
    _token: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Principal:
    """The caller (the two security schemes are declared for the OpenAPI page)."""
    return principal_of(request)


Caller = Annotated[Principal, Depends(authenticate)]
# The role a route needs is its line in roles.MATRIX; these names remain for readability.
Reader = Caller
Investigator = Caller
Supervisor = Caller


def require(*roles: str) -> Callable[[Principal], Awaitable[Principal]]:
    """A dependency admitting only ``roles`` — a second lock for a route that wants one; the matrix
    in ``roles.py`` stays the place every route's roles are listed and enforced."""

    async def check(principal: Caller) -> Principal:
        if principal.role not in roles:
            raise Forbidden(f"role {principal.role!r} may not do this (needs one of: {', '.join(roles)})")
        return principal

    return check
