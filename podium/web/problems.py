"""The one error shape. Every error the app answers, whether a route raised it or a guard in front
of the routes refused the request, is `Problem` as JSON for the API and the `.json`/`.csv` twins,
and a page (`{status}.html` or `error.html`) for everything else."""

from __future__ import annotations

import logging
import time
from typing import Any

from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.types import Scope, Send

from podium.errors import PodiumError
from podium.web.render import templates

log = logging.getLogger(__name__)

# Which HTTP status a coded library error becomes; anything unlisted is the server's fault.
STATUS_BY_CODE: dict[str, int] = {
    "E001": 400,
    "E002": 415,
    "E003": 422,
    "E004": 413,
    "E005": 415,
    "E006": 502,  # the page asked for could not be fetched: a bad gateway, not podium's fault
    "E011": 503,
    "E012": 503,
    "E013": 503,
    "E030": 400,
}


class Problem(BaseModel):
    """Every API error: what went wrong in words, the HTTP status again, and details when there are some."""

    error: str = Field(description="what went wrong, in words")
    status: int = Field(description="the HTTP status code, repeated for clients that only keep the body")
    detail: Any = Field(default=None, description="for invalid parameters, each one's location and message; for library errors, the error code")


# Declared on every API route: FastAPI's own 422 schema is replaced, since that is not what is sent.
PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    "4XX": {"model": Problem, "description": "the request was refused (bad parameter, unknown id, foreign host or origin ...)"},
    "5XX": {"model": Problem, "description": "the server could not answer (a request over its time limit is 503)"},
}


DEADLINE = "podium.deadline"  # the scope key: time.monotonic() past which the request is abandoned
TIMED_OUT = "the request took longer than this server allows; try a narrower query"


class RequestTimedOut(TimeoutError):
    """A request ran past its time limit; its database work was interrupted."""


def wants_json(path: str) -> bool:
    return path.startswith("/api/") or path.endswith((".json", ".csv")) or path == "/openapi.json"


def problem_body(status: int, message: str, detail: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {"error": message, "status": status}
    if detail is not None:
        body["detail"] = detail
    return body


def problem_response(request: Request, status: int, message: str, detail: Any = None) -> Response:
    if wants_json(request.url.path):
        return JSONResponse(problem_body(status, message, detail), status_code=status)
    template = f"{status}.html" if f"{status}.html" in templates.env.list_templates() else "error.html"
    context = {"status": status, "message": message, "detail": detail, "view": "error"}
    return templates.TemplateResponse(request, template, context, status_code=status)


async def send_problem(scope: Scope, send: Send, status: int, message: str) -> None:
    """Answer from ASGI middleware, before any route ran, in the same shape a route would."""

    async def no_body() -> Any:
        return {"type": "http.request", "body": b"", "more_body": False}

    await problem_response(Request(scope), status, message)(scope, no_body, send)


def handle_exception(request: Request, exc: Exception) -> Response:
    """The one place an exception becomes a response. Whatever a request raises after its deadline
    is the interrupt's doing (the store raises TimeoutError; an error raised elsewhere in the request
as the query stopped is taken for the same)."""
    deadline = request.scope.get(DEADLINE)
    if deadline is not None and time.monotonic() >= deadline and not isinstance(exc, StarletteHTTPException):
        exc = RequestTimedOut(TIMED_OUT)
    status, message, detail = describe(exc)
    if status >= 500 and status != 503:
        log.error("unhandled error on %s", request.url.path, exc_info=exc)
    return problem_response(request, status, message, detail)


def describe(exc: Exception) -> tuple[int, str, Any]:
    if isinstance(exc, StarletteHTTPException):
        return exc.status_code, str(exc.detail), None
    if isinstance(exc, RequestValidationError):
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        return 422, "invalid request parameters", errors
    if isinstance(exc, PodiumError):
        return STATUS_BY_CODE.get(exc.code, 500), exc.message, {"code": exc.code}
    if isinstance(exc, TimeoutError):  # RequestTimedOut, or a store's query stopped at its deadline
        return 503, TIMED_OUT, None
    return 500, "internal server error", None
