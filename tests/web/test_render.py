"""Unit tests for what the templates are given: numbers, marked transcript pieces, snippets, charts."""

from __future__ import annotations

import pytest

from podium.model import Briefing, Quantity, Turn
from podium.web.render import (
    build_charts,
    period_span,
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


@pytest.mark.parametrize(
    ("period", "span"),
    [
        ("2024", (2024, 2025)),
        ("2024-Q2", (2024.25, 2024.5)),
        ("2024-H2", (2024.5, 2025)),
        ("2024-03", (2024 + 2 / 12, 2024 + 3 / 12)),
        ("2021/2025", (2021, 2026)),
        ("2024-01/2024-06", (2024, 2024.5)),
        ("2024-13", None),
        ("next year", None),
        ("2025/2021", None),
    ],
)
def test_period_span(period: str, span: tuple[float, float] | None) -> None:
    found = period_span(period)
    assert found == (pytest.approx(span) if span else None)


def test_a_chart_places_periods_in_time_and_splits_modalities() -> None:
    rows = [
        {"value": 5.0, "unit": "%", "kind": "growth", "period": "2020", "modality": "actual", "start": 1, "briefing_id": "a"},
        {"value": 5.5, "unit": "%", "kind": "growth", "period": "2024", "modality": "actual", "start": 2, "briefing_id": "a"},
        {"value": 5.0, "unit": "%", "kind": "growth", "period": "2024", "modality": "target", "start": 3, "briefing_id": "a"},
        {"value": 4.5, "unit": "%", "kind": "growth", "period": "2024-Q1", "modality": "forecast", "start": 4, "briefing_id": "b"},
        {"value": 4.0, "unit": "%", "kind": "growth", "period": "someday", "modality": "actual", "start": 5, "briefing_id": "b"},
    ]
    (chart,) = build_charts(rows, href=lambda row: f"#q-{row['start']}")
    assert [(s.name, s.count) for s in chart.series] == [("actual", 2), ("target", 1), ("forecast", 1)]
    assert chart.unplaced == 1
    x = {p.href: p.x for p in chart.points}
    # Time, not categories: 2020 to 2024 is four years, 2024-Q1 sits inside 2024, before its middle.
    assert x["#q-2"] - x["#q-1"] > 3 * (x["#q-2"] - x["#q-4"]) > 0
    assert x["#q-2"] != x["#q-3"]  # actual and target of one period side by side, not on one another
    labels = [label for _x, label in chart.x_ticks]
    assert labels[0] == "2020" and labels[-1] == "2024"
    xs = [tick_x for tick_x, _label in chart.x_ticks]
    assert all(b - a >= 64 for a, b in zip(xs, xs[1:]))  # labels never overlap


def test_a_narrow_chart_keeps_its_labels_apart() -> None:
    rows = [{"value": float(y), "unit": "%", "kind": "growth", "period": str(y), "modality": "actual", "start": y, "briefing_id": "a"} for y in range(2000, 2025)]
    (chart,) = build_charts(rows, href=lambda row: "#", width=360)
    xs = [tick_x for tick_x, _label in chart.x_ticks]
    assert chart.width == 360 and 2 <= len(xs) <= 6
    assert all(b - a >= 64 for a, b in zip(xs, xs[1:]))
