"""What the templates need that Jinja should not compute: the transcript cut into pieces with every
figure marked, search snippets made safe, number formats, and the indicator chart's geometry.

Transcript text only ever reaches HTML through Jinja's autoescape; the one place markup is built
here (`snippet_markup`) escapes the text first and only then adds its own `<mark>` tags."""

from __future__ import annotations

import math
import re
from pathlib import PurePath
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import jinja2
from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.datastructures import URL
from markupsafe import Markup, escape

from podium.model import Briefing, Quantity

PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
HIT_OPEN, HIT_CLOSE = "\x02", "\x03"


# --- numbers ----------------------------------------------------------------------------------


def format_number(value: float | int | None) -> str:
    """Thousands separators, no float noise, no scientific notation below a quadrillion."""
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if abs(value) >= 1e15:
        return f"{value:.4g}"
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def format_figure(row: dict[str, Any]) -> str:
    """`value` or `value–value_max`, with the qualifier when it is not exact."""
    text = format_number(row.get("value"))
    if row.get("value_max") is not None:
        text += "–" + format_number(row["value_max"])
    qualifier = row.get("qualifier") or "exact"
    return text if qualifier == "exact" else f"{text} ({qualifier})"


def source_name(source: str | None) -> str:
    """The file name a briefing came from, without the directories of whoever ingested it."""
    return PurePath((source or "").replace("\\", "/")).name or (source or "")


# --- transcript -------------------------------------------------------------------------------


@dataclass
class Piece:
    """A run of transcript text; `figure` is set when the run is one figure's span."""

    text: str
    figure: dict[str, Any] | None = None
    anchor: str | None = None  # an empty element marking a place: the start or end of a search hit's sentence


@dataclass
class Block:
    """One turn of the transcript (or text outside every turn), split into paragraphs."""

    anchor: str
    speaker: str | None
    role: str
    label: list[Piece]
    paragraphs: list[list[Piece]]


def figure_view(qty: Quantity, *, shown: bool) -> dict[str, Any]:
    """The fields the figure's tooltip shows, already formatted."""
    return {
        "anchor": f"q-{qty.start}",
        "value": format_figure({"value": qty.value, "value_max": qty.value_max, "qualifier": qty.qualifier}),
        "unit": qty.unit,
        "normalized": format_number(qty.normalized_value),
        "normalized_unit": qty.normalized_unit or "",
        "kind": qty.kind,
        "period": qty.period,
        "subject": qty.subject,
        "modality": qty.modality,
        "speaker": qty.speaker or "",
        "shown": shown,
    }


def transcript_blocks(
    briefing: Briefing, *, kind: str | None = None, modality: str | None = None, anchors: dict[int, str] | None = None
) -> list[Block]:
    """The transcript as blocks of paragraphs with figures marked; figures that the kind or
    modality switch leaves out are still marked (so focus order stays stable) but flagged hidden.
    `anchors` places empty named elements at offsets (one inside a figure goes before it)."""
    quantities = non_overlapping(briefing.quantities)
    spans = block_spans(briefing)
    blocks = []
    for anchor, start, end, turn in spans:
        inside = [q for q in quantities if start <= q.start and q.end <= end]
        body_start = turn.body_start if turn else start
        paragraphs = [
            pieces_between(briefing.text, p_start, p_end, inside, kind=kind, modality=modality, anchors=anchors)
            for p_start, p_end in paragraph_spans(briefing.text, body_start, end)
        ]
        # The label is cut from the text (not taken from `turn.label`) so a figure in it stays marked.
        label_end = start + len(briefing.text[start:body_start].rstrip())
        label = pieces_between(briefing.text, start, label_end, inside, kind=kind, modality=modality)
        blocks.append(
            Block(
                anchor=anchor,
                speaker=turn.speaker if turn else None,
                role=turn.role if turn else "unknown",
                label=label,
                paragraphs=[p for p in paragraphs if p],
            )
        )
    return [b for b in blocks if b.paragraphs]


