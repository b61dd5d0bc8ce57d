"""Compiled regexes of the checks stage, grouped by purpose; word lists come from checks_en.yaml."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from podium.checks.words import load


def _alternation(phrases: Iterable[str]) -> str:
    # Longest first, so "by the end of" wins over "by".
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True))


def key_words(phrases: Iterable[str]) -> set[str]:
    """The longest word of each lower-case phrase: in every case-blind match of the phrase, and
    rarer in text than its short words ("which" rather than "of"), so a cheap search for it rules
    out most places."""
    return {max(p.split(), key=len) for p in phrases if p.split()}


_CASE_SENSITIVE: dict[tuple[str, int], re.Pattern[str]] = {}


def for_lowered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-blind `pattern` made case-sensitive, for the text as `text.lowered_for_search` gives
    it: there it matches exactly where `pattern` matches in the text (lower() keeps \\w, \\d and \\s,
    and the case folds it misses rule that text out), and the engine skips an unlike literal at
    once instead of folding case at every step. Only for patterns whose literals are lower-case
    and whose classes do not name a case."""
    # Kept by source and flags: hashing a compiled pattern hashes its whole program, every time.
    key = (pattern.pattern, pattern.flags)
    if key not in _CASE_SENSITIVE:
        _CASE_SENSITIVE[key] = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
    return _CASE_SENSITIVE[key]


# --- text layout ----------------------------------------------------------------------------------
# A sentence ends at . ! ? followed by space and a capital, quote or digit; a decimal point never does.
# A line break ends a sentence only after a blank line or a label's colon: hard-wrapped text breaks
# lines inside sentences.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z\"“‘(0-9])|\n[ \t]*\n\s*|(?<=:)[ \t]*\n\s*")
# The lookbehind and the lookahead of SENTENCE_END's first branch, for text.sentence_spans, which
# reads the commonest end (a full stop, one space, a capital) without the pattern: keep them alike.
SENTENCE_MARKS = ".!?"
SENTENCE_OPENERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ\"“‘(0123456789")
BLANK_LINE = re.compile(r"\n[ \t]*\n")  # text.blank_line_ends reads its matches without it: keep the two alike
PARAGRAPH_END = re.compile(r"\n")
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
YEAR_AFTER = re.compile(r"^\s*(?:[A-Za-z-]+\s+){0,2}?,?\s*(?:in|by\s+the\s+end\s+of|at\s+the\s+end\s+of)\s+(1[89]\d\d|20\d\d)\b", re.IGNORECASE)
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
WORD = re.compile(r"[A-Za-z][\w'’-]*|\d[\d,.]*")
# The words of a window read for its connectives, and where a clause after a figure breaks off.
WINDOW_WORD = re.compile(r"[A-Za-z][\w'-]*")
CLAUSE_BREAK = re.compile(r"[,;()]")


@lru_cache(maxsize=1)
def restatement_gap() -> re.Pattern[str]:
    """The text between a figure and its restatement in other units: "(about " or ", or "."""
    words = load()
    hedges = _alternation(words.hedges)
    joiners = _alternation(words.restatement_joiners)
    return re.compile(
        rf"^\s*(?:\(|\[|,?\s*(?:{joiners})\b|—|–|-)\s*(?:(?:{hedges})\b\s*)*$",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def per_unit_cue() -> re.Pattern[str]:
    """A per-unit cue just before a figure ("a per unit area output of", "yield per mu of")."""
    return re.compile(rf"\b(?:{_alternation(load().per_unit_cues)})\b[^.;,]{{0,30}}$", re.IGNORECASE)


@lru_cache(maxsize=1)
def per_unit_word() -> re.Pattern[str]:
    """A key word of a cue of `per_unit_cue`, for lower-cased text: a window without one is no match."""
    return re.compile(_alternation(key_words(load().per_unit_cues)))


PER_UNIT_AFTER = re.compile(r"^\s*(?:per|a|an|each|every)\s+([A-Za-z]+)", re.IGNORECASE)
# The word right before a change figure ("rose by 5%"): CHANGE_BEFORE ends with one, then space.
CHANGE_JOINERS = ("of", "by")
CHANGE_BEFORE = re.compile(
    rf"\b(?:increase[sd]?|decrease[sd]?|rise|rose|grew|fell|up|down|added|growth)\s+(?:{'|'.join(CHANGE_JOINERS)})\s+$", re.IGNORECASE
)


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


@lru_cache(maxsize=1)
def part_after_word() -> re.Pattern[str]:
    """A key word of a cue of `part_after`, for lower-cased text: a window without one is no match."""
    return re.compile(_alternation(key_words(load().part_cues_after)))


@lru_cache(maxsize=1)
def part_before_word() -> re.Pattern[str]:
    """A key word of a cue of `part_before`, for lower-cased text: a window without one is no match."""
    return re.compile(_alternation(key_words(load().part_cues_before)))


@lru_cache(maxsize=1)
def part_word() -> re.Pattern[str]:
    """A key word of any part cue, before or after: a figure with none near it is no part."""
    words = load()
    return re.compile(_alternation(key_words((*words.part_cues_after, *words.part_cues_before))))


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


@lru_cache(maxsize=1)
def total_cue() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alternation(load().total_cues)})\b", re.IGNORECASE)


