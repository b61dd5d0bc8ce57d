"""Property: the checks that try a pattern only at candidate places find what a scan of the whole
text (or of each sentence) finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import corpus_files, needs_shared
from podium.checks import patterns
from podium.checks.commitments import _promises
from podium.checks.enumerations import enumeration_matches
from podium.checks.repeats import _matched_pairs, candidates
from podium.layout import layout_of
from podium.model import Quantity
from podium.pipeline import briefing_from_document, run
from podium.read import read_path
from podium.scan import lowered_for_search, matches_at, word_places

PIECES = st.sampled_from(
    ["two", "Two", "TWELVE", "sEvEn", "seventeen", "ten", "often", "both", "ſix", "sıx", "İ", "3", "12", "123",
     "1.5", "٣", "５", "of", ":", "namely", ", namely", "which are", "-", "—", "and", "or", "as well as", "A", "B",
     "C", "countries", "regions", ",", ".", ";", "\n", "\t", "$", "“", "in"]
)
SEPARATORS = st.sampled_from([" ", "", "  ", "\n", "\t"])


@st.composite
def joined(draw: st.DrawFn, pieces: st.SearchStrategy[str], max_size: int = 40) -> str:
    """A text of pieces, each followed by a separator."""
    parts = draw(st.lists(st.tuples(pieces, SEPARATORS), max_size=max_size))
    return "".join(piece + sep for piece, sep in parts)


@settings(max_examples=400, deadline=None)
@given(joined(PIECES))
def test_enumeration_matches_are_those_of_a_full_scan(text: str) -> None:
    expected = [(m.span(), m.groupdict()) for m in patterns.enumeration().finditer(text)]
    assert [(m.span(), m.groupdict()) for m in enumeration_matches(layout_of(text))] == expected


def test_enumeration_scan_of_an_ascii_text_finds_each_list() -> None:
    text = "We visited the Five Regions of A, B, C, D and E. Then 3 towns of X and Y."
    assert [m.group("count") for m in enumeration_matches(layout_of(text))] == ["Five", "3"]


RESPECTIVELY_PIECES = st.sampled_from(
    ["Output", "rose", "5.2%", "and", "6%", ",", "respectively", "Respectively", "RESPECTIVELY", "respectivelyx",
     "reſpectively", "İ", "imports", "exports", ".", "\n\n"]
)


@settings(max_examples=300, deadline=None)
@given(joined(RESPECTIVELY_PIECES, 20))
def test_respectively_tried_at_its_word_finds_what_a_full_scan_finds(text: str) -> None:
    places = word_places(text, lowered_for_search(text), [patterns.RESPECTIVELY_WORD])
    expected = [m.span() for m in patterns.RESPECTIVELY.finditer(text)]
    assert [m.span() for m in matches_at(patterns.RESPECTIVELY, text, places)] == expected


PROMISE_PIECES = st.sampled_from(
    ["will", "Will", "shall", "is", "IS", "are", "set", "Set", "to", "be", "completed", "opened", "open", "asset",
     "this", "year", ".", "\n", "\n\n", "A", "museum", "ſhall", "wıll", "held"]
)


@settings(max_examples=300, deadline=None)
@given(joined(PROMISE_PIECES))
def test_undertakings_found_where_a_search_of_each_sentence_finds_them(text: str) -> None:
    layout = layout_of(text)
    expected = {}
    for index, sentence in enumerate(layout.sentences):
        promise = patterns.undertaking().search(text[sentence.start : sentence.end])
        if promise is not None:
            expected[index] = sentence.start + promise.start()
    assert _promises(layout) == expected


@needs_shared
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.stem)
def test_repeat_pool_of_partnered_figures_pairs_as_the_whole_pool(path: Path) -> None:
    # The within-text check reads subjects only for figures with a possible partner elsewhere.
    briefing = run(briefing_from_document(read_path(path)), ("structure.v1", "quantities.v1"))
    quantities = sorted(briefing.quantities, key=lambda q: (q.start, q.end))
    layout = briefing.layout
    whole = candidates(layout, quantities, set())
    partnered = candidates(layout, quantities, set(), paired_only=True)

    def pairs(pool: list[tuple[Quantity, str]]) -> list[tuple[int, int]]:
        return [(a.start, b.start) for a, b in _matched_pairs(pool, pool, same_pool=True) if not layout.same_sentence(a.start, b.start)]

    assert pairs(partnered) == pairs(whole)
