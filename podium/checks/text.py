"""Reading the text around quantities: sentences, paragraphs, the gap between two figures, years."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
import re
from collections.abc import Iterable

from podium.checks import patterns
from podium.model import Quantity


class Span:
    """A stretch of the text, `start` to `end`, equal to another with the same two ends. A plain
    class rather than a named tuple: compiled (see setup.py) it is built many times faster than a
    named tuple, whose constructor runs as Python, and a briefing's sentence layout makes hundreds.
    Treated as immutable: nothing sets its ends after it is built."""

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Span) and self.start == other.start and self.end == other.end

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash((self.start, self.end))

    def __repr__(self) -> str:
        return f"Span(start={self.start}, end={self.end})"


# Characters a case-blind pattern takes for an ASCII letter that str.lower() does not turn into one
# ("ſ" is an "s", "ı" and "İ" are an "i"; "İ" also lowers to two characters, shifting offsets).
CASE_FOLDS_BEYOND_LOWER = frozenset("\u0130\u0131\u017f")
_ASCII = bytes(range(128))


def non_ascii(text: str) -> str:
    """The characters of `text` outside ASCII, in order."""
    # Deleting the ASCII bytes of the UTF-8 encoding leaves exactly the other characters' encodings.
    return text.encode("utf-8", "surrogatepass").translate(None, _ASCII).decode("utf-8", "surrogatepass")


def lowered_for_search(text: str) -> str | None:
    """`text` lower-cased with every offset kept, where plain substring search finds every place a
    case-blind pattern of ASCII words can match (far faster than trying the pattern at every
    position); None when `text` holds a character that defeats this, and the text must be scanned."""
    # `in` rather than a scan of every character: it finds a character wider than any in the
    # text (as these are, in most texts) at once.
    if not text.isascii() and any(ch in text for ch in CASE_FOLDS_BEYOND_LOWER):
        return None
    return _lower(text)


# The Latin-1 characters lower() changes beyond ASCII: À to Þ, but not ×.
_LATIN1_UPPER = "".join(map(chr, [*range(0xC0, 0xD7), *range(0xD8, 0xDF)]))


def _lower(text: str) -> str:
    """`text.lower()`; faster for a Latin-1 text with no upper-case letter beyond ASCII (an English
    transcript with a stray no-break space or é), where lower() changes A to Z only, which
    bytes.lower() does without looking up each character's case."""
    if text.isascii():
        return text.lower()
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return text.lower()
    # One search per letter: a one-character search of a Latin-1 text runs at memory speed, where
    # deleting every other byte from the encoding reads the text a byte at a time.
    if any(letter in text for letter in _LATIN1_UPPER):
        return text.lower()
    return raw.lower().decode("latin-1")


def has_wide_decimal(text: str) -> bool:
    """Whether `text` holds a decimal digit outside ASCII (one `\\d` matches): never in Latin-1,
    which is checked without reading each character."""
    if text.isascii():
        return False
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return any(ch.isdecimal() for ch in set(non_ascii(text)))
    return False


def occurrences(text: str, needle: str) -> list[int]:
    """Every offset where `needle` starts in `text`, overlapping ones included (a list, not a
    generator: resuming a generator for each of a text's hundreds of marks costs more than the search)."""
    found = []
    at = text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def search_in(pattern: re.Pattern[str], text: str, lowered: str | None) -> re.Match[str] | None:
    """What the case-blind `pattern` finds searching `text`, searched in `lowered` (`text` as
    `lowered_for_search` gives it) when there is one, several times faster (see
    `patterns.for_lowered`); the match's groups are then lower-cased. A pattern minding case
    searches `text`."""
    if lowered is None or not pattern.flags & re.IGNORECASE:
        return pattern.search(text)
    return patterns.for_lowered(pattern).search(lowered)


