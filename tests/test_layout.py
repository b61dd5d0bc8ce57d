"""The one layout of a briefing's text: sentences and paragraphs as spans, abbreviations kept whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import corpus_files, needs_shared
from podium.checks import context
from podium.layout import Span, clause_end, clause_start, layout_of
from podium.model import Briefing, Turn, json_schema
from podium.pipeline import briefing_from_document, run
from podium.quantities.context import build_layout
from podium.read import read_path


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in layout_of(text).sentences]


def test_a_title_before_a_name_ends_no_sentence() -> None:
    text = "Thank you, Mr. Chairman. Output rose 5.2% in 2023. Dr. Tan agreed."
    assert _sentences(text) == ["Thank you, Mr. Chairman.", "Output rose 5.2% in 2023.", "Dr. Tan agreed."]


def test_initials_and_decimal_points_end_no_sentence() -> None:
    text = "U.S. exports grew 3.5 percent. J. Smith said so! Was it 2.0? Yes."
    assert _sentences(text) == ["U.S. exports grew 3.5 percent.", "J. Smith said so!", "Was it 2.0?", "Yes."]


def test_a_lower_case_word_after_a_stop_continues_the_sentence() -> None:
    assert _sentences("It rose (approx. 5 tons) etc. and more.") == ["It rose (approx. 5 tons) etc. and more."]


def test_quotes_and_brackets_close_a_sentence() -> None:
    assert _sentences('He said "it grew." Then (it fell.) "Next" came.') == ['He said "it grew."', "Then (it fell.)", '"Next" came.']


def test_blank_lines_part_paragraphs_and_wrapped_lines_stay_one_sentence() -> None:
    text = "First line\nwraps here.\n\n  Second paragraph.\n\nThird one\n"
    layout = layout_of(text)
    assert [text[p.start : p.end] for p in layout.paragraphs] == ["First line\nwraps here.", "Second paragraph.", "Third one"]
    assert _sentences(text) == ["First line\nwraps here.", "Second paragraph.", "Third one"]


def test_a_text_without_blank_lines_breaks_paragraphs_after_a_line_that_ends_a_sentence() -> None:
    text = "".join(f"Line {i} goes on\nand ends here.\n" for i in range(10))
    layout = layout_of(text)
    assert len(layout.paragraphs) == 10
    assert text[layout.paragraphs[1].start : layout.paragraphs[1].end] == "Line 1 goes on\nand ends here."


def test_a_chinese_paragraph_is_parted_at_its_full_stops_and_line_breaks() -> None:
    # Full-width and half-width stops, a closing quote kept with its sentence, traditional
    # characters and full-width digits read as written (the spans are of the text unchanged).
    text = "今年糧食產量增長５％。“這是好事！”他說。下半年會更好嗎?\n一、就業\n城鎮新增就業1100萬人,Mr. Tan said so."
    assert _sentences(text) == [
        "今年糧食產量增長５％。", "“這是好事！”", "他說。", "下半年會更好嗎?", "一、就業", "城鎮新增就業1100萬人,Mr. Tan said so.",
    ]  # fmt: skip


def test_an_english_paragraph_beside_a_chinese_one_is_laid_out_by_the_english_rule() -> None:
    text = "Exports rose 5%!next came imports, which\nwrap over lines. Then 3.5 percent?no.\n\n出口增长5%。进口下降3%。"
    assert _sentences(text) == [
        "Exports rose 5%!next came imports, which\nwrap over lines.", "Then 3.5 percent?no.", "出口增长5%。", "进口下降3%。",
    ]  # fmt: skip


def test_clauses_run_between_commas_of_either_width_within_their_sentence() -> None:
    text = "出口增长5%，进口下降3%；顺差扩大。“Output rose, exports fell.”"
    first, second = layout_of(text).sentences
    at = text.index("进口")
    assert text[clause_start(text, first.start, at) : clause_end(text, at, first.end)] == "进口下降3%"
    at = text.index("扩大")
    assert text[clause_start(text, first.start, at) : clause_end(text, at, first.end)] == "顺差扩大"  # the stop is no part of it
    at = text.index("exports")
    assert text[clause_start(text, second.start, at) : clause_end(text, at, second.end)] == " exports fell"


def test_breaks_start_a_paragraph_and_a_sentence() -> None:
    text = "Mr. Tan: we grew fast Ms. Li: we did not"
    layout = layout_of(text, [0, 9, 22, 29])
    assert _texts(text, layout.paragraphs) == ["Mr. Tan:", "we grew fast", "Ms. Li:", "we did not"]
    assert layout.sentences == layout.paragraphs


def test_lookups_by_offset() -> None:
    text = "One fell. Two rose.\n\nThree."
    layout = layout_of(text)
    assert layout.sentence(text.index("fell")) == Span(0, 9)
    assert layout.sentence(9) == Span(0, 9)  # the space after a sentence belongs to the one before
    assert layout.same_sentence(text.index("Two"), text.index("rose"))
    assert not layout.same_sentence(0, text.index("Two"))
    assert layout.paragraph(text.index("Two")) == Span(0, 19)
    assert layout.paragraph(text.index("Three")) == Span(21, 27)
    assert layout_of("").sentence(0) == Span(0, 0)


def _texts(text: str, spans: list[Span]) -> list[str]:
    return [text[s.start : s.end] for s in spans]


def test_the_briefing_keeps_its_layout_out_of_the_json_and_finds_it_again_for_new_turns() -> None:
    text = "HOST: Welcome. GUEST: Output rose."
    briefing = Briefing(source="<text>", text=text)
    first = briefing.layout
    assert briefing.layout is first
    assert len(first.sentences) == 2
    briefing.turns = [
        Turn(id=0, speaker="HOST", role="host", start=0, end=15, body_start=6, text="Welcome. "),
        Turn(id=1, speaker="GUEST", role="official", start=15, end=len(text), body_start=22, text="Output rose."),
    ]
    assert _texts(text, briefing.layout.sentences) == ["HOST:", "Welcome.", "GUEST:", "Output rose."]
    assert "layout" not in briefing.to_dict() and "_layout" not in briefing.to_dict()
    assert "layout" not in json_schema()["properties"]


@needs_shared
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.stem)
def test_quantities_and_checks_read_one_sentence_for_each_figure(path: Path) -> None:
    briefing = run(briefing_from_document(read_path(path)), ("structure.v1", "quantities.v1"))
    quantities_layout, _inferred = build_layout(briefing, briefing.quantities)
    checks_layout = context(briefing.text, briefing.quantities, briefing.layout).layout
    for qty in briefing.quantities:
        sentence = quantities_layout.sentence(qty.start)
        assert sentence == checks_layout.sentence(qty.start)
        paragraph = checks_layout.paragraph(qty.start)
        assert paragraph.start <= sentence.start <= qty.start < sentence.end <= paragraph.end
