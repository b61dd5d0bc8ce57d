"""Time references in a transcript and the periods they name.

`find_time_refs(text)` scans a whole briefing once and returns every time reference with its
span; `resolve_ref` turns one into the guideline period text (`2023`, `2024-Q1`,
`2024-01/2024-04`, `2022/2023`) against an `Anchor` (the briefing's year and month, and the year
carried forward from earlier in the paragraph). The word tables are in podium/data/periods_en.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, TypedDict

from podium import scan
from podium.wordtables import lowered, read_table

DATA_FILE = "periods_en.yaml"

Scope = Literal["point", "run", "self", "compare", "now", "standing"]
Form = Literal["year", "years", "quarter", "quarters", "months", "day", "past", "ahead", "since", "run", "none"]


@dataclass(frozen=True)
class TimeRef:
    """One time reference. `scope` says how far it reaches: a `point` is carried forward through
    its paragraph, a `run` ("three consecutive years") dates only the ranking it qualifies, `now`
    and `standing` ("currently", "annually") leave a figure undated."""

    start: int
    end: int
    scope: Scope
    form: Form
    year: int | None = None  # an absolute year
    year_shift: int | None = None  # a year relative to the briefing's year
    month_shift: int | None = None  # a month relative to the briefing's month
    low: int = 0  # first month / quarter / day, or the count of years for past and run
    high: int = 0
    end_year: int | None = None  # the second year of a year range


@dataclass(frozen=True)
class Anchor:
    """What a relative reference is resolved against."""

    year: int | None
    month: int | None = None
    carried_year: int | None = None


@dataclass(frozen=True)
class PeriodWords:
    months: dict[str, int]
    not_month_after: tuple[str, ...]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    relative_years: dict[str, int]
    relative_months: dict[str, int]
    lookback_words: tuple[str, ...]
    lookahead_words: tuple[str, ...]
    run_words: tuple[str, ...]
    run_suffixes: tuple[str, ...]
    now_cues: tuple[str, ...]
    standing_cues: tuple[str, ...]


@lru_cache(maxsize=1)
def load_words() -> PeriodWords:
    raw: dict[str, Any] = read_table(DATA_FILE)

    def words(key: str) -> tuple[str, ...]:
        return lowered(raw[key])

    return PeriodWords(
        months={str(k): int(v) for k, v in raw["months"].items()},
        not_month_after=tuple(str(v) for v in raw["not_month_after"]),
        numbers={str(k).lower(): int(v) for k, v in raw["numbers"].items()},
        ordinals={str(k).lower(): int(v) for k, v in raw["ordinals"].items()},
        relative_years={str(k).lower(): int(v) for k, v in raw["relative_years"].items()},
        relative_months={str(k).lower(): int(v) for k, v in raw["relative_months"].items()},
        lookback_words=words("lookback_words"),
        lookahead_words=words("lookahead_words"),
        run_words=words("run_words"),
        run_suffixes=words("run_suffixes"),
        now_cues=words("now_cues"),
        standing_cues=words("standing_cues"),
    )


def _alternation(words: Iterable[str]) -> str:
    # Longest first, so "the previous year" wins over "year"-like prefixes: a trie does that (the
    # words are lower case, or matched case-sensitively), and tests one branch per letter.
    return scan.trie(words)


_YEAR = r"(?:19[5-9]\d|20\d\d)"


_DIGIT = "0"  # the opener key of a word that opens with a digit


@dataclass(frozen=True)
class PeriodPatterns:
    """The compiled regexes, one alternation tried left to right with named groups; and, for each
    word a reference can open with, the alternatives that can open with it (in the same order, so
    they find what `any_ref` finds there, without trying the others)."""

    any_ref: re.Pattern[str]
    by_opener: dict[str, re.Pattern[str]]
    opening_words: frozenset[str]  # every word an alternative opens with, digit-led ones too


@lru_cache(maxsize=1)
def patterns() -> PeriodPatterns:
    w = load_words()
    month = rf"(?-i:{_alternation(w.months)})\.?"
    not_month = rf"(?!\s+(?-i:{_alternation(w.not_month_after)})\b)"
    count = rf"(?:\d{{1,2}}|{_alternation(w.numbers)})"
    rel_year = _alternation(w.relative_years)
    year_ref = rf"(?:{_YEAR}|{rel_year})"
    ordinal = _alternation(w.ordinals)
    lookback = _alternation(w.lookback_words)
    run = _alternation(w.run_words)
    run_suffix = _alternation(w.run_suffixes)
    lone_year = rf"(?<![\d,.$¥€£/-])(?P<year>{_YEAR})(?!\d|,\d|%|\.\d|\s*(?:percent|per cent|yuan|dollars)\b)"
    # Each alternative with the words it can open with (lower case; `_DIGIT` for any digit).
    months, numbers, the = {m.lower() for m in w.months}, set(w.numbers), {"the"}
    parts: list[tuple[str, set[str]]] = [
        (
            (
                rf"\b(?:from\s+)?(?P<m1>{month})\s*(?:to|through|until|-|–|and)\s*(?P<m2>{month})"
                rf"(?:\s*,?\s*(?:of\s+)?(?P<m12y>{year_ref}))?"
            ),
            {"from"} | months,
        ),
        (rf"\bthe\s+first\s+(?P<fm>{count})\s+months(?:\s+of\s+(?P<fmy>{year_ref}))?", the),
        (rf"\b(?:the\s+)?first\s+(?P<fq>two|three|2|3)\s+quarters(?:\s+of\s+(?P<fqy>{year_ref}))?", the | {"first"}),
        (rf"\b(?:the\s+)?(?P<q>{ordinal})\s+quarter(?:\s+of\s+(?P<qy>{year_ref}))?", the | set(w.ordinals)),
        (rf"\bQ(?P<qn>[1-4])(?:\s+(?:of\s+)?(?P<qny>{_YEAR}))?\b", {"q1", "q2", "q3", "q4"}),
        (rf"\b(?:the\s+)?(?P<h>first|second)\s+half(?:\s+of\s+(?P<hy>{year_ref}|the\s+year))?", the | {"first", "second"}),
        (
            rf"\b(?P<dm>{month})\s+(?P<dd>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*(?:%|percent))(?:,?\s+(?P<ddy>{_YEAR}))?",
            months,
        ),
        (rf"\b(?P<m>{month}){not_month}(?:\s*,?\s*(?:of\s+)?(?P<my>{year_ref}))?\b", months),
        (
            rf"(?:\bfrom\s+|\bbetween\s+)?(?<![\d,.$])(?P<y1>{_YEAR})\s*(?:to|through|-|–|and)\s*(?P<y2>{_YEAR})(?!\d|,\d|%)",
            {"from", "between", _DIGIT},
        ),
        (rf"\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+)?(?P<sy>{year_ref})", {"since"}),
        (rf"\b(?:the\s+)?(?:{lookback})\s+(?P<pn>{count})\s+years\b", the | set(w.lookback_words)),
        (rf"\b(?:the\s+)?(?:{lookback})\s+(?P<pd>decade)\b", the | set(w.lookback_words)),
        (
            rf"\b(?:the\s+)?(?:{_alternation(w.lookahead_words)})\s+(?P<an>{count})\s+years\b",
            the | set(w.lookahead_words),
        ),
        (rf"\b(?P<ago>{count}|a)\s+years?\s+(?:ago|earlier|before)\b", numbers | {"a", _DIGIT}),
        (rf"\b(?P<rn>{count})\s+(?:{run})\s+years\b", numbers | {_DIGIT}),
        (rf"\b(?P<rn2>{count})\s+years\s+(?:{run_suffix})\b", numbers | {_DIGIT}),
        (rf"\b(?P<rm>{_alternation(w.relative_months)})\b", _opening_words_of(w.relative_months)),
        (rf"\b(?P<ry>{rel_year})\b", _opening_words_of(w.relative_years)),
        (lone_year, {_DIGIT}),
        (rf"\b(?P<now>{_alternation(w.now_cues)})\b", _opening_words_of(w.now_cues)),
        (rf"\b(?P<standing>{_alternation(w.standing_cues)})\b", _opening_words_of(w.standing_cues)),
    ]
    any_ref = re.compile("|".join(f"(?:{p})" for p, _ in parts), re.IGNORECASE)
    keyed = [(p, {_opener_key(word) for word in words}) for p, words in parts]
    by_opener = {key: _alternatives(tuple(p for p, keys in keyed if key in keys)) for _, keys in keyed for key in keys}
    opening_words = frozenset(word for _, words in parts for word in words if word != _DIGIT)
    return PeriodPatterns(any_ref, by_opener, opening_words)


def _opener_key(word: str) -> str:
    """The key in `by_opener` of a word a reference opens with, lower case."""
    return _DIGIT if word[0].isdigit() else word


def _opening_words_of(phrases: Iterable[str]) -> set[str]:
    return {p.split()[0] for p in phrases}


@lru_cache(maxsize=64)  # about twenty sets of alternatives
def _alternatives(parts: tuple[str, ...]) -> re.Pattern[str]:
    # Many opening words share their alternatives (every month, every number): one regex each.
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else load_words().numbers.get(word.lower(), 0)


def _month(word: str) -> int:
    return load_words().months[word.rstrip(".").capitalize() if word[:1].isupper() else word.rstrip(".")]


class _YearFields(TypedDict, total=False):
    year: int
    year_shift: int


def _year_fields(token: str | None) -> _YearFields:
    """An explicit year or a shift from the briefing's year; nothing when no year is named."""
    if not token:
        return {}
    if token.isdigit():
        return {"year": int(token)}
    cleaned = " ".join(token.lower().split())
    if cleaned == "the year":
        return {"year_shift": 0}
    return {"year_shift": load_words().relative_years[cleaned]}


