"""The FastAPI app: settings, templates, static assets, and the one exception handler.

Every page is served twice, as HTML and as a `.json` twin; the handler below decides, from the
URL alone, whether an error is answered as JSON or as `{status}.html` / `error.html`."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from podium.errors import PodiumError
from podium.web.assets import static_router
from podium.web.ingest import MAX_UPLOAD_BYTES, MULTIPART_ENVELOPE_BYTES
from podium.web.render import templates
from podium.web.routes import api, docs, pages
from podium.web.store import ensure_corpus

log = logging.getLogger(__name__)

# Which HTTP status a coded library error becomes; anything unlisted is the server's fault.
STATUS_BY_CODE: dict[str, int] = {
    "E001": 400,
    "E002": 415,
    "E003": 422,
    "E004": 413,
    "E005": 415,
    "E011": 503,
    "E012": 503,
    "E013": 503,
    "E030": 400,
}


def create_app(db: str | Path) -> FastAPI:
    """The app over the corpus at `db` (created empty when missing, so read-only opens succeed)."""
    app = FastAPI(
        title="podium",
        summary="Press-conference transcripts as checkable data: briefings, figures, search.",
        version="1",
        docs_url=None,  # FastAPI's own docs page pulls its scripts from a CDN; ours is offline
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.db = Path(db)
    ensure_corpus(app.state.db)
    app.include_router(static_router)
    app.include_router(api.router)
    app.include_router(docs.router)
    app.include_router(pages.router)
    for exc_type in (StarletteHTTPException, RequestValidationError, PodiumError, Exception):
        app.add_exception_handler(exc_type, handle_exception)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, max_bytes=MAX_UPLOAD_BYTES + MULTIPART_ENVELOPE_BYTES)
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


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path.endswith((".json", ".csv")) or path == "/openapi.json"


def handle_exception(request: Request, exc: Exception) -> Response:
    """The one place an error becomes a response: JSON for the API and twins, a page otherwise."""
    status, message, detail = describe(exc)
    if status >= 500:
        log.error("unhandled error on %s", request.url.path, exc_info=exc)
    if wants_json(request):
        body: dict[str, Any] = {"error": message, "status": status}
        if detail is not None:
            body["detail"] = detail
        return JSONResponse(body, status_code=status)
    template = f"{status}.html" if _has_template(f"{status}.html") else "error.html"
    return templates.TemplateResponse(
        request, template, {"status": status, "message": message, "detail": detail}, status_code=status
    )


def describe(exc: Exception) -> tuple[int, str, Any]:
    if isinstance(exc, StarletteHTTPException):
        return exc.status_code, str(exc.detail), None
    if isinstance(exc, RequestValidationError):
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        return 422, "invalid request parameters", errors
    if isinstance(exc, PodiumError):
        return STATUS_BY_CODE.get(exc.code, 500), exc.message, {"code": exc.code}
    return 500, "internal server error", None


def _has_template(name: str) -> bool:
    return name in templates.env.list_templates()
