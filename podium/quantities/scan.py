"""Regex scans that try a pattern only where a match can start.

The regex engine scans a long text position by position; when every match must start at one of a
few marks (a quote, a full stop, a line start), finding those marks with `str.find` and matching
there is several times faster, and finds exactly what `finditer` would."""

from __future__ import annotations

import re
from collections.abc import Iterable


def marks(text: str, chars: Iterable[str], start: int, end: int) -> list[int]:
    """Every offset in text[start:end] holding one of `chars` (single characters), in order."""
    places: list[int] = []
    for char in chars:
        at = text.find(char, start, end)
        while at >= 0:
            places.append(at)
            at = text.find(char, at + 1, end)
    places.sort()
    return places


def line_starts(text: str, start: int, end: int) -> list[int]:
    """Where a line starts in text[start:end] (where "^" matches in a multi-line pattern)."""
    places = [start] if start == 0 or text[start - 1] == "\n" else []
    places.extend(at + 1 for at in marks(text, "\n", start, end - 1))
    return places


def matches_at(pattern: re.Pattern[str], text: str, places: Iterable[int], end: int) -> list[re.Match[str]]:
    """What `pattern.finditer(text, start, end)` finds, given every place (in order, none before
    `start`) where a match of `pattern` can start. `pattern` must not match the empty string."""
    found: list[re.Match[str]] = []
    done = 0
    for at in places:
        if at < done:
            continue
        match = pattern.match(text, at, end)
        if match is not None:
            found.append(match)
            done = match.end()
    return found