def _ref_from_match(m: re.Match[str]) -> TimeRef | None:
    ref = _read_match(m)
    if ref is not None and ref.form not in ("years", "past", "ahead", "run", "since", "none") and _is_comparison_base(m):
        # "compared with the same period last year", "from July": the base of a change, not its period.
        return TimeRef(ref.start, ref.end, "compare", ref.form)
    return ref


def _is_comparison_base(m: re.Match[str]) -> bool:
    if _FROM_OPENS.match(m.group(0)):
        return False  # "from January to April" opens a range
    before = m.string[max(0, m.start() - 48) : m.start()]
    # Most references follow none of the lead words: settled without the case-blind search.
    return scan.may_hold(before, _COMPARISON_WORDS) and _COMPARISON_LEAD.search(before) is not None


def _read_match(m: re.Match[str]) -> TimeRef | None:
    # The groups of the alternatives tried (see `by_opener`): the guards `get` the others.
    g = m.groupdict()
    span = (m.start(), m.end())
    if g.get("m1"):
        return TimeRef(*span, "point", "months", low=_month(g["m1"]), high=_month(g["m2"]), **_year_fields(g["m12y"]))
    if g.get("fm"):
        return TimeRef(*span, "point", "months", low=1, high=_count(g["fm"]), **_year_fields(g["fmy"]))
    if g.get("fq"):
        return TimeRef(*span, "point", "quarters", low=1, high=_count(g["fq"]), **_year_fields(g["fqy"]))
    if g.get("q"):
        q = load_words().ordinals[g["q"].lower()]
        return TimeRef(*span, "point", "quarter", low=q, high=q, **_year_fields(g["qy"]))
    if g.get("qn"):
        return TimeRef(*span, "point", "quarter", low=int(g["qn"]), high=int(g["qn"]), **_year_fields(g["qny"]))
    if g.get("h"):
        low = 1 if g["h"].lower() == "first" else 7
        return TimeRef(*span, "point", "months", low=low, high=low + 5, **_year_fields(g["hy"]))
    if g.get("dm"):
        day = int(g["dd"])
        if not 1 <= day <= 31:
            return None
        return TimeRef(*span, "point", "day", low=_month(g["dm"]), high=day, **_year_fields(g["ddy"]))
    if g.get("m"):
        month = _month(g["m"])
        return TimeRef(*span, "point", "months", low=month, high=month, **_year_fields(g["my"]))
    if g.get("y1"):
        y1, y2 = int(g["y1"]), int(g["y2"])
        if not y1 < y2:
            return None
        return TimeRef(*span, "point", "years", year=y1, end_year=y2)
    if g.get("sy"):
        return TimeRef(*span, "point", "since", **_year_fields(g["sy"]))
    if g.get("pn") or g.get("pd"):
        n = 10 if g.get("pd") else _count(g["pn"])
        # "the best of the past five years" compares over a window; it dates nothing else.
        scope: Scope = "self" if _COMPARISON_BEFORE.search(m.string[max(0, m.start() - 8) : m.start()]) else "point"
        return TimeRef(*span, scope, "past", low=n) if n else None
    if g.get("ago"):
        n = 1 if g["ago"].lower() == "a" else _count(g["ago"])
        return TimeRef(*span, "point", "year", year_shift=-n) if n else None
    if g.get("an"):
        n = _count(g["an"])
        return TimeRef(*span, "point", "ahead", low=n) if n else None
    if g.get("rn") or g.get("rn2"):
        n = _count(g.get("rn") or g["rn2"])
        return TimeRef(*span, "run", "run", low=n) if n else None
    if g.get("rm"):
        return TimeRef(*span, "point", "months", month_shift=load_words().relative_months[g["rm"].lower()])
    if g.get("ry"):
        return TimeRef(*span, "point", "year", **_year_fields(g["ry"]))
    if g.get("year"):
        if _NAME_BEFORE_YEAR.search(m.string[max(0, m.start() - 24) : m.start()]):
            return None  # "the Trade Act of 1974": a name, not a time
        return TimeRef(*span, "point", "year", year=int(g["year"]))
    if g.get("now"):
        return TimeRef(*span, "now", "none")
    return TimeRef(*span, "standing", "none")


