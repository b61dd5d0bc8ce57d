"""The kind of a figure (level, change, growth, share, rank, ratio, duration) from its unit and
the words around it; the cue words are in podium/data/kinds_en.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from podium.model import Kind
from podium import scan
from podium.quantities.patterns import AGE_BEFORE
from podium.wordtables import read_table

DATA_FILE = "kinds_en.yaml"
_MAX_PHRASE = 4


@dataclass(frozen=True)
class KindWords:
    """Cue phrases as word tuples, so a cue is a set lookup on the words before a figure."""

    unit_kinds: dict[str, Kind]
    movement: frozenset[tuple[str, ...]]
    movement_words: frozenset[str]
    share: frozenset[tuple[str, ...]]
    per_before: frozenset[tuple[str, ...]]
    qualifiers: frozenset[str]
    movement_after: re.Pattern[str]
    movement_after_noun: re.Pattern[str]
    movement_subject: re.Pattern[str]
    rate_noun: re.Pattern[str]
    per_after: re.Pattern[str]
    change_after: re.Pattern[str]
    temperature_units: frozenset[str]
    ratio_after: re.Pattern[str]
    warming_after: re.Pattern[str]
    per_time: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    # For case-blind patterns: the lower-cased words as a trie, which matches what the words
    # sorted longest first match, testing one branch per letter.
    return scan.trie({str(w).lower() for w in words}, space=r"\s+")


def _phrases(words: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(str(w).lower().split()) for w in words)


@lru_cache(maxsize=1)
def load_words() -> KindWords:
    raw: dict[str, Any] = read_table(DATA_FILE)
    movement = _phrases(raw["movement_words"])
    return KindWords(
        unit_kinds={str(k): v for k, v in raw["unit_kinds"].items()},
        movement=movement,
        movement_words=frozenset(p[0] for p in movement if len(p) == 1),
        share=_phrases(raw["share_words"]),
        per_before=_phrases(raw["per_before"]),
        qualifiers=frozenset(str(w).lower() for w in raw["qualifiers"]),
        movement_after=re.compile(rf"^\s*(?:\)\s*)?,?\s*(?:{_alternation(raw['movement_after'])})\b", re.IGNORECASE),
        movement_after_noun=re.compile(
            rf"^\s*(?!(?:{_alternation(raw['not_movement_noun_modifiers'])})\s)[a-z]+\s+(?:{_alternation(raw['movement_after_noun'])})\b",
            re.IGNORECASE,
        ),
        movement_subject=re.compile(rf"\b(?:{_alternation(raw['movement_nouns'])})\s+(?:in|of)\b", re.IGNORECASE),
        rate_noun=re.compile(
            rf"\b(?:(?P<growth>{_alternation(raw['growth_words'])})|{_alternation(raw['ratio_words'])})s?\b",
            re.IGNORECASE,
        ),
        per_after=re.compile(rf"^\s*(?:\w+\s+){{0,3}}?(?:{_alternation(raw['per_after'])})\b|^\s*/", re.IGNORECASE),
        change_after=re.compile(
            rf"^\s*(?:{_alternation(raw['change_after'])}|(?!(?:or|and|no|much|far|even|any|many|still)\s)[a-z]+\s+(?:{_alternation(raw['change_after_noun'])}))\b", re.IGNORECASE
        ),
        ratio_after=re.compile(rf"^\s*(?:{_alternation(raw['ratio_after'])})\b", re.IGNORECASE),
        temperature_units=frozenset(str(u) for u in raw["temperature_units"]),
        warming_after=re.compile(rf"^\s*(?:{_alternation(raw['warming_after'])})\b", re.IGNORECASE),
        per_time=_per_time_pattern(raw),
    )


def _per_time_pattern(raw: dict[str, Any]) -> re.Pattern[str]:
    markers = [str(w) for w in raw["per_time_markers"] if str(w).lower() != "a"]
    times = _alternation(raw["per_time_units"])
    not_after_a = _alternation(raw["per_time_not_after_a"])
    return re.compile(
        rf"\b(?:(?:{_alternation(markers)})\s+(?:{times})|a\s+(?:{times})(?!\s+(?:{not_after_a})\b))\b",
        re.IGNORECASE,
    )


@lru_cache(maxsize=8)
def _last_words(phrases: frozenset[tuple[str, ...]]) -> frozenset[str]:
    """The words the phrases end with (keyed by the table's own sets, so found once per set)."""
    return frozenset(phrase[-1] for phrase in phrases if phrase)


@dataclass(frozen=True)
class _LeadIn:
    """The words right before a figure, lower case, with trailing qualifiers dropped."""

    words: list[str]

    @classmethod
    def of(cls, before: str) -> _LeadIn:
        words = scan.lower_words(before[-90:])
        qualifiers = load_words().qualifiers
        end = len(words)
        while end:
            if end > 1 and words[end - 2] == "up" and words[end - 1] == "to":
                end -= 2
            elif words[end - 1] in qualifiers:
                end -= 1
            else:
                break
        return cls(words[:end] if end < len(words) else words)

    def ends_with(self, phrases: frozenset[tuple[str, ...]]) -> bool:
        words = self.words
        # Most lead-ins end in a word that ends no phrase: one set lookup, no tuples built.
        if not words or words[-1] not in _last_words(phrases):
            return False
        for n in range(1, min(_MAX_PHRASE, len(words)) + 1):
            if tuple(words[-n:]) in phrases:
                return True
        return False

    def last(self) -> str:
        return self.words[-1] if self.words else ""

    def moved_to(self) -> bool:
        """"increased to 68,600", "more than doubled to": the level reached."""
        movement = load_words().movement_words
        return self.last() == "to" and any(w in movement or w.endswith("led") for w in self.words[-4:-1])

    def moves(self) -> bool:
        """"grew by", "up", "an increase of", "increase grain output by": a movement cue."""
        table = load_words()
        last = self.last()
        if last == "by":
            return not table.movement_words.isdisjoint(self.words[-7:-1])
        if last == "of":
            if self.words[-2:-1] == ["rate"] and not table.movement_words.isdisjoint(self.words[-7:-2]):
                return True  # "grew at an average annual rate of 6.5%"
            return _LeadIn(self.words[:-1]).ends_with(table.movement)
        return self.ends_with(table.movement)


def classify_kind(unit: str, before: str, after: str, *, fraction: bool = False, antecedent: str = "") -> Kind | None:
    """The kind of a figure of `unit`, given the clause text `before` it and the text `after` it.

    `before` should start at the clause the figure stands in, so cues from other clauses do not
    leak in; `fraction` marks a figure written as a fraction word ("one-fifth"); `antecedent` is
    the sentence a pronoun opening the figure's sentence points back to ("The inflation forecast
    ... It now stands at 2.3%"), whose rate noun serves when the clause names none. None for a
    percentage with no cue at all: it is a ratio, or of the kind of the figure it is listed with
    ("40% in the dry season and 26% in the rainy season"), which only the caller knows."""
    table = load_words()
    if unit == "year" and (AGE_BEFORE.search(before[-16:]) or _OLD_AFTER.match(after)):
        return "level"  # an age ("under the age of five", "30 years old") is how old, not how long
    if unit in table.unit_kinds and unit != "times":
        return table.unit_kinds[unit]  # settled by the unit alone: no cue words to read
    lead = _LeadIn.of(before)
    per = lead.ends_with(table.per_before)
    if unit in table.unit_kinds and not per:
        return table.unit_kinds[unit]  # "times" unless "per": "3 times per year" is a ratio
    if per or _per_in_phrase(before) or (unit != "%" and table.per_after.match(after[:40])):
        return "ratio"
    if unit == "count" and _how_often_in_clause(before, after):
        return "ratio"
    if unit == "%":
        return _percent_kind(lead, before, after, fraction=fraction, antecedent=antecedent)
    if lead.moved_to():
        return "level"
    if unit in table.temperature_units and table.warming_after.match(after):
        return "change"
    if lead.moves() or table.movement_subject.search(_last_segment(before)) or table.change_after.match(after):
        return "change"
    return "level"


_OF_WHOLE = re.compile(r"\s*(?:\)\s*)?of\b")  # "(N%) of GDP"
# "90% of that in the previous year" sets a figure against itself; "15 percent of those doses" is a share.
_OF_ITSELF = re.compile(r"\s*of\s+(?:that|those)\b(?!\s+(?!(?:in|of|for|at|during|a|an|the|last|seen|recorded)\b)[a-z])", re.IGNORECASE)
_OLD_AFTER = re.compile(r"\s*-?\s*(?:years?[- ])?old\b", re.IGNORECASE)
_PER_WORD = re.compile(r"\bper\b(?!\s*cent\b)", re.IGNORECASE)  # "per cent" is a percentage, not a rate per unit


def _nearest_rate_noun(before: str) -> Kind | None:
    """'growth' or 'ratio' by the rate noun nearest before a percentage in its clause, None without one."""
    nearest = None
    for nearest in load_words().rate_noun.finditer(before[-160:]):
        pass
    if nearest is None:
        return None
    return "growth" if nearest.group("growth") else "ratio"


def _last_segment(before: str) -> str:
    return before[before.rfind(",") + 1 :]


_CLAUSE_END = re.compile(r"[.;:!?,\n]|(?<![\w-])\d")  # the clause, or the stretch before the next figure ("COVID-19" is a name)


def _how_often_in_clause(before: str, after: str) -> bool:
    """A time the figure's clause counts per: after it up to the clause's end or the next figure
    ("3000 people were dying from the virus each day"), or opening its sentence ("Every day, ...")."""
    per_time = load_words().per_time
    end = _CLAUSE_END.search(after)
    if per_time.search(after[: end.start() if end else len(after)]):
        return True
    opening = per_time.match(before.lstrip())
    return opening is not None and not _CLAUSE_END.search(before.lstrip()[opening.end() :].lstrip(" ,"))


def _per_in_phrase(before: str) -> bool:
    # "with a per unit area output of 1,000 jin": the per-unit noun phrase right before the figure.
    # Only "p", "e" and "r" match the case-blind letters, so text without "per" needs no search.
    segment = _last_segment(before)
    return "per" in segment.lower() and bool(_PER_WORD.search(segment))


def _percent_kind(lead: _LeadIn, before: str, after: str, *, fraction: bool, antecedent: str) -> Kind | None:
    table = load_words()
    rate = _nearest_rate_noun(before) or (_nearest_rate_noun(antecedent) if antecedent else None)
    if lead.ends_with(table.share):
        return "share"
    if lead.moved_to():
        # "falls to 2.6 percent": the level a rate reaches, unless a whole follows ("to 30% of GDP");
        # the level a rate of change reaches ("inflation rose to 3.6%") is still a growth.
        if _OF_WHOLE.match(after):
            return "share"
        return "growth" if rate == "growth" else "ratio"
    if lead.moves() or table.movement_after.match(after) or table.movement_after_noun.match(after):
        return "growth"
    if _OF_ITSELF.match(after):
        return "ratio"  # "returned to 90% of that in the previous year": against itself, no whole
    if table.ratio_after.match(after):
        return "ratio"  # "a nine in 10 likelihood": a probability, not a part of a whole
    if _OF_WHOLE.match(after) or fraction:
        return "share"
    if rate:
        return rate
    if table.movement_subject.search(_last_segment(before)):
        return "growth"
    return None
