"""The layout of a briefing's text: its paragraphs and sentences as spans, found once.

Like spaCy's `doc.sents`, the layout belongs to the text (`Briefing.layout`) and every stage reads
the same one, so a figure is in one sentence whichever stage asks.

- A paragraph starts at the text's start, after a blank line, at each turn's label and speech
  (`breaks`), and, in a text with few blank lines, after a line that ends a sentence or a label
  (". ! ? : or a closing quote before the line break); a text with few blank lines wraps
  sentences over lines, so a line break alone ends nothing.
- A sentence ends at . ! ? (and any closing quotes or brackets) before white space and a capital,
  a digit or an opening quote; a decimal point never ends one, nor does the full stop of an
  abbreviation ("Mr. Chairman", "U.S. exports"; the words are in podium/data/layout_en.yaml).
  In a paragraph holding Chinese characters a sentence also ends at 。！？ (and ! ?) with any
  closing quotes or brackets, whatever follows, and at a line break: Chinese puts no space between
  sentences and is not wrapped over lines (podium/data/layout_zh.yaml). Every paragraph start is a
  sentence start.
- A clause runs between , ; : (either width) within its sentence; it is found on demand, for the
  offset asked about (`clause_start`, `clause_end`).
Spans hold text only: white space between two sentences or paragraphs belongs to neither."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import cached_property, lru_cache
from typing import NamedTuple

from podium import scan
from podium.wordtables import read_table
from podium.zh import HAN_RUN

DATA_FILE = "layout_en.yaml"
ZH_DATA_FILE = "layout_zh.yaml"

# A sentence's last marks, then the white space before the next one (what `space` takes). It
# matches only from the first of a run of marks, which it reads whole: tried from every mark of
# a long run ("........"), it read the rest of the run each time.
SENTENCE_END = re.compile(r"(?<![.!?])[.!?]++[\"”’)\]]*+(?P<space>\s+)(?=[\"“‘(\[]?[A-Z0-9])")
BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
LINE_END = re.compile(r"(?<=[.!?:\"”’])[ \t\r]*\n")
# An abbreviation is the run of letters right before its full stop, at most this long.
ABBREVIATION_REACH = 8
# A clause runs between these marks (either width) within its sentence, and at most CLAUSE_REACH
# characters: a "sentence" of thousands of characters (a table flattened into prose) has no clause
# that long. Clauses are found on demand, for the figure asked about.
CLAUSE_MARKS = (",", ";", ":", "，", "；", "：")
CLAUSE_REACH = 400


class Span(NamedTuple):
    """A stretch of the text, `start` to `end`."""

    start: int
    end: int


@lru_cache(maxsize=1)
def load_abbreviations() -> frozenset[str]:
    """Words a full stop follows without ending the sentence ("Mr. Tan")."""
    return frozenset(str(word) for word in read_table(DATA_FILE)["abbreviations"])


def abbreviates(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` ends an abbreviation: a listed one or a single capital."""
    start, floor = stop, max(0, stop - ABBREVIATION_REACH)
    while start > floor and text[start - 1].isalpha():
        start -= 1
    word = text[start:stop]
    return (len(word) == 1 and word.isupper()) or word in load_abbreviations()


@lru_cache(maxsize=1)
def sentence_closing() -> frozenset[str]:
    """What closes a sentence after its words: its full stops, quotes and brackets (either width)."""
    table = read_table(ZH_DATA_FILE)
    return frozenset([*".!?\"”’)]", *(str(mark) for mark in (*table["full_stops"], *table["closing"]))])


@lru_cache(maxsize=1)
def chinese_sentence_end() -> tuple[str, re.Pattern[str]]:
    """The marks a Chinese sentence can end at, and what ends it there: a run of full stops and
    the closing quotes or brackets after them."""
    table = read_table(ZH_DATA_FILE)
    stops = "".join(str(mark) for mark in table["full_stops"])
    closing = re.escape("".join(str(mark) for mark in table["closing"]))
    return stops, re.compile(rf"[{re.escape(stops)}]++[{closing}]*+")


