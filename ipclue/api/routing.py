"""The route class every API route uses; in order, once per request, so no route can forget them:

1. the role check from the matrix (``roles.py``), before the route's own code; denials are audited;
2. after the handler built its JSON response: server paths removed (every role), masking for
   consumers, one audit line when the response holds person data (the ``per-…`` uids it names);
3. ETag / If-None-Match.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute

from ipclue.api.auth import principal_of
from ipclue.api.config import Principal
from ipclue.api.masking import SERVER_PATH_BYTES, mask, strip_server_paths
from ipclue.api.roles import PREFIX, entry, roles_for
from ipclue.errors import Forbidden, IpclueError
from ipclue.normalize import clean

Handler = Callable[[Request], Coroutine[Any, Any, Response]]
_DROP = {"content-length", "content-type"}
PERSON_UIDS = re.compile(rb'"(per-[A-Za-z0-9_-]{1,99})"')
PARTY_UIDS = re.compile(rb'"((?:per|org)-[A-Za-z0-9_-]{1,99})')
PERSON_UID_TEXT = re.compile(r"^per-")
SHORT_NAMES = re.compile(r'"([\u3400-\u9fff·]{2,6})"')


class ApiRoute(APIRoute):
    def get_route_handler(self) -> Handler:
        inner = super().get_route_handler()

        async def handler(request: Request) -> Response:
            who = admit(request, self.path)
            return await finish(request, await inner(request), who, self.path)

        return handler


def admit(request: Request, path: str) -> Principal | None:
    """The caller if the matrix admits them to this route (``None`` on a public one); else 401/403,
    written to the audit log with the reason."""
    roles = roles_for(request.method, path, PREFIX)
    if roles == ():
        return None
    try:
        who = principal_of(request)
        if roles is None:
            raise Forbidden(f"{entry(request.method, path, PREFIX)} is not in the role matrix")
        if who.role not in roles:
            raise Forbidden(f"role {who.role!r} may not do this (needs one of: {', '.join(roles)})")
    except IpclueError as exc:
        _audit_denial(request, path, exc)
        raise
    return who


def _audit_denial(request: Request, path: str, exc: IpclueError) -> None:
    who: Principal | None = getattr(request.state, "principal", None)
    request.app.state.audit.write(
        actor=who.name if who else "anonymous",
        role=who.role if who else "-",
        request_id=getattr(request.state, "request_id", "-"),
        action="denied",
        subject=request.url.path,
        route=entry(request.method, path, PREFIX),
        status=exc.status,
        detail={"reason": exc.detail},
    )


async def finish(request: Request, response: Response, who: Principal | None, path: str) -> Response:
    if not _is_json(response):
        return response
    body = bytes(response.body)
    subjects = sorted({m.decode() for m in PERSON_UIDS.findall(body)})
    consumer = who is not None and who.role == "consumer"
    if consumer or SERVER_PATH_BYTES.search(body):
        persons = await _person_names(request, body) if consumer else []
        subjects = sorted({*subjects, *_named(persons, body)})
        response = _rewritten(response, _cleaned(body, persons if consumer else None))
    if who is not None and subjects:
        _audit_read(request, path, who, subjects, response.status_code)
    if request.method == "GET" and response.status_code == 200:
        return _conditional(request, response)
    return response


def _cleaned(body: bytes, persons: list[tuple[str, str]] | None) -> Any:
    data = strip_server_paths(json.loads(body))
    return data if persons is None else mask(data, persons)


def _named(persons: list[tuple[str, str]], body: bytes) -> set[str]:
    """The uids of the persons whose names the (unmasked) body contains."""
    text = body.decode("utf-8", "replace")
    return {uid for uid, name in persons if PERSON_UID_TEXT.match(uid) and len(name) >= 2 and name in text}


async def _person_names(request: Request, body: bytes) -> list[tuple[str, str]]:
    """``(uid, name)`` of the persons the response may name (``cypher/api/person_names``): a flag's
    reason names people its subjects give only by uid, or not at all (a company's legal representative)."""
    reads = getattr(request.app.state, "reads", None)
    uids = sorted({m.decode() for m in PARTY_UIDS.findall(body)})[:2000]
    keys = sorted({clean(m) for m in SHORT_NAMES.findall(body.decode("utf-8", "replace"))})[:2000]
    if reads is None or not (uids or keys):
        return []
    row = await reads.one("person_names", uids=uids, keys=keys)
    return [(uid, name) for uid, names in (row or {}).get("persons", []) for name in names if name]


def _audit_read(request: Request, path: str, who: Principal, subjects: list[str], status: int) -> None:
    request.app.state.audit.write(
        actor=who.name,
        role=who.role,
        request_id=getattr(request.state, "request_id", "-"),
        action="read-person-data" if request.method == "GET" else "person-data",
        subject=request.url.path,
        route=entry(request.method, path, PREFIX),
        status=status,
        subjects=subjects,
    )


def _is_json(response: Response) -> bool:
    return (response.media_type or "").startswith("application/json") and hasattr(response, "body")


def _rewritten(response: Response, data: Any) -> Response:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    headers = {k: v for k, v in response.headers.items() if k not in _DROP}
    return Response(body.encode("utf-8"), response.status_code, headers, media_type="application/json")


def _conditional(request: Request, response: Response) -> Response:
    """A weak ETag over the body; ``304`` when the client already has it."""
    tag = 'W/"' + hashlib.sha256(bytes(response.body)).hexdigest()[:32] + '"'
    wanted = {t.strip() for t in request.headers.get("if-none-match", "").split(",")}
    if tag in wanted or "*" in wanted:
        return Response(status_code=304, headers={"ETag": tag, "Cache-Control": "private, no-cache"})
    response.headers["ETag"] = tag
    response.headers.setdefault("Cache-Control", "private, no-cache")
    return response
