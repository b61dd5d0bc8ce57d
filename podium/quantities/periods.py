"""Time references in a transcript and the periods they name.

`find_time_refs(text)` scans a whole briefing once and returns every time reference with its
span; `resolve_ref` turns one into the guideline period text (`2023`, `2024-Q1`,
`2024-01/2024-04`, `2022/2023`) against an `Anchor` (the briefing's year and month, and the year
carried forward from earlier in the paragraph). The word tables are in podium/data/periods_en.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Literal, TypedDict

from podium import scan
from podium.quantities.years import counts_a_noun
from podium.wordtables import lowered, read_table

DATA_FILE = "periods_en.yaml"

Scope = Literal["point", "run", "self", "compare", "now", "standing"]
Form = Literal[
    "year", "years", "quarter", "quarters", "months", "day", "past", "ahead", "since", "run", "none", "month_window",
    "quarter_window", "past_months", "past_quarters", "next_months", "next_quarters",
]


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
    day_shift: int | None = None  # a day relative to the briefing's day ("yesterday"): dates its sentence only
    weekday: int | None = None  # a day named by its weekday ("reached 5.9 million Tuesday"): the last one, 0 = Monday
    low: int = 0  # first month / quarter / day, or the count of years for past and run
    high: int = 0
    end_year: int | None = None  # the second year of a year range
    ahead: bool = False  # a month named as a deadline ("by the end of September"): still to come
    from_now: bool = False  # "between now and the end of May": the window from the briefing's month to the deadline
    fiscal: bool = False  # a fiscal year ("FY25"): a budget's period, carried on even when still to come
    day: int = 0  # the day of a "since" date ("since Saturday 21 October"), 0 when none is stated


@dataclass(frozen=True)
class Anchor:
    """What a relative reference is resolved against."""

    year: int | None
    month: int | None = None
    carried_year: int | None = None
    day: int | None = None  # the briefing's day, where its date gives one


@dataclass(frozen=True)
class PeriodWords:
    months: dict[str, int]
    not_month_after: tuple[str, ...]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    relative_years: dict[str, int]
    relative_months: dict[str, int]
    relative_days: dict[str, int]
    lookback_words: tuple[str, ...]
    lookahead_words: tuple[str, ...]
    run_words: tuple[str, ...]
    run_suffixes: tuple[str, ...]
    run_ordinals: dict[str, int]
    now_cues: tuple[str, ...]
    standing_cues: tuple[str, ...]
    event_nouns: tuple[str, ...]
    fiscal_words: tuple[str, ...]
    fiscal_abbreviations: tuple[str, ...]  # case kept


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
        relative_days={str(k).lower(): int(v) for k, v in raw["relative_days"].items()},
        lookback_words=words("lookback_words"),
        lookahead_words=words("lookahead_words"),
        run_words=words("run_words"),
        run_suffixes=words("run_suffixes"),
        run_ordinals={str(k).lower(): int(v) for k, v in raw["run_ordinals"].items()},
        now_cues=words("now_cues"),
        standing_cues=words("standing_cues"),
        event_nouns=words("event_nouns"),
        fiscal_words=words("fiscal_words"),
        fiscal_abbreviations=tuple(str(v) for v in raw["fiscal_abbreviations"]),
    )


def _alternation(words: Iterable[str]) -> str:
    # Longest first, so "the previous year" wins over "year"-like prefixes: a trie does that (the
    # words are lower case, or matched case-sensitively).
    return scan.trie(words)


_YEAR = r"(?:19[5-9]\d|20\d\d)"
_APOSTROPHES = "'‘’"
_CLIPPED_YEAR = rf"[{_APOSTROPHES}]\d\d(?!\d)"  # "November ’23": a year after its month, its century left out
_DIGIT = "0"  # among the words an alternative opens with: any digit


@dataclass(frozen=True)
class Fragments:
    """Pieces of pattern built from the period words, which the alternatives share."""

    words: PeriodWords
    month: str  # a month name, case kept ("May", not "may")
    not_month: str  # what may not follow a month name ("May I ask")
    count: str  # "5", "five"
    relative_year: str  # "last year"
    year_ref: str  # a year or a relative year
    months: set[str]  # the month names, lower case
    numbers: set[str]  # the count words


def _fragments(w: PeriodWords) -> Fragments:
    relative_year = _alternation(w.relative_years)
    return Fragments(
        words=w,
        month=rf"(?-i:{_alternation(w.months)})\.?",
        not_month=rf"(?!\s+(?-i:{_alternation(w.not_month_after)})\b)",
        count=rf"(?:\d{{1,2}}|{_alternation(w.numbers)})",
        relative_year=relative_year,
        year_ref=rf"(?:{_YEAR}|{_CLIPPED_YEAR}|{relative_year})",
        months={m.lower() for m in w.months},
        numbers=set(w.numbers),
    )


Groups = dict[str, str | None]  # the groups of one alternative's match, by their names in its pattern
Reader = Callable[[re.Match[str], Groups], TimeRef | None]


@dataclass(frozen=True)
class Alternative:
    """One way of writing a time reference: its pattern (case-blind, built from the period words),
    the words it can open with (lower case, a phrase when a match always opens with more than one
    word; `_DIGIT` for any digit, alone or as a phrase's last word: "the 0" opens "the 12 months"),
    and how a match is read."""

    name: str
    pattern: Callable[[Fragments], str]
    opens_with: Callable[[Fragments], set[str]]
    read: Reader


ALTERNATIVES: list[Alternative] = []  # tried in this order: the first that matches at a place wins


def _alternative(
    name: str, pattern: Callable[[Fragments], str], opens_with: Callable[[Fragments], set[str]]
) -> Callable[[Reader], Reader]:
    """Registers the reader below it as the alternative `name`."""

    def register(read: Reader) -> Reader:
        ALTERNATIVES.append(Alternative(name, pattern, opens_with, read))
        return read

    return register


def _span(m: re.Match[str]) -> tuple[int, int]:
    return m.start(), m.end()


def _with_the(words: Iterable[str]) -> set[str]:
    """The words, each also after "the"."""
    return {phrase for word in words for phrase in (word, f"the {word}")}


_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WINDOW_END = r"(?:ending|ended|to|through|up\s+to)\s+(?:the\s+end\s+of\s+)?(?:the\s+)?"


@_alternative(
    "month_window",
    lambda f: rf"\b(?:the\s+)?(?P<count>{f.count}|year)\s*(?:-\s*)?(?:months?\s+)?{_WINDOW_END}"
    rf"(?:(?P<quarter>{f.month})\s+quarter|(?P<month>{f.month}))(?:\s*,?\s*(?P<year>{f.year_ref}))?",
    lambda f: _with_the({*f.numbers, "year", _DIGIT}),
)
def _month_window(m: re.Match[str], g: Groups) -> TimeRef | None:
    """ "the 12 months ending February": a window of months up to one; "the year to the September
    quarter": the four quarters up to that one."""
    count = 12 if _text(g["count"]).lower() == "year" else _count(g["count"])
    if g["quarter"]:
        if count != 12:
            return None
        return TimeRef(*_span(m), "point", "quarter_window", low=(_month(g["quarter"]) + 2) // 3, high=4, **_year_fields(g["year"]))
    if not 1 < count <= 36:
        return None
    return TimeRef(*_span(m), "point", "month_window", low=_month(g["month"]), high=count, **_year_fields(g["year"]))




@_alternative(
    "month_range",
    # Days may stand beside the months: "from 1 June to 31 August 2024" spans those months.
    lambda f: rf"\b(?:from\s+(?:{_DAY}\s+)?)?(?P<first>{f.month})(?:\s+{_DAY}\b)?\s*(?:to|through|until|-|–|and)\s*"
    rf"(?:{_DAY}\s+)?(?P<last>{f.month})(?:\s+{_DAY}\b)?"
    rf"(?:\s*,?\s*(?:of\s+)?(?P<year>{f.year_ref}))?",
    lambda f: {"from"} | f.months,
)
def _month_range(m: re.Match[str], g: Groups) -> TimeRef | None:
    return TimeRef(*_span(m), "point", "months", low=_month(g["first"]), high=_month(g["last"]), **_year_fields(g["year"]))


@_alternative(
    "first_months",
    lambda f: rf"\bthe\s+first\s+(?P<count>{f.count})\s+months(?:\s+of\s+(?P<year>{f.year_ref}))?",
    lambda f: {"the first"},
)
def _first_months(m: re.Match[str], g: Groups) -> TimeRef | None:
    return TimeRef(*_span(m), "point", "months", low=1, high=_count(g["count"]), **_year_fields(g["year"]))


@_alternative(
    "months_of_year",
    # "through almost eight months of 2019": the year's months so far, its first eight; the year stated.
    lambda f: rf"\b(?P<count>{f.count})\s+months\s+of\s+(?P<year>{f.year_ref})",
    lambda f: f.numbers | {_DIGIT},
)
def _months_of_year(m: re.Match[str], g: Groups) -> TimeRef | None:
    return TimeRef(*_span(m), "point", "months", low=1, high=_count(g["count"]), **_year_fields(g["year"]))


@_alternative(
    "first_quarters",
    lambda f: rf"\b(?:the\s+)?first\s+(?P<count>two|three|2|3)\s+quarters(?:\s+of\s+(?P<year>{f.year_ref}))?",
    lambda f: {"the first", "first"},
)
def _first_quarters(m: re.Match[str], g: Groups) -> TimeRef | None:
    return TimeRef(*_span(m), "point", "quarters", low=1, high=_count(g["count"]), **_year_fields(g["year"]))


@_alternative(
    "quarter",
    lambda f: rf"\b(?:the\s+)?(?P<ordinal>{_alternation(f.words.ordinals)})\s+quarter(?:\s+of\s+(?P<year>{f.year_ref}))?",
    lambda f: _with_the(f.words.ordinals),
)
def _quarter(m: re.Match[str], g: Groups) -> TimeRef | None:
    q = load_words().ordinals[_text(g["ordinal"]).lower()]
    return TimeRef(*_span(m), "point", "quarter", low=q, high=q, **_year_fields(g["year"]))


@_alternative(
    "quarter_code",
    lambda f: rf"\bQ(?P<number>[1-4])(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?\b",
    lambda f: {"q1", "q2", "q3", "q4"},
)
def _quarter_code(m: re.Match[str], g: Groups) -> TimeRef | None:
    q = int(_text(g["number"]))
    return TimeRef(*_span(m), "point", "quarter", low=q, high=q, **_year_fields(g["year"]))


@_alternative(
    "half",
    lambda f: rf"\b(?:the\s+)?(?P<which>first|second)\s+half(?:\s+of\s+(?P<year>{f.year_ref}|the\s+year))?",
    lambda f: _with_the(("first", "second")),
)
def _half(m: re.Match[str], g: Groups) -> TimeRef | None:
    low = 1 if _text(g["which"]).lower() == "first" else 7
    return TimeRef(*_span(m), "point", "months", low=low, high=low + 5, **_year_fields(g["year"]))


@_alternative(
    "month_quarter",
    # "the September quarter": a quarter named by its last month, as Australian statistics name them.
    lambda f: rf"\b(?:the\s+)?(?P<month>{f.month})\s+quarter\b(?:\s+(?:of\s+)?(?P<year>{f.year_ref}))?",
    lambda f: _with_the(f.months),
)
def _month_quarter(m: re.Match[str], g: Groups) -> TimeRef | None:
    q = (_month(g["month"]) + 2) // 3
    return TimeRef(*_span(m), "point", "quarter", low=q, high=q, **_year_fields(g["year"]))


@_alternative(
    "day",
    lambda f: rf"\b(?P<month>{f.month})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*(?:%|percent))"
    rf"(?:,?\s+(?P<year>{_YEAR}))?",
    lambda f: f.months,
)
def _day(m: re.Match[str], g: Groups) -> TimeRef | None:
    day = int(_text(g["day"]))
    if not 1 <= day <= 31:
        return None
    return TimeRef(*_span(m), "point", "day", low=_month(g["month"]), high=day, **_year_fields(g["year"]))


@_alternative(
    "day_first",
    # "2nd January", "the 29th of December", "8 July 2024", "Monday 1 September": the day before its month.
    lambda f: rf"\b(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{f.month}){f.not_month}"
    rf"(?![\w-])(?:,?\s+(?P<year>{_YEAR})(?!\d|,\d|%))?",
    lambda f: _with_the({_DIGIT}),
)
def _day_first(m: re.Match[str], g: Groups) -> TimeRef | None:
    return _day(m, g)


@_alternative(
    "month",
    lambda f: rf"\b(?P<month>{f.month}){f.not_month}(?:\s*,?\s*(?:of\s+)?(?P<year>{f.year_ref}))?\b",
    lambda f: f.months,
)
def _month_alone(m: re.Match[str], g: Groups) -> TimeRef | None:
    month = _month(g["month"])
    return TimeRef(*_span(m), "point", "months", low=month, high=month, **_year_fields(g["year"]))


@_alternative(
    "year_range",
    lambda f: rf"(?:\bfrom\s+|\bbetween\s+)?(?<![\d,.$])(?P<first>{_YEAR})\s*(?:to|through|-|–|and)\s*"
    rf"(?P<last>{_YEAR})(?!\d|,\d|%)",
    lambda f: {"from", "between", _DIGIT},
)
def _year_range(m: re.Match[str], g: Groups) -> TimeRef | None:
    first, last = int(_text(g["first"])), int(_text(g["last"]))
    if not first < last:
        return None
    return TimeRef(*_span(m), "point", "years", year=first, end_year=last)


@_alternative(
    "deadline_month",
    lambda f: rf"\b(?:(?:by|until|till|before|through)\s+(?:the\s+)?(?:end|middle|beginning|start)\s+of|"
    rf"between\s+now\s+and\s+(?:the\s+(?:end|middle)\s+of\s+)?)\s*(?P<month>{f.month}){f.not_month}"
    rf"(?:\s*,?\s*(?:of\s+)?(?P<year>{f.year_ref}))?\b",
    lambda f: {"by", "until", "till", "before", "through", "between now"},
)
def _deadline_month(m: re.Match[str], g: Groups) -> TimeRef | None:
    """ "by the end of September", "between now and the end of May": a month still to come, not
    the last one of that name."""
    month = _month(g["month"])
    from_now = m.group(0)[:7].lower() == "between"
    return TimeRef(
        *_span(m), "point", "months", low=month, high=month, ahead=True, from_now=from_now, **_year_fields(g["year"])
    )


@_alternative(
    "past_months",
    lambda f: rf"\b(?:the\s+)?(?:{_alternation(f.words.lookback_words)})\s+(?P<count>{f.count})\s+(?P<step>months|quarters)\b",
    lambda f: _with_the(f.words.lookback_words),
)
def _past_months(m: re.Match[str], g: Groups) -> TimeRef | None:
    """ "over the past three months" at a March briefing: the three whole months before it; "the
    past three quarters": the three whole quarters before the briefing's."""
    n = _count(g["count"])
    form: Form = "past_months" if _text(g["step"]).lower() == "months" else "past_quarters"
    return TimeRef(*_span(m), "point", form, high=n) if n else None


@_alternative(
    "since_month",
    # "since the coup on 1 February", "since our meeting in September", "since the May meeting"
    lambda f: rf"\bsince\s+(?:(?:the|our|their|its|last)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:on|in)\s+)?(?:the\s+)?"
    rf"(?:{_WEEKDAY}\s+)?"
    rf"(?:(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<month>{f.month}){f.not_month}"
    rf"(?:\s+(?P<day_after>[0-3]?\d)(?:st|nd|rd|th)?\b)?(?:\s*,?\s+(?P<year>{f.year_ref})\b)?",
    lambda f: {"since"},
)
def _since_month(m: re.Match[str], g: Groups) -> TimeRef | None:
    """ "since November 2023" runs from that month to the briefing's; "since July" from the last July."""
    month = _month(g["month"])
    day = int(g["day"] or g["day_after"] or 0)
    return TimeRef(*_span(m), "point", "since", low=month, high=month, day=day, **_year_fields(g["year"]))


@_alternative(
    "since",
    # "since 2012", "since the start of 2020", "since the peak at the end of 2022"
    lambda f: rf"\bsince\s+(?:(?:the|our|their|its)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:on|in|at)\s+)?"
    rf"(?:the\s+(?:start|beginning|end)\s+of\s+)?(?P<year>{f.year_ref})",
    lambda f: {"since"},
)
def _since(m: re.Match[str], g: Groups) -> TimeRef | None:
    return TimeRef(*_span(m), "point", "since", **_year_fields(g["year"]))


@_alternative(
    "past_years",
    lambda f: rf"\b(?:the\s+)?(?:{_alternation(f.words.lookback_words)})\s+(?P<count>{f.count})\s+years\b",
    lambda f: _with_the(f.words.lookback_words),
)
def _past_years(m: re.Match[str], g: Groups) -> TimeRef | None:
    return _look_back(m, _count(g["count"]))


@_alternative(
    "past_decade",
    lambda f: rf"\b(?:the\s+)?(?:{_alternation(f.words.lookback_words)})\s+decade\b",
    lambda f: _with_the(f.words.lookback_words),
)
def _past_decade(m: re.Match[str], g: Groups) -> TimeRef | None:
    return _look_back(m, 10)


def _look_back(m: re.Match[str], years: int) -> TimeRef | None:
    # "the best of the past five years" compares over a window; it dates nothing else.
    scope: Scope = "self" if _COMPARISON_BEFORE.search(m.string[max(0, m.start() - 8) : m.start()]) else "point"
    return TimeRef(*_span(m), scope, "past", low=years) if years else None


@_alternative(
    "next_years",
    lambda f: rf"\b(?:the\s+)?(?:{_alternation(f.words.lookahead_words)})\s+(?P<count>{f.count})\s+years\b",
    lambda f: _with_the(f.words.lookahead_words),
)
def _next_years(m: re.Match[str], g: Groups) -> TimeRef | None:
    n = _count(g["count"])
    return TimeRef(*_span(m), "point", "ahead", low=n) if n else None


@_alternative(
    "next_months",
    lambda f: rf"\b(?:the\s+)?(?:{_alternation(f.words.lookahead_words)})\s+(?P<count>{f.count})\s+(?P<step>months|quarters)\b",
    lambda f: _with_the(f.words.lookahead_words),
)
def _next_months(m: re.Match[str], g: Groups) -> TimeRef | None:
    """ "the next six months" at a July briefing: the six whole months after it (August to
    January), as "the past six months" are the six before it."""
    n = _count(g["count"])
    form: Form = "next_months" if _text(g["step"]).lower() == "months" else "next_quarters"
    return TimeRef(*_span(m), "point", form, high=n) if n else None


@_alternative(
    "years_ago",
    lambda f: rf"\b(?P<count>{f.count}|a)\s+years?\s+(?:ago|earlier|before)\b",
    lambda f: f.numbers | {"a year", "a years", _DIGIT},
)
def _years_ago(m: re.Match[str], g: Groups) -> TimeRef | None:
    count = _text(g["count"])
    n = 1 if count.lower() == "a" else _count(count)
    return TimeRef(*_span(m), "point", "year", year_shift=-n) if n else None


@_alternative(
    "months_ago",
    lambda f: rf"\b(?P<count>{f.count}|a)\s+months?\s+(?:ago|earlier)\b",
    lambda f: f.numbers | {"a month", "a months", _DIGIT},
)
def _months_ago(m: re.Match[str], g: Groups) -> TimeRef | None:
    """ "Twelve months ago iron ore was at $120" at a December 2014 briefing: December 2013."""
    count = _text(g["count"])
    n = 1 if count.lower() == "a" else _count(count)
    return TimeRef(*_span(m), "point", "months", month_shift=-n) if n else None


@_alternative(
    "run_of_years",
    lambda f: rf"\b(?P<count>{f.count})\s+(?:{_alternation(f.words.run_words)})\s+years\b",
    lambda f: f.numbers | {_DIGIT},
)
def _run_of_years(m: re.Match[str], g: Groups) -> TimeRef | None:
    n = _count(g["count"])
    return TimeRef(*_span(m), "run", "run", low=n) if n else None


@_alternative(
    "nth_year_of_a_run",
    # "That's the second straight year of decline": a run of two years, this one the last.
    lambda f: rf"\b(?:the\s+)?(?P<ordinal>{_alternation(f.words.run_ordinals)}|\d{{1,2}}(?:st|nd|rd|th))\s+"
    rf"(?:(?:{_alternation(f.words.run_words)})\s+year|year\s+(?:{_alternation(f.words.run_suffixes)}))\b",
    lambda f: _with_the({*f.words.run_ordinals, _DIGIT}),
)
def _nth_year_of_a_run(m: re.Match[str], g: Groups) -> TimeRef | None:
    ordinal = _text(g["ordinal"]).lower()
    n = int(ordinal[:-2]) if ordinal[0].isdigit() else load_words().run_ordinals[ordinal]
    return TimeRef(*_span(m), "run", "run", low=n) if n > 1 else None


@_alternative(
    "years_in_a_run",
    lambda f: rf"\b(?P<count>{f.count})\s+years\s+(?:{_alternation(f.words.run_suffixes)})\b",
    lambda f: f.numbers | {_DIGIT},
)
def _years_in_a_run(m: re.Match[str], g: Groups) -> TimeRef | None:
    return _run_of_years(m, g)


@_alternative(
    "relative_month",
    lambda f: rf"\b(?P<phrase>{_alternation(f.words.relative_months)})\b",
    lambda f: set(f.words.relative_months),
)
def _relative_month(m: re.Match[str], g: Groups) -> TimeRef | None:
    return TimeRef(*_span(m), "point", "months", month_shift=load_words().relative_months[_text(g["phrase"]).lower()])


@_alternative(
    "relative_day",
    lambda f: rf"\b(?P<phrase>{_alternation(f.words.relative_days)})\b",
    lambda f: set(f.words.relative_days),
)
def _relative_day(m: re.Match[str], g: Groups) -> TimeRef | None:
    if _SINCE_BEFORE.search(m.string, max(0, m.start() - 8), m.start()):
        return TimeRef(*_span(m), "now", "none")  # "an increase of 2472 cases since yesterday": a change up to now
    return TimeRef(*_span(m), "point", "day", day_shift=load_words().relative_days[_text(g["phrase"]).lower()])


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@_alternative(
    "weekday",
    # A weekday before its date ("Monday 1 September", "Tuesday, May 18th") leaves the date to say it.
    lambda f: rf"\b(?P<weekday>{_WEEKDAY})\b(?!\s+(?:the\s+)?\d|,?\s+{f.month})",
    lambda f: set(_WEEKDAYS),
)
def _weekday(m: re.Match[str], g: Groups) -> TimeRef | None:
    """ "cases reached 5.9 million Tuesday", "on Monday": the last such day, the briefing's own
    included. "last Saturday" may be of the week before, "next Monday" is to come and "through
    Monday" bounds a total: those are left unread."""
    if _SINCE_BEFORE.search(m.string, max(0, m.start() - 8), m.start()):
        return TimeRef(*_span(m), "now", "none")
    if _WEEKDAY_UNREAD_AFTER.search(m.string, max(0, m.start() - 12), m.start()):
        return None
    return TimeRef(*_span(m), "point", "day", weekday=_WEEKDAYS.index(_text(g["weekday"]).lower()))


_WEEKDAY_UNREAD_AFTER = re.compile(r"\b(?:last|past|next|this|coming|through|until|till|by)\s+$", re.IGNORECASE)
_SINCE_BEFORE = re.compile(r"\b(?:since|from|than)\s+$", re.IGNORECASE)


@_alternative(
    "relative_year",
    lambda f: rf"\b(?P<phrase>{f.relative_year})\b",
    lambda f: set(f.words.relative_years),
)
def _relative_year(m: re.Match[str], g: Groups) -> TimeRef | None:
    return TimeRef(*_span(m), "point", "year", **_year_fields(g["phrase"]))


@_alternative(
    "year",
    lambda f: rf"(?<![\d,.$¥€£/-])(?P<year>{_YEAR})(?!\d|,\d|%|\.\d|\s*(?:percent|per cent|yuan|dollars)\b)",
    lambda f: {_DIGIT},
)
def _year(m: re.Match[str], g: Groups) -> TimeRef | None:
    if _NAME_BEFORE_YEAR.search(m.string[max(0, m.start() - 24) : m.start()]):
        return None  # "the Trade Act of 1974": a name, not a time
    if m.string[max(0, m.start() - 4) : m.start()].lower() == "the " and _event_after().match(m.string, m.end()):
        return None  # "the 2022 election": the year names an event
    if counts_a_noun(m.string[max(0, m.start() - _YEAR_CONTEXT) : m.start()], m.string[m.end() : m.end() + _YEAR_CONTEXT]):
        return None  # "and 2000 cartridges": a count, not a time
    return TimeRef(*_span(m), "point", "year", year=int(_text(g["year"])))


@_alternative(
    "fiscal_year",
    lambda f: rf"\b(?:(?-i:{_alternation(f.words.fiscal_abbreviations)})\s?|(?:{_alternation(f.words.fiscal_words)})\s+)"
    rf"(?P<year>{_YEAR}|\d\d)(?![\d%])",
    lambda f: set(f.words.fiscal_words) | {a.lower() for a in f.words.fiscal_abbreviations},
)
def _fiscal_year(m: re.Match[str], g: Groups) -> TimeRef | None:
    return TimeRef(*_span(m), "point", "year", year=_full_year(_text(g["year"])), fiscal=True)


def _full_year(digits: str) -> int:
    """A year written in four digits, or in two ("FY25"): the nearest century, 2000s up to '50."""
    year = int(digits)
    if year >= 100:
        return year
    return 2000 + year if year <= 50 else 1900 + year


@_alternative(
    "now",
    lambda f: rf"\b(?:{_alternation(f.words.now_cues)})\b",
    lambda f: set(f.words.now_cues),
)
def _now(m: re.Match[str], g: Groups) -> TimeRef | None:
    return TimeRef(*_span(m), "now", "none")


@_alternative(
    "standing",
    lambda f: rf"\b(?:{_alternation(f.words.standing_cues)})\b",
    lambda f: set(f.words.standing_cues),
)
def _standing(m: re.Match[str], g: Groups) -> TimeRef | None:
    return TimeRef(*_span(m), "standing", "none")


@dataclass(frozen=True)
class PeriodPatterns:
    """The alternatives as one alternation, tried where a word a reference can open with stands,
    each in a group named after it and its own groups renamed to be local to it."""

    sources: tuple[str, ...]  # each alternative's pattern in its named group, in order
    alternation: re.Pattern[str]
    opening_phrases: frozenset[str]  # every word or phrase an alternative opens with, but a digit alone
    readers: dict[str, tuple[Reader, tuple[tuple[str, str], ...]]]  # name -> its reader, its groups' names
    # (each group's name in the alternative's pattern, and in the alternation)


_GROUP = re.compile(r"\(\?P<(\w+)>")


@lru_cache(maxsize=1)
def patterns() -> PeriodPatterns:
    f = _fragments(load_words())
    sources: list[str] = []
    readers: dict[str, tuple[Reader, tuple[tuple[str, str], ...]]] = {}
    for alt in ALTERNATIVES:
        pattern = alt.pattern(f)
        readers[alt.name] = (alt.read, tuple((name, f"{alt.name}__{name}") for name in _GROUP.findall(pattern)))
        sources.append(f"(?P<{alt.name}>{_with_group_names_of(alt.name, pattern)})")
    alternation = re.compile("|".join(sources), re.IGNORECASE)
    opening_phrases = frozenset(phrase for alt in ALTERNATIVES for phrase in alt.opens_with(f) if not phrase[0].isdigit())
    return PeriodPatterns(tuple(sources), alternation, opening_phrases, readers)


def _with_group_names_of(name: str, pattern: str) -> str:
    """`pattern` with its groups renamed `name__group`: group names then need be unique only
    within one alternative, and its reader reads them by their own names."""
    return _GROUP.sub(lambda group: f"(?P<{name}__{group[1]}>", pattern)


def _text(group: str | None) -> str:
    """A group every match of its alternative holds."""
    assert group is not None
    return group


def _count(word: str | None) -> int:
    word = _text(word)
    return int(word) if word.isdigit() else load_words().numbers.get(word.lower(), 0)


def _month(word: str | None) -> int:
    word = _text(word)
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
    if token[0] in _APOSTROPHES:
        return {"year": _full_year(token[1:])}
    cleaned = " ".join(token.lower().split())
    if cleaned == "the year":
        return {"year_shift": 0}
    return {"year_shift": load_words().relative_years[cleaned]}


# Windows and runs date the figure they govern even after "over" or "from" ("over the past three months").
_NEVER_A_BASE = frozenset(
    {"years", "past", "ahead", "run", "since", "none", "month_window", "quarter_window", "past_months", "past_quarters",
     "next_months", "next_quarters"}
)


def _ref_from_match(m: re.Match[str]) -> TimeRef | None:
    name = m.lastgroup
    assert name is not None  # every alternative is a named group
    read, groups = patterns().readers[name]
    ref = read(m, {local: m.group(full) for local, full in groups})
    if ref is not None and not ref.ahead and (_compared_on(m) or (ref.form not in _NEVER_A_BASE and _is_comparison_base(m))):
        # "compared with the same period last year", "from July": the base of a change, not its period.
        return TimeRef(ref.start, ref.end, "compare", ref.form)
    return ref


def _is_comparison_base(m: re.Match[str]) -> bool:
    if _FROM_OPENS.match(m.group(0)):
        return False  # "from January to April" opens a range
    return _COMPARISON_LEAD.search(m.string[max(0, m.start() - 48) : m.start()]) is not None


def _compared_on(m: re.Match[str]) -> bool:
    """"a 45 percent increase on the previous three months", "up 3% on last year": a base even
    where the time is a look back, which after "over" would be the period."""
    return _ON_BEFORE.search(m.string, max(0, m.start() - 4), m.start()) is not None and _EARLIER_TIME.match(m.group(0)) is not None


# "on" compares only with a time said to be earlier: "on Monday" and "on 1 September" are dates.
_ON_BEFORE = re.compile(r"\bon\s+$", re.IGNORECASE)
_EARLIER_TIME = re.compile(r"(?:the\s+)?(?:previous|preceding|prior|last|same)\b|a\s+year\s+(?:ago|earlier)\b", re.IGNORECASE)


_COMPARISON_LEAD = re.compile(
    r"\b(?:than|compared\s+(?:with|to)|from|over|versus|vs\.?|relative\s+to|against|below|above)\s+"
    r"(?:(?:projected|expected|estimated|forecast|anticipated|reported|planned|seen)\s+(?:in\s+|at\s+)?)?"
    r"(?:(?:that|those|the\s+level|the\s+figure)\s+(?:(?:in|of|for)\s+)?)?(?:the\s+)?"
    r"(?:(?:same|corresponding)\s+(?:period|month|quarter|time)\s+(?:of\s+|in\s+)?)?(?:the\s+)?"
    r"(?:(?:end|beginning|start)\s+of\s+)?$"
    r"|\b(?:same|corresponding)\s+(?:period|month|quarter|time)\s+(?:of\s+|in\s+)?$"
    r"|\bsame\s+as\s+(?:in\s+|at\s+)?(?:the\s+)?$"
    r"|\bthan\s+(?:in|at|during)\s+(?:the\s+)?$"  # "four times higher than in 2016"
    r"|\b(?:that|those)\s+(?:in|of|for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
@lru_cache(maxsize=1)
def _event_after() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:[a-z]+\s+)?(?:{_alternation(load_words().event_nouns)})\b", re.IGNORECASE)


_FROM_OPENS = re.compile(r"from\b", re.IGNORECASE)
_YEAR_CONTEXT = 40  # characters either side of four digits that tell a year from a count
_NAME_BEFORE_YEAR = re.compile(r"\b[A-Z][a-z]+\s+of\s+$")
_COMPARISON_BEFORE = re.compile(r"\b(?:of|than)\s+$")
_LENGTHENED_BY_LOWER_CASE = "\u0130"  # "İ", the one character lower-cased to two (a test checks)


@lru_cache(maxsize=1)
def _opening_word_pattern() -> re.Pattern[str]:
    """In lower-cased text, a digit, or the first word of a word or phrase a reference can begin
    with, where a word starts. Only that word is taken: the next may begin another reference."""
    before_digit = f" {_DIGIT}"
    opening = patterns().opening_phrases
    phrases = scan.trie((p for p in opening if not p.endswith(before_digit)), space=r"\s+")
    # "the 12 months", "the 29th of December": words that open a reference only before a number.
    before_number = scan.trie((p.removesuffix(before_digit) for p in opening if p.endswith(before_digit)), space=r"\s+")
    # An abbreviation glued to its number ("FY25") opens a reference though no word ends after it.
    glued = scan.trie(a.lower() for a in load_words().fiscal_abbreviations)
    return re.compile(rf"(?<!\w)(?:\d|(?={phrases}(?!\w))\w+|(?={before_number}\s+\d)\w+|{glued}(?=\d))")


def find_time_refs(text: str, spans: list[tuple[int, int]] | None = None) -> list[TimeRef]:
    """Every time reference in `text` (or in the given spans of it), in order, none overlapping."""
    refs: list[TimeRef] = []
    alternation = patterns().alternation
    for begin, stop in spans or [(0, len(text))]:
        # Lower-cased with the span's offsets: an "İ" is read as "I".
        low = text[begin:stop].replace(_LENGTHENED_BY_LOWER_CASE, "I").lower()
        # Every reference begins with a word or phrase it can begin with: the alternatives are
        # tried there only.
        done = begin
        for opener in _opening_word_pattern().finditer(low):
            at = begin + opener.start()
            if at < done:
                continue
            m = alternation.match(text, at, stop)
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
    if ref.form == "quarter_window":
        return 3 * ref.low  # a window must have ended
    return ref.low


def _years_back(count: int, anchor: Anchor) -> str:
    # A look back ends with the year in hand, else with the last full year before the briefing.
    last = anchor.carried_year if anchor.carried_year is not None else (None if anchor.year is None else anchor.year - 1)
    if last is None or count <= 0:
        return ""
    return str(last) if count == 1 else f"{last - count + 1}/{last}"


def _step_label(index: int, per_year: int) -> str:
    year, step = divmod(index, per_year)
    return f"{year}-{step + 1:02d}" if per_year == 12 else f"{year}-Q{step + 1}"


def _whole_steps_around(ref: TimeRef, anchor: Anchor) -> str:
    """The `ref.high` whole months (or quarters) before the briefing's own, or after it."""
    if anchor.year is None or anchor.month is None:
        return ""
    per_year = 12 if ref.form in ("past_months", "next_months") else 4
    own = anchor.year * per_year + (anchor.month - 1) * per_year // 12
    if ref.form in ("next_months", "next_quarters"):
        first, last = own + 1, own + ref.high
    else:
        first, last = own - ref.high, own - 1
    return _step_label(last, per_year) if ref.high == 1 else f"{_step_label(first, per_year)}/{_step_label(last, per_year)}"


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
    if ref.form in ("past_months", "past_quarters", "next_months", "next_quarters"):
        return _whole_steps_around(ref, anchor)
    if ref.form == "since":
        start = _base_year(ref, anchor)
        if start is None and ref.low:
            start = _month_year(ref.low, anchor)
        if ref.low and start is not None and anchor.year is not None and anchor.month is not None:
            opened, closed = f"{start}-{ref.low:02d}", f"{anchor.year}-{anchor.month:02d}"
            if opened == closed and ref.day and anchor.day is not None and ref.day < anchor.day:
                # "since Saturday 21 October" at a briefing of 24 October: the days between
                return f"{opened}-{ref.day:02d}/{closed}-{anchor.day:02d}"
            return opened if opened >= closed else f"{opened}/{closed}"
        if start is None or anchor.year is None:
            return "" if start is None else str(start)
        return str(start) if start >= anchor.year else f"{start}/{anchor.year}"
    if ref.day_shift is not None or ref.weekday is not None:
        if anchor.year is None or anchor.month is None or anchor.day is None:
            return ""
        held = date(anchor.year, anchor.month, anchor.day)
        shift = ref.day_shift if ref.day_shift is not None else -((held.weekday() - (ref.weekday or 0)) % 7)
        return (held + timedelta(days=shift)).isoformat()
    if ref.month_shift is not None:
        if anchor.year is None or anchor.month is None:
            return ""
        index = anchor.year * 12 + anchor.month - 1 + ref.month_shift
        return f"{index // 12}-{index % 12 + 1:02d}"
    year = _base_year(ref, anchor)
    if ref.form == "year":
        return "" if year is None else str(year)
    if year is None and ref.ahead and anchor.year is not None and anchor.month is not None and ref.low >= anchor.month:
        # A deadline month not yet past is this year's; one already past ("returned to 90% by the
        # end of April" at a May briefing) is read as any month named without its year.
        year = anchor.year
    if year is None:
        year = anchor.carried_year if anchor.carried_year is not None else _month_year(_first_unknown_month(ref), anchor)
    if year is None:
        return ""
    if ref.form == "month_window":
        end = year * 12 + ref.low - 1
        begin = end - ref.high + 1
        return f"{begin // 12}-{begin % 12 + 1:02d}/{end // 12}-{end % 12 + 1:02d}"
    if ref.form == "quarter_window":
        end = year * 4 + ref.low - 1
        begin = end - ref.high + 1
        return f"{begin // 4}-Q{begin % 4 + 1}/{end // 4}-Q{end % 4 + 1}"
    if ref.form == "quarter":
        return f"{year}-Q{ref.low}"
    if ref.form == "quarters":
        return f"{year}-Q{ref.low}/{year}-Q{ref.high}"
    if ref.form == "day":
        return f"{year}-{ref.low:02d}-{ref.high:02d}"
    if ref.from_now and anchor.year is not None and anchor.month is not None:
        opened, closed = f"{anchor.year}-{anchor.month:02d}", f"{year}-{ref.low:02d}"
        return closed if opened >= closed else f"{opened}/{closed}"
    if ref.low == ref.high:
        return f"{year}-{ref.low:02d}"
    if ref.form == "months" and ref.low % 3 == 1 and ref.high == ref.low + 2:
        # "April-June 2023" is a calendar quarter, written as the guidelines write quarters.
        return f"{year}-Q{(ref.low + 2) // 3}"
    return f"{year}-{ref.low:02d}/{year}-{ref.high:02d}"


def single_year(period: str) -> int | None:
    """The year of a period that is one whole year ("2023"), else None."""
    return int(period) if len(period) == 4 and period.isdigit() else None
