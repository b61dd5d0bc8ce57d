"""Page furniture: running headers and footers, page numbers, editor markers, site navigation.

Two kinds matter downstream. A page break (a page number, a running header) sits inside continuous
speech; a new page (a publication line, navigation, a repeated title, a header block) means the
file jumped to another web page, so text after it may begin mid-speech."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from podium.structure import patterns as P
from podium.structure.lines import Line
from podium.structure.words import load

PAGE_BREAK = "page_break"
NEW_PAGE = "new_page"


@dataclass(frozen=True)
class Furniture:
    start: int
    end: int
    kind: str  # PAGE_BREAK or NEW_PAGE


def find_furniture(lines: list[Line]) -> dict[int, Furniture]:
    """Furniture by line index (whole lines), plus editor markers found inside lines."""
    repeated = _repeated_lines(lines)
    cues = _cues_on_short_lines(lines, load().furniture_lines, _CUE_LINE)
    found: dict[int, Furniture] = {}
    for index, line in enumerate(lines):
        if line.blank:
            continue
        kind = _line_kind(lines, index, repeated, cues)
        if kind:
            found[index] = Furniture(line.start, line.end, kind)
    return found


def token_spans(text: str) -> list[tuple[int, int]]:
    """Editor markers left in the text, which may be glued to a label or a sentence."""
    spans: list[tuple[int, int]] = []
    for token in load().furniture_tokens:
        for match in re.finditer(re.escape(token), text):
            spans.append((match.start(), match.end()))
    for match in P.SPLICED_PAGE_NUMBER.finditer(text):
        spans.append((match.start(), match.end()))
    return sorted(spans)


def strip_tokens(line: Line) -> int:
    """Offset where a line's content starts once a leading editor marker is skipped."""
    pos = line.content_start
    rest = line.text[pos - line.start :]
    for token in load().furniture_tokens:
        if rest.startswith(token):
            pos += len(token)
            rest = rest[len(token) :]
            pos += len(rest) - len(rest.lstrip(" \t\u00a0"))
    return pos


def _repeated_lines(lines: list[Line]) -> set[str]:
    # A running header repeats on every page and carries a date or a page number; speech lines that
    # repeat ("Thank you.") carry no digits, so a digit is what tells them apart.
    counts = Counter(line.stripped for line in lines if 8 <= len(line.stripped) <= 160)
    return {text for text, n in counts.items() if n >= 3 and any(ch.isdigit() for ch in text) and not text.endswith(":")}


_CUE_LINE = 120  # a site's furniture line is short; a cue inside a longer line is speech
_TITLE_LINE = 300  # a title a page repeats runs to a line or two


def _cues_on_short_lines(lines: list[Line], cues: tuple[str, ...], limit: int) -> tuple[str, ...]:
    """The cues found on any line up to `limit` characters long. Most cues are on none, so the
    test of each line tries only the few that are. The lines joined by newlines lower as each would
    alone (a newline is no letter, so even a Greek final sigma keeps its form): a cue in one
    lowered line is in the lowered whole."""
    short = "\n".join(line.stripped for line in lines if len(line.stripped) <= limit).lower()
    return tuple(cue for cue in cues if cue in short)


def _line_kind(lines: list[Line], index: int, repeated: set[str], cues: tuple[str, ...]) -> str | None:
    text = lines[index].stripped
    if not text:
        return None
    if P.PAGE_NUMBER_LINE.match(text) or text in repeated:
        return PAGE_BREAK
    words = load()
    if all(map(text.startswith, words.furniture_tokens)) and _only_tokens(text):
        return PAGE_BREAK
    if len(text) <= _CUE_LINE:
        # A caption cue's timing (every one holds an arrow) and the name a caption file opens with.
        if ("-->" in text and P.CAPTION_CUE_LINE.match(text)) or (index == 0 and text.startswith("WEBVTT")):
            return PAGE_BREAK
        if cues and _holds_cue(text, cues):
            return NEW_PAGE
        if P.NEW_PAGE_LINE.match(text):
            return NEW_PAGE
    if len(text) <= _TITLE_LINE and _is_standalone_title(lines, index):
        return NEW_PAGE
    return None


def _holds_cue(text: str, cues: tuple[str, ...]) -> bool:
    lowered = text.lower()
    return any(cue in lowered for cue in cues)


def _only_tokens(text: str) -> bool:
    for token in load().furniture_tokens:
        text = text.replace(token, "")
    return not text.strip()


def _is_standalone_title(lines: list[Line], index: int) -> bool:
    """A title repeated at the top of a later page: its own paragraph, a title cue, no full stop."""
    # The blank lines around it come first: they are the cheapest test, and hard-wrapped prose fails it.
    before_blank = index == 0 or lines[index - 1].blank
    after_blank = index + 1 >= len(lines) or lines[index + 1].blank
    if not (before_blank and after_blank):
        return False
    text = lines[index].stripped
    if P.SENTENCE_END.search(text) or text.endswith(":") or not text[:1].isupper():
        return False
    # "Welcome to today's press briefing on the Outlook titled Recovery" is speech, not a title.
    return _holds_cue(text, load().title_cues) and not P.addresses_the_room(text)
