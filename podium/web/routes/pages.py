"""The pages: Library, Briefing, Figures, Commitments, Search, Indicator, Add. Each view is one function that
serves its HTML page and its `.json` twin (and, for figures, a `.csv` of exactly what is shown).

Views that read the store are plain `def`s, so FastAPI runs their SQLite calls in a worker thread."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from podium.checks.corpus import resolved_commitments
from podium.errors import PodiumError
from podium.model import Briefing
from podium.quantities.series import indicator_of, series_of, synonyms
from podium.store import Corpus
from podium.store.corpus import Status
from podium.store.queries import DIRECTIONS, FIGURE_COLUMNS, KINDS, MODALITIES
from podium.web.guard import CSRF_COOKIE, CSRF_FIELD, csrf_cookie, form_token, token_is_valid
from podium.web.ingest import ACCEPTED_SUFFIXES, MAX_UPLOAD_BYTES, MULTIPART_ENVELOPE_BYTES, parse_upload, parse_url, store_briefing, upload_name
from podium.web.hits import located_hits, sentence_around
from podium.web.limits import run_abandonable
from podium.web.render import NARROW_CHART_WIDTH, build_charts, local_url, non_overlapping, snippet_text, transcript_blocks
from podium.web.routes.common import (
    BRIEFING_SORTS,
    ROLES,
    STATUSES,
    Paging,
    blank_to_none,
    csv_stream,
    figure_filters,
    json_response,
    one_of,
    page,
    page_links,
    paging,
    ranked,
    respond,
    wants,
)
from podium.web.routes.params import checked_date
from podium.web.store import READ_ONLY_DATASET, checked_id, is_read_only_dataset, open_read, read_corpus

router = APIRouter()
ReadCorpus = Annotated[Corpus, Depends(read_corpus)]
INDICATOR_POINTS = 2000  # more points than this make an unreadable chart and a slow page


@page(router, "/", name="library", json_path="/index.json")
def library(
    request: Request,
    corpus: ReadCorpus,
    page_: Annotated[Paging, Depends(paging)],
    q: Annotated[str | None, Query(description="words in the title, source or organisation")] = None,
    sort: Annotated[str, Query(description="column to sort by")] = "date",
    desc: Annotated[bool, Query(description="newest or largest first")] = True,
) -> Response:
    """Every briefing in the corpus, sortable and filterable."""
    sort = one_of(sort, BRIEFING_SORTS, "sort") or "date"
    q = blank_to_none(q)
    rows = corpus.briefings(q=q, sort=sort, desc=desc, limit=page_.limit, offset=page_.offset)
    total = count_briefings(corpus, q)
    data = {"q": q, "sort": sort, "desc": desc, "briefings": rows, **page_links(request, page_, shown=len(rows), total=total)}
    return respond(request, "library", data, {"sorts": BRIEFING_SORTS})


def count_briefings(corpus: Corpus, q: str | None) -> int:
    """How many briefings match, counted by the store without fetching them."""
    return corpus.count_briefings(q=q)


@page(router, "/briefings/{briefing_id}", name="briefing")
def briefing(
    request: Request,
    briefing_id: str,
    corpus: ReadCorpus,
    kind: Annotated[str | None, Query(description="mark only figures of this kind")] = None,
    modality: Annotated[str | None, Query(description="mark only figures of this modality")] = None,
    at: Annotated[int | None, Query(ge=0, description="an offset in the text: its sentence is marked as #hit")] = None,
    hl: Annotated[str | None, Query(description="words the page highlights in that sentence's turn")] = None,
) -> Response:
    """One briefing: header, participants, exchanges, the transcript with every figure marked."""
    ident = checked_id(briefing_id)
    found = corpus.briefing(ident)
    if found is None:
        raise HTTPException(404, f"no briefing {briefing_id!r}")
    kind, modality = one_of(kind, KINDS, "kind"), one_of(modality, MODALITIES, "modality")
    if wants(request, ".json"):
        return json_response({"id": ident, **found.to_dict()})
    sentence = sentence_around(found, at) if at is not None else None
    anchors = {sentence[0]: "hit", sentence[1] - 1: "hit-end"} if sentence else None
    extra = {
        "id": ident,
        "briefing": found,
        "kind": kind,
        "modality": modality,
        "blocks": transcript_blocks(found, kind=kind, modality=modality, anchors=anchors),
        "kind_counts": Counter(q.kind for q in found.quantities),
        "modality_counts": Counter(q.modality for q in found.quantities),
        "exchanges": exchange_views(found),
        "commitment_anchors": commitment_anchors(found),
        "kinds": KINDS,
        "modalities": MODALITIES,
    }
    return respond(request, "briefing", {}, extra)


@page(router, "/briefings/{briefing_id}/alignment", name="alignment")
def alignment(request: Request, briefing_id: str, corpus: ReadCorpus) -> Response:
    """The briefing's figures beside its translation's: pairs linked to where each is said, changes marked."""
    from podium.align import alignment_in

    ident = checked_id(briefing_id)
    found = corpus.briefing(ident)
    if found is None:
        raise HTTPException(404, f"no briefing {briefing_id!r}")
    aligned = alignment_in(corpus, ident, found)
    return respond(request, "alignment", aligned, {"briefing": found})


def exchange_views(briefing: Briefing) -> list[dict[str, Any]]:
    """Each exchange with the anchor of its first turn and a short preview of the question."""
    turns = {turn.id: turn for turn in briefing.turns}
    views = []
    for exchange in briefing.exchanges:
        first = next((turns[t] for t in exchange.question_turns if t in turns), None)
        preview = " ".join(first.text.split()[:14]) if first else ""
        views.append(
            {
                "id": exchange.id,
                "anchor": f"t-{first.id}" if first else None,
                "asked_by": exchange.asked_by,
                "answered_by": exchange.answered_by,
                "preview": preview,
            }
        )
    return views


def commitment_anchors(briefing: Briefing) -> list[str]:
    """Where each commitment's link lands: its figure when one is marked there, else its turn."""
    marked = {qty.start for qty in non_overlapping(briefing.quantities)}
    anchors = []
    for commitment in briefing.commitments:
        turn = briefing.turn_at(commitment.start)
        if commitment.start in marked:
            anchors.append(f"q-{commitment.start}")
        else:
            anchors.append(f"t-{turn.id}" if turn else "transcript")
    return anchors


