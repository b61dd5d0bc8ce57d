"""HEAD wherever GET is, and conditional GET: a response that fits in one body message gets an
ETag (a hash of the body, unless the route set one), and a request whose If-None-Match holds that
tag is answered 304 with no body. Streamed responses (a long CSV) pass through untouched."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send


@dataclass
class HeadAsGet:
    """Runs a HEAD request as the GET it stands for and sends the headers alone."""

    app: ASGIApp

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


@dataclass
class ConditionalGet:
    app: ASGIApp

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        wanted = if_none_match(scope)
        held: Message | None = None

        async def tagged(message: Message) -> None:
            nonlocal held
            if message["type"] == "http.response.start":
                held = message  # until the body shows whether it can be tagged
                return
            if held is None:
                await send(message)
                return
            start, held = held, None
            if message.get("more_body", False) or start["status"] != 200:
                await send(start)
                await send(message)
                return
            headers = list(start.get("headers", []))
            etag = next((value.decode("latin-1") for key, value in headers if key.lower() == b"etag"), None)
            if etag is None:
                etag = 'W/"' + hashlib.sha256(message.get("body", b"")).hexdigest()[:20] + '"'
                headers.append((b"etag", etag.encode("latin-1")))
            if weak(etag) in wanted or "*" in wanted:
                kept = [(k, v) for k, v in headers if k.lower() not in (b"content-length", b"content-type")]
                await send({"type": "http.response.start", "status": 304, "headers": kept})
                await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            await send({**start, "headers": headers})
            await send(message)

        await self.app(scope, receive, tagged)


def if_none_match(scope: Scope) -> set[str]:
    for key, value in scope.get("headers", ()):
        if key.lower() == b"if-none-match":
            return {weak(tag) for tag in value.decode("latin-1").split(",") if tag.strip()}
    return set()


def weak(tag: str) -> str:
    """If-None-Match compares weakly: W/"x" and "x" are the same tag."""
    tag = tag.strip()
    return tag[2:] if tag.startswith("W/") else tag
