"""What the API answers, as models for its OpenAPI document. The routes write JSON themselves
(rows straight from the store); these models say what that JSON is, and a test checks every
answer against the document built from them."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from podium.model import Direction


class Record(BaseModel):
    # A client must not break when a column is added: say so in the schema.
    model_config = ConfigDict(extra="allow")


class BriefingRow(Record):
    id: str = Field(description="16 hex digits of the content hash; the briefing's address")
    source: str = Field(description="where the transcript was read from, as given at ingest")
    title: str | None
    date: str | None = Field(description="YYYY-MM-DD when known")
    series: str | None
    series_number: int | None
    organisation: str | None
    n_turns: int
    n_exchanges: int
    n_figures: int


class SpanRef(Record):
    start: int
    end: int
    text: str


class FigureRow(Record):
    id: str = Field(description="16 hex digits, stable when the same text is ingested again (from the briefing's id and the item's span)")
    briefing_id: str
    briefing_date: str | None
    briefing_title: str | None
    turn: int | None = Field(description="the id of the turn the figure was said in")
    speaker: str | None
    text: str = Field(description="the figure as said: briefing text[start:end]")
    start: int
    end: int
    value: float | None
    value_max: float | None
    unit: str | None
    qualifier: str | None
    kind: str | None
    subject: str | None
    period: str | None
    modality: str | None
    normalized_value: float | None
    normalized_unit: str | None
    place: str = Field("", description="the country, province, city or state the figure is about")
    place_source: str = Field("", description="what showed the place: sentence, speaker or header")
    entity: str = Field("", description="the organisation whose figure it is, where one is named")
    direction: Direction | None = Field(None, description='which way a growth or change went, "up" or "down" (the value stays unsigned as stated); null for other kinds')


class FindingRow(Record):
    id: str = Field(description="16 hex digits, stable when the same text is ingested again (from the briefing's id and the check and the spans it rests on)")
    briefing_id: str
    briefing_date: str | None
    briefing_title: str | None
    check: str
    verdict: str
    explanation: str
    tolerance: float | None
    quantities: list[SpanRef]


class CommitmentRow(Record):
    id: str = Field(description="16 hex digits, stable when the same text is ingested again (from the briefing's id and the item's span)")
    briefing_id: str
    briefing_date: str | None
    briefing_title: str | None
    deadline: str | None
    status: str = Field(description="met, missed, open or overdue (deadline passed with no figure), settled against later briefings")
    subject: str | None
    value: float | None
    value_max: float | None
    unit: str | None
    qualifier: str | None
    modality: str | None
    speaker: str | None
    start: int
    end: int
    text: str
    place: str = Field("", description="where the promise is about")
    settled_by: str | None = Field(None, description="the later figure that settled it: text (subject, place, period)")


class SearchHit(Record):
    briefing_id: str
    briefing_title: str | None
    briefing_date: str | None
    turn: int = Field(description="the id of the turn that matched")
    speaker: str | None
    role: str
    start: int = Field(description="the turn's span in the briefing text")
    end: int
    at: int | None = Field(default=None, description="where the first matched word is, as an offset into the briefing text")
    snippet: str
    snippet_html: str = Field(description="the snippet, HTML-escaped, matches in <mark>")
    score: float
    url: str = Field(description="the briefing page at the sentence of the hit, matches highlighted")


class Subject(Record):
    subject: str
    count: int


class Upload(Record):
    id: str
    url: str
    status: str = Field(description="added, replaced (new content from the same source) or unchanged (stored already)")


class BriefingModel(Record):
    """The whole parsed briefing (podium's Briefing.to_dict), its `id` first."""

    id: str
    source: str
    text: str
    title: str | None
    date: str | None
    participants: list[dict[str, Any]]
    turns: list[dict[str, Any]]
    exchanges: list[dict[str, Any]]
    quantities: list[dict[str, Any]]
    findings: list[dict[str, Any]]
    commitments: list[dict[str, Any]]


CSV_CONTENT = {"text/csv": {"schema": {"type": "string"}}}


def listing_responses(model: type[BaseModel]) -> dict[int | str, dict[str, Any]]:
    """A list endpoint's 200: a JSON array of `model`, or CSV with format=csv."""
    return {200: {"model": list[model], "content": CSV_CONTENT, "description": "the records; X-Total-Count, Link: the total and the next page"}}  # type: ignore[valid-type]


UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "anyOf": [{"required": ["file"]}, {"required": ["url"]}],  # a file, or a page's address
                    "properties": {
                        "file": {"type": "string", "format": "binary", "description": "a transcript: .txt, .md, .html, .pdf or .docx, at most 20 MB"},
                        "url": {"type": "string", "format": "uri", "description": "instead of a file: a web page's address, fetched now (or taken from the local cache)"},
                    },
                }
            }
        },
    }
}


class Alignment(Record):
    """A briefing's figures paired with its translation's (podium/align.py); each figure line is
    keyed by language code (`zh`, `en`: a span or null) with `same`, `note` and each side's
    normalised value and unit (`zh_value`, `zh_unit`, ...)."""

    id: str
    translation: str | None = Field(description="the id of the other language's briefing (the same id for a page holding both; null when the corpus holds no translation)")
    languages: list[str] = Field(description="the two language codes, in the order of each line's sides")
    briefings: dict[str, str] = Field(description="the briefing id each language's offsets index")
    figures: list[dict[str, Any]]
