"""The context of each figure: its kind, subject, period and modality.

`annotate(briefing, quantities)` fills those fields in place. The briefing's layout (sentences,
clauses, paragraphs) and its time references are found once per briefing, and only in the
paragraphs that hold a figure; each figure then reads the words of its own clause and sentence.

Periods follow shared/gold/GUIDELINES.md. In order:
- a look back or run that is the figure itself ("the past two years", "three consecutive years");
  none for a window of now that is the figure ("the last 24 hours"), nor for any other length of
  time ("near a 50 year low"): a time named near it dates the figures around it;
- a run of years in the figure's own phrase ("ranked first ... for three consecutive years");
- a time named right after the figure ("6.2% in February"), else the nearest one before it in its
  clause, else the first after it in its clause ("... 120 million tons of coal in 2023");
- none for standing facts: "currently", "annually", "in recent years" in the clause, a counted
  figure after "the" ("the 25.98 million residents") or "in" ("in 31 major cities"), a count that
  introduces a list ("three areas:"), a figure's own goal ("our 2 percent goal"), a clause opened
  by a comparison ("Compared with the end of last year, ...");
- else the nearest earlier reference in its sentence, else the last one earlier in its paragraph
  (carried forward; a deadline after the briefing year is not carried, nor is any period carried
  to a figure said in the present or under a modal, "unemployment remains low at 4.1 per cent",
  which like "now" states how things stand), else one later in its sentence, unless another
  figure stands between them past a comma.
Comparison bases ("than the same period last year", "from July") date nothing. A figure restated
in its paragraph keeps its first period; "N years to go from A to B" spans A's and B's periods;
"57% and 45.9%, respectively" over two years takes one year each.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from podium import scan
from podium.layout import Layout
from podium.model import Briefing, Quantity
from podium.quantities.kinds import classify_kind
from podium.quantities.modality import classify_modality, goal_noun_after
from podium.quantities.periods import (
    Anchor,
    TimeRef,
    find_time_refs,
    resolve_ref,
    single_year,
)
from podium.quantities.subjects import find_subject, is_anaphor, noun_phrase_after, subject_before
from podium.wordtables import lowered, read_table

DATA_FILE = "context_en.yaml"

# Periods: what stands between a figure and its time ("6.2% in February"), what makes a figure
# standing ("the 25.98 million residents", "in 31 major cities", "three areas:"), and ranges.
_POINTS_BACK = re.compile(r"\b(?:it|that)(?:['’]s|\s+(?:was|is|were|will\s+be|has\s+been|had\s+been|would\s+be))\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_OPENS_ON_PRONOUN = re.compile(r"\s*(?:it|this|that|we|they)\b(?!\s+(?:is|was)\s+(?:a|an|the)\b)", re.IGNORECASE)
_TIME_AFTER = re.compile(
    r"\s*,?\s*(?:both\s+)?(?:(?:in|for|during|over|through|throughout|until|by|as\s+of|at\s+the\s+end\s+of|by\s+the\s+end\s+of|of)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_TO_AFTER_BASE = re.compile(r"\W*(?:\w+\W+){0,3}?to\b", re.IGNORECASE)  # "7% | in 2022 to 2.7%"
_DEFINITE_BEFORE = re.compile(r"\bthe\s*$", re.IGNORECASE)
_PLACE_BEFORE = re.compile(r"\b(?:in|among|across)\s*(?:the\s*)?$", re.IGNORECASE)
_ENUMERATION = re.compile(r"[^.;:!?]*:\s*$")
_RESPECTIVELY_WORD = "respectively"
_RESPECTIVELY = re.compile(rf"\b{_RESPECTIVELY_WORD}\b", re.IGNORECASE)
_QUARTERLY = re.compile(r"\b(?:quarterly|each\s+quarter|(?:four|four\s+consecutive)\s+quarters|by\s+quarter)\b", re.IGNORECASE)
_FROM_BETWEEN = re.compile(r"\bfrom\b", re.IGNORECASE)
_BASE_BEFORE = re.compile(
    r"\bfrom\s+(?:(?:a|the|its|their)\s+(?:\w+\s+)?(?:peak|high|low|level|rate)\s+of\s+)?"
    r"(?:(?:about|around|some|over|nearly|almost|roughly)\s+)?$",
    re.IGNORECASE,
)
_AND_BETWEEN = re.compile(r"\s*,?\s*and\s+(?:in\s+|for\s+)?$", re.IGNORECASE)
_GOAL_BEFORE = re.compile(r"\b(?:target|goal)\s+(?:band|range)\s+of\s+$", re.IGNORECASE)  # not "a target of 5% this year"
_DOWN_ON_BEFORE = re.compile(r"\b(?:up|down)\s+on\s+(?:the\s+)?$", re.IGNORECASE)  # "well down on the 6.1 per cent"
_CLAUSE_END = re.compile(r"[\s.,;:!?)\"”’]*$")
_TO_BETWEEN = re.compile(r"^\W*(?:\w+\W+){0,2}?to\b", re.IGNORECASE)
_CLAUSE_COMMA = re.compile(r",\s")  # a comma inside a number ("1,000") has no space after it
_YEAR_RANGE = re.compile(r"^(\d{4})/(\d{4})$")
_MONTH_RANGE = re.compile(r"^(\d{4})-(\d{2})/(\d{4})-(\d{2})$")
_QUARTER_RANGE = re.compile(r"^(\d{4})-Q([1-4])/(\d{4})-Q([1-4])$")

# Kinds: a fraction word is a share; a bracket restates the figure before ("(3 million tons)");
# in "increased by 57% and " before 45.9%, the figures listed ahead are no cue words.
_PERCENT_SIGN = re.compile(r"%|percent|per cent", re.IGNORECASE)
_OPEN_BRACKET = re.compile(r"\(\s*(?:(?:about|around|approximately|roughly|some|over|more than|nearly|almost|or)\s+)?$", re.IGNORECASE)
_LIST_JOINT = re.compile(r"(?:,|\band|\bor)\s*$", re.IGNORECASE)
# One listed figure and the joint after it, as an atomic group: a number's own commas and points
# are followed by a digit, so a run such as "1,2,3," splits one way only and a failed match
# cannot retry every split (which took minutes on a list of thirty numbers).
_LISTED_FIGURES = re.compile(r"(?>[.,]?\d+(?:[.,]\d+)*\s*(?:%|percent|per cent|times)?\s*(?:,|and|or)\s*)+$", re.IGNORECASE)

_OPENING = 40  # a time reference this near its clause's start opens the clause
_CUE_REACH = 240  # cue words stand within this many characters of their figure
# A figure's subject, and the time references that date it, are read from at most this many
# characters on either side of it: more than any clause of ../shared/corpus holds (441 at most),
# and it keeps a sentence of thousands of listed figures from being read again for each one.
_CONTEXT_REACH = 600


def _words_right_before(key: str) -> re.Pattern[str]:
    """Matches one of the words listed under `key` in context_en.yaml (and "the") right before a time."""
    raw: dict[str, Any] = read_table(DATA_FILE)
    words = scan.trie(set(lowered(raw[key])), space=r"\s+")
    return re.compile(rf"\b(?:{words})\s+(?:the\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def deadline_pattern() -> re.Pattern[str]:
    """Matches the words between a figure and the time that is its deadline ("... by the end of")."""
    return _words_right_before("deadline_words")


@dataclass(frozen=True)
class _TenseWords:
    present: frozenset[str]
    modal: frozenset[str]
    past: frozenset[str]
    pointing_back: frozenset[str]


@lru_cache(maxsize=1)
def _tense_words() -> _TenseWords:
    raw: dict[str, Any] = read_table(DATA_FILE)
    return _TenseWords(*(frozenset(lowered(raw[key])) for key in ("present_verbs", "modal_verbs", "past_verbs", "pointing_back")))


_WORD = re.compile(r"[A-Za-z]+|['’][a-z]+")


def _tense(words: list[str], tables: _TenseWords) -> str:
    """'now' for a present verb, 'modal' for a modal, 'past' for a past or perfect verb, '' when
    no verb of the tables stands in `words` (read in the order given, nearest the figure first)."""
    for i, word in enumerate(words):
        if word in tables.present:
            return "now"
        if word in tables.modal:
            return "modal"
        if word in tables.past:
            # "we will have 50,000 places": a modal before "have" governs it
            return "modal" if i + 1 < len(words) and words[i + 1] in tables.modal else "past"
    return ""


def _clause_tense(text: str, qty: Quantity, clause: tuple[int, int]) -> str:
    """The tense of the figure's clause (`_tense`): the verb nearest before it, else the first after."""
    tables = _tense_words()
    before = [w.lower() for w in _WORD.findall(text, max(clause[0], qty.start - _CUE_REACH), qty.start)]
    after = [w.lower() for w in _WORD.findall(text, qty.end, min(clause[1], qty.end + _CUE_REACH))]
    return _tense(before[::-1], tables) or _tense(after, tables)


