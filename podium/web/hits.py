"""Where a search hit is: the offset of its first matched word in the briefing text (from the
store's snippet and the turn it came from), and the sentence around an offset, so that a hit links
to the very sentence it was found in."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request

from podium.model import Briefing
from podium.quantities.context import build_layout
from podium.store import Corpus
from podium.store.queries import SEARCH_COLUMNS
from podium.web.render import HIT_CLOSE, HIT_OPEN, local_url

ELLIPSIS = "…"
# A located hit's columns, for CSV as for JSON: the store's, then where the hit is and its link.
HIT_COLUMNS: tuple[str, ...] = (*SEARCH_COLUMNS, "at", "url")


def hit_offset(snippet: str, body: tuple[int, str] | None) -> int | None:
    """The offset in the briefing text of the snippet's first marked word. The snippet is cut from
    the turn's text as it stands, so the words before the mark place it exactly."""
    if body is None or HIT_OPEN not in snippet:
        return None
    body_start, text = body
    before, rest = snippet.split(HIT_OPEN, 1)
    word = rest.split(HIT_CLOSE, 1)[0]
    before = before.replace(HIT_CLOSE, "").lstrip(ELLIPSIS)
    found = text.find(before + word)
    if found >= 0:
        return body_start + found + len(before)
    found = text.lower().find(word.lower())  # a snippet respaced for CJK: the word alone
    return body_start + found if found >= 0 else None


def located_hits(request: Request, corpus: Corpus, hits: list[dict[str, Any]], query: str) -> list[dict[str, Any]]:
    """Each hit with `at` (its first matched word's offset) and `url` (the briefing page at that
    sentence, asked to highlight the query's words)."""
    located = []
    for hit in hits:
        at = hit_offset(hit["snippet"], corpus.turn_body(hit["briefing_id"], hit["turn"]))
        page = local_url(request, "briefing", briefing_id=hit["briefing_id"])
        url = f"{page.include_query_params(at=at, hl=query)}#hit" if at is not None else f"{page}#t-{hit['turn']}"
        located.append({**hit, "at": at, "url": url})
    return located


def sentence_around(briefing: Briefing, offset: int) -> tuple[int, int] | None:
    """The sentence holding `offset`, kept inside its turn's body; None when the offset is outside
    the text."""
    if not 0 <= offset < len(briefing.text):
        return None
    start, end = build_layout(briefing)[0].sentence(offset)
    turn = briefing.turn_at(offset)
    if turn is not None:
        start, end = max(start, turn.body_start), min(end, turn.end)
    return start, end
