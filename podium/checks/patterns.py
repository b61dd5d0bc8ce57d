"""The patterns of the checks stage, grouped by purpose; word lists come from checks_en.yaml."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from podium.checks.words import load


def _alternation(phrases: Iterable[str]) -> str:
    # Longest first, so "by the end of" wins over "by".
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True))


# --- years, windows, clauses ---------------------------------------------------------------------
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
YEAR_AFTER = re.compile(r"^\s*(?:[A-Za-z-]+\s+){0,2}?,?\s*(?:in|by\s+the\s+end\s+of|at\s+the\s+end\s+of)\s+(1[89]\d\d|20\d\d)\b", re.IGNORECASE)
# The words of a window read for its connectives, and where a clause after a figure breaks off.
WINDOW_WORD = re.compile(r"[A-Za-z][\w'-]*")
CLAUSE_BREAK = re.compile(r"[,;()]")


@lru_cache(maxsize=1)
def restatement_gap() -> re.Pattern[str]:
    """The text between a figure and its restatement in other units: "(about " or ", or ", "（约"."""
    words = load()
    hedges = _alternation(words.hedges)
    joiners = _alternation(words.restatement_joiners)
    # A word ends where no Latin letter follows ("or", not "order"): Chinese words run straight
    # into the figure ("（约1000万公顷）"), so a word boundary cannot end them.
    return re.compile(
        rf"^\s*(?:\(|\[|（|【|[,，]?\s*(?:{joiners})(?![a-z])|—|–|-)\s*(?:(?:{hedges})(?![a-z])\s*)*$",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def per_unit_cue() -> re.Pattern[str]:
    """A per-unit cue just before a figure ("a per unit area output of", "yield per mu of")."""
    return re.compile(rf"\b(?:{_alternation(load().per_unit_cues)})\b[^.;,]{{0,30}}$", re.IGNORECASE)


PER_UNIT_AFTER = re.compile(r"^\s*(?:per|a|an|each|every)\s+([A-Za-z]+)", re.IGNORECASE)
# A change word right before a figure ("rose by 5%").
CHANGE_BEFORE = re.compile(r"\b(?:increase[sd]?|decrease[sd]?|rise|rose|grew|fell|up|down|added|growth)\s+(?:of|by)\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def decrease_before() -> re.Pattern[str]:
    """A fall word in the few words before a growth figure ("decreased by", "a decline of")."""
    return re.compile(rf"\b(?:{_alternation(load().decrease_cues)})\b(?:\s+\w+){{0,3}}\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def part_after() -> re.Pattern[str]:
    """Words right after a figure that make it a part: "15 of which"."""
    return re.compile(rf"^\s*(?:[\w-]+\s+)?(?:{_alternation(load().part_cues_after)})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def part_before() -> re.Pattern[str]:
    """Words right before a figure that make it a part: "among them 15", "including 300"."""
    return re.compile(rf"\b(?:{_alternation(load().part_cues_before)})\s*,?\s*(?:about\s+|over\s+|more\s+than\s+)?$", re.IGNORECASE)


# A figure written as a modifier ("100-billion-yuan projects", "7.1-magnitude") classifies a thing.
COMPOUND_MODIFIER = re.compile(r"\d-[A-Za-z]|-$")

# --- parts and totals -----------------------------------------------------------------------------
@lru_cache(maxsize=1)
def parts_opener() -> re.Pattern[str]:
    words = load()
    return re.compile(
        rf"\b(?P<exhaustive>{_alternation(words.parts_exhaustive)})\b|\b(?P<partial>{_alternation(words.parts_partial)})\b",
        re.IGNORECASE,
    )


LIST_GAP = re.compile(r"^[^.;:()]{0,60}?(?:,\s*(?:and\s+)?|\s+and\s+|\s*;\s*)[^.;:()]{0,10}$", re.IGNORECASE)
PART_OF_GAP = re.compile(r"^\s*(?:out\s+of|of)\s+(?:the\s+|a\s+|all\s+)?(?:total\s+(?:of\s+)?)?$", re.IGNORECASE)
WHOLE_THEN_PART_GAP = re.compile(
    r"^[^.;]{0,40}?,?\s*(?:of\s+which|of\s+whom|among\s+them|among\s+which)\b[^.;,()]{0,40}$", re.IGNORECASE
)
# "Of the 480 new firms, 120 were ...": the whole leads the sentence, the part follows the comma.
WHOLE_LEADS_BEFORE = re.compile(r"(?:^|[.;:]\s*|\n)\s*(?:of|among)\s+(?:the|these|those|all)\s+$", re.IGNORECASE)
WHOLE_LEADS_GAP = re.compile(r"^[^.;,()]{0,60},\s*$")
SHARE_AFTER_PART_GAP = re.compile(
    r"^[^.;]{0,40}?(?:\(|,\s*(?:or|accounting\s+for|making\s+up|representing|i\.e\.|that\s+is)?)\s*(?:about\s+|around\s+|nearly\s+|over\s+)?$",
    re.IGNORECASE,
)

# --- respectively, spans, enumerations ------------------------------------------------------------
RESPECTIVELY_WORD = "respectively"
RESPECTIVELY = re.compile(rf"\b{RESPECTIVELY_WORD}\b", re.IGNORECASE)
FIGURE_LIST_GAP = re.compile(r"^\s*(?:,\s*)?(?:and\s+|as\s+well\s+as\s+)?$", re.IGNORECASE)
COMMA = re.compile(r"\s*,\s*")
LAST_JOIN = re.compile(r"^(?:and|or|as\s+well\s+as)\s+|\s+(?:and|or|as\s+well\s+as)\s+(?!.*\s(?:and|or)\s)", re.IGNORECASE)
LEAD_TIME_PHRASE = re.compile(
    r"^\s*(?:in\s+\d{4}(?:\s*,\s*\d{4})*\s*,?\s*and\s+\d{4}\s*,\s*"  # "In 2021, 2022 and 2023, "
    r"|(?:in|over|during|from|for|since|last|this|between|throughout|on|at|as|according|compared)\b[^,]{0,50},\s*)",
    re.IGNORECASE,
)
FROM_TO = re.compile(r"\bfrom\s+(?:about\s+|around\s+|over\s+)?$", re.IGNORECASE)
TO_GAP = re.compile(r"^\s*(?:\w+\s+)?(?:in\s+\d{4}\s+)?to\s+(?:about\s+|around\s+|over\s+)?$", re.IGNORECASE)
FROM_OR_TO_BEFORE = re.compile(r"\b(?:from|to)\s+(?:about\s+|around\s+|over\s+)?$", re.IGNORECASE)
# "the 5 years from 2016 to 2023": the years right after a duration bound it, cue or no cue.
YEARS_RIGHT_AFTER = re.compile(r"^\s*,?\s*(?:from|between)\s+(?:the\s+end\s+of\s+)?\d{4}\s+(?:to|and|until|till)\s+\d{4}\b", re.IGNORECASE)
YEARS_FROM_TO = re.compile(r"\b(?:from|between)\s+(?:the\s+end\s+of\s+)?(\d{4})\s+(?:to|and|until|till)\s+(\d{4})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def span_cue() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alternation(load().span_cues)})\b[^.;]{{0,20}}$", re.IGNORECASE)


THRESHOLD_VERBS = ("took", "taken", "take", "takes")


@lru_cache(maxsize=1)
def threshold_sentence() -> re.Pattern[str]:
    """A sentence that counts the time taken to pass a figure: its figures are thresholds."""
    return re.compile(rf"\b(?:{'|'.join(THRESHOLD_VERBS)})\b[^.;]*\bfrom\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def enumeration() -> re.Pattern[str]:
    """A counted group followed by its members: "the five countries of A, B, C, D and E"."""
    words = load()
    numbers = _alternation(words.number_words)
    openers = _alternation(o.strip() for o in words.enumeration_openers)
    return re.compile(
        rf"(?<![\d.,])\b(?P<count>{numbers}|[0-9]{{1,2}})[ \t]+(?P<noun>(?:[\w'’-]+[ \t]+){{0,5}}?[\w'’-]+)[ \t]*(?:,[ \t]*)?(?P<opener>{openers})[ \t]+(?P<list>[^.;:\n]+)",
        re.IGNORECASE,
    )


LIST_END = re.compile(
    r"\s+(?:which|who|that|where|to|in|on|at|by|from|for|with|have|has|had|are|were|is|was|will|grew|rose|fell)\s",
    re.IGNORECASE,
)


# --- commitments ----------------------------------------------------------------------------------
# A count that heads a list ("we will focus on three areas:") announces structure, not a target.
LIST_HEADER = re.compile(r"^[ \t]*[\w' -]{0,40}:")


@lru_cache(maxsize=1)
def future_cue() -> re.Pattern[str]:
    """Words that make a sentence look ahead: "will", "aim to", "is expected to", "by 2025"."""
    return re.compile(rf"(?:^|(?<=\W))(?:{_alternation(load().future_cues)})(?=\W|\d|$)", re.IGNORECASE)


# What opens an undertaking ("the museum will be completed"), its first words apart.
UNDERTAKING_LEADS = ("will", "shall", "is set to", "are set to", "is expected to", "are expected to")


@lru_cache(maxsize=1)
def undertaking() -> re.Pattern[str]:
    """A "will" phrase with a completion verb: "will be completed and opened to the public"."""
    verbs = _alternation(load().undertaking_verbs)
    return re.compile(rf"\b(?:{_alternation(UNDERTAKING_LEADS)})\s+(?:\w+\s+){{0,3}}?(?:{verbs})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def deadline() -> re.Pattern[str]:
    """A deadline: a year after a prefix ("by 2025"), or a phrase resolved against the briefing year."""
    words = load()
    prefixes = _alternation(words.deadline_prefixes)
    relative = _alternation(words.deadline_relative)
    quarters = _alternation(words.deadline_quarters)
    return re.compile(
        rf"\b(?:(?:{prefixes})\s+(?:the\s+end\s+of\s+)?(?P<year>20\d\d)\b"
        rf"|(?:(?:{prefixes})\s+)?(?P<quarter>{quarters})\b"
        rf"|(?:(?:{prefixes})\s+)?(?P<relative>{relative})\b)",
        re.IGNORECASE,
    )