def may_hold(lowered: str | None, window: tuple[int, int], word: re.Pattern[str]) -> bool:
    """Whether `word` (a pattern for lower-cased text) occurs in `window` of the text as
    `lowered_for_search` gives it: where it does not, a case-blind pattern needing it cannot match
    there. Always true when the text could not be lowered (`lowered` None)."""
    return lowered is None or word.search(lowered, *window) is not None


def may_hold_any(lowered: str | None, window: tuple[int, int], words: tuple[str, ...]) -> bool:
    """Like `may_hold`, for a few lower-case words searched for one by one (plain search of a short
    window costs less than a pattern tried at each of its positions)."""
    if lowered is None:
        return True
    for word in words:
        if lowered.find(word, window[0], window[1]) >= 0:
            return True
    return False


def matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """What `pattern.finditer(text)` gives, when every match starts at one of `starts` (sorted): the
    pattern is tried only there. Matches do not overlap, as with finditer."""
    found: list[re.Match[str]] = []
    end = 0
    for start in starts:
        if start < end:
            continue
        match = pattern.match(text, start)  # lookbehinds and \b still see the text before `start`
        if match:
            found.append(match)
            end = match.end()
    return found


def _sentence_end_starts(text: str) -> list[int]:
    # A sentence end begins right after . ! ? or a colon, or at a line break (see SENTENCE_END).
    # A place found twice (".\n") is left in: `matches_at` tries it again to the same result or
    # passes it inside the match found there, cheaper than a set of every place.
    starts = occurrences(text, "\n")
    for mark in ".!?:":
        starts += [at + 1 for at in occurrences(text, mark)]
    starts.sort()
    return starts


def _sentence_ends(text: str) -> list[tuple[int, int]]:
    """The spans of `patterns.SENTENCE_END.finditer(text)`'s matches, the pattern tried only where
    one can begin (see `matches_at`). The commonest end, a full stop, one space and a capital, is
    read without it: a call of the pattern costs several times more than reading three characters."""
    marks, openers, pattern = patterns.SENTENCE_MARKS, patterns.SENTENCE_OPENERS, patterns.SENTENCE_END
    found: list[tuple[int, int]] = []
    last, size = 0, len(text)
    for at in _sentence_end_starts(text):
        if at < last:
            continue
        if 0 < at < size - 1 and text[at] == " " and text[at + 1] in openers and text[at - 1] in marks:
            found.append((at, at + 1))  # the one space is the whole match: what follows is no space
            last = at + 1
            continue
        if at < size - 1 and text[at] == "\n" and text[at + 1] == "\n":
            # A blank line: whichever branch matches there takes every space that follows.
            last = _space_run_end(text, at + 2)
            found.append((at, last))
            continue
        match = pattern.match(text, at)
        if match:
            found.append(match.span())
            last = match.end()
    return found


def _space_run_end(text: str, at: int) -> int:
    """Where the run of white space from `at` ends (what `\\s*` takes there)."""
    size = len(text)
    while at < size and text[at].isspace():
        at += 1
    return at


def sentence_spans(text: str) -> list[Span]:
    """Every sentence of `text` as a span; a decimal point never ends one."""
    spans, start = [], 0
    for end, following in _sentence_ends(text):
        if end > start:
            spans.append(Span(start, end))
        start = following
    if start < len(text):
        spans.append(Span(start, len(text)))
    return spans


def blank_line_ends(text: str) -> list[int]:
    """Where each match of `patterns.BLANK_LINE.finditer(text)` ends (a line break, spaces or tabs,
    a line break), read from the places of the line breaks, which plain search finds, rather
    than from the pattern tried at every position of the text."""
    ends: list[int] = []
    size, end = len(text), 0
    for at in occurrences(text, "\n"):
        if at < end:
            continue  # the second line break of a blank line found: matches do not overlap
        following = at + 1
        while following < size and text[following] in " \t":
            following += 1
        if following < size and text[following] == "\n":
            end = following + 1
            ends.append(end)
    return ends