def _now_of_what_came_before(layout: _Layout, sentence: tuple[int, int], ref: TimeRef) -> bool:
    """Whether a "now" only says how what the sentence before named stands today: the sentence opens
    on one pronoun pointing back to it (`pointing_back` in context_en.yaml) right before "now", and
    the period carried from it is not yet over ("The inflation forecast for 2012 has been revised ...
    It now stands at 2.3%", said in 2012). After a past period ("In 2023 output rose. It now stands
    at 7%") "now" is the present, of no period."""
    words = _WORD.findall(layout.text, sentence[0], ref.start)
    if len(words) != 1 or words[0].lower() not in _tense_words().pointing_back or layout.anchor.year is None:
        return False
    carried = layout.carried_into(layout.paragraph(sentence[0])[0], sentence[0])
    return carried is not None and layout.periods[carried][:4].isdigit() and int(layout.periods[carried][:4]) >= layout.anchor.year


_SINCE_SOMETHING = re.compile(r"\bsince\s+(?:the|its|their|our|his|her|this|that)\s+[A-Za-z]", re.IGNORECASE)


def _since_unread(layout: _Layout, sentence: tuple[int, int]) -> bool:
    """Whether the sentence dates its figures from something no time reference reads ("a 20 per
    cent fall in wheat prices since the Budget", "arrested since the coup"): the period the
    paragraph carries is not theirs."""
    for m in _SINCE_SOMETHING.finditer(layout.text, sentence[0], sentence[1]):
        # "since the start of the year" is a reference (with or without its "since"); "the Budget" is none
        if not any(layout.refs[i].start <= m.end() - 1 < layout.refs[i].end for i in layout.refs_between(m.start(), sentence[1])):
            return True
    return False


