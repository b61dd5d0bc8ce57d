"""Small readers extraction runs on the words around a figure."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.quantities import patterns as P
from podium import scan
from podium.quantities.extract import Mention, _after_a_name_head, _last_word, _qualifier_before, _resolve_overlaps


def test_last_word() -> None:
    assert _last_word("Article 5-\n") == "5"
    assert _last_word("Aé1 ") == "Aé1"
    assert _last_word("see No. ") == "No."
    assert _last_word("x.y_z\t-") == "x.y_z"
    assert _last_word("") == ""


def test_name_heads_before_a_number() -> None:
    assert _after_a_name_head("under Article ")
    assert _after_a_name_head("see PAGE -")
    assert not _after_a_name_head("rose by ")
    assert not _after_a_name_head("x.Article ")  # a dotted run is no word of its own


def test_overlapping_candidates_keep_the_higher_priority() -> None:
    rank = Mention(4, 15, 1.0, "rank", "rank")
    number = Mention(8, 11, 2.0, "count", "number")
    apart = Mention(20, 22, 3.0, "count", "number")
    assert _resolve_overlaps([number, apart, rank]) == [rank, apart]
    longer, shorter = Mention(0, 6, 1.0, "count", "number"), Mention(2, 4, 1.0, "count", "number")
    assert _resolve_overlaps([shorter, longer]) == [longer]


def test_unit_words_read_with_any_blanks() -> None:
    assert P.unit_id("metric tons") == P.unit_id("Metric \n tons") == P.unit_id("METRIC TONS")


def test_qualifier_examples() -> None:
    assert _qualifier_before("grew by more than ") == "min"
    assert _qualifier_before("in the region of ") == "approx"
    assert _qualifier_before("rose (more than ") == "min"
    assert _qualifier_before("grew by more than") is None  # the phrase must end right before the figure
    assert _qualifier_before("more x1 than ") is None


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.text(max_size=30), st.lists(st.sampled_from(["Will", "long-term", "-", "--", "a-", "-b", " ", ",", "5", "\n", "é", "İ", "K"]), max_size=12).map("".join)))
def test_lower_words_are_the_regex_words(text: str) -> None:
    assert scan.lower_words(text) == re.findall(r"[a-z]+(?:-[a-z]+)*", text.lower())


def test_a_trie_shares_what_words_begin_with() -> None:
    assert scan.trie(["rate", "rates", "ratio"]) == "rat(?:e(?:s)?|io)"
    assert scan.trie(["per cent"], space=r"\s+") == r"per\s+cent"
    assert scan.trie([]) == ""


@given(st.lists(st.text(alphabet="ab .", min_size=1, max_size=5), min_size=1, max_size=6), st.text(alphabet="ab .", max_size=12))
@settings(max_examples=300, deadline=None)
def test_a_trie_matches_what_the_words_longest_first_match(words: list[str], text: str) -> None:
    trie = re.compile(scan.trie(words))
    longest_first = re.compile("|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True)))
    for at in range(len(text) + 1):
        found, expected = trie.match(text, at), longest_first.match(text, at)
        assert (found and found.group()) == (expected and expected.group())


def test_a_name_head_glued_to_the_full_stop_of_a_sentence_word() -> None:
    assert _after_a_name_head("to persist.Chart ")  # the blank after the full stop lost in copying
    assert not _after_a_name_head("x.Article ")
