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
    pages: str = ""  # "p. 3" or "pp. 3–4" where the briefing came in pages (a PDF), else empty


def figure_view(qty: Quantity, *, shown: bool) -> dict[str, Any]:
    """The fields the figure's tooltip shows, already formatted."""
    return {
        "anchor": f"q-{qty.start}",
        "value": format_figure({"value": qty.value, "value_max": qty.value_max, "qualifier": qty.qualifier}),
        "unit": qty.unit,
        "normalized": format_number(qty.normalized_value),
        "normalized_unit": qty.normalized_unit or "",
        "kind": qty.kind,
        "direction": qty.direction or "",
        "period": qty.period,
        "subject": qty.subject,
        "modality": qty.modality,
        "speaker": qty.speaker or "",
        "place": qty.place,
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
                pages=pages_label(briefing, start, end),
            )
        )
    return [b for b in blocks if b.paragraphs]


def pages_label(briefing: Briefing, start: int, end: int) -> str:
    """The page (or pages) a span of the text is on, as a reader cites it."""
    from podium.read.pages import page_of

    first, last = page_of(briefing.metadata, start), page_of(briefing.metadata, max(start, end - 1))
    if first is None or last is None:
        return ""
    return f"p. {first}" if first == last else f"pp. {first}–{last}"


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
    series: str


@dataclass
class Series:
    """The points of one modality (actual, target, forecast): never drawn as one another."""

    name: str
    count: int


@dataclass
class Chart:
    """One kind and unit's values over time, in SVG user units, its series told apart by modality."""

    kind: str
    unit: str
    width: int
    height: int
    points: list[ChartPoint] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    plot: tuple[float, float, float, float] = (0, 0, 0, 0)  # left, top, right, bottom
    unplaced: int = 0  # figures whose period is not a point or stretch of time the axis can place
    indicator: str = ""  # the series' indicator and place (podium/quantities/series.py)
    place: str = ""


CHART_WIDTH, NARROW_CHART_WIDTH, CHART_HEIGHT = 760, 360, 300
MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 16, 16, 40
TICK_SPACING = 64  # user units between x labels at the least, so they never overlap
PERIOD = re.compile(r"(\d{4})(?:-(?:Q([1-4])|H([12])|(\d{2})(?:-(\d{2}))?))?")


def period_span(period: str) -> tuple[float, float] | None:
    """A period as a stretch of years (2024-Q2 -> 2024.25 to 2024.5); a range `a/b` runs from the
    start of a to the end of b. None for what is not a period of the calendar."""
    if "/" in period:
        first, _slash, last = period.partition("/")
        a, b = period_span(first), period_span(last)
        return (a[0], b[1]) if a and b and a[0] <= b[1] else None
    match = PERIOD.fullmatch(period.strip())
    if not match:
        return None
    year, quarter, half, month, day = match.groups()
    start = float(year)
    if quarter:
        return start + (int(quarter) - 1) / 4, start + int(quarter) / 4
    if half:
        return start + (int(half) - 1) / 2, start + int(half) / 2
    if month and 1 <= int(month) <= 12:
        start += (int(month) - 1) / 12
        if day and 1 <= int(day) <= 31:
            return start + (int(day) - 1) / 365, start + int(day) / 365
        return start, start + 1 / 12
    return (start, start + 1) if not month else None


def chart_value(row: dict[str, Any]) -> tuple[float | None, str]:
    """Normalised value and unit when the store has them, so one subject's figures line up."""
    if row.get("normalized_value") is not None and row.get("normalized_unit"):
        return row["normalized_value"], row["normalized_unit"]
    return row.get("value"), row.get("unit") or ""