def _said_as_now(text: str, qty: Quantity, clause: tuple[int, int]) -> bool:
    """Whether the figure's clause is in the present or under a modal (`present_verbs` in
    context_en.yaml), so no earlier period is carried to it."""
    tables = _tense_words()
    if _clause_tense(text, qty, clause) not in ("now", "modal"):
        # A past verb, or no verb of the tables, keeps the carry. A word ending in -ed decides
        # nothing: it may be an adjective ("equivalent to the displaced population ... would make").
        return False
    # "This is a $718 million increase": the clause points back to the sentence before.
    opening = [w.lower() for w in _WORD.findall(text, clause[0], min(qty.start, clause[0] + _OPENING))[:2]]
    return not (len(opening) == 2 and opening[0] in tables.pointing_back and opening[1] in tables.present)


def _deadline_after(layout: _Layout, points: list[int], qty: Quantity) -> int | None:
    """The first time after the figure in its clause that is its deadline, with no other figure
    between them ("keep growth at 5% and build 200 km of railway by 2026": 2026 dates the 200 km)."""
    for i in points:
        ref = layout.refs[i]
        if ref.start < qty.end:
            continue
        between = layout.text[qty.end : ref.start]
        if any(ch.isdigit() for ch in between):
            return None
        if deadline_pattern().search(between):
            return i
    return None


def _tail(before: str, reach: int = _CUE_REACH) -> str:
    """The end of a clause before a figure, cut at a word start, so cue searches stay short."""
    if len(before) <= reach:
        return before
    cut = before.find(" ", len(before) - reach)
    return before[cut + 1 :] if cut >= 0 else before[-reach:]


def _opens_bracket(before: str) -> bool:
    """Whether `before` ends in an open bracket ("(about "). Only spaces and words follow the
    bracket in a match, so it starts at the last "(": one match there, not a search of the clause."""
    at = before.rfind("(")
    return at >= 0 and _OPEN_BRACKET.match(before, at) is not None


def _without_listed_figures(before: str) -> str:
    if not _LIST_JOINT.search(before[-6:]):
        return before  # most figures follow no list: skip the costlier search
    return _LISTED_FIGURES.sub("", before)


@dataclass
class _Layout:
    """The briefing's layout (`lines`: its sentences and paragraphs) with every time reference and
    its resolved period."""

    text: str
    lines: Layout
    refs: list[TimeRef]
    ref_starts: list[int]
    periods: list[str]
    stated_periods: set[str]  # periods some reference states with its year ("In 2023")
    anchor: Anchor
    # For each reference, the last one up to it whose period later sentences take over (a point,
    # not a deadline), or -1: a figure finds what its paragraph carries with one bisect.
    last_carried: list[int] = field(default_factory=list)

    def sentence(self, offset: int) -> tuple[int, int]:
        return self.lines.sentence(offset)

    def paragraph(self, offset: int) -> tuple[int, int]:
        return self.lines.paragraph(offset)

    def refs_between(self, start: int, end: int) -> list[int]:
        """Indexes of the references lying wholly inside [start, end)."""
        first = bisect_right(self.ref_starts, start - 1)
        out = []
        for i in range(first, len(self.refs)):
            if self.refs[i].start >= end:
                break
            if self.refs[i].end <= end:
                out.append(i)
        return out

    def carried_into(self, paragraph_start: int, sentence_start: int) -> int | None:
        """The last reference wholly in [paragraph_start, sentence_start) that carries its period
        forward, if any."""
        last = bisect_left(self.ref_starts, sentence_start) - 1
        if last >= 0 and self.refs[last].end > sentence_start:
            last -= 1  # references never overlap, so only the last one can reach past the start
        carried = self.last_carried[last] if last >= 0 else -1
        return carried if carried >= 0 and self.refs[carried].start >= paragraph_start else None


def _anchor(briefing: Briefing) -> tuple[Anchor, bool]:
    """The briefing's year and month, and whether the year is only inferred."""
    if briefing.date and re.match(r"\d{4}", briefing.date):
        month = int(briefing.date[5:7]) if re.match(r"\d{4}-\d{2}", briefing.date) else None
        day = int(briefing.date[8:10]) if re.match(r"\d{4}-\d{2}-\d{2}", briefing.date) else None
        return Anchor(year=int(briefing.date[:4]), month=month, day=day), False
    if briefing.inferred_year:
        return Anchor(year=briefing.inferred_year), True
    return Anchor(year=None), False


