"""Property: the fast scans of the checks find exactly what a plain scan of the whole text finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import corpus_files, needs_shared
from podium.checks import patterns
from podium.checks.commitments import _promise_start, _undertaking_starts
from podium.checks.derived import _change_before, _may_name_part, per_unit_base
from podium.checks.enumerations import _respectively_matches, enumeration_matches
from podium.checks.repeats import _matched_pairs, candidates, is_part, is_threshold, milestones
from podium.checks.subjects import _locative_pattern, _may_hold_any, _synonym_pattern, _without_locative
from podium.checks.text import (
    Sentences,
    Span,
    _lower,
    blank_line_ends,
    has_wide_decimal,
    lowered_for_search,
    may_hold_any,
    paragraph_of,
    search_in,
    sentence_spans,
)
from podium.checks.words import load
from podium.model import Quantity
from podium.pipeline import briefing_from_document, run
from podium.read import read_path

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


def texts() -> st.SearchStrategy[str]:
    return joined(PIECES)


@settings(max_examples=400, deadline=None)
@given(texts())
def test_enumeration_matches_are_those_of_a_full_scan(text: str) -> None:
    expected = [(m.span(), m.groupdict()) for m in patterns.enumeration().finditer(text)]
    assert [(m.span(), m.groupdict()) for m in enumeration_matches(text)] == expected


def test_enumeration_scan_of_an_ascii_text_finds_each_list() -> None:
    text = "We visited the Five Regions of A, B, C, D and E. Then 3 towns of X and Y."
    expected = [m.span() for m in patterns.enumeration().finditer(text)]
    assert [m.span() for m in enumeration_matches(text)] == expected and len(expected) == 2


SENTENCE_PIECES = st.sampled_from(
    ["Output", "rose", "5.2%", "1.5", "Mr.", "A", "b", ".", "!", "?", ":", "\n", "\n\n", " \n \n", "\t", '"', "”",
     ")", "(", "“", "2023", "respectively", "Respectively", "RESPECTIVELY", "respectivelyx", "ſ", "will", "set"]
)


def sentence_texts() -> st.SearchStrategy[str]:
    return joined(SENTENCE_PIECES)


def _spans_by_full_scan(text: str) -> list[Span]:
    spans, start = [], 0
    for match in patterns.SENTENCE_END.finditer(text):
        if match.start() > start:
            spans.append(Span(start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append(Span(start, len(text)))
    return spans


@settings(max_examples=400, deadline=None)
@given(sentence_texts())
def test_sentence_spans_are_those_of_a_full_scan(text: str) -> None:
    assert sentence_spans(text) == _spans_by_full_scan(text)


@settings(max_examples=200, deadline=None)
@given(sentence_texts())
def test_respectively_matches_are_those_of_a_full_scan(text: str) -> None:
    found = [m.span() for m in _respectively_matches(text, Sentences(text))]
    assert found == [m.span() for m in patterns.RESPECTIVELY.finditer(text)]


PROMISE_PIECES = st.sampled_from(
    ["will", "Will", "shall", "is", "IS", "are", "set", "Set", "to", "be", "completed", "opened", "open", "asset",
     "this", "year", ".", "\n", "\n\n", "A", "museum", "ſhall", "wıll", "held"]
)


def promise_texts() -> st.SearchStrategy[str]:
    return joined(PROMISE_PIECES)


@settings(max_examples=300, deadline=None)
@given(promise_texts())
def test_undertakings_found_where_a_full_search_finds_them(text: str) -> None:
    sentences = Sentences(text)
    starts = _undertaking_starts(sentences)
    for index, sentence in enumerate(sentences.spans):
        body = text[sentence.start : sentence.end]
        expected = patterns.undertaking().search(body)
        if starts is not None and index not in starts:
            assert expected is None
            continue
        found = _promise_start(text, sentences, sentence, starts[index] if starts is not None else None)
        assert found == (expected and expected.start())


@settings(max_examples=300, deadline=None)
@given(sentence_texts(), st.data())
def test_paragraphs_from_blank_lines_found_once_are_those_of_a_scan(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    assert Sentences(text).paragraph(offset) == paragraph_of(text, offset)


@settings(max_examples=300, deadline=None)
@given(sentence_texts())
def test_blank_lines_found_from_the_line_breaks_are_those_of_a_scan(text: str) -> None:
    assert blank_line_ends(text) == [m.end() for m in patterns.BLANK_LINE.finditer(text)]


CHANGE_PIECES = st.sampled_from(
    ["increased", "Increase", "DECREASED", "rose", "up", "down", "growth", "added", "by", "BY", "of", "Of", "to",
     "5", "\n", "\u00a0", "ſ", "İ", "-", "."]
)


@settings(max_examples=400, deadline=None)
@given(joined(CHANGE_PIECES, 12))
def test_a_change_word_before_a_figure_is_found_as_the_pattern_finds_it(window: str) -> None:
    assert _change_before(window) == bool(patterns.CHANGE_BEFORE.search(window))


LOCATIVE_PIECES = st.sampled_from(
    ["at", "AT", "At", "across", "acroſs", "ACROSS", "throughout", "cargo", "throughput", "the", "port", "rate", "data",
     "ſ", "ı", "İ", "K", "\u212a", "-"]
)


@settings(max_examples=400, deadline=None)
@given(joined(LOCATIVE_PIECES, 10))
def test_a_subject_cut_at_its_locative_as_the_pattern_cuts_it(subject: str) -> None:
    match = _locative_pattern().search(subject)
    assert _without_locative(subject) == (subject[: match.start()] if match else subject)


SPAN_CUE_PIECES = st.sampled_from(
    ["it", "took", "TOOK", "taken", "over", "the", "Over  the", "within", "in", "just", "only", "needed", "spent",
     "too\u212a", "ſpent", "years", "5", ".", ";", "\n"]
)


@settings(max_examples=400, deadline=None)
@given(joined(SPAN_CUE_PIECES, 12))
def test_a_window_without_a_span_cue_word_matches_no_cue(text: str) -> None:
    if not may_hold_any(lowered_for_search(text), (0, len(text)), patterns.span_cue_words()):
        assert patterns.span_cue().search(text) is None


GAP_PIECES = st.sampled_from(
    ["of", "OF", "Of", "out of", "among", "AMONG them", "among which", "which", "whom", "the", "a", "all", "total",
     "and", ",", "(", "about", "ſ", "İ", "\n", "."]
)


@settings(max_examples=400, deadline=None)
@given(joined(GAP_PIECES, 10))
def test_a_gap_passed_over_for_parts_matches_neither_part_pattern(between: str) -> None:
    if not _may_name_part(between):
        assert not patterns.PART_OF_GAP.match(between) and not patterns.WHOLE_THEN_PART_GAP.match(between)


@settings(max_examples=300, deadline=None)
@given(sentence_texts(), st.data())
def test_a_sentence_without_the_needle_is_rightly_not_searched(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    sentence = Sentences(text).of(offset)
    expected = bool(patterns.RESPECTIVELY.search(text[sentence.start : sentence.end]))
    assert Sentences(text).says(patterns.RESPECTIVELY, offset, patterns.RESPECTIVELY_WORD) == expected


PART_PIECES = st.sampled_from(
    ["of which", "Of Which", "of  whom", "among them", "AMONG", "including", "Including", "of", "these", "ſuch",
     "about", "over", "more than", ",", "5", "300", "people", "were", "\n", "İ"]
)


@st.composite
def figures_in(draw: st.DrawFn, pieces: st.SearchStrategy[str], unit: str) -> tuple[str, Quantity]:
    """A text joined from pieces and separators, and a figure over any span of it."""
    text = draw(joined(pieces, max_size=20))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text, Quantity(text=text[start:end], start=start, end=end, value=1.0, unit=unit)


@settings(max_examples=300, deadline=None)
@given(figures_in(PART_PIECES, "count"))
def test_a_part_is_found_alike_with_or_without_the_lowered_text(case: tuple[str, Quantity]) -> None:
    text, qty = case
    assert is_part(text, qty, lowered_for_search(text)) == is_part(text, qty)


@settings(max_examples=200, deadline=None)
@given(sentence_texts())
def test_the_sentences_saying_a_word_are_those_says_finds(text: str) -> None:
    sentences = Sentences(text)
    saying = Sentences(text).saying(patterns.RESPECTIVELY, patterns.RESPECTIVELY_WORD)
    for offset in range(len(text) + 1):
        assert (sentences.index_of(offset) in saying) == sentences.says(patterns.RESPECTIVELY, offset, patterns.RESPECTIVELY_WORD)


PER_UNIT_PIECES = st.sampled_from(
    ["per unit area", "Per Mu", "per  hectare", "PER", "yield", "Yield per", "average yield", "unit yield", "capita",
     "output", "ſ", "İ", "of", ",", ".", "5", "tons", "mu", "a", "each"]
)


@settings(max_examples=300, deadline=None)
@given(figures_in(PER_UNIT_PIECES, "t"))
def test_a_per_unit_base_is_found_alike_with_or_without_the_lowered_text(case: tuple[str, Quantity]) -> None:
    text, qty = case
    assert per_unit_base(text, qty, lowered_for_search(text)) == per_unit_base(text, qty)


CASE_PIECES = st.sampled_from(
    ["will", "WILL", "Shall", "we’ll", "We'll", "aim", "Plans", "by", "By the end of", "2025", "20", "this year",
     "Next Year", "the current quarter", "took", "TAKEN", "from", "From", "set to", "completed", "Opened", "ſ",
     "ı", "İ", "K", "\u212a", "Σ", "é", "É", "_", "-", "’", "'", ".", ",", "5"]
)


@settings(max_examples=400, deadline=None)
@given(joined(CASE_PIECES, 30))
def test_a_case_blind_pattern_finds_the_same_in_the_lowered_text(text: str) -> None:
    lowered = lowered_for_search(text)
    for pattern in (patterns.future_cue(), patterns.deadline(), patterns.undertaking(), patterns.threshold_sentence()):
        found, expected = search_in(pattern, text, lowered), pattern.search(text)
        assert (found and found.span()) == (expected and expected.span())


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x24F)))
def test_lowering_a_latin1_text_by_bytes_is_lower(text: str) -> None:
    assert _lower(text) == text.lower()
    assert has_wide_decimal(text) == any(ch.isdecimal() and not ch.isascii() for ch in text)


@settings(max_examples=200, deadline=None)
@given(sentence_texts(), st.data())
def test_the_figures_of_a_sentence_are_those_index_of_puts_there(text: str, data: st.DataObject) -> None:
    offsets = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=8)))
    figures = [Quantity(text="1", start=at, end=at, value=1.0, unit="count") for at in offsets]
    sentences = Sentences(text)
    for index in range(max(1, len(sentences.spans))):
        expected = [q for q in figures if sentences.index_of(q.start) == index]
        assert sentences.figures_of(index, figures) == expected
    grouped = [(span, inside) for span, inside in sentences.figures_by_sentence(figures)]
    assert grouped == [
        (span, [q for q in figures if span.start <= q.start < span.end])
        for span in sentences.spans
        if any(span.start <= q.start < span.end for q in figures)
    ]


THRESHOLD_PIECES = st.sampled_from(
    ["It", "took", "Taken", "TAKES", "take", "mistake", "a", "year", "to", "go", "from", "FROM", "200", "300", "billion", "over", "about", ".",
     ",", ";", "\n\n", "ſ"]
)


@settings(max_examples=200, deadline=None)
@given(joined(THRESHOLD_PIECES, 30), st.data())
def test_milestones_are_the_figures_is_threshold_finds(text: str, data: st.DataObject) -> None:
    offsets = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=8)))
    figures = [Quantity(text="1", start=at, end=at, value=1.0, unit="count") for at in offsets]
    expected = {q.start for q in figures if is_threshold(text, Sentences(text), q)}
    assert milestones(text, Sentences(text), figures) == expected


SYNONYM_PIECES = st.sampled_from(
    ["food", "cereals", "cereaſ", "yıeld", "production", "produced", "foreign trade", "foreign  trade",
     "import and export", "imports", "output", "grain", "value", "total", "the", "of", "İ", "K", "\u212a", "-", "'"]
)


@settings(max_examples=400, deadline=None)
@given(joined(SYNONYM_PIECES, 12))
def test_a_phrase_passed_over_for_synonyms_holds_none(phrase: str) -> None:
    phrase = phrase.lower()
    assert _may_hold_any(phrase, load().subject_synonyms) or _synonym_pattern().search(phrase) is None


@settings(max_examples=300, deadline=None)
@given(joined(THRESHOLD_PIECES, 30), st.data())
def test_a_threshold_sentence_ruled_out_by_its_words_holds_no_match(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    sentence = Sentences(text).of(offset)
    expected = bool(patterns.threshold_sentence().search(text[sentence.start : sentence.end]))
    says = Sentences(text).says(patterns.threshold_sentence(), offset, patterns.THRESHOLD_NEEDLE, patterns.THRESHOLD_VERB_NEEDLES)
    assert says == expected


@needs_shared
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.stem)
def test_repeat_pool_of_partnered_figures_pairs_as_the_whole_pool(path: Path) -> None:
    # The within-text check reads subjects only for figures with a possible partner elsewhere.
    briefing = run(briefing_from_document(read_path(path)), ("structure.v1", "quantities.v1"))
    quantities = sorted(briefing.quantities, key=lambda q: (q.start, q.end))
    sentences = Sentences(briefing.text)
    whole = candidates(briefing.text, quantities, set(), sentences)
    partnered = candidates(briefing.text, quantities, set(), sentences, paired_only=True)

    def pairs(pool: list[tuple[Quantity, str]]) -> list[tuple[int, int]]:
        return [(a.start, b.start) for a, b in _matched_pairs(pool, pool, same_pool=True) if not sentences.same(a.start, b.start)]

    assert pairs(partnered) == pairs(whole)
