"""Request ids (taken from ``X-Request-ID`` when sane, else generated; echoed on every response) and
request size limits."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

_SANE = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


class RequestId:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = _incoming(scope) or uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = rid

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0].lower() != b"x-request-id"]
                message["headers"] = [*headers, (b"x-request-id", rid.encode())]
            await send(message)

        await self.app(scope, receive, send_with_id)


def _incoming(scope: Mapping[str, Any]) -> str | None:
    for name, value in scope.get("headers", []):
        if name.lower() == b"x-request-id":
            text = value.decode("latin-1")
            return text if _SANE.match(text) else None
    return None


class Limits:
    """Request size limits, checked before any route runs (the server's own parser bounds the bytes
    it buffers first, see ``cli/serve.py``): request target (414), each header and all headers
    (431), and request bodies — ``Content-Length`` at once, and the bytes actually received while
    they stream in (413), so a client that lies about its length is cut off all the same."""

    def __init__(self, app: ASGIApp, *, max_target: int, max_header: int, max_headers: int, max_body: int):
        self.app = app
        self.max_target, self.max_header, self.max_headers = max_target, max_header, max_headers
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refused = self._refused(scope)
        if refused is not None:
            await _problem(send, *refused)
            return
        state = {"received": 0, "over": False, "sent": False}

        async def counted() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                state["received"] += len(message.get("body", b""))
                if state["received"] > self.max_body:
                    state["over"] = True
                    raise BodyTooLarge(self.max_body)
            return message

        async def guarded(message: Message) -> None:
            """Once the body was cut off, whatever the route answers (a parse error) becomes the 413."""
            if not state["over"]:
                state["sent"] = True
                await send(message)
            elif message["type"] == "http.response.start" and not state["sent"]:
                state["sent"] = True
                await _too_large(send, self.max_body)

        try:
            await self.app(scope, counted, guarded)
        except BodyTooLarge:
            if not state["sent"]:
                await _too_large(send, self.max_body)

    def _refused(self, scope: Scope) -> tuple[int, str, str] | None:
        target = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
        if target > self.max_target:
            return 414, "URI too long", f"the request target is longer than {self.max_target:,} bytes"
        headers = scope.get("headers", [])
        if any(len(k) + len(v) > self.max_header for k, v in headers):
            return 431, "Header too large", f"a header is larger than {self.max_header:,} bytes"
        if sum(len(k) + len(v) for k, v in headers) > self.max_headers:
            return 431, "Headers too large", f"the headers are larger than {self.max_headers:,} bytes"
        length = dict(headers).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_body:
            return 413, "Payload too large", _over(self.max_body)
        return None


class BodyTooLarge(Exception):
    """Raised from ``receive`` when a streaming body passes the limit (the route's work stops)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"request body over {limit} bytes")


def _over(limit: int) -> str:
    return f"the body is larger than {limit:,} bytes"


async def _too_large(send: Send, limit: int) -> None:
    await _problem(send, 413, "Payload too large", _over(limit))


async def _problem(send: Send, status: int, title: str, detail: str) -> None:
    body = json.dumps({"type": "about:blank", "title": title, "status": status, "detail": detail}).encode()
    headers = [(b"content-type", b"application/problem+json"), (b"content-length", str(len(body)).encode())]
    await send(
        {"type": "http.response.start", "status": status, "headers": [*headers, (b"connection", b"close")]}
    )
    await send({"type": "http.response.body", "body": body})