def _resolve_all(refs: list[TimeRef], lines: Layout, anchor: Anchor) -> tuple[list[str], set[str]]:
    """Each reference's period, a look back ("the past two years") ending at the year carried
    from earlier in its paragraph; and the periods stated outright, which need no briefing year."""
    periods: list[str] = []
    stated: set[str] = set()
    carried: int | None = None
    paragraph = -1
    for ref in refs:
        here = lines.paragraph_index(ref.start)
        if here != paragraph:
            paragraph, carried = here, None
        period = resolve_ref(ref, Anchor(anchor.year, anchor.month, carried, anchor.day))
        periods.append(period)
        # A period already known as stated needs no second resolution to tell.
        if period and period not in stated and resolve_ref(ref, Anchor(None, None, carried)) == period:
            stated.add(period)
        if ref.scope == "point" and single_year(period) is not None:
            carried = single_year(period)
    return periods, stated


@lru_cache(maxsize=1)
def _as_of_before() -> re.Pattern[str]:
    return _words_right_before("as_of_words")


_MONTH_PERIOD = re.compile(r"\d{4}-\d{2}")


def _end_windows_as_of(refs: list[TimeRef], periods: list[str], lines: Layout) -> None:
    """"As of 31 August, ... had killed 11,743 civilians since 24 February 2022": the window the
    "since" opens ends at the month of the "as of" date of its sentence, not at the briefing; the
    date only ends that window, so it names the same window (in place, in `periods`)."""
    for i, ref in enumerate(refs):
        if ref.form != "since" or not ref.low or not _MONTH_PERIOD.match(periods[i]):
            continue
        sentence_start = lines.sentence(ref.start)[0]
        j = i - 1
        while j >= 0 and refs[j].start >= sentence_start:
            end = refs[j]
            if end.scope == "point" and end.form != "since" and _as_of_before().search(lines.text, max(sentence_start, end.start - 16), end.start):
                opened, closed = periods[i][:7], periods[j][:7]
                if _MONTH_PERIOD.fullmatch(closed) and opened < closed:
                    periods[i] = periods[j] = f"{opened}/{closed}"
                break
            j -= 1


_APPOSITION = re.compile(r"\s*,\s*$")


def _name_apposed_years(refs: list[TimeRef], periods: list[str], text: str) -> None:
    """"up from 4.3% in the previous year, 2022": a year set after a relative one names it, whatever
    the relative one would be counted from (in place, in `periods`)."""
    for i in range(len(refs) - 1):
        relative, named = refs[i], refs[i + 1]
        if relative.form != "year" or relative.year_shift is None or named.form != "year" or named.year is None:
            continue
        if _APPOSITION.match(text[relative.end : named.start]) and single_year(periods[i + 1]) is not None:
            periods[i] = periods[i + 1]


def _spans_with_figures(lines: Layout, quantities: list[Quantity] | None) -> list[tuple[int, int]]:
    """The paragraphs that hold a figure, merged: nothing outside them can date or bound one."""
    if quantities is None:
        return [(0, len(lines.text))]
    spans: list[tuple[int, int]] = []
    for qty in sorted(quantities, key=lambda q: q.start):
        if spans and spans[-1][0] <= qty.start < spans[-1][1]:
            continue  # in a paragraph already taken: a span ends where a paragraph does
        start, end = lines.paragraph(qty.start)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


def _outside_furniture(refs: list[TimeRef], briefing: Briefing) -> list[TimeRef]:
    """Drop references in page furniture (a running header "April 27, 2011 ... Press Conference"
    that the structure stage marked): they date the page, not the figures around it."""
    furniture = sorted((int(s), int(e)) for s, e in briefing.metadata.get("furniture") or ())
    if not furniture:
        return refs
    starts = [s for s, _ in furniture]
    kept = []
    for ref in refs:
        i = bisect_right(starts, ref.start) - 1
        if i < 0 or furniture[i][1] <= ref.start:
            kept.append(ref)
    return kept


def build_layout(briefing: Briefing, quantities: list[Quantity] | None = None) -> tuple[_Layout, bool]:
    """The layout of the briefing; given the quantities, only of the paragraphs that hold one."""
    lines = briefing.layout
    spans = _spans_with_figures(lines, quantities)
    refs = _outside_furniture(find_time_refs(briefing.text, spans), briefing)
    anchor, inferred = _anchor(briefing)
    periods, stated = _resolve_all(refs, lines, anchor)
    _end_windows_as_of(refs, periods, lines)
    _name_apposed_years(refs, periods, briefing.text)
    layout = _Layout(
        text=briefing.text,
        lines=lines,
        refs=refs,
        ref_starts=[r.start for r in refs],
        periods=periods,
        stated_periods=stated,
        anchor=anchor,
    )
    layout.last_carried = _last_carried(layout)
    return layout, inferred


_LOOKS_AHEAD = ("next_months", "next_quarters")  # windows still to come, as a deadline: not carried on