_COMPARISON_LEAD = re.compile(
    r"\b(?:than|compared\s+(?:with|to)|from|over|versus|vs\.?|relative\s+to|against|below|above)\s+"
    r"(?:(?:projected|expected|estimated|forecast|anticipated|reported|planned|seen)\s+(?:in\s+|at\s+)?)?"
    r"(?:(?:that|those|the\s+level|the\s+figure)\s+(?:(?:in|of|for)\s+)?)?(?:the\s+)?"
    r"(?:(?:same|corresponding)\s+(?:period|month|quarter|time)\s+(?:of\s+|in\s+)?)?(?:the\s+)?"
    r"(?:(?:end|beginning|start)\s+of\s+)?$"
    r"|\b(?:same|corresponding)\s+(?:period|month|quarter|time)\s+(?:of\s+|in\s+)?$"
    r"|\bsame\s+as\s+(?:in\s+|at\s+)?(?:the\s+)?$"
    r"|\b(?:that|those)\s+(?:in|of|for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# One of these is in any text _COMPARISON_LEAD matches.
_COMPARISON_WORDS = (
    "than", "compared", "from", "over", "versus", "vs", "relative", "against", "below", "above", "same",
    "corresponding", "that", "those",
)
_FROM_OPENS = re.compile(r"from\b", re.IGNORECASE)
_NAME_BEFORE_YEAR = re.compile(r"\b[A-Z][a-z]+\s+of\s+$")
_COMPARISON_BEFORE = re.compile(r"\b(?:of|than)\s+$")
_WINDOW = 40  # wider than any reference reaches back from the trigger word inside it
_YEAR_LEADS = ("19", "20")  # the first two digits of a year
_YEAR_DIGITS = re.compile("(?:" + "|".join(_YEAR_LEADS) + r")\d\d")
_LONGEST_TRIGGER = 16  # longer than any trigger word
_LENGTHENED_BY_LOWER_CASE = "\u0130"  # "İ", the one character lower-cased to two (a test checks)
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _triggers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words one of which every reference holds: lower-case ones, and case-kept month names.
    A word holding another as its prefix is left out ("January" is found by "Jan")."""
    w = load_words()
    lower = {"year", "quarter", "half", "month", "decade", "since"}
    lower.update(cue.split()[-1] for cue in w.now_cues + w.standing_cues)
    kept = set(w.months) | {"Q1", "Q2", "Q3", "Q4"}
    return _without_extensions(lower), _without_extensions(kept)


def _without_extensions(words: set[str]) -> tuple[str, ...]:
    return tuple(sorted(x for x in words if not any(x != y and x.startswith(y) for y in words)))


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """Every word a reference can begin with (digits aside), lower case."""
    return patterns().opening_words


def may_name_a_time(text: str) -> bool:
    """A cheap test for short text: whether it holds a word every time reference holds."""
    # Substring tests, one per word: compiled, a loop of them costs less than two regex searches
    # (one alternation of the words each) over the text.
    lower_words, kept_words = _triggers()
    for word in kept_words:
        if word in text:
            return True
    if _YEAR_DIGITS.search(text) is not None:
        return True
    low = text.lower()
    for word in lower_words:
        if word in low:
            return True
    return False


@lru_cache(maxsize=1)
def _kept_trigger_pattern() -> re.Pattern[str]:
    # The case-kept words all open with a capital, so one alternation skips ahead fast; the
    # lower-case words open with common letters, where plain finds per word are faster.
    return re.compile("|".join(map(re.escape, _triggers()[1])))


def _trigger_hits(text: str, low: str, begin: int = 0, stop: int | None = None) -> list[int]:
    """Where a trigger word (one every reference holds) starts in text[begin:stop], in order."""
    stop = len(text) if stop is None else stop
    reach = min(len(text), stop + _LONGEST_TRIGGER)  # a word starting before `stop` may end after it
    hits = _year_hits(text, begin, stop, reach)
    low_reach = min(len(low), stop + _LONGEST_TRIGGER)  # `low` is longer where lower-casing adds characters ("İ")
    for word in _triggers()[0]:
        at = low.find(word, begin, low_reach)
        while 0 <= at < stop:
            if at == 0 or not low[at - 1].isalpha():  # "each" in "reach" is no trigger
                hits.append(at)
            at = low.find(word, at + 1, low_reach)
    for m in _kept_trigger_pattern().finditer(text, begin, reach):
        at = m.start()
        if at < stop and (at == 0 or not text[at - 1].isalpha()):
            hits.append(at)
    hits.sort()
    return hits


def _year_hits(text: str, begin: int, stop: int, reach: int) -> list[int]:
    """Where `_YEAR_DIGITS.finditer(text, _digit_run_start(text, begin), reach)` matches in
    text[begin:stop]. Plain finds of a year's leading digits skip ahead several times faster than
    the regex; the loop then keeps the matches the regex would, none overlapping."""
    first = _digit_run_start(text, begin)
    leads = sorted(at for lead in _YEAR_LEADS for at in scan.occurrences(text, lead, first, reach))
    hits: list[int] = []
    done = first
    for at in leads:
        if at >= done and at + 4 <= reach and text[at + 2 : at + 4].isdecimal():  # "\d" is isdecimal
            done = at + 4
            if begin <= at < stop:
                hits.append(at)
    return hits


def _digit_run_start(text: str, at: int) -> int:
    """Where the run of digits holding `at` starts: a scan for years from there pairs the digits
    as a scan of the whole text would ("2020|2023", not "20|2020|23")."""
    while at > 0 and text[at - 1].isdecimal():
        at -= 1
    return at


def _trigger_windows(text: str, hits: list[int], begin: int, stop: int) -> list[tuple[int, int]]:
    """Stretches of text[begin:stop] around the trigger hits in it, merged; the full pattern runs
    only there, since one alternation over the whole text costs far more than plain searches."""
    windows: list[tuple[int, int]] = []
    for at in hits:
        start, end = max(begin, at - _WINDOW), min(stop, at + _WINDOW // 2 + 16)
        while start > begin and not text[start - 1].isspace():
            start -= 1  # never begin inside a word
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows


@lru_cache(maxsize=1)
def _opening_word_pattern() -> re.Pattern[str]:
    """In lower-cased text, a digit or a word a reference can begin with, where a word starts."""
    return re.compile(rf"(?<!\w)(?:\d|{_alternation(_first_words())}(?!\w))")


def _may_open(word: str) -> bool:
    return word[0].isdigit() or word.lower() in _first_words()


def _opening_words(text: str, low: str, start: int, end: int) -> list[tuple[int, str]]:
    """Where a word of text[start:end] starts that a reference can begin with (`_may_open`), in
    order, with its `_opener_key`; a window beginning inside a word counts the word's rest as a word."""
    if len(low) != len(text):
        # Lower-casing added characters ("İ"), so offsets in `low` are not the text's.
        return [(w.start(), _opener_key(w[0].lower())) for w in _WORD.finditer(text, start, end) if _may_open(w[0])]
    # One regex pass finds the words, instead of a Python step per word; lower-casing keeps
    # word boundaries, and a word is listed exactly when its lower-cased form is.
    places = [(m.start(), _opener_key(m[0])) for m in _opening_word_pattern().finditer(low, start, end)]
    if start > 0 and _WORD.match(text, start - 1):
        word = _WORD.match(text, start, end)  # the lookbehind skips a word begun before `start`
        if word is not None and _may_open(word[0]):
            places.insert(0, (start, _opener_key(word[0].lower())))
    return places


def _lower_case(text: str, spans: list[tuple[int, int]] | None) -> str:
    """`text.lower()` wherever the trigger search reads it: in the spans, and a trigger's length
    past each. Elsewhere the text keeps its case: the search reads there only whether a character
    is a letter or a word character, which case never changes. Lower-casing one paragraph at a
    time is also cheaper, as most are ASCII where the transcript as a whole is not."""
    if not spans or _LENGTHENED_BY_LOWER_CASE in text:
        return text.lower()  # (offsets in the lower-cased text would shift past an "İ")
    if not text.isascii() and _ascii_search_words():
        ascii_lowered = _ascii_lower_case(text)
        if ascii_lowered is not None:
            return ascii_lowered
    pieces: list[str] = []
    done = 0
    for begin, stop in sorted(spans):
        begin, reach = max(begin, done), min(len(text), stop + _LONGEST_TRIGGER)
        if reach > begin:
            pieces += (text[done:begin], text[begin:reach].lower())
            done = reach
    pieces.append(text[done:])
    return "".join(pieces)


def _ascii_lower_case(text: str) -> str | None:
    """A Latin-1 text with its ASCII letters lower-cased, else None. The search finds ASCII words
    in it and asks whether a character is a letter or a word character, so this serves as well as
    `text.lower()`: in Latin-1 no other letter lower-cases to an ASCII one (a test checks). One
    bytes.lower of the whole text costs less than str.lower of the paragraphs beyond ASCII."""
    try:
        return text.encode("latin-1").lower().decode("latin-1")
    except UnicodeEncodeError:
        return None


@lru_cache(maxsize=1)
def _ascii_search_words() -> bool:
    """Whether every word the search finds in lower-cased text (triggers, opening words) is ASCII,
    as `_ascii_lower_case` needs."""
    lower, kept = _triggers()
    return all(word.isascii() for word in (*lower, *kept, *_first_words()))


def find_time_refs(text: str, spans: list[tuple[int, int]] | None = None) -> list[TimeRef]:
    """Every time reference in `text` (or in the given spans of it), in order, none overlapping."""
    refs: list[TimeRef] = []
    by_opener = patterns().by_opener
    low = _lower_case(text, spans)
    # Triggers are looked for only inside the spans: windows never reach past their span.
    windows = [
        w for span in (spans or [(0, len(text))]) for w in _trigger_windows(text, _trigger_hits(text, low, *span), *span)
    ]
    for start, end in windows:
        # Every reference begins a word it can begin with, so the pattern is tried there only,
        # and only the alternatives that can begin with that word.
        done = start
        for at, opener in _opening_words(text, low, start, end):
            if at < done:
                continue
            m = by_opener[opener].match(text, at, end)
            if m is None:
                continue
            done = m.end()
            ref = _ref_from_match(m)
            if ref is not None:
                refs.append(ref)
    return refs


def _base_year(ref: TimeRef, anchor: Anchor) -> int | None:
    if ref.year is not None:
        return ref.year
    if ref.year_shift is not None:
        return None if anchor.year is None else anchor.year + ref.year_shift
    return None


def _month_year(month: int, anchor: Anchor) -> int | None:
    """The year of a month named without one: the briefing's, or the year before when that month
    is still to come at the briefing (a January briefing speaks of December)."""
    if anchor.year is None:
        return None
    if anchor.month is not None and month > anchor.month:
        return anchor.year - 1
    return anchor.year


def _first_unknown_month(ref: TimeRef) -> int:
    """The month that decides the year of a reference named without one: a range of months must
    have ended ("January to November" at a January briefing is last year's); a quarter or half
    must have begun ("the fourth quarter" at a January briefing is last year's)."""
    if ref.form == "months":
        return ref.high
    if ref.form in ("quarter", "quarters"):
        return 3 * ref.low - 2
    return ref.low


def _years_back(count: int, anchor: Anchor) -> str:
    # A look back ends with the year in hand, else with the last full year before the briefing.
    last = anchor.carried_year if anchor.carried_year is not None else (None if anchor.year is None else anchor.year - 1)
    if last is None or count <= 0:
        return ""
    return str(last) if count == 1 else f"{last - count + 1}/{last}"


def resolve_ref(ref: TimeRef, anchor: Anchor) -> str:
    """The period a reference names, as guideline text; empty when it cannot be placed."""
    if ref.scope in ("now", "standing", "compare"):
        return ""
    if ref.form in ("past", "run"):
        return _years_back(ref.low, anchor)
    if ref.form == "ahead":
        if anchor.year is None:
            return ""
        first = anchor.year + 1
        return str(first) if ref.low == 1 else f"{first}/{first + ref.low - 1}"
    if ref.form == "years":
        return f"{ref.year}/{ref.end_year}"
    if ref.form == "since":
        start = _base_year(ref, anchor)
        if start is None or anchor.year is None:
            return "" if start is None else str(start)
        return str(start) if start >= anchor.year else f"{start}/{anchor.year}"
    if ref.month_shift is not None:
        if anchor.year is None or anchor.month is None:
            return ""
        index = anchor.year * 12 + anchor.month - 1 + ref.month_shift
        return f"{index // 12}-{index % 12 + 1:02d}"
    year = _base_year(ref, anchor)
    if ref.form == "year":
        return "" if year is None else str(year)
    if year is None:
        year = anchor.carried_year if anchor.carried_year is not None else _month_year(_first_unknown_month(ref), anchor)
    if year is None:
        return ""
    if ref.form == "quarter":
        return f"{year}-Q{ref.low}"
    if ref.form == "quarters":
        return f"{year}-Q{ref.low}/{year}-Q{ref.high}"
    if ref.form == "day":
        return f"{year}-{ref.low:02d}-{ref.high:02d}"
    if ref.low == ref.high:
        return f"{year}-{ref.low:02d}"
    return f"{year}-{ref.low:02d}/{year}-{ref.high:02d}"


def single_year(period: str) -> int | None:
    """The year of a period that is one whole year ("2023"), else None."""
    return int(period) if len(period) == 4 and period.isdigit() else None