@page(router, "/figures", name="figures", twins=(".json", ".csv"))
def figures(
    request: Request,
    corpus: ReadCorpus,
    filters: Annotated[dict[str, str], Depends(figure_filters)],
    page_: Annotated[Paging, Depends(paging)],
) -> Response:
    """Every figure across the corpus, filtered; the CSV twin holds every figure the filters
    select, not just the page shown."""
    if wants(request, ".csv"):
        return csv_stream(every_figure(request.app.state.db, filters), FIGURE_COLUMNS, filename="figures.csv")
    rows = corpus.figures(**filters, limit=page_.limit, offset=page_.offset)
    total = corpus.count_figures(**filters)
    data = {"filters": filters, "figures": rows, **page_links(request, page_, shown=len(rows), total=total)}
    csv_url = local_url(request, "figures_csv").include_query_params(**filters)
    return respond(request, "figures", data, {"csv_url": str(csv_url), "kinds": KINDS, "modalities": MODALITIES, "directions": DIRECTIONS})


def every_figure(db: Path, filters: dict[str, str], *, batch: int = 2000) -> Iterator[dict[str, Any]]:
    """The filtered figures a batch at a time, from a connection of the stream's own (the
    request's is closed by the time a streamed body is written)."""
    with open_read(db) as corpus:
        offset = 0
        while rows := corpus.figures(**filters, limit=batch, offset=offset):
            yield from rows
            offset += len(rows)