def paragraph_of(text: str, offset: int) -> Span:
    """The paragraph holding `offset`: blank lines part paragraphs where the text has them (then
    single line breaks are hard wrapping), else each line is one."""
    if patterns.BLANK_LINE.search(text):
        starts = [m.end() for m in patterns.BLANK_LINE.finditer(text, 0, offset)]
        following = patterns.BLANK_LINE.search(text, offset)
        return Span(starts[-1] if starts else 0, following.start() if following else len(text))
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return Span(start, len(text) if end < 0 else end)


class Sentences:
    """The sentence spans of one text, looked up by offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = sentence_spans(text)
        self._starts = [s.start for s in self.spans]
        # Keyed by the pattern's source and flags, not the pattern: hashing a compiled pattern
        # hashes its whole program, every time.
        self._says: dict[tuple[str, int, int], bool] = {}
        self._within: dict[Span, Sentences] = {}
        # Found on first use and kept. Plain attributes, not functools.cached_property, which a
        # class compiled with mypyc (see setup.py) cannot keep: it would lower the text every time.
        self._lowered: str | None = None
        self._lowered_known = False
        self._blank_lines: list[int] | None = None

    @property
    def lowered(self) -> str | None:
        """The text as `lowered_for_search` gives it, lowered once for every check that searches it."""
        if not self._lowered_known:
            self._lowered, self._lowered_known = lowered_for_search(self.text), True
        return self._lowered

    def index_of(self, offset: int) -> int:
        # A conditional rather than max(): compiled, max() is a call through Python.
        index = bisect_right(self._starts, offset) - 1
        return index if index > 0 else 0

    def of(self, offset: int) -> Span:
        return self.spans[self.index_of(offset)] if self.spans else Span(0, len(self.text))

    def same(self, a: int, b: int) -> bool:
        return self.index_of(a) == self.index_of(b)

    def says(self, pattern: re.Pattern[str], offset: int, needle: str = "", any_of: tuple[str, ...] = ()) -> bool:
        """Whether `pattern` matches in the sentence holding `offset`. Several checks ask this of
        every figure; a sentence holds many, so each sentence is searched once per pattern.
        `needle`: a lower-case word in every match, so a sentence without it is not searched;
        `any_of`: lower-case words one of which is in every match too (none: no such words)."""
        return self.says_in(pattern, self.index_of(offset), needle, any_of)

    def saying(self, pattern: re.Pattern[str], needle: str) -> frozenset[int]:
        """The indices of the sentences where `says` finds `pattern`, for checks that ask it of every
        figure: only the sentences where plain search of the lowered text finds `needle` are read."""
        lowered = self.lowered
        if lowered is None:
            indices: Iterable[int] = range(max(1, len(self.spans)))
        else:
            indices = {self.index_of(at) for at in occurrences(lowered, needle)}
        return frozenset(index for index in indices if self.says_in(pattern, index, needle))

    def says_in(self, pattern: re.Pattern[str], index: int, needle: str = "", any_of: tuple[str, ...] = ()) -> bool:
        """What `says` tells of the sentence at `index`."""
        key = (pattern.pattern, pattern.flags, index)
        if key not in self._says:
            sentence = self.spans[index] if self.spans else Span(0, len(self.text))
            lowered = self.lowered
            if lowered is not None and not _holds(lowered, sentence, needle, any_of):
                self._says[key] = False
            else:
                # A slice, not search(pos, endpos): \b and lookbehinds must not see the sentence before.
                words = self.text[sentence.start : sentence.end]
                self._says[key] = bool(search_in(pattern, words, lowered[sentence.start : sentence.end] if lowered is not None else None))
        return self._says[key]

    @property
    def _blank_line_ends(self) -> list[int]:
        if self._blank_lines is None:
            self._blank_lines = blank_line_ends(self.text)
        return self._blank_lines

    def paragraph(self, offset: int) -> Span:
        """What `paragraph_of(text, offset)` gives, from the blank lines found once for the text
        rather than from a scan of the text up to `offset` at every call."""
        if not self._blank_line_ends:
            return paragraph_of(self.text, offset)
        # The blank lines a scan stopping at `offset` finds are those of the whole text ending by it.
        before = bisect_right(self._blank_line_ends, offset)
        following = patterns.BLANK_LINE.search(self.text, offset)
        return Span(self._blank_line_ends[before - 1] if before else 0, following.start() if following else len(self.text))

    def within(self, span: Span) -> Sentences:
        """The sentences of the text of `span` on its own (offsets from `span.start`), read once per span."""
        if span not in self._within:
            self._within[span] = Sentences(self.text[span.start : span.end])
        return self._within[span]

    def figures_by_sentence(self, quantities: list[Quantity]) -> list[tuple[Span, list[Quantity]]]:
        """Each sentence holding figures (in text order) with the figures that start inside it, in
        the order given; a sentence without figures is left out, so a check looks only where
        figures are rather than filtering every figure for every sentence."""
        grouped: dict[int, list[Quantity]] = {}
        spans, starts = self.spans, self._starts
        for qty in quantities:
            index = bisect_right(starts, qty.start) - 1  # index_of, without a call per figure
            if index >= 0 and qty.start < spans[index].end:
                grouped.setdefault(index, []).append(qty)
        return [(spans[index], grouped[index]) for index in sorted(grouped)]

    def by_sentence(self, quantities: list[Quantity]) -> dict[int, list[Quantity]]:
        """The figures grouped by the index `index_of` gives their starts, in the order given."""
        grouped: dict[int, list[Quantity]] = {}
        starts = self._starts
        for qty in quantities:
            index = bisect_right(starts, qty.start) - 1  # index_of, without a call per figure
            index = index if index > 0 else 0
            grouped.setdefault(index, []).append(qty)
        return grouped

    def figures_of(self, index: int, quantities: list[Quantity]) -> list[Quantity]:
        """The figures of `quantities` (ordered by start) whose sentence is the one at `index`, as
        `index_of` tells: from its start (from the text's, for the first) to the next one's."""
        low = self._starts[index] if index > 0 else -1
        high = self._starts[index + 1] if index + 1 < len(self._starts) else len(self.text) + 1
        return quantities[bisect_left(quantities, low, key=_start) : bisect_left(quantities, high, key=_start)]


def _holds(lowered: str, span: Span, needle: str, any_of: tuple[str, ...]) -> bool:
    """Whether `span` of the lowered text holds `needle` (when given) and one of `any_of` (when any)."""
    if needle and lowered.find(needle, span.start, span.end) < 0:
        return False
    return not any_of or any(lowered.find(word, span.start, span.end) >= 0 for word in any_of)


def _start(qty: Quantity) -> int:
    return qty.start


def figures_within(quantities: list[Quantity], starts: list[int], span: Span) -> list[Quantity]:
    """The figures starting inside `span`, from `quantities` ordered by start (`starts`: their
    starts): two bisections instead of a pass over every figure."""
    return quantities[bisect_left(starts, span.start) : bisect_left(starts, span.end)]


def gap(text: str, first: Quantity, second: Quantity) -> str:
    """The text between two figures (empty when they overlap)."""
    return text[first.end : second.start] if second.start >= first.end else ""


def single_year(period: str) -> int | None:
    return int(period) if len(period) == 4 and period.isdigit() else None


def year_of(text: str, qty: Quantity, sentence: Span, neighbours: list[Quantity]) -> int | None:
    """The calendar year a figure refers to: a year written right after it ("230 million in 2023")
    first, since the words are surer than any carried-over period; then its period when that is one
    stated year; then the last year before it in its sentence."""
    following = [q.start for q in neighbours if q.start >= qty.end]
    after = text[qty.end : min([sentence.end, *following])]
    match = patterns.YEAR_AFTER.match(after)
    if match:
        return int(match.group(1))
    year = single_year(qty.period)
    if year is not None and not qty.period_inferred:
        return year
    years = patterns.YEAR.findall(text[sentence.start : qty.start])
    if years:
        return int(years[-1])
    return year


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