class Layout:
    """The paragraphs and sentences of one text, in order, looked up by offset."""

    def __init__(self, text: str, paragraphs: list[Span], sentences: list[Span]) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.sentences = sentences
        self._paragraph_starts = [p.start for p in paragraphs]
        self._sentence_starts = [s.start for s in sentences]

    def sentence_index(self, offset: int) -> int:
        """The index of the sentence holding `offset` (of the one before, in the space between
        two; 0 before the first)."""
        return max(0, bisect_right(self._sentence_starts, offset) - 1)

    def sentence(self, offset: int) -> Span:
        return self.sentences[self.sentence_index(offset)] if self.sentences else Span(0, len(self.text))

    def paragraph_index(self, offset: int) -> int:
        return max(0, bisect_right(self._paragraph_starts, offset) - 1)

    def paragraph(self, offset: int) -> Span:
        return self.paragraphs[self.paragraph_index(offset)] if self.paragraphs else Span(0, len(self.text))

    def same_sentence(self, a: int, b: int) -> bool:
        return self.sentence_index(a) == self.sentence_index(b)

    @cached_property
    def lowered(self) -> str | None:
        """The text as `scan.lowered_for_search` gives it, for plain search of its words."""
        return scan.lowered_for_search(self.text)


def layout_of(text: str, breaks: Iterable[int] = ()) -> Layout:
    """The layout of `text`; `breaks`: offsets where a paragraph starts whatever the text says
    there (turns: a speaker's label, the speech after it)."""
    paragraphs = [span for span in _between(text, _paragraph_starts(text, breaks)) if span.end > span.start]
    sentences = [sentence for paragraph in paragraphs for sentence in _sentences(text, paragraph)]
    return Layout(text, paragraphs, sentences)


def _paragraph_starts(text: str, breaks: Iterable[int]) -> list[int]:
    starts = {0, *(m.end() for m in BLANK_LINE.finditer(text))}
    if len(starts) < max(2, text.count("\n") // 8):
        starts.update(m.end() for m in LINE_END.finditer(text))
    starts.update(breaks)
    return sorted(at for at in starts if 0 <= at < len(text))


def _between(text: str, starts: list[int]) -> list[Span]:
    """The text from each start to the next, without the white space at either end."""
    ends = [*starts[1:], len(text)]
    return [_trimmed(text, start, end) for start, end in zip(starts, ends)]


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _sentences(text: str, paragraph: Span) -> list[Span]:
    ends = sorted({*_sentence_ends(text, paragraph), *_chinese_sentence_ends(text, paragraph)})
    spans = (_trimmed(text, start, end) for start, end in zip([paragraph.start, *ends], [*ends, paragraph.end]))
    return [span for span in spans if span.end > span.start]


def _sentence_ends(text: str, paragraph: Span) -> list[int]:
    ends = []
    for stop in scan.matches_at(SENTENCE_END, text, scan.marks(text, ".!?", *paragraph), paragraph.end):
        if text[stop.start()] == "." and abbreviates(text, stop.start()):
            continue
        ends.append(stop.start("space"))
    return ends


def _chinese_sentence_ends(text: str, paragraph: Span) -> list[int]:
    if HAN_RUN.search(text, *paragraph) is None:
        return []
    stops, pattern = chinese_sentence_end()
    ends = [stop.end() for stop in scan.matches_at(pattern, text, scan.marks(text, stops, *paragraph), paragraph.end)]
    return ends + scan.occurrences(text, "\n", *paragraph)


def clause_start(text: str, lo: int, at: int) -> int:
    """Where the clause holding `at` begins (after the last comma, semicolon or colon), not before
    `lo` (its sentence's start) and at most CLAUSE_REACH characters back."""
    lo = max(lo, at - CLAUSE_REACH)
    return max(lo, *(text.rfind(mark, lo, at) + 1 for mark in CLAUSE_MARKS))


def clause_end(text: str, at: int, hi: int) -> int:
    """Where the clause holding `at` ends, not after `hi` (its sentence's end, whose closing stops
    and quotes are no part of a clause) and at most CLAUSE_REACH characters on."""
    hi = min(hi, at + CLAUSE_REACH)
    ends = [found for mark in CLAUSE_MARKS if (found := text.find(mark, at, hi)) >= 0]
    if ends:
        return min(ends)
    closing = sentence_closing()
    while hi > at and text[hi - 1] in closing:
        hi -= 1
    return hi
