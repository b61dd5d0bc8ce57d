"""Compiled regexes for quantity extraction, named by purpose and built from the word tables."""

from __future__ import annotations

import re
from collections.abc import Iterable

from podium.quantities.words import load

_W = load()


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so "metric tons" wins over "tons"; spaces match any run of blanks."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


# --- numbers ----------------------------------------------------------------------------------

_UNIT_WORD = _alternation(w for w in _W.units if w != "zero") + "|zero"
_TENS_WORD = _alternation(_W.tens)
_SCALE_WORD = _alternation(_W.scales)
_VULGAR = "".join(_W.vulgar_fractions)
# One blank run that may hold a single hard line break ("$2" / "trillion").
_GAP = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)"

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
# "forty-two", "twenty two", "one hundred and five", "a million" (the "a" only before a scale).
WORD_NUMBER = (
    rf"(?:(?:{_TENS_WORD})(?:[- ](?:{_UNIT_WORD}))?|{_UNIT_WORD}|a(?={_GAP}(?:{_SCALE_WORD})\b))"
    rf"(?:\s+hundred(?:\s+(?:and\s+)?(?:(?:{_TENS_WORD})(?:[- ](?:{_UNIT_WORD}))?|{_UNIT_WORD}))?)?"
)
SCALES = rf"(?:{_SCALE_WORD})(?:{_GAP}(?:{_SCALE_WORD}))*"
_PREFIX = _alternation(p for ps in _W.currency_prefixes.values() for p in ps)

# A number with its currency mark and scale words: "$18 billion", "4¼", "Nineteen", "100-billion".
NUMBER = re.compile(
    rf"(?:(?P<prefix>{_PREFIX})[ \t]?)?"
    rf"(?<![\w.,])(?<![A-Za-z]-)"
    rf"(?P<number>(?:{DIGITS})[{_VULGAR}]?|[{_VULGAR}]|\b(?:{WORD_NUMBER})\b)"
    rf"(?P<scale>(?:{_GAP}|-)(?:{SCALES})\b)?",
    re.IGNORECASE,
)
# Abbreviated scale right after a currency figure: "$18bn", "£2.5m".
SCALE_ABBREVIATION = re.compile(rf"(?:{_alternation(_W.scale_abbreviations)})(?![A-Za-z])", re.IGNORECASE)
WORD_UNIT = re.compile(rf"(?:{_UNIT_WORD})$", re.IGNORECASE)
TENS = re.compile(rf"(?:{_TENS_WORD})$", re.IGNORECASE)

# --- units after a number ---------------------------------------------------------------------

_UNIT_BY_WORD: dict[str, str] = {w.lower(): uid for uid, ws in _W.unit_words.items() for w in ws}
UNIT_AFTER = re.compile(
    rf"(?:{_GAP}|-|)(?P<unit>{_alternation(_UNIT_BY_WORD)})(?![A-Za-z])", re.IGNORECASE
)


def unit_id(word: str) -> str:
    """The unit id a unit word names ("metric tons" -> "t")."""
    return _UNIT_BY_WORD[" ".join(word.lower().split())]


_PREFIX_UNIT: dict[str, str] = {p.strip().lower(): uid for uid, ps in _W.currency_prefixes.items() for p in ps}


def prefix_unit(prefix: str) -> str:
    return _PREFIX_UNIT[prefix.strip().lower()]


# --- other figures ----------------------------------------------------------------------------