@page(router, "/commitments", name="commitments")
def commitments(
    request: Request,
    corpus: ReadCorpus,
    page_: Annotated[Paging, Depends(paging)],
    status: Annotated[str | None, Query(description="met, missed or open, as resolved against later briefings")] = None,
    speaker: Annotated[str | None, Query(description="who made it (part of the name)")] = None,
    briefing: Annotated[str | None, Query(description="a briefing id")] = None,
) -> Response:
    """Every commitment across the corpus, settled against later briefings, each linked to its sentence."""
    filters = {"status": one_of(status, STATUSES, "status"), "speaker": blank_to_none(speaker), "briefing": blank_to_none(briefing)}
    rows = resolved_commitments(corpus, **filters)
    shown = rows[page_.offset : page_.offset + page_.limit]
    if not wants(request, ".json"):
        shown = [{**row, "href": href} for row, href in zip(shown, commitment_links(request, corpus, shown))]
    data = {"filters": {k: v for k, v in filters.items() if v}, "commitments": shown, **page_links(request, page_, shown=len(shown), total=len(rows))}
    return respond(request, "commitments", data, {"statuses": STATUSES})


def commitment_links(request: Request, corpus: Corpus, rows: list[dict[str, Any]]) -> list[str]:
    """Each row's link to its sentence, landing where the briefing page's own commitment link does
    (each briefing on the page read once)."""
    anchors: dict[str, dict[str, str]] = {}
    links = []
    for row in rows:
        ident = row["briefing_id"]
        if ident not in anchors:
            found = corpus.briefing(ident)
            anchors[ident] = dict(zip((c.id for c in found.commitments), commitment_anchors(found))) if found else {}
        url = request.url_for("briefing", briefing_id=ident).path
        anchor = anchors[ident].get(row["id"])
        links.append(f"{url}#{anchor}" if anchor else url)
    return links


