"""Unit tests for what the templates are given: numbers, marked transcript pieces, snippets, charts."""

from __future__ import annotations

import pytest

from podium.model import Briefing, Quantity, Turn
from podium.web.render import (
    build_charts,
    format_figure,
    format_number,
    nice_range,
    non_overlapping,
    snippet_markup,
    tick_values,
    transcript_blocks,
)

# A tiny transcript of our own: two turns, figures in both, one in a speaker label.
TEXT = "Opening words.\n\nHost:\n\nGrowth was 5% and output 3 million tons.\n\nSecond paragraph, 12 units.\n\nDesk 7 Reporter:\n\nAbout 2%?\n"


def qty(text: str, *, occurrence: int = 0, kind: str = "level", modality: str = "actual", value: float = 1.0) -> Quantity:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return Quantity(text=text, start=start, end=start + len(text), value=value, unit="%", kind=kind, modality=modality)


def tiny_briefing() -> Briefing:
    host = TEXT.index("Host:")
    desk = TEXT.index("Desk 7")
    turns = [
        Turn(id=0, speaker="Host", role="host", start=host, end=desk, body_start=TEXT.index("Growth"), text=TEXT[TEXT.index("Growth") : desk]),
        Turn(id=1, speaker="Desk 7 Reporter", role="journalist", start=desk, end=len(TEXT), body_start=TEXT.index("About"), text=TEXT[TEXT.index("About") :]),
    ]
    quantities = [qty("5%", kind="growth"), qty("3 million tons"), qty("12 units"), qty("7"), qty("2%", modality="target"), qty("3 million")]
    return Briefing(source="tiny.txt", text=TEXT, turns=turns, quantities=quantities)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, ""), (5, "5"), (5.0, "5"), (1234567.0, "1,234,567"), (45.9, "45.9"), (0.125, "0.125"), (1.05e12, "1,050,000,000,000"), (2.5e15, "2.5e+15")],
)
def test_format_number(value: float | None, expected: str) -> None:
    assert format_number(value) == expected


@pytest.mark.parametrize(
    ("row", "expected"),
    [({"value": 5.0}, "5"), ({"value": 5.0, "value_max": 6.0}, "5–6"), ({"value": 50.0, "qualifier": "min"}, "50 (min)")],
)
def test_format_figure(row: dict, expected: str) -> None:
    assert format_figure(row) == expected


def test_non_overlapping_keeps_the_longer_span_at_one_start() -> None:
    kept = non_overlapping(tiny_briefing().quantities)
    assert [q.text for q in kept] == ["5%", "3 million tons", "12 units", "7", "2%"]


def test_blocks_reproduce_the_text_exactly() -> None:
    briefing = tiny_briefing()
    blocks = transcript_blocks(briefing)
    assert [b.anchor for b in blocks] == ["x-0", "t-0", "t-1"]
    assert "".join(p.text for p in blocks[1].label) == "Host:"
    assert ["".join(p.text for p in para) for para in blocks[1].paragraphs] == [
        "Growth was 5% and output 3 million tons.",
        "Second paragraph, 12 units.",
    ]
    for block in blocks:
        for piece in [*block.label, *(p for para in block.paragraphs for p in para)]:
            if piece.figure:
                start = int(piece.figure["anchor"][2:])
                assert TEXT[start : start + len(piece.text)] == piece.text


def test_a_figure_in_a_label_is_marked() -> None:
    label = transcript_blocks(tiny_briefing())[2].label
    assert [(p.text, bool(p.figure)) for p in label] == [("Desk ", False), ("7", True), (" Reporter:", False)]


def test_switches_flag_figures_of_other_kinds_and_modalities() -> None:
    blocks = transcript_blocks(tiny_briefing(), kind="growth")
    shown = [p.text for b in blocks for para in [b.label, *b.paragraphs] for p in para if p.figure and p.figure["shown"]]
    assert shown == ["5%"]
    blocks = transcript_blocks(tiny_briefing(), modality="target")
    shown = [p.text for b in blocks for para in [b.label, *b.paragraphs] for p in para if p.figure and p.figure["shown"]]
    assert shown == ["2%"]


def test_snippet_markup_escapes_before_marking() -> None:
    html = str(snippet_markup('a <script>x</script> \x02hit\x03 "><img src=x>'))
    assert html == 'a &lt;script&gt;x&lt;/script&gt; <mark>hit</mark> &#34;&gt;&lt;img src=x&gt;'


@pytest.mark.parametrize(("low", "high", "expected"), [(0, 7, (0, 8, 2)), (0, 1, (0, 1, 0.2)), (-3, 12, (-5, 15, 5)), (0, 0, (0, 1, 0.2))])
def test_nice_range(low: float, high: float, expected: tuple[float, float, float]) -> None:
    assert nice_range(low, high) == pytest.approx(expected)


def test_tick_values_cover_the_range() -> None:
    assert tick_values(0, 8, 2) == [0, 2, 4, 6, 8]


def test_charts_split_by_kind_and_unit_and_skip_undated_figures() -> None:
    rows = [
        {"value": 5.0, "unit": "%", "kind": "growth", "period": "2023", "start": 1, "briefing_id": "a"},
        {"value": 6.0, "unit": "%", "kind": "growth", "period": "2024", "start": 2, "briefing_id": "a"},
        {"value": 9.0, "unit": "t", "kind": "level", "period": "2024", "start": 3, "briefing_id": "b", "normalized_value": 9000.0, "normalized_unit": "kg"},
        {"value": 1.0, "unit": "%", "kind": "growth", "period": "", "start": 4, "briefing_id": "a"},
    ]
    charts = build_charts(rows, href=lambda row: f"/b/{row['briefing_id']}#q-{row['start']}")
    assert [(c.kind, c.unit, len(c.points)) for c in charts] == [("growth", "%", 2), ("level", "kg", 1)]
    growth = charts[0]
    assert [label for _x, label in growth.x_ticks] == ["2023", "2024"]
    assert growth.points[0].y > growth.points[1].y  # larger values sit higher (smaller y) in SVG
    assert [p.href for p in growth.points] == ["/b/a#q-1", "/b/a#q-2"]
