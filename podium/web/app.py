"""The FastAPI app: its routes, the one exception handler (podium.web.problems) and the middleware
in front of them (podium.web.guard: which hosts and origins may reach it)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from fastapi import FastAPI
from starlette.middleware.gzip import GZipMiddleware
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from podium.dataset import is_dataset
from podium.errors import PodiumError
from podium.web.assets import static_router
from podium.web.conditional import ConditionalGet, HeadAsGet
from podium.web.guard import HostAllowList, SameOriginWrites, allowed_hosts, new_secret
from podium.web.ingest import MAX_UPLOAD_BYTES, MULTIPART_ENVELOPE_BYTES
from podium.web.limits import READ_TIME_LIMIT, WRITE_TIME_LIMIT, TimeLimit
from podium.web.problems import handle_exception
from podium.web.routes import api, docs, pages
from podium.web.store import ensure_corpus


def create_app(
    db: str | Path,
    *,
    allow_hosts: Iterable[str] = (),
    time_limit: float = READ_TIME_LIMIT,
    upload_time_limit: float = WRITE_TIME_LIMIT,
) -> FastAPI:
    """The app over the corpus at `db` (created empty when missing, so read-only opens succeed).

    `allow_hosts` adds names this server answers for to 127.0.0.1, localhost, ::1 and those in
    PODIUM_ALLOWED_HOSTS; any other Host header is refused. A read still unanswered after
    `time_limit` seconds (an upload after `upload_time_limit`) is cancelled and answered 503."""
    app = FastAPI(
        title="podium",
        summary="Press-conference transcripts as checkable data: briefings, figures, search.",
        version="1",
        docs_url=None,  # FastAPI's own docs page pulls its scripts from a CDN; ours is offline
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.db = Path(db)
    app.state.csrf_secret = new_secret()
    app.state.read_only_dataset = is_dataset(app.state.db)  # a Parquet dataset: no Add page, uploads refused
    ensure_corpus(app.state.db)
    app.include_router(static_router)
    app.include_router(api.router)
    app.include_router(docs.router)
    app.include_router(pages.router)
    for exc_type in (StarletteHTTPException, RequestValidationError, PodiumError, Exception):
        app.add_exception_handler(exc_type, handle_exception)
    # Added innermost first: the last one added sees the request first.
    app.add_middleware(BodyLimit, max_bytes=MAX_UPLOAD_BYTES + MULTIPART_ENVELOPE_BYTES)
    app.add_middleware(ConditionalGet)  # tags the body before it is compressed
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(HeadAsGet)
    app.add_middleware(TimeLimit, read_limit=time_limit, write_limit=upload_time_limit)
    app.add_middleware(SameOriginWrites)
    app.add_middleware(HostAllowList, hosts=allowed_hosts(allow_hosts))
    app.add_middleware(SecurityHeaders)
    return app


class BodyLimit:
    """Stops reading a request body past `max_bytes`, whatever its Content-Length says (or
    whether it has one): the multipart parser would otherwise spool all of it to a temp file."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise PodiumError("E004", f"a request body over the {self.max_bytes:,}-byte limit", "upload")
            return message

        await self.app(scope, counted_receive, send)


# Defence in depth behind autoescape: even if transcript text slipped through unescaped, the
# browser would run no inline script and load nothing from elsewhere.
SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every HTTP response (plain ASGI: no per-request task overhead)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)
