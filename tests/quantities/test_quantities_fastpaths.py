"""The cheap tests extraction runs before a pattern decide what the plain version decides."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.quantities import patterns as P
from podium.quantities import scan
from podium.quantities.extract import (
    _OPENERS,
    Mention,
    _ends_with_capitalised_word,
    _last_word,
    _may_end_with_a_currency_mark,
    _qualifier_before,
    _resolve_by_priority,
    _resolve_overlaps,
)

TAILS = st.lists(
    st.sampled_from(["Boeing", "about", "McDonald", "é", "Ä", "x", "2", "_", ".", "-", " ", "\t", "\n", "(", "K", "ſ", "İ"]),
    max_size=12,
).map("".join)


def _plain_last_word(before: str) -> str:
    before = before.removesuffix("\n").removesuffix("-").rstrip(" \t")
    start = len(before)
    while start > 0 and (before[start - 1].isalnum() or before[start - 1] in "._"):
        start -= 1
    return before[start:]


@settings(max_examples=500, deadline=None)
@given(TAILS)
def test_capitalised_word_test_misses_no_match(tail: str) -> None:
    if P.CAPITALISED_WORD_BEFORE.search(tail) is not None:
        assert _ends_with_capitalised_word(tail)


@settings(max_examples=500, deadline=None)
@given(st.one_of(TAILS, st.text(max_size=12)))
def test_last_word_is_the_plain_loops(before: str) -> None:
    assert _last_word(before) == _plain_last_word(before)


def test_examples() -> None:
    assert _ends_with_capitalised_word("the Boeing ")
    assert not _ends_with_capitalised_word("about ")
    assert _last_word("Article 5-\n") == "5"
    assert _last_word("Aé1 ") == "Aé1"


SPANS = st.lists(
    st.tuples(st.integers(0, 30), st.integers(1, 6), st.sampled_from(["rank", "fraction", "vague", "multiple", "number"])),
    max_size=10,
)


@settings(max_examples=500, deadline=None)
@given(SPANS)
def test_overlaps_resolved_as_by_priority(spans: list[tuple[int, int, str]]) -> None:
    def mentions() -> list[Mention]:
        return [Mention(start, start + length, 1.0, "count", source) for start, length, source in spans]

    fast = [(m.start, m.end, m.source) for m in _resolve_overlaps(mentions())]
    plain = [(m.start, m.end, m.source) for m in _resolve_by_priority(mentions())]
    assert fast == plain


def test_ascii_currency_mark_test_is_the_case_blind_one() -> None:
    for char in map(chr, range(128)):
        if char in " \t\n":
            continue  # stripped before the test
        case_blind = any(case in P.PREFIX_LAST_CHARS for case in (char, char.lower(), char.upper()))
        assert _may_end_with_a_currency_mark("x" + char + " ") == case_blind


def test_unit_words_read_with_any_blanks() -> None:
    assert P.unit_id("metric tons") == P.unit_id("Metric \n tons") == P.unit_id("METRIC TONS")


def _plain_qualifier_before(before: str) -> str | None:
    """Every run of up to the longest phrase's words ending the text, looked up longest first."""
    if not before[-1:].isspace():
        return None
    words: list[str] = []
    for token in reversed(before.split()[-max(len(p.split()) for p in P.QUALIFIER_PHRASES) :]):
        core = token.lstrip(_OPENERS)
        if not core.isalpha():
            break
        words.insert(0, core.lower())
        if core != token:
            break
    for count in range(len(words), 0, -1):
        qualifier = P.QUALIFIER_PHRASES.get(" ".join(words[-count:]))
        if qualifier is not None:
            return qualifier
    return None


BEFORE_WORDS = st.lists(
    st.sampled_from(["in", "the", "region", "of", "more", "than", "no", "less", "up", "to", "(", "“", "About", "x1", "\n", "\t"]),
    max_size=8,
).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(st.tuples(BEFORE_WORDS, st.sampled_from(["", " ", "\n", " ("])).map("".join))
def test_qualifier_before_is_the_plain_lookup(before: str) -> None:
    assert _qualifier_before(before) == _plain_qualifier_before(before)


def test_qualifier_examples() -> None:
    assert _qualifier_before("grew by more than ") == "min"
    assert _qualifier_before("in the region of ") == "approx"


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.text(max_size=30), st.lists(st.sampled_from(["Will", "long-term", "-", "--", "a-", "-b", " ", ",", "5", "\n", "é", "İ", "K"]), max_size=12).map("".join)))
def test_lower_words_are_the_regex_words(text: str) -> None:
    assert scan.lower_words(text) == re.findall(r"[a-z]+(?:-[a-z]+)*", text.lower())