def _last_carried(layout: _Layout) -> list[int]:
    """`_Layout.last_carried`: a point carries its period to the sentences after it, a deadline
    (`_is_future`), a look ahead ("the next six months") and a day named from the briefing's
    ("yesterday") do not. A fiscal year still to come is no deadline: the budget figures after it
    are that year's."""
    out: list[int] = []
    last = -1
    for i, ref in enumerate(layout.refs):
        carries = ref.scope == "point" and ref.day_shift is None and ref.weekday is None and ref.form not in _LOOKS_AHEAD
        if carries and (ref.fiscal or not _is_future(layout, i)):
            last = i
        out.append(last)
    return out


def _clause(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The clause around a figure: its sentence cut at semicolons and colons."""
    s_start, s_end = sentence
    left = max(text.rfind(";", s_start, start), text.rfind(":", s_start, start))
    rights = [i for i in (text.find(";", end, s_end), text.find(":", end, s_end)) if i >= 0]
    return (left + 1 if left >= 0 else s_start), (min(rights) if rights else s_end)


def _nearest(layout: _Layout, indexes: list[int], qty: Quantity) -> int | None:
    before, after = _around(layout, indexes, qty)
    if before is None and after is not None and _figure_between(layout.text, qty.end, layout.refs[after].start):
        return None
    return before if before is not None else after


def _figure_between(text: str, start: int, end: int) -> bool:
    """Whether another figure stands between, past a clause break ("$266 million in new assistance,
    bringing the total to $3.9 billion since 2002"): the time after it is that figure's. Figures
    listed with "and" share the time after them ("120 million tons of coal and 126.3 billion kWh
    of electricity in 2023")."""
    comma = _CLAUSE_COMMA.search(text, start, end)
    return comma is not None and any(ch.isdigit() for ch in text[comma.end() : end])


def _around(layout: _Layout, indexes: list[int], qty: Quantity) -> tuple[int | None, int | None]:
    """Of the (ordered) references, none the figure's own, the last before it and the first after it."""
    refs = layout.refs
    before = after = None
    for i in indexes:
        if refs[i].end <= qty.start:
            before = i
        elif after is None and refs[i].start >= qty.end:
            after = i
    return before, after


@dataclass
class _SentenceRefs:
    """The references of a figure's sentence sorted out in one pass, for `_period`."""

    own: int | None = None  # the first reference the figure stands inside
    runs: list[int] = field(default_factory=list)  # runs of years, the figure's own included
    points: list[int] = field(default_factory=list)  # points in the figure's clause, not its own
    sentence_points: list[int] = field(default_factory=list)  # points in its sentence, not its own
    undated_clause: bool = False  # "currently", "annually" or an opening comparison in the clause


def _sort_sentence_refs(layout: _Layout, qty: Quantity, clause: tuple[int, int], sentence: tuple[int, int]) -> _SentenceRefs:
    found = _SentenceRefs()
    refs = layout.refs
    for i in layout.refs_between(max(sentence[0], qty.start - _CONTEXT_REACH), min(sentence[1], qty.end + _CONTEXT_REACH)):
        ref = refs[i]
        scope = ref.scope
        if scope == "run":
            found.runs.append(i)
        if ref.start < qty.end and qty.start < ref.end:
            if found.own is None:
                found.own = i
            continue
        in_clause = clause[0] <= ref.start and ref.end <= clause[1]
        if scope == "point":
            found.sentence_points.append(i)
            if in_clause:
                found.points.append(i)
        elif scope == "now" and _now_of_what_came_before(layout, sentence, ref):
            continue  # "The forecast for 2012 has been revised. It now stands at 2.3%": the figure is still 2012's
        elif in_clause and (scope in ("now", "standing") or (scope == "compare" and ref.start - clause[0] < _OPENING and ref.end <= qty.start)):
            # "Compared with the end of last year, deposits rose ...": a change up to now. A base
            # after the figure ("a $718 million increase above FY23") opens nothing.
            found.undated_clause = True
    return found


def _period(
    layout: _Layout,
    qty: Quantity,
    kind: str,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    paragraph: tuple[int, int],
    *,
    goal_after: bool | None = None,
) -> str:
    """`goal_after`: whether a goal noun follows the figure (`_goal_after`), if already known."""
    refs = layout.refs
    if goal_after is None:
        goal_after = _goal_after(layout.text, qty, sentence)
    if goal_after:
        return ""  # "our 2 percent longer-run goal": a standing goal, not a figure of any period
    sorted_refs = _sort_sentence_refs(layout, qty, clause, sentence)
    own = sorted_refs.own
    if own is not None and refs[own].form in ("past", "ahead", "run", "past_months", "past_quarters", "next_months", "next_quarters"):
        return layout.periods[own]
    if own is not None and kind == "duration" and refs[own].form == "months" and (refs[own].low, refs[own].high) == (1, qty.value):
        return layout.periods[own]  # "eight months of 2019": the length is of those months
    if own is not None and refs[own].scope in ("now", "standing"):
        return ""  # "in the course of the last 24 hours": a window of now, shorter than any period
    if kind == "duration":
        # A length of time is dated by the look back it is part of ("the past two years"), not by
        # a time named near it: "near a 50 year low", "after two weeks of siege" in a sentence
        # or paragraph about October date the figures around them, not the length.
        return ""
    # "ranked first ... for three consecutive years", "stayed above 100 billion jin for 10
    # consecutive years": the run dates the figure it is said of.
    if kind != "duration":
        run = next((i for i in sorted_refs.runs if _same_phrase(layout.text, qty, refs[i])), None)
        if run is not None:
            return layout.periods[run]
    points = sorted_refs.points
    if qty.unit == "count" and _PLACE_BEFORE.search(layout.text, max(clause[0], qty.start - 12), qty.start):
        return ""  # "this rate in 31 major cities": the figure counts where, not how much
    right_after = next(
        (i for i in points if refs[i].start >= qty.end and _TIME_AFTER.match(layout.text, qty.end, refs[i].start)), None
    )
    if right_after is not None:
        # "5.9% in March": the month named with the figure; "60 percent both this year and in 2026"
        return _joined_years(layout, right_after) or _as_said(layout, right_after, qty, clause)
    deadline = _deadline_after(layout, points, qty)
    if deadline is not None:
        return layout.periods[deadline]
    if not sorted_refs.sentence_points and _is_comparison_base(layout.text, qty, clause):
        return ""  # "eased from a peak of 7% to 2.7%": the base of a move, of no period the sentence states
    if _GOAL_BEFORE.search(layout.text, max(clause[0], qty.start - 40), qty.start):
        return ""  # "inside the target band of 1 to 3 percent": a standing goal, as "our 2 percent goal"
    if _is_trailing_base(layout.text, qty, clause):
        return ""  # "2.8% over the year to September, down from 3.8%": the time is the figure before's
    if not points and qty.unit == "count" and _ENUMERATION.match(layout.text, qty.end, sentence[1]):
        return ""  # "we will focus on three areas:" counts the points that follow
    if points:
        chosen = _nearest(layout, points, qty)
        return _as_said(layout, chosen, qty, clause) if chosen is not None else ""
    if sorted_refs.undated_clause:
        return ""
    if qty.unit == "count" and _DEFINITE_BEFORE.search(layout.text, max(clause[0], qty.start - 12), qty.start):
        return ""  # "the 25.98 million residents": a standing set, not a flow
    before, after = _around(layout, sorted_refs.sentence_points, qty)
    if before is not None:
        return layout.periods[before]
    carried = layout.carried_into(paragraph[0], sentence[0])
    if carried is not None and not _said_as_now(layout.text, qty, clause) and not _since_unread(layout, sentence):
        return layout.periods[carried]
    return layout.periods[after] if after is not None else ""


def _joined_years(layout: _Layout, index: int) -> str:
    """ "both this year and in 2026" after a figure: the two years joined, when they follow one
    another (a list of figures "respectively" takes one year each from the joined window)."""
    if index + 1 >= len(layout.refs):
        return ""
    first, second = single_year(layout.periods[index]), single_year(layout.periods[index + 1])
    if first is None or second != first + 1:
        return ""
    if not _AND_BETWEEN.match(layout.text, layout.refs[index].end, layout.refs[index + 1].start):
        return ""
    return f"{first}/{second}"


def _as_said(layout: _Layout, index: int, qty: Quantity, clause: tuple[int, int]) -> str:
    """The period of a reference in the figure's own clause. A month named without its year in a
    clause under a modal ("inflation will increase to around 4% in September", at an August
    briefing) is the coming one, not the last."""
    ref = layout.refs[index]
    if ref.form != "months" or ref.year is not None or ref.ahead or _clause_tense(layout.text, qty, clause) != "modal":
        return layout.periods[index]
    return resolve_ref(replace(ref, ahead=True), layout.anchor) or layout.periods[index]


def _is_comparison_base(text: str, qty: Quantity, clause: tuple[int, int]) -> bool:
    """ "from a peak of 7% to 2.7%": the figure a move starts from."""
    return bool(_BASE_BEFORE.search(text, max(clause[0], qty.start - 40), qty.start)) and bool(
        _TO_AFTER_BASE.match(text, qty.end, min(clause[1], qty.end + 40))
    )


def _is_trailing_base(text: str, qty: Quantity, clause: tuple[int, int]) -> bool:
    """ "..., down from 3.8%." and "well down on the 6.1 per cent we inherited": the base a figure
    before it moved from, named with no time of its own."""
    before = text[max(clause[0], qty.start - 40) : qty.start]
    if _DOWN_ON_BEFORE.search(before):
        return True
    return bool(_BASE_BEFORE.search(before)) and _CLAUSE_END.match(text, qty.end, clause[1]) is not None


def _goal_after(text: str, qty: Quantity, sentence: tuple[int, int]) -> bool:
    """Whether a goal noun follows the figure in its sentence ("our 2 percent longer-run goal")."""
    return goal_noun_after(text[qty.end : min(qty.end + 60, sentence[1])])


def _is_future(layout: _Layout, index: int) -> bool:
    """A period after the briefing year ("By 2027, we will ...") is a deadline: it dates its own
    sentence but is not carried to the sentences after it."""
    period, year = layout.periods[index], layout.anchor.year
    return bool(period) and year is not None and int(period[:4]) > year


def _same_phrase(text: str, qty: Quantity, ref: TimeRef) -> bool:
    """Whether a rank and a run of years stand in one phrase, with no comma or semicolon between."""
    low, high = (qty.end, ref.start) if ref.start >= qty.end else (ref.end, qty.start)
    return not any(mark in text[low:high] for mark in ",;")


def _is_fraction(qty: Quantity) -> bool:
    return qty.unit == "%" and not _PERCENT_SIGN.search(qty.text)


def _modality(before: str, after: str, period: str, anchor: Anchor, *, goal_after: bool | None = None) -> str:
    modality = classify_modality(before, after, goal_after=goal_after)
    if not period or anchor.year is None:
        return modality
    first_year, last_year = int(period[:4]), int(period.split("/")[-1][:4])
    if modality != "actual" and last_year < anchor.year:
        return "actual"  # a period wholly past cannot hold a promise
    if modality == "actual" and first_year > anchor.year:
        return "target"  # a figure for a year still to come cannot have happened: "reach 5 million by 2030"
    return modality


def _pair_respectively(layout: _Layout, quantities: list[Quantity]) -> None:
    """"increased by 57% and 45.9%, respectively" over "the past two years": one year each (or
    one month, or one quarter, when the period spans months or quarters); "on a quarterly basis,
    ... 5.4%, 5.2%, 5.2% and 5.0%, respectively": one quarter each."""
    by_sentence: dict[tuple[int, int], list[Quantity]] = {}
    for qty in quantities:
        by_sentence.setdefault(layout.sentence(qty.start), []).append(qty)
    for (s_start, s_end), group in by_sentence.items():
        if len(group) < 2:
            continue  # a lone figure lists nothing: no need to search its sentence
        found = _may_say_respectively(layout.text, s_start, s_end) and _RESPECTIVELY.search(layout.text, s_start, s_end)
        if not found:
            continue
        listed = [q for q in group if q.end <= found.start() and q.kind != "duration"]
        if len(listed) < 2 or len({q.period for q in listed}) != 1:
            continue
        steps = _period_steps(listed[0].period)
        if not steps and _QUARTERLY.search(layout.text, s_start, found.start()):
            steps = _quarters(listed[0].period, len(listed), layout.anchor)
        if len(steps) == len(listed):
            for qty, step in zip(listed, steps, strict=True):
                qty.period = step


def _may_say_respectively(text: str, start: int, end: int) -> bool:
    """A cheap test that text[start:end] may hold "respectively": in ASCII, where ignoring case is
    lower-casing, a plain find rules most sentences out before the case-blind regex scan."""
    piece = text[start:end]
    return not piece.isascii() or _RESPECTIVELY_WORD in piece.lower()


def _quarters(period: str, count: int, anchor: Anchor) -> list[str]:
    """The first `count` quarters of the period's year, or of the latest year in which the last
    of them has begun."""
    year = single_year(period)
    if year is None and not period and anchor.year is not None and count <= 4:
        year = anchor.year - 1 if anchor.month is not None and 3 * count - 2 > anchor.month else anchor.year
    return [] if year is None or count > 4 else [f"{year}-Q{q}" for q in range(1, count + 1)]


def _period_steps(period: str) -> list[str]:
    """The years, months or quarters a period range runs through, in order."""
    if m := _YEAR_RANGE.match(period):
        return [str(y) for y in range(int(m[1]), int(m[2]) + 1)]
    if m := _MONTH_RANGE.match(period):
        first, last = int(m[1]) * 12 + int(m[2]) - 1, int(m[3]) * 12 + int(m[4]) - 1
        return [f"{i // 12}-{i % 12 + 1:02d}" for i in range(first, last + 1)]
    if m := _QUARTER_RANGE.match(period):
        first, last = int(m[1]) * 4 + int(m[2]) - 1, int(m[3]) * 4 + int(m[4]) - 1
        return [f"{i // 4}-Q{i % 4 + 1}" for i in range(first, last + 1)]
    return []


def _antecedent(layout: _Layout, sentence: tuple[int, int], paragraph: tuple[int, int]) -> str:
    """"the figure for April was 6.0%": the subject of the sentence before, in the paragraph."""
    if sentence[0] <= paragraph[0]:
        return ""
    before = layout.sentence(sentence[0] - 1)
    return subject_before(layout.text[max(before[0], paragraph[0]) : sentence[0]])


def _pointed_back_to(layout: _Layout, sentence: tuple[int, int], paragraph: tuple[int, int]) -> str:
    """"The inflation forecast ... It now stands at 2.3%": the sentence before, in the paragraph,
    when the figure's sentence opens on a pronoun that leaves what it measures to that sentence
    ('It now stands at', 'We are now projecting'); else ""."""
    if sentence[0] <= paragraph[0] or not _OPENS_ON_PRONOUN.match(layout.text, sentence[0]):
        return ""
    before = layout.sentence(sentence[0] - 1)
    return layout.text[max(before[0], paragraph[0]) : sentence[0]]


def _dated_clause(layout: _Layout, clause: tuple[int, int], qty: Quantity) -> bool:
    near = layout.refs_between(max(clause[0], qty.start - _CONTEXT_REACH), min(clause[1], qty.end + _CONTEXT_REACH))
    return any(layout.refs[i].scope == "point" for i in near)


def _date_spans_between_figures(layout: _Layout, quantities: list[Quantity]) -> None:
    """"It took 15 years to go from 100 billion to 200 billion yuan": the years between the
    periods of the two figures."""
    ordered = sorted(quantities, key=lambda q: q.start)
    for i, qty in enumerate(ordered[:-2]):
        low, high = ordered[i + 1], ordered[i + 2]
        if qty.kind != "duration" or layout.sentence(high.start) != layout.sentence(qty.start):
            continue
        if not (_FROM_BETWEEN.search(layout.text, qty.end, low.start) and _TO_BETWEEN.match(layout.text[low.end : high.start])):
            continue
        first, last = single_year(low.period), single_year(high.period)
        if first is not None and last is not None and first < last:
            qty.period = f"{first}/{last}"


def _within_a_sentence(layout: _Layout, before: Quantity, qty: Quantity) -> bool:
    """Whether `before` stands in the sentence of `qty` or in the sentence just before it."""
    lines = layout.lines
    return lines.sentence_index(qty.start) - lines.sentence_index(before.start) <= 1


def annotate(briefing: Briefing, quantities: list[Quantity]) -> None:
    """Fill `kind`, `subject`, `period`, `modality` and `period_inferred` of each quantity in place."""
    if not quantities:
        return
    layout, inferred = build_layout(briefing, quantities)
    text = briefing.text
    prev: Quantity | None = None
    prev_paragraph: tuple[int, int] | None = None
    stated: dict[tuple[float, str], Quantity] = {}  # figures of this paragraph by value and unit
    for qty in sorted(quantities, key=lambda q: q.start):
        sentence = layout.sentence(qty.start)
        paragraph = layout.paragraph(qty.start)
        if prev is not None and prev_paragraph != paragraph:
            prev = None
            stated = {}
        prev_paragraph = paragraph
        clause = _clause(text, sentence, qty.start, qty.end)
        clause_before = text[clause[0] : qty.start]
        after = text[qty.end : sentence[1]]
        tail = _tail(clause_before)
        restated = prev is not None and _opens_bracket(clause_before)
        same_sentence = prev is not None and prev.start >= sentence[0]
        if restated and prev is not None:
            # "6 billion jin (3 million metric tons)": the same figure in other units.
            qty.kind, qty.subject = prev.kind, prev.subject
        else:
            cue_text = _without_listed_figures(tail)
            kind = classify_kind(
                qty.unit, cue_text, after[:_CUE_REACH], fraction=_is_fraction(qty),
                antecedent=_pointed_back_to(layout, sentence, paragraph),
            )
            # "Growth will be 2.9 percent. Last year, it was 5.7 percent": a figure whose clause only
            # points back takes the kind of the figure before it in the paragraph.
            follows = prev is not None and prev.unit == qty.unit and (same_sentence or bool(_POINTS_BACK.search(tail)))
            qty.kind = kind or (prev.kind if follows and prev is not None else "ratio")
        # Both the period and the modality ask whether a goal noun follows the figure.
        goal_after = _goal_after(text, qty, sentence)
        qty.period = _period(layout, qty, qty.kind, clause, sentence, paragraph, goal_after=goal_after)
        earlier = stated.get((qty.value, qty.unit))
        if earlier is not None and earlier.period and qty.kind == "level" and not _dated_clause(layout, clause, qty):
            qty.period = earlier.period  # "from 100 billion to 200 billion": figures stated before
        stated.setdefault((qty.value, qty.unit), qty)
        # Inferred: the period rests on a year the briefing only implies ("last year" at a briefing
        # whose year was inferred), not on a year the text states.
        qty.period_inferred = inferred and bool(qty.period) and qty.period not in layout.stated_periods
        qty.modality = _modality(tail, after, qty.period, layout.anchor, goal_after=goal_after)  # type: ignore[assignment]
        if not restated:
            # The subject of the figure before lends itself from its own sentence or the one just
            # before: "three emergencies ... [two sentences without a figure] It took our region
            # three months" does not lend the months its emergencies.
            qty.subject = find_subject(
                _tail(clause_before, _CONTEXT_REACH), after[:_CONTEXT_REACH], text=qty.text, unit=qty.unit, kind=qty.kind,
                previous=prev.subject if prev and _within_a_sentence(layout, prev, qty) else "",
                previous_in_sentence=same_sentence,
            )
            if is_anaphor(qty.subject) or (not qty.subject and _OPENS_ON_PRONOUN.match(text, sentence[0])):
                # "The figure for April was 6.0%", "Headline inflation ... It is expected to average 2.6%"
                qty.subject = _antecedent(layout, sentence, paragraph) or qty.subject
            if goal_after and not qty.subject:
                qty.subject = noun_phrase_after(after)  # "our 10% target": the goal the figure sets
        prev = qty
    _pair_respectively(layout, quantities)
    _date_spans_between_figures(layout, quantities)
