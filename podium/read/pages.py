"""Text that came in pages (a PDF's pages, a web article split over several addresses): running
headers and footers taken out, words hyphenated across line ends joined, the pages joined with
each page's start offset kept, so a span can say which page it is on."""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

EDGE_LINES = 3  # a running header or footer sits within this many lines of the page's top or bottom
RUNNING_SHARE = 0.5  # ...and recurs there on at least this share of the pages
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_WIDE_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")  # layout extraction renders a wide gap as many spaces
# A word broken at a line end: a letter, then a hyphen (or a soft hyphen) ending the line.
_BROKEN_END = re.compile(r"(?<=[^\W\d_])(-|\u00ad)$")
_BROKEN_START = re.compile(r"^[^\W\d_A-Z]")  # the rest of the word goes on in lower case
_HYPHENATED = re.compile(r"[^\W\d_]+-[^\W\d_]+")


def running_key(line: str) -> str:
    """A line with its numbers blanked: `Page 3 of 27` and `Page 4 of 27` are the same footer."""
    return _SPACES.sub(" ", _DIGITS.sub("#", line.strip().lower()))


def tidy_lines(page: str) -> list[str]:
    """A page's lines, each stripped and its wide gaps narrowed to two spaces; runs of blank lines
    become one blank line, none at the page's edges."""
    lines: list[str] = []
    for raw in page.splitlines():
        line = _WIDE_GAP.sub("  ", raw.strip())
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def drop_running_lines(pages: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """The pages without their running headers and footers, and the lines removed (one of each).

    A running line recurs, numbers aside, at the same place near the top (or bottom) of most
    pages; body text almost never does. Only lines at a page's very edge go, up to the first line
    that is not running. A single page has nothing to compare with and is left whole."""
    if len(pages) < 2:
        return pages, []
    needed = max(2, math.ceil(len(pages) * RUNNING_SHARE))
    top = Counter(key for page in pages for key in _edge_keys(page))
    bottom = Counter(key for page in pages for key in _edge_keys(page[::-1]))
    top_keys = {key for key, n in top.items() if n >= needed}
    bottom_keys = {key for key, n in bottom.items() if n >= needed}
    removed: dict[str, str] = {}
    kept_pages = []
    for page in pages:
        start = _running_run(page, top_keys, removed)
        end = len(page) - _running_run(page[start:][::-1], bottom_keys, removed)
        kept_pages.append(page[start:end])
    return kept_pages, list(removed.values())


def _edge_keys(lines: list[str]) -> set[tuple[int, str]]:
    """(place from the edge, running key) of the first few lines with text."""
    with_text = [line for line in lines if line][:EDGE_LINES]
    return {(rank, running_key(line)) for rank, line in enumerate(with_text)}


def _running_run(lines: list[str], keys: set[tuple[int, str]], removed: dict[str, str]) -> int:
    """How many lines from the start of `lines` are running lines (or blank between them)."""
    count, rank = 0, 0
    while count < len(lines):
        line = lines[count]
        if line:
            key = running_key(line)
            if (rank, key) not in keys:
                break
            removed.setdefault(key, line)
            rank += 1
        count += 1
    return count


def join_hyphenated(pages: list[list[str]]) -> tuple[list[list[str]], int]:
    """Words broken across line ends (and page ends) made whole; how many were joined.

    The rest of the word moves up to the line where it began, so lines and pages keep their
    order. A hyphen stays where the document writes the same compound whole elsewhere
    (`longer-term`); otherwise it was the typesetter's and goes (`busi-nesses`)."""
    whole = "\n".join("\n".join(page) for page in pages)
    compounds = {word.lower() for word in _HYPHENATED.findall(whole)}
    out: list[list[str | None]] = [list(page) for page in pages]
    places = [(p, i) for p, page in enumerate(pages) for i in range(len(page))]
    joined = 0
    for (p, i), (q, j) in zip(places, places[1:]):
        first, second = out[p][i], out[q][j]
        if not first or not second or not _BROKEN_END.search(first) or not _BROKEN_START.match(second):
            continue
        tail, _, rest = second.partition(" ")
        head = first.rsplit(" ", 1)[-1][:-1]
        keep = "-" if first.endswith("-") and f"{head}-{_letters(tail)}".lower() in compounds else ""
        out[p][i] = first[:-1] + keep + tail
        out[q][j] = rest.lstrip() or None  # a line that was only the word's end is gone, not blank
        joined += 1
    return [[line for line in page if line is not None] for page in out], joined


def _letters(word: str) -> str:
    return re.sub(r"[\W\d_]+$", "", word)


def join_pages(pages: Sequence[str], *, separator: str = "\n") -> tuple[str, list[int]]:
    """The pages' texts joined, and each page's start offset into the result."""
    offsets: list[int] = []
    parts: list[str] = []
    cursor = 0
    for page in pages:
        if parts:
            parts.append(separator)
            cursor += len(separator)
        offsets.append(cursor)
        parts.append(page)
        cursor += len(page)
    return "".join(parts), offsets


def page_of(metadata: Mapping[str, Any], offset: int) -> int | None:
    """The page (counting from 1) that the text at `offset` is on, or None when the text came
    without pages. `metadata` is a Document's or a Briefing's."""
    starts = metadata.get("pages")
    if not starts:
        return None
    return max(1, bisect.bisect_right(starts, offset))