@page(router, "/search", name="search")
def search(
    request: Request,
    corpus: ReadCorpus,
    page_: Annotated[Paging, Depends(paging)],
    q: Annotated[str | None, Query(description="words to find in what was said")] = None,
    speaker: Annotated[str | None, Query()] = None,
    role: Annotated[str | None, Query()] = None,
    since: Annotated[str | None, Query(description="earliest briefing date, YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="latest briefing date, YYYY-MM-DD")] = None,
    briefing: Annotated[str | None, Query(description="a briefing id")] = None,
) -> Response:
    """Full-text search over every turn, with snippets and filters; each hit links to its sentence."""
    params = search_params(speaker=speaker, role=role, since=since, until=until, briefing=briefing)
    q = blank_to_none(q)
    hits = located_hits(request, corpus, run_search(corpus, q, params, page_), q) if q else []
    matches = corpus.count_search(q, **params) if q else None
    data = {
        "q": q,
        "filters": {k: v for k, v in params.items() if v},
        "hits": [{**hit, "snippet": snippet_text(hit["snippet"])} for hit in hits],
        "matches": matches,  # every matching turn; `total`, the ones ranked and paged through
        **page_links(request, page_, shown=len(hits), total=None if matches is None else ranked(corpus, matches)),
    }
    return respond(request, "search", data, {"marked_hits": hits, "roles": ROLES})


def search_params(*, speaker: str | None, role: str | None, since: str | None, until: str | None, briefing: str | None) -> dict[str, str | None]:
    """The search filters of the page and the API, checked."""
    return {
        "speaker": blank_to_none(speaker),
        "role": one_of(role, ROLES, "role"),
        "since": checked_date(since, "since"),
        "until": checked_date(until, "until"),
        "briefing": blank_to_none(briefing),
    }


def run_search(corpus: Corpus, q: str | None, params: dict[str, str | None], page_: Paging) -> list[dict[str, Any]]:
    if not q:
        return []
    return corpus.search(q, **params, limit=page_.limit, offset=page_.offset)


def indicator_figures(corpus: Corpus, subject: str) -> list[dict[str, Any]]:
    """The figures whose subject holds `subject` or, when it names an indicator of the synonym
    table, any of that indicator's phrases ("jobless rate" finds "unemployment rate" too)."""
    phrases = [subject, *(phrase for phrase, name in synonyms().phrases if name == indicator_of(subject))]
    seen: dict[tuple[str, int], dict[str, Any]] = {}
    for phrase in dict.fromkeys(p.lower() for p in phrases):
        for row in corpus.figures(subject=phrase, limit=INDICATOR_POINTS):
            seen.setdefault((row["briefing_id"], row["start"]), row)
    return list(seen.values())[:INDICATOR_POINTS]


@page(router, "/indicator", name="indicator")
def indicator(
    request: Request,
    corpus: ReadCorpus,
    subject: Annotated[str | None, Query(description="the subject to chart, e.g. GDP")] = None,
) -> Response:
    """One subject's values over periods, across briefings, as a chart and a table."""
    subject = blank_to_none(subject)
    suggestions = [{"subject": s, "count": n} for s, n in corpus.subjects(prefix=subject or "", limit=20)]
    rows = indicator_figures(corpus, subject) if subject else []
    rows = sorted(rows, key=lambda r: (r.get("period") or "", r.get("briefing_date") or ""))

    def href(row: dict[str, Any]) -> str:
        url = request.url_for("briefing", briefing_id=row["briefing_id"])
        return f"{url.path}#q-{row['start']}"

    for row in rows:
        row["href"] = href(row)
    data = {"subject": subject, "suggestions": suggestions, "series": series_of(rows), "figures": rows}
    # The same charts drawn twice, for wide screens and phones: a phone gets fewer, larger labels
    # rather than the wide chart scaled down until they cannot be read.
    wide, narrow = build_charts(rows, href=href), build_charts(rows, href=href, width=NARROW_CHART_WIDTH)
    charts = [{"wide": w, "narrow": n} for w, n in zip(wide, narrow)]
    return respond(request, "indicator", data, {"charts": charts})


@page(router, "/add", name="add")
def add(request: Request) -> Response:
    """The upload form (its twin states the limits); a dataset takes no uploads."""
    refuse_on_dataset(request)
    data = {"max_bytes": MAX_UPLOAD_BYTES, "accepted": list(ACCEPTED_SUFFIXES)}
    if wants(request, ".json"):
        return respond(request, "add", data)
    cookie, is_new = csrf_cookie(request)
    response = respond(request, "add", data, {"csrf_field": CSRF_FIELD, "csrf_token": form_token(request.app.state.csrf_secret, cookie)})
    if is_new:
        response.set_cookie(CSRF_COOKIE, cookie, httponly=True, samesite="strict", path="/")
    return response


@router.post("/add", name="add_upload", include_in_schema=False)
async def add_upload(request: Request) -> Response:
    """Ingest the uploaded transcript and show it."""
    form = await read_upload_form(request)
    if not token_is_valid(request, form.get(CSRF_FIELD)):
        raise HTTPException(403, "the form's token is missing or stale: reload the Add page and upload again")
    briefing_id, _status = await store_upload(request, form)
    return RedirectResponse(str(local_url(request, "briefing", briefing_id=briefing_id)), status_code=303)


async def read_upload_form(request: Request) -> FormData:
    """The multipart form of an upload, refused early when its declared size is over the limit
    or the corpus is a dataset."""
    refuse_on_dataset(request)
    declared = int(request.headers.get("content-length") or 0)
    if declared > MAX_UPLOAD_BYTES + MULTIPART_ENVELOPE_BYTES:
        raise PodiumError("E004", f"{declared:,} bytes, over the {MAX_UPLOAD_BYTES:,}-byte upload limit", "upload")
    return await request.form(max_files=1, max_fields=4)


def refuse_on_dataset(request: Request) -> None:
    """409: a dataset is written by podium ingest --dataset only, never by the app."""
    if is_read_only_dataset(request):
        raise HTTPException(409, READ_ONLY_DATASET)


async def store_upload(request: Request, form: FormData) -> tuple[str, Status]:
    """Read the form's one file of at most 20 MB, then parse it and store it, both off the event
    loop (the parse given up at the request's deadline); the id and whether it was new."""
    upload = form.get("file")
    url = form.get("url")
    if isinstance(url, str) and url.strip() and (upload is None or isinstance(upload, str) or not upload.filename):
        # Fetched only because the user asked, and given up at the deadline like a parse.
        briefing = await run_abandonable(request, parse_url, url.strip())
    elif upload is None or isinstance(upload, str):
        raise HTTPException(422, "choose a transcript file to upload (form field 'file') or give its address (field 'url')")
    else:
        raw = await upload.read(MAX_UPLOAD_BYTES + 1)
        briefing = await run_abandonable(request, parse_upload, raw, upload_name(upload.filename), upload.content_type)
    # Storing is one short transaction and is never abandoned half-way.
    return await run_in_threadpool(store_briefing, briefing, request.app.state.db)