def build_charts(rows: Sequence[dict[str, Any]], *, href: Callable[[dict[str, Any]], str], width: int = CHART_WIDTH) -> list[Chart]:
    """One chart per indicator, place, kind and unit (China's rate and the United States' never
    share a line, nor a growth rate and a level an axis), the fullest first; time on x, each
    period at its middle; values on y; one series per modality."""
    from podium.quantities.series import indicator_of

    groups: dict[tuple[str, str, str, str], list[tuple[float, dict[str, Any]]]] = {}
    for row in rows:
        value, unit = chart_value(row)
        if value is None or not row.get("period"):
            continue
        key = (indicator_of(row.get("subject") or ""), row.get("place") or "", row.get("kind") or "", unit)
        groups.setdefault(key, []).append((float(value), row))
    # The fullest chart first: that is the series a reader came for.
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    charts = []
    for (indicator, place, kind, unit), points in ordered:
        chart = chart_for_group(kind, unit, points, href=href, width=width)
        chart.indicator, chart.place = indicator, place
        charts.append(chart)
    return [chart for chart in charts if chart.points]


def chart_for_group(
    kind: str, unit: str, values: list[tuple[float, dict[str, Any]]], *, href: Callable[[dict[str, Any]], str], width: int
) -> Chart:
    placed = [(v, row, span) for v, row in values if (span := period_span(row["period"])) is not None]
    narrow = width < CHART_WIDTH
    left, top = (58 if narrow else 90), MARGIN_TOP
    right, bottom = width - MARGIN_RIGHT, CHART_HEIGHT - MARGIN_BOTTOM
    chart = Chart(kind=kind, unit=unit, width=width, height=CHART_HEIGHT, plot=(left, top, right, bottom), unplaced=len(values) - len(placed))
    if not placed:
        return chart
    first, last = min(s[0] for _v, _r, s in placed), max(s[1] for _v, _r, s in placed)
    first, last = math.floor(first), max(math.ceil(last), math.floor(first) + 1)
    low, high, step = nice_range(min(0.0, *(v for v, _r, _s in placed)), max(0.0, *(v for v, _r, _s in placed)))
    modalities = sorted({row.get("modality") or "unknown" for _v, row, _s in placed}, key=modality_rank)
    # Side by side rather than on top of one another when several modalities share a period.
    nudge = {m: (i - (len(modalities) - 1) / 2) * 7 for i, m in enumerate(modalities)}

    def x_of(year: float) -> float:
        return left + (year - first) / (last - first) * (right - left)

    def y_of(value: float) -> float:
        return bottom - (value - low) / (high - low) * (bottom - top)

    years = last - first
    every = next(n for n in (1, 2, 5, 10, 20, 50, 100, 1000) if (right - left) * n / years >= TICK_SPACING or n == 1000)
    chart.x_ticks = [(round(x_of(y + 0.5), 1), str(y)) for y in range(first, last) if y % every == 0] if years > 1 else [(round(x_of(first + 0.5), 1), str(first))]
    chart.y_ticks = [(y_of(v), format_number(v)) for v in tick_values(low, high, step)]
    for value, row, (start, end) in sorted(placed, key=lambda item: (item[2][0], item[1].get("briefing_date") or "")):
        series = row.get("modality") or "unknown"
        label = f"{row['period']}, {series}: {format_number(value)} {unit} ({row.get('subject', '')}, said {row.get('briefing_date') or 'undated'})"
        x = x_of((start + end) / 2) + nudge[series]
        chart.points.append(ChartPoint(x=round(x, 1), y=round(y_of(value), 1), label=label, href=href(row), series=series))
    chart.series = [Series(name=m, count=sum(p.series == m for p in chart.points)) for m in modalities]
    return chart


MODALITY_ORDER = ("actual", "target", "forecast")


def modality_rank(modality: str) -> tuple[int, str]:
    return (MODALITY_ORDER.index(modality) if modality in MODALITY_ORDER else len(MODALITY_ORDER), modality)


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

CODE_SPAN = re.compile(r"`([^`]+)`")


def code_spans(text: str | None) -> Markup:
    """API descriptions are written in Markdown's one inline form that matters here, `code`:
    the text escaped, each backticked piece shown as code rather than with its backticks."""
    escaped = str(escape(text or ""))
    return Markup(CODE_SPAN.sub(r"<code>\1</code>", escaped))



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
    env.filters["code_spans"] = code_spans
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
