"""The route class every API route uses: masking for consumers, then ETag / If-None-Match.

Both happen here, once, after the handler built its JSON response — so no route can forget them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute

from ipclue.api.masking import mask

Handler = Callable[[Request], Coroutine[Any, Any, Response]]
_DROP = {"content-length", "content-type"}


class ApiRoute(APIRoute):
    def get_route_handler(self) -> Handler:
        inner = super().get_route_handler()

        async def handler(request: Request) -> Response:
            return finish(request, await inner(request))

        return handler


def finish(request: Request, response: Response) -> Response:
    if not _is_json(response):
        return response
    principal = getattr(request.state, "principal", None)
    if principal is not None and principal.role == "consumer":
        response = _masked(response)
    if request.method == "GET" and response.status_code == 200:
        return _conditional(request, response)
    return response


def _is_json(response: Response) -> bool:
    return (response.media_type or "").startswith("application/json") and hasattr(response, "body")


def _masked(response: Response) -> Response:
    body = json.dumps(mask(json.loads(bytes(response.body))), ensure_ascii=False, separators=(",", ":"))
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
