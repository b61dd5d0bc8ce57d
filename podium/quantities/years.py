"""A four-digit number in the years' range is a year, except where it counts the plural noun after
it ("plus 3600 doses and 2000 cartridges"): one test, used where figures are read (extract) and
where time references are (periods), so the two never disagree about the same four digits."""

from __future__ import annotations

import re

from podium.quantities.words import load

_NOUN_AFTER = re.compile(r"[ \t]+(?P<noun>[a-z][a-z\-]*[a-z])\b")
# The first end of a range and its joiner ("from 1000 to 2000 hires", "between 2019 and 2022 cases").
_RANGE_TO_SECOND_END = re.compile(r"[ \t]*(?:to|and|-|–)[ \t]*(?=\d)")
_YEAR_RANGE_BEFORE = re.compile(r"(?<![\d,.])(?:1[89]|20)\d\d[ \t]*(?:to|and|through|until|-|–)[ \t]*$")
_WORD_BEFORE = re.compile(r"(?P<word>[A-Za-z]+)[ \t]+$")
_SENTENCE_OPENERS = ".!?:;\n"  # a number opening a sentence or a line is read as a year ("2023 exports rose")
_NOT_PLURAL_ENDINGS = ("ss", "us", "is")  # "class", "bonus", "basis": an -s that is no plural
_SHORTEST_PLURAL = 4  # "as", "has", "was": shorter words ending in -s are no plural nouns


def counts_a_noun(before: str, after: str) -> bool:
    """Whether four digits between `before` and `after` count the plural noun that follows them
    rather than name a year: a lower-case plural not in the table of nouns years qualify, after a
    word that is no year's (not "in", "since", "the" ...) and not at a sentence's opening."""
    words = load()
    match = _NOUN_AFTER.match(after)
    if match is None:
        return False
    noun = match["noun"]
    plural = noun in words.irregular_plurals or (
        len(noun) >= _SHORTEST_PLURAL
        and noun.endswith("s")
        and not noun.endswith(_NOT_PLURAL_ENDINGS)
        and noun not in words.not_plurals
    )
    if not plural or noun in words.year_qualified_nouns:
        return False
    if _YEAR_RANGE_BEFORE.search(before):
        return False  # "between 2019 and 2022 cases": the end of a range of years
    word = _WORD_BEFORE.search(before)
    if word is None:
        opening = before.rstrip(" \t")
        return bool(opening) and opening[-1] not in _SENTENCE_OPENERS
    return word["word"].lower() not in words.year_words_before


def opens_a_counted_range(after: str) -> bool:
    """Whether a number is the first end of a range whose second end counts a noun ("from 1000 to
    2000 hires"): for a number below the years podium reads without a preposition."""
    joiner = _RANGE_TO_SECOND_END.match(after)
    if joiner is None:
        return False
    second = re.match(r"\d[\d,]*", after[joiner.end() :])
    return second is not None and counts_a_noun(after[: joiner.end()], after[joiner.end() + second.end() :])
