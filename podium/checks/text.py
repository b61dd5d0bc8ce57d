"""Reading the text around figures: the figures of each sentence, the gap between two, years."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from podium.checks import patterns
from podium.layout import Layout, Span
from podium.model import Quantity
from podium.quantities.periods import single_year
from podium.scan import marks, matches_at


def by_sentence(layout: Layout, quantities: list[Quantity]) -> dict[Span, list[Quantity]]:
    """The figures grouped by the sentence they start in, sentences and figures in the order given."""
    grouped: dict[Span, list[Quantity]] = {}
    for qty in quantities:
        grouped.setdefault(layout.sentence(qty.start), []).append(qty)
    return grouped


def says(text: str, sentence: Span, pattern: re.Pattern[str]) -> bool:
    """Whether `pattern` matches in `sentence`, read on its own (\\b and lookbehinds do not see
    the sentence before)."""
    return pattern.search(text[sentence.start : sentence.end]) is not None


def figures_within(quantities: list[Quantity], span: Span) -> list[Quantity]:
    """The figures starting inside `span`, of `quantities` ordered by start."""
    return quantities[bisect_left(quantities, span.start, key=_start) : bisect_left(quantities, span.end, key=_start)]


def _start(qty: Quantity) -> int:
    return qty.start


def gap(text: str, first: Quantity, second: Quantity) -> str:
    """The text between two figures (empty when they overlap)."""
    return text[first.end : second.start] if second.start >= first.end else ""


def year_of(text: str, qty: Quantity, sentence: Span, neighbours: list[Quantity]) -> int | None:
    """The calendar year a figure refers to: a year written right after it ("230 million in 2023")
    first, since the words are surer than any carried-over period; then its period when that is one
    stated year; then the last year before it in its sentence."""
    # `neighbours` are in text order: the first that starts after the figure bounds its words.
    following = bisect_left(neighbours, qty.end, key=_start_of)
    after = text[qty.end : min(sentence.end, neighbours[following].start) if following < len(neighbours) else sentence.end]
    match = patterns.YEAR_AFTER.match(after)
    if match:
        return int(match.group(1))
    year = single_year(qty.period)
    if year is not None and not qty.period_inferred:
        return year
    starts, ends, years = _years_in(text)
    last = bisect_right(ends, qty.start) - 1
    if last >= 0 and starts[last] >= sentence.start:
        return years[last]
    return year


def _start_of(qty: Quantity) -> int:
    return qty.start


@lru_cache(maxsize=1)
def _years_in(text: str) -> tuple[list[int], list[int], list[int]]:
    """Where each year is written in `text` (starts, ends, years), found once per briefing: a
    sentence listing thousands of figures asks for the last year before each. A year is written
    in digits, so it is looked for where a digit stands."""
    found = matches_at(patterns.YEAR, text, marks(text, "0123456789"))
    return [m.start() for m in found], [m.end() for m in found], [int(m.group(1)) for m in found]


def number_text(value: float, *, digits: int = 4) -> str:
    """A figure as people write it: 12.5 billion, 3 million, 1,002.38, 41.2 (`digits` decimals at
    most, after the scale word)."""
    magnitude = abs(value)
    for size, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if magnitude >= size:
            return f"{_trim(value / size, digits)} {name}"
    if magnitude >= 1000:
        return f"{value:,.{max(2, digits - 2)}f}".rstrip("0").rstrip(".")
    return _trim(value, digits)


def _trim(value: float, digits: int) -> str:
    text = f"{value:.{digits}g}" if abs(value) < 1 else f"{value:.{digits}f}".rstrip("0").rstrip(".")
    if "e" in text:
        text = f"{value:.{digits + 2}f}".rstrip("0").rstrip(".")
    return text