def block_spans(briefing: Briefing) -> list[tuple[str, int, int, Any]]:
    """(anchor, start, end, turn) for each turn (label and body) and for any text between or
    around turns."""
    text = briefing.text
    spans: list[tuple[str, int, int, Any]] = []
    cursor = 0
    for turn in sorted(briefing.turns, key=lambda t: t.start):
        if text[cursor : turn.start].strip():
            spans.append((f"x-{cursor}", cursor, turn.start, None))
        spans.append((f"t-{turn.id}", turn.start, turn.end, turn))
        cursor = max(cursor, turn.end)
    if text[cursor:].strip():
        spans.append((f"x-{cursor}", cursor, len(text), None))
    return spans


def paragraph_spans(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    cursor = start
    for match in PARAGRAPH_BREAK.finditer(text, start, end):
        yield cursor, match.start()
        cursor = match.end()
    yield cursor, end


def non_overlapping(quantities: Sequence[Quantity]) -> list[Quantity]:
    """Figures sorted by offset, dropping any that overlap an earlier one (a span can only be
    marked once)."""
    kept: list[Quantity] = []
    for qty in sorted(quantities, key=lambda q: (q.start, -q.end)):
        if qty.end <= qty.start:
            continue
        if kept and qty.start < kept[-1].end:
            continue
        kept.append(qty)
    return kept


def pieces_between(
    text: str,
    start: int,
    end: int,
    quantities: Sequence[Quantity],
    *,
    kind: str | None,
    modality: str | None,
    anchors: dict[int, str] | None = None,
) -> list[Piece]:
    pieces: list[Piece] = []
    places = sorted((at, name) for at, name in (anchors or {}).items() if start <= at < end)
    cursor = start
    for qty in quantities:
        if qty.start < cursor or qty.end > end:
            continue
        cursor = text_pieces(pieces, text, cursor, qty.start, places, upto=qty.end)
        shown = (not kind or qty.kind == kind) and (not modality or qty.modality == modality)
        pieces.append(Piece(text[qty.start : qty.end], figure_view(qty, shown=shown)))
        cursor = qty.end
    text_pieces(pieces, text, cursor, end, places, upto=end)
    if pieces and not any(p.figure or p.anchor for p in pieces) and not "".join(p.text for p in pieces).strip():
        return []
    return pieces


def text_pieces(pieces: list[Piece], text: str, cursor: int, stop: int, places: list[tuple[int, str]], *, upto: int) -> int:
    """Append text[cursor:stop], split at the anchors inside it; anchors in [stop, upto) go at
    `stop` (they fall inside the figure that follows). Returns `stop`."""
    for at, name in places:
        if at < cursor or at >= upto:
            continue
        at = min(at, stop)
        if at > cursor:
            pieces.append(Piece(text[cursor:at]))
            cursor = at
        pieces.append(Piece("", anchor=name))
    if stop > cursor:
        pieces.append(Piece(text[cursor:stop]))
    return stop


# --- search -----------------------------------------------------------------------------------


def snippet_markup(snippet: str) -> Markup:
    """Escape the snippet, then turn the store's hit markers into <mark> elements."""
    escaped = str(escape(snippet))
    return Markup(escaped.replace(HIT_OPEN, "<mark>").replace(HIT_CLOSE, "</mark>"))


def snippet_text(snippet: str) -> str:
    return snippet.replace(HIT_OPEN, "").replace(HIT_CLOSE, "")


# --- indicator chart --------------------------------------------------------------------------


@dataclass
class ChartPoint:
    x: float
    y: float
    label: str
    href: str


@dataclass
class Chart:
    """One kind and unit's values over periods, in SVG user units."""

    kind: str
    unit: str
    width: int
    height: int
    points: list[ChartPoint] = field(default_factory=list)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    plot: tuple[float, float, float, float] = (0, 0, 0, 0)  # left, top, right, bottom


CHART_WIDTH, CHART_HEIGHT = 760, 300
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 90, 20, 16, 56


def chart_value(row: dict[str, Any]) -> tuple[float | None, str]:
    """Normalised value and unit when the store has them, so one subject's figures line up."""
    if row.get("normalized_value") is not None and row.get("normalized_unit"):
        return row["normalized_value"], row["normalized_unit"]
    return row.get("value"), row.get("unit") or ""


def build_charts(rows: Sequence[dict[str, Any]], *, href: Callable[[dict[str, Any]], str]) -> list[Chart]:
    """One chart per kind and unit (a growth rate and a level never share an axis), the fullest
    first; periods on x in period order, values on y."""
    groups: dict[tuple[str, str], list[tuple[float, dict[str, Any]]]] = {}
    for row in rows:
        value, unit = chart_value(row)
        if value is None or not row.get("period"):
            continue
        groups.setdefault((row.get("kind") or "", unit), []).append((float(value), row))
    # The fullest chart first: that is the series a reader came for.
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    return [chart_for_group(kind, unit, points, href=href) for (kind, unit), points in ordered]


def chart_for_group(kind: str, unit: str, values: list[tuple[float, dict[str, Any]]], *, href: Callable[[dict[str, Any]], str]) -> Chart:
    periods = sorted({row["period"] for _v, row in values})
    left, top = MARGIN_LEFT, MARGIN_TOP
    right, bottom = CHART_WIDTH - MARGIN_RIGHT, CHART_HEIGHT - MARGIN_BOTTOM
    low, high, step = nice_range(min(0.0, *(v for v, _ in values)), max(0.0, *(v for v, _ in values)))
    step_x = (right - left) / max(1, len(periods))
    x_of = {p: left + step_x * (i + 0.5) for i, p in enumerate(periods)}

    def y_of(value: float) -> float:
        return bottom - (value - low) / (high - low) * (bottom - top)

    chart = Chart(kind=kind, unit=unit, width=CHART_WIDTH, height=CHART_HEIGHT, plot=(left, top, right, bottom))
    chart.x_ticks = [(x_of[p], p) for p in periods]
    chart.y_ticks = [(y_of(v), format_number(v)) for v in tick_values(low, high, step)]
    for value, row in sorted(values, key=lambda item: (item[1]["period"], item[1].get("briefing_date") or "")):
        label = f"{row['period']}: {format_number(value)} {unit} ({row.get('subject', '')}, {row.get('briefing_date') or 'undated'})"
        chart.points.append(ChartPoint(x=round(x_of[row["period"]], 1), y=round(y_of(value), 1), label=label, href=href(row)))
    return chart


def nice_range(low: float, high: float) -> tuple[float, float, float]:
    """Axis bounds and a step of 1, 2 or 5 times a power of ten, about five ticks apart."""
    if high == low:
        high = low + 1
    raw = (high - low) / 5
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def tick_values(low: float, high: float, step: float) -> list[float]:
    count = int(round((high - low) / step))
    return [low + i * step for i in range(count + 1)]


# --- templates --------------------------------------------------------------------------------


def make_templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("podium.web", "templates"),
        autoescape=True,  # every template, whatever its suffix: transcript text is never trusted
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["number"] = format_number
    env.filters["figure"] = format_figure
    env.filters["snippet"] = snippet_markup
    env.filters["basename"] = source_name
    env.globals["url_for"] = local_url_for  # before Jinja2Templates, which only sets a default
    return Jinja2Templates(env=env, context_processors=[twin_context])


@jinja2.pass_context
def local_url_for(context: dict[str, Any], name: str, /, **path_params: Any) -> URL:
    """A route's URL as a path: links never carry the Host header back to the browser."""
    return local_url(context["request"], name, **path_params)


def local_url(request: Request, name: str, /, **path_params: Any) -> URL:
    return URL(request.url_for(name, **path_params).path)


def local_request_url(request: Request) -> URL:
    """The URL of this request as a path and query."""
    return URL(request.url.path + (f"?{request.url.query}" if request.url.query else ""))


def twin_context(request: Request) -> dict[str, Any]:
    """Every page links its `.json` twin: the same path and query, `.json` appended."""
    path = request.url.path
    twin = "/index.json" if path == "/" else path if path.endswith(".json") else path + ".json"
    return {"json_url": str(local_request_url(request).replace(path=twin))}


templates = make_templates()
