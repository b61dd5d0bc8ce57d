"""Time limits: no request may hold the server. Each request gets a deadline; database work past it
is interrupted by the store's engine (SQLite's or DuckDB's own interrupt, `StoredRows.deadline`),
and the request is answered 503 in the error shape. Parsing an upload, which no engine can
interrupt, runs in a thread that is abandoned at the deadline and counted by a limiter, so
abandoned parses cannot pile up."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TypeVar

import anyio
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from podium.store.corpus import StoredRows
from podium.web.problems import DEADLINE, TIMED_OUT, RequestTimedOut, send_problem

READ_TIME_LIMIT = 30.0
WRITE_TIME_LIMIT = 120.0  # an upload of 20 MB takes its time to parse
PARSE_LIMITER = anyio.CapacityLimiter(2)  # parses at once, abandoned ones included: readers keep a core
T = TypeVar("T")


@dataclass
class TimeLimit:
    """Answers 503 to a request that has not started its response by its deadline, cancelling the
    work behind it. Once a response has started (a long CSV streaming out) it may finish."""

    app: ASGIApp
    read_limit: float = READ_TIME_LIMIT
    write_limit: float = WRITE_TIME_LIMIT

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.read_limit if scope["method"] in ("GET", "HEAD") else self.write_limit
        scope[DEADLINE] = time.monotonic() + limit
        started = False
        try:
            async with asyncio.timeout(limit) as timer:

                async def send_and_disarm(message: Message) -> None:
                    nonlocal started
                    if message["type"] == "http.response.start":
                        started = True
                        timer.reschedule(None)
                    await send(message)

                await self.app(scope, receive, send_and_disarm)
        except TimeoutError:
            if not started:
                await send_problem(scope, send, 503, TIMED_OUT)


def deadline_of(request: Request) -> float | None:
    return request.scope.get(DEADLINE)


def interrupt_at(store: StoredRows, deadline: float | None) -> AbstractContextManager[None]:
    """The store's queries in the block abandoned at `deadline` (time.monotonic()): a SQLite
    file and a dataset alike, each by its engine's own interrupt."""
    return store.deadline(None if deadline is None else deadline - time.monotonic())


async def run_abandonable(request: Request, func: Callable[..., T], *args: object) -> T:
    """`func(*args)` in a worker thread that the request stops waiting for at its deadline."""
    deadline = deadline_of(request)
    remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
    try:
        with anyio.fail_after(remaining):
            return await anyio.to_thread.run_sync(func, *args, abandon_on_cancel=True, limiter=PARSE_LIMITER)
    except TimeoutError as exc:
        raise RequestTimedOut(TIMED_OUT) from exc