_NUMERATOR = rf"(?:{_UNIT_WORD})"
# "one-fifth", "two thirds", "a quarter of", "half" (alone; calendar halves are filtered later).
FRACTION = re.compile(
    rf"\b(?:(?P<numerator>{_NUMERATOR})[- ](?P<den>{_alternation(_W.denominators)})"
    rf"|(?P<a>a)\s+(?P<aden>{_alternation(_W.denominators)})(?=\s+of\b)"
    rf"|(?P<half>half))\b",
    re.IGNORECASE,
)
MULTIPLE = re.compile(rf"\b(?:{_alternation(_W.multiples)})\b", re.IGNORECASE)
VAGUE_PLURAL = re.compile(rf"\b(?:{_alternation(_W.vague_plurals)})(?=\s+of\b)", re.IGNORECASE)
_ORDINAL = rf"(?:{_alternation(_W.ordinals)})\b|\d+(?:st|nd|rd|th)\b"
RANK_AFTER_VERB = re.compile(
    rf"\b(?:{_alternation(_W.rank_verbs)})\s+(?:(?:{_alternation(_W.rank_fillers)})\s+){{0,3}}"
    rf"(?P<ordinal>{_ORDINAL})",
    re.IGNORECASE,
)
RANK_BEFORE_PLACE = re.compile(
    rf"\b(?P<ordinal>{_ORDINAL})\s+(?:{_alternation(_W.rank_places)})\b", re.IGNORECASE
)
TOP_N = re.compile(rf"\btop[ -](?P<n>\d+|{_UNIT_WORD}|{_TENS_WORD})\b", re.IGNORECASE)

# --- context around a figure ------------------------------------------------------------------


def _qualifier_before(words: Iterable[str]) -> str:
    return rf"(?:^|(?<=[^\w]))(?:{_alternation(words)})"


QUALIFIER_BEFORE: dict[str, re.Pattern[str]] = {
    q: re.compile(rf"{_qualifier_before(ws)}[ \t\n]+$", re.IGNORECASE) for q, ws in _W.qualifiers_before.items()
}
QUALIFIER_AFTER: dict[str, re.Pattern[str]] = {
    q: re.compile(rf"^[ \t\-]+(?:{_alternation(ws)})\b", re.IGNORECASE) for q, ws in _W.qualifiers_after.items()
}
NAME_HEAD_BEFORE = re.compile(rf"(?:^|(?<=[^\w.]))(?:{_alternation(_W.name_heads)})[ \t]*-?$", re.IGNORECASE)
MONTH_BEFORE = re.compile(rf"\b(?:{_alternation(_W.months)})\.?[ \t]+$", re.IGNORECASE)
MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?:{_alternation(_W.months)})(?![A-Za-z])", re.IGNORECASE)
CLOCK_AFTER = re.compile(r"^(?::\d\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|hours? GMT|GMT|EST|EDT|ET\b))", re.IGNORECASE)
ONE_PRONOUN_AFTER = re.compile(rf"^\s+(?:{_alternation(_W.one_pronoun_after)})\b", re.IGNORECASE)
ONE_PRONOUN_BEFORE = re.compile(rf"\b(?:{_alternation(_W.one_pronoun_before)})\s+$", re.IGNORECASE)
HYPHEN_WORD_AFTER = re.compile(r"-[A-Za-z]")
LETTER_AFTER = re.compile(r"[A-Za-z]")
SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?:;\"“”(\n]\s*|\n\s*)$")
LIST_LABEL = re.compile(r"^[ \t]*\(?$")
LIST_LABEL_AFTER = re.compile(r"^(?:[.)][ \t]|\))")
RANGE_GAP = re.compile(rf"^[ \t]*(?:{_alternation(_W.range_joiners)})[ \t]*$", re.IGNORECASE)
BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
CHAIN_GAP = re.compile(r"^[ \t]*(?:to|and|or|,)[ \t]*$", re.IGNORECASE)
PAREN_GAP = re.compile(r"^[ \t]*\([ \t]*$")
CALENDAR_HALF = re.compile(r"(?:first|second|latter|former)\s+$", re.IGNORECASE)
CALENDAR_HALF_AFTER = re.compile(r"(?:-|\s+)(?:year|an?\b|century|decade|hour|day|month|time)", re.IGNORECASE)
QUOTED = re.compile(r"[\"“]([^\"“”\n]{1,80})[\"”]")
FURNITURE_LINE = re.compile(
    rf"^[ \t]*(?:{'|'.join(_W.furniture_lines)})[ \t]*$", re.IGNORECASE | re.MULTILINE
)
