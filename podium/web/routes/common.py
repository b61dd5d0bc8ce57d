"""What pages and the API share: query parameters, pagination, `.json` twins, CSV responses."""

from __future__ import annotations

import csv
import inspect
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, get_args

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response, StreamingResponse

from podium.model import CommitmentStatus, Role, Verdict
from podium.store import queries
from podium.store.queries import FIGURE_FILTERS
from podium.web.render import local_request_url, templates

BRIEFING_SORTS: tuple[str, ...] = tuple(queries.BRIEFING_SORTS)
ROLES: tuple[str, ...] = get_args(Role)
VERDICTS: tuple[str, ...] = get_args(Verdict)
STATUSES: tuple[str, ...] = get_args(CommitmentStatus)
MAX_LIMIT = 1000


# --- parameters -------------------------------------------------------------------------------


def blank_to_none(value: str | None) -> str | None:
    """HTML forms send empty fields as `name=`; an empty filter means no filter."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def one_of(value: str | None, allowed: Sequence[str], name: str) -> str | None:
    value = blank_to_none(value)
    if value is not None and value not in allowed:
        raise HTTPException(422, f"{name} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def figure_filters(**values: str | None) -> dict[str, str]:
    """The figure filters of `podium figures` (the store's FIGURE_FILTERS), dropping the empty ones."""
    filters = {
        f.field: one_of(values.get(f.field), f.choices, f.field) if f.choices else blank_to_none(values.get(f.field))
        for f in FIGURE_FILTERS
    }
    return {name: value for name, value in filters.items() if value is not None}


# FastAPI reads a dependency's parameters from its signature: one query parameter per filter.
figure_filters.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
    [
        inspect.Parameter(f.field, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[str | None, Query(description=f.help)])
        for f in FIGURE_FILTERS
    ]
)


@dataclass
class Paging:
    limit: int
    offset: int


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="rows per page")] = 50,
    offset: Annotated[int, Query(ge=0, description="rows to skip")] = 0,
) -> Paging:
    return Paging(limit=limit, offset=offset)


def ranked(corpus: Any, total: int) -> int:
    """How many of `total` matching turns the corpus's search ranks, and so pages reach."""
    depth = corpus.search_depth
    return total if depth is None else min(total, depth)


def page_links(request: Request, paging: Paging, *, shown: int, total: int | None) -> dict[str, Any]:
    """Totals and the URLs of the neighbouring pages, keeping every other parameter."""
    # Without a total, callers fetch one row more than the page holds: that row means "more".
    has_more = (paging.offset + shown < total) if total is not None else shown > paging.limit
    prev_offset = max(0, paging.offset - paging.limit)
    here = local_request_url(request)  # a path: links never echo the Host header
    return {
        "total": total,
        "limit": paging.limit,
        "offset": paging.offset,
        "next": str(here.include_query_params(offset=paging.offset + paging.limit)) if has_more else None,
        "prev": str(here.include_query_params(offset=prev_offset)) if paging.offset > 0 else None,
    }


# --- pages with twins -------------------------------------------------------------------------


def page(router: APIRouter, path: str, *, name: str, twins: Iterable[str] = (".json",), json_path: str | None = None) -> Callable:
    """Register a GET view at `path` and at each twin (`path.json`, `path.csv`).

    The twins go first so that `/briefings/{id}.json` is not swallowed by `/briefings/{id}`."""

    def register(view: Callable) -> Callable:
        for suffix in twins:
            twin_path = json_path if (json_path and suffix == ".json") else path + suffix
            router.add_api_route(twin_path, view, methods=["GET"], name=f"{name}_{suffix[1:]}", include_in_schema=False)
        router.add_api_route(path, view, methods=["GET"], name=name, include_in_schema=False)
        return view

    return register


def wants(request: Request, suffix: str) -> bool:
    return request.url.path.endswith(suffix)


def respond(request: Request, view: str, data: dict[str, Any], extra: dict[str, Any] | None = None) -> Response:
    """The page's JSON twin gets `data`; the HTML page gets `data` and `extra`, rendered by the
    template named after the view."""
    if wants(request, ".json"):
        return json_response(data)
    return templates.TemplateResponse(request, f"{view}.html", {**data, **(extra or {}), "view": view})


def json_response(data: Any, *, headers: dict[str, str] | None = None, status_code: int = 200) -> Response:
    body = json.dumps(data, ensure_ascii=False, default=str, allow_nan=False)
    return Response(body, media_type="application/json", headers=headers, status_code=status_code)


def csv_response(rows: Iterable[dict[str, Any]], columns: Sequence[str], *, filename: str, headers: dict[str, str] | None = None) -> Response:
    disposition = {"Content-Disposition": f'attachment; filename="{filename}"'}
    body = "".join(csv_lines(rows, columns))
    return Response(body, media_type="text/csv; charset=utf-8", headers={**disposition, **(headers or {})})


def csv_stream(rows: Iterable[dict[str, Any]], columns: Sequence[str], *, filename: str) -> StreamingResponse:
    """A CSV of any length, written as the rows arrive (a sync iterable runs in a worker thread)."""
    disposition = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return StreamingResponse(csv_lines(rows, columns), media_type="text/csv; charset=utf-8", headers=disposition)


def csv_lines(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> Iterator[str]:
    """The header, then one line per row (a line may hold newlines inside quotes)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: csv_cell(row.get(key)) for key in columns})
        if buffer.tell() > 64 * 1024:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP's list); a leading
# apostrophe makes it text. Numbers are written as numbers and never need it.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