LIST_GAP = re.compile(r"^[^.;:()]{0,60}?(?:,\s*(?:and\s+)?|\s+and\s+|\s*;\s*)[^.;:()]{0,10}$", re.IGNORECASE)
# One of these words is in every match of PART_OF_GAP and of WHOLE_THEN_PART_GAP.
PART_GAP_WORDS = ("of", "among")
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


@lru_cache(maxsize=1)
def span_cue_words() -> tuple[str, ...]:
    """A key word of each cue of `span_cue`, for lower-cased text: a window without one is no match."""
    return tuple(sorted(key_words(load().span_cues)))


THRESHOLD_NEEDLE = "from"  # in every match of `threshold_sentence`
THRESHOLD_VERBS = ("took", "taken", "take", "takes")
# One of these is in every match of `threshold_sentence` as well: its verbs, less those holding
# another ("take" is in "taken"). Far rarer than "from", they rule out most sentences that have it.
THRESHOLD_VERB_NEEDLES = tuple(v for v in THRESHOLD_VERBS if not any(o != v and o in v for o in THRESHOLD_VERBS))


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
        rf"(?<![\d.,])\b(?P<count>{numbers}|\d{{1,2}})[ \t]+(?P<noun>(?:[\w'’-]+[ \t]+){{0,5}}?[\w'’-]+)[ \t]*(?:,[ \t]*)?(?P<opener>{openers})[ \t]+(?P<list>[^.;:\n]+)",
        re.IGNORECASE,
    )


# Where an opener of `enumeration` can begin after its count: within this run from the count (the
# characters of the count and the noun's words, spaces or tabs, a comma), or right where it ends. A
# count with no opener's first word there opens no list. One class repeated: reading the run costs
# little next to the enumeration pattern failing there.
COUNT_TO_OPENER = re.compile(r"[\w'’\- \t,]*")


@lru_cache(maxsize=1)
def opener_heads() -> tuple[str, ...]:
    """The first word of each opener of `enumeration`, lower-case ("which" of "which are")."""
    return tuple(sorted({o.split()[0] for o in load().enumeration_openers if o.split()}))


COUNT_ENDING_LETTERS = 4


@lru_cache(maxsize=1)
def count_word_endings() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The number words of `enumeration` by how they end, for lower-cased text: each ending (the
    word's last four letters, or the whole of a shorter one) with the words that end so. `enumeration`
    needs a space or tab after its count, so plain search for an ending and that space finds every
    count written in words: one search of the text per ending rather than per word (the teens share
    "teen"), where a case-blind alternation of every word is tried at every position of the text."""
    by_ending: dict[str, list[str]] = {}
    for word in load().number_words:
        by_ending.setdefault(word[-COUNT_ENDING_LETTERS:], []).append(word)
    return tuple((ending, tuple(words)) for ending, words in by_ending.items())


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


# Where a match of `undertaking` can begin, in the lower-cased text: at "will" or "shall", or at the
# "is" or "are" that whitespace parts from a following "set".
UNDERTAKING_LEADS = ("will", "shall")
UNDERTAKING_SET = "set"
UNDERTAKING_SET_LEADS = ("is", "are")


@lru_cache(maxsize=1)
def undertaking() -> re.Pattern[str]:
    """A "will" phrase with a completion verb: "will be completed and opened to the public"."""
    verbs = _alternation(load().undertaking_verbs)
    return re.compile(rf"\b(?:will|shall|is\s+set\s+to|are\s+set\s+to)\s+(?:\w+\s+){{0,3}}?(?:{verbs})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def deadline_needles() -> tuple[str, ...]:
    """Lower-case strings one of which is in every match of `deadline`: the "20" of its year, or
    the last word of its phrase ("year" of "by the end of this year"), each word that holds another
    left out. A sentence holding none of them states no deadline, so it is not searched."""
    words = load()
    last_words = {phrase.split()[-1] for phrase in (*words.deadline_relative, *words.deadline_quarters)}
    needles = {"20", *last_words}
    return tuple(sorted(n for n in needles if not any(other != n and other in n for other in needles)))


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
