"""The REST API under /api/v1: lists are JSON arrays (CSV with `?format=csv`); the total and the
next page travel in headers (`X-Total-Count`, `Link`), as GitHub's API does, so a body is always
just the records."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from podium.checks.corpus import resolved_commitments
from podium.store import Corpus
from podium.store.queries import BRIEFING_COLUMNS, COMMITMENT_COLUMNS, FIGURE_COLUMNS, FINDING_COLUMNS
from podium.web.routes.common import (
    BRIEFING_SORTS,
    STATUSES,
    VERDICTS,
    Paging,
    blank_to_none,
    csv_response,
    figure_filters,
    json_response,
    one_of,
    page_links,
    paging,
    ranked,
)
from podium.web.render import local_url, snippet_markup, snippet_text
from podium.web.hits import HIT_COLUMNS, located_hits
from podium.web.problems import PROBLEM_RESPONSES
from podium.web.routes.pages import count_briefings, read_upload_form, run_search, search_params, store_upload
from podium.web.schemas import (
    UPLOAD_BODY,
    Alignment,
    BriefingModel,
    BriefingRow,
    CommitmentRow,
    FigureRow,
    FindingRow,
    SearchHit,
    Subject,
    Upload,
    listing_responses,
)
from podium.web.store import checked_id, read_corpus

router = APIRouter(prefix="/api/v1", tags=["api"], responses=PROBLEM_RESPONSES)
ReadCorpus = Annotated[Corpus, Depends(read_corpus)]
OutputFormat = Annotated[
    Literal["json", "csv"] | None,
    Query(alias="format", description="json (the default) or csv; without it, an Accept: text/csv header asks for CSV"),
]


def listing(
    request: Request,
    rows: Sequence[dict[str, Any]],
    *,
    columns: Sequence[str],
    name: str,
    fmt: str | None,
    page_: Paging,
    total: int | None,
    shown: int | None = None,
) -> Response:
    """Rows as JSON or CSV, with pagination in the headers."""
    links = page_links(request, page_, shown=len(rows) if shown is None else shown, total=total)
    headers = {"X-Limit": str(page_.limit), "X-Offset": str(page_.offset)}
    if total is not None:
        headers["X-Total-Count"] = str(total)
    link = ", ".join(f'<{links[rel]}>; rel="{rel}"' for rel in ("next", "prev") if links[rel])
    if link:
        headers["Link"] = link
    if fmt == "csv" or (fmt is None and prefers_csv(request)):
        return csv_response(rows, columns, filename=f"{name}.csv", headers=headers)
    return json_response(list(rows), headers=headers)


def prefers_csv(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "text/csv" in accept and "application/json" not in accept


@router.get("/briefings", summary="List briefings", responses=listing_responses(BriefingRow))
def list_briefings(
    request: Request,
    corpus: ReadCorpus,
    page_: Annotated[Paging, Depends(paging)],
    fmt: OutputFormat = None,
    q: Annotated[str | None, Query(description="words in the title, source or organisation")] = None,
    sort: Annotated[str, Query(description="date, title, source, series, series_number, organisation, n_turns, n_exchanges or n_figures")] = "date",
    desc: bool = True,
) -> Response:
    """Every briefing, one object each with its `id`; the total is in `X-Total-Count`."""
    sort = one_of(sort, BRIEFING_SORTS, "sort") or "date"
    q = blank_to_none(q)
    rows = corpus.briefings(q=q, sort=sort, desc=desc, limit=page_.limit, offset=page_.offset)
    return listing(request, rows, columns=BRIEFING_COLUMNS, name="briefings", fmt=fmt, page_=page_, total=count_briefings(corpus, q))


@router.get("/briefings/{briefing_id}", summary="One briefing, the full model", responses={200: {"model": BriefingModel}})
def get_briefing(briefing_id: str, corpus: ReadCorpus) -> Response:
    """The whole Briefing: text, participants, turns, exchanges, quantities, findings, commitments."""
    ident = checked_id(briefing_id)
    found = corpus.briefing(ident)
    if found is None:
        raise HTTPException(404, f"no briefing {briefing_id!r}")
    return json_response({"id": ident, **found.to_dict()})


@router.get("/briefings/{briefing_id}/alignment", summary="Figures aligned with the briefing's translation", responses={200: {"model": Alignment}})
def get_alignment(briefing_id: str, corpus: ReadCorpus) -> Response:
    """Every figure of the briefing paired with its translation's (the briefing of the same date
    and series in another language, or the other language of a page that interleaves two): the
    lines of `podium align`, with the id of the translation (null, and no lines, where the corpus holds none)."""
    from podium.align import alignment_in

    ident = checked_id(briefing_id)
    found = corpus.briefing(ident)
    if found is None:
        raise HTTPException(404, f"no briefing {briefing_id!r}")
    aligned = alignment_in(corpus, ident, found)
    return json_response(aligned)


@router.post(
    "/briefings",
    summary="Upload a transcript",
    status_code=201,
    responses={201: {"model": Upload, "description": "stored"}, 200: {"model": Upload, "description": "the same content was stored already"}},
    openapi_extra=UPLOAD_BODY,
)
async def upload_briefing(request: Request) -> Response:
    """Ingest one transcript sent as multipart field `file` (text, HTML, Markdown, PDF or DOCX, at
    most 20 MB), or the page at the address in field `url` (fetched now, or taken from the local
    cache). 201 when it is new, 200 when the same content was stored already."""
    briefing_id, status = await store_upload(request, await read_upload_form(request))
    url = str(local_url(request, "get_briefing", briefing_id=briefing_id))
    code = 200 if status == "unchanged" else 201
    return json_response({"id": briefing_id, "url": url, "status": status}, headers={"Location": url}, status_code=code)


@router.get("/figures", summary="Figures across the corpus", responses=listing_responses(FigureRow))
def list_figures(
    request: Request,
    corpus: ReadCorpus,
    filters: Annotated[dict[str, str], Depends(figure_filters)],
    page_: Annotated[Paging, Depends(paging)],
    fmt: OutputFormat = None,
) -> Response:
    """Figures filtered as `podium figures` filters them; the total is in `X-Total-Count`."""
    rows = corpus.figures(**filters, limit=page_.limit, offset=page_.offset)
    total = corpus.count_figures(**filters)
    return listing(request, rows, columns=FIGURE_COLUMNS, name="figures", fmt=fmt, page_=page_, total=total)


@router.get("/figures/{figure_id}", summary="One figure by its id", responses={200: {"model": FigureRow}})
def get_figure(figure_id: str, corpus: ReadCorpus) -> Response:
    """The figure with this id, as `/figures` lists it; the id stays the same when the same text is ingested again."""
    found = corpus.figure(checked_id(figure_id, what="figure"))
    if found is None:
        raise HTTPException(404, f"no figure {figure_id!r}")
    return json_response(found)


@router.get("/findings", summary="Findings of the checks across the corpus", responses=listing_responses(FindingRow))
def list_findings(
    request: Request,
    corpus: ReadCorpus,
    page_: Annotated[Paging, Depends(paging)],
    fmt: OutputFormat = None,
    briefing: Annotated[str | None, Query(description="a briefing id (or the start of one)")] = None,
    check: Annotated[str | None, Query(description="the check's name, e.g. conversion, repeated figure")] = None,
    verdict: Annotated[str | None, Query(description="consistent, inconsistent or implausible")] = None,
) -> Response:
    """Stored findings, each with its briefing and the quantities (spans) it rests on; the total is in `X-Total-Count`."""
    filters = {"briefing": blank_to_none(briefing), "check": blank_to_none(check), "verdict": one_of(verdict, VERDICTS, "verdict")}
    rows = corpus.findings(**filters, limit=page_.limit, offset=page_.offset)
    total = corpus.count_findings(**filters)
    return listing(request, rows, columns=FINDING_COLUMNS, name="findings", fmt=fmt, page_=page_, total=total)


@router.get("/findings/{finding_id}", summary="One finding by its id", responses={200: {"model": FindingRow}})
def get_finding(finding_id: str, corpus: ReadCorpus) -> Response:
    """The finding with this id, as `/findings` lists it."""
    found = corpus.findings(ident=checked_id(finding_id, what="finding"))
    if not found:
        raise HTTPException(404, f"no finding {finding_id!r}")
    return json_response(found[0])


@router.get("/commitments", summary="Commitments, settled against later briefings", responses=listing_responses(CommitmentRow))
def list_commitments(
    request: Request,
    corpus: ReadCorpus,
    page_: Annotated[Paging, Depends(paging)],
    fmt: OutputFormat = None,
    briefing: Annotated[str | None, Query(description="a briefing id (or the start of one)")] = None,
    status: Annotated[str | None, Query(description="met, missed or open, as resolved against later briefings")] = None,
    speaker: Annotated[str | None, Query(description="who made it (part of the name)")] = None,
) -> Response:
    """Targets, forecasts and dated undertakings, each `met`, `missed` or `open` as `podium commitments` resolves them."""
    rows = commitment_rows(corpus, briefing=briefing, status=status, speaker=speaker)
    shown = rows[page_.offset : page_.offset + page_.limit]
    return listing(request, shown, columns=COMMITMENT_COLUMNS, name="commitments", fmt=fmt, page_=page_, total=len(rows))


@router.get("/commitments/{commitment_id}", summary="One commitment by its id", responses={200: {"model": CommitmentRow}})
def get_commitment(commitment_id: str, corpus: ReadCorpus) -> Response:
    """The commitment with this id, settled against later briefings as `/commitments` lists it."""
    found = resolved_commitments(corpus, ident=checked_id(commitment_id, what="commitment"))
    if not found:
        raise HTTPException(404, f"no commitment {commitment_id!r}")
    return json_response(found[0])


def commitment_rows(corpus: Corpus, *, briefing: str | None, status: str | None, speaker: str | None) -> list[dict[str, Any]]:
    """Every commitment the filters select, resolved: the status is known only after resolving, so
    the page is cut from the resolved list rather than in SQL."""
    return resolved_commitments(
        corpus, briefing=blank_to_none(briefing), speaker=blank_to_none(speaker), status=one_of(status, STATUSES, "status")
    )


@router.get("/search", summary="Full-text search over turns", responses=listing_responses(SearchHit))
def search_turns(
    request: Request,
    corpus: ReadCorpus,
    q: Annotated[str, Query(min_length=1, description="words to find")],
    page_: Annotated[Paging, Depends(paging)],
    fmt: OutputFormat = None,
    speaker: str | None = None,
    role: str | None = None,
    since: Annotated[str | None, Query(description="earliest briefing date, YYYY-MM-DD (or YYYY-MM, YYYY)")] = None,
    until: Annotated[str | None, Query(description="latest briefing date, YYYY-MM-DD (or YYYY-MM, YYYY)")] = None,
    briefing: Annotated[str | None, Query(description="a briefing id")] = None,
) -> Response:
    """Matching turns with a plain `snippet`, an HTML-escaped `snippet_html` marking the hits, `at`
    (the offset of the first match) and `url` (the briefing page at that sentence). `X-Match-Count`
    counts every matching turn; `X-Total-Count`, the ones ranked and paged through: when more than
    1,000 turns match, a SQLite corpus ranks the newest 1,000 (the last stored)."""
    params = search_params(speaker=speaker, role=role, since=since, until=until, briefing=briefing)
    hits = located_hits(request, corpus, run_search(corpus, q, params, page_), q)
    rows = [{**hit, "snippet": snippet_text(hit["snippet"]), "snippet_html": str(snippet_markup(hit["snippet"]))} for hit in hits]
    matches = corpus.count_search(q, **params)
    response = listing(request, rows, columns=HIT_COLUMNS, name="search", fmt=fmt, page_=page_, total=ranked(corpus, matches))
    response.headers["X-Match-Count"] = str(matches)
    return response


@router.get("/subjects", summary="Subjects with figures, for suggestions", responses=listing_responses(Subject))
def list_subjects(
    request: Request,
    corpus: ReadCorpus,
    page_: Annotated[Paging, Depends(paging)],
    fmt: OutputFormat = None,
    prefix: Annotated[str, Query(description="the start of the subject")] = "",
) -> Response:
    """Subjects starting with `prefix`, most figures first; the total is in `X-Total-Count`."""
    everything = corpus.subjects(prefix=prefix, limit=-1)  # one grouped scan; SQLite takes -1 as no limit
    rows = [{"subject": s, "count": n} for s, n in everything[page_.offset : page_.offset + page_.limit]]
    return listing(request, rows, columns=("subject", "count"), name="subjects", fmt=fmt, page_=page_, total=len(everything))
