"""Commitments: targets, forecasts and dated undertakings, and their resolution across briefings."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from planted import _quantity
from podium import parse
from podium.checks import patterns, resolve, run_checks
from podium.checks.commitments import deadline_in
from podium.checks.words import load
from podium.model import Briefing, Commitment, Quantity


def briefing(text: str, *lines: str, date: str = "2024-05-21") -> Briefing:
    quantities, after = [], 0
    for line in lines:
        qty = _quantity(line, text, after)
        quantities.append(qty)
        after = qty.end
    return Briefing(source="test.txt", text=text, date=date, quantities=quantities)


@pytest.mark.parametrize(
    ("phrase", "year", "expected"),
    [
        ("will be completed by 2026.", 2024, "2026"),
        ("will open this year.", 2024, "2024"),
        ("will be finished by the end of next year.", 2024, "2025"),
        ("will open this year.", None, "this year"),
        ("will open soon.", 2024, ""),
    ],
)
def test_deadline_is_resolved_against_the_briefing_year(phrase: str, year: int | None, expected: str) -> None:
    assert deadline_in(phrase, year) == expected


@pytest.mark.parametrize(
    ("phrase", "month", "expected"),
    [
        ("will complete its purchases by the end of the current quarter.", 4, "2011-Q2"),
        ("will complete its purchases next quarter.", 11, "2012-Q1"),
        ("will complete its purchases this quarter.", None, "this quarter"),
    ],
)
def test_quarter_deadlines_use_the_briefing_month(phrase: str, month: int | None, expected: str) -> None:
    assert deadline_in(phrase, 2011, month) == expected


def test_targets_and_forecasts_become_commitments() -> None:
    text = "This year, we will increase grain output by at least 2 billion jin. Trade is expected to exceed 400 billion yuan. Output was 5 million tons."
    result = run_checks(
        briefing(
            text,
            "2 billion jin | 2e9 jin | min change | grain output | 2024 | target",
            "400 billion yuan | 400e9 CNY | min level | trade | 2024 | forecast",
            "5 million tons | 5e6 t | exact level | output | 2023",
        )
    )
    assert [(c.subject, c.value, c.unit, c.qualifier, c.deadline, c.modality) for c in result.commitments] == [
        ("grain output", 2e9, "jin", "min", "2024", "target"),
        ("trade", 400e9, "CNY", "min", "2024", "forecast"),
    ]
    assert all(text[c.start : c.end] in ("2 billion jin", "400 billion yuan") for c in result.commitments)


def test_a_dated_undertaking_without_a_number() -> None:
    text = "Work goes on. The provincial sports center will be completed and open to the public this year."
    (commitment,) = run_checks(briefing(text)).commitments
    assert commitment.value is None
    assert commitment.deadline == "2024"
    assert commitment.subject == "The provincial sports center"
    assert text[commitment.start :].startswith("will be completed")


def test_an_undertaking_without_a_deadline_is_no_commitment() -> None:
    assert run_checks(briefing("The new museum will be completed soon.")).commitments == []


def _commitment(value: float, qualifier: str, *, subject: str = "grain output", deadline: str = "2024") -> Commitment:
    return Commitment(subject=subject, text="", start=0, end=1, deadline=deadline, speaker=None, value=value, unit="jin", qualifier=qualifier)  # type: ignore[arg-type]


def _actual(value: float, unit: str = "jin", *, subject: str = "grain output", period: str = "2024") -> Quantity:
    return Quantity(text="x", start=0, end=1, value=value, unit=unit, subject=subject, period=period)


@pytest.mark.parametrize(
    ("commitment", "actuals", "status"),
    [
        (_commitment(2e9, "min"), [_actual(2.3e9)], "met"),
        (_commitment(2e9, "min"), [_actual(1.5e9)], "missed"),
        (_commitment(2e9, "min"), [_actual(1.2e6, "t")], "met"),  # 1.2 million t = 2.4 billion jin
        (_commitment(5e9, "max"), [_actual(6e9)], "missed"),
        (_commitment(2e9, "min"), [_actual(2.3e9, period="2023")], "open"),
        (_commitment(2e9, "min"), [_actual(2.3e9, subject="cotton output")], "open"),
        (_commitment(2e9, "min"), [], "open"),
    ],
)
def test_resolve(commitment: Commitment, actuals: list[Quantity], status: str) -> None:
    (resolved,) = resolve([commitment], actuals, today=date(2024, 6, 1))
    assert resolved.status == status
    assert commitment.status == "open"  # the input is not changed
    assert (resolved.settled_by is not None) == (status in ("met", "missed"))


def test_resolution_names_the_figure_and_needs_the_same_period_and_place() -> None:
    china = dataclasses.replace(_commitment(2e9, "min"), place="China")
    (met,) = resolve([china], [dataclasses.replace(_actual(2.3e9), place="China")], today=date(2025, 6, 1))
    assert (met.status, met.settled_by) == ("met", "x (grain output, China, 2024)")
    (elsewhere,) = resolve([china], [dataclasses.replace(_actual(2.3e9), place="Xinjiang")], today=date(2025, 6, 1))
    assert (elsewhere.status, elsewhere.settled_by) == ("overdue", None)
    (part,) = resolve([china], [_actual(2.3e9, period="2024-01/2024-08")], today=date(2024, 9, 1))
    assert part.status == "open"  # eight months say nothing of the year, and the year is not over


def test_a_commitment_is_overdue_only_once_its_deadline_has_passed() -> None:
    promise = _commitment(2e9, "min", deadline="2024-Q2")
    assert [resolve([promise], [], today=d)[0].status for d in (date(2024, 6, 30), date(2024, 7, 1))] == ["open", "overdue"]
    assert resolve([_commitment(2e9, "min", deadline="")], [], today=date(2030, 1, 1))[0].status == "open"


def test_questions_counts_and_timeless_goals_are_no_commitments() -> None:
    text = (
        "We will reach our longer-run goal of 2 percent. Inflation is expected to be 2.5 percent next year."
        " If you see growth of 3 percent this year, what then? We will hold 3 meetings.\n"
    )
    stages = ("quantities.v1", "places.v1", "checks.v1")
    found = [(c.subject, c.deadline, c.value) for c in parse(text, date="2024-05-21", stages=stages).commitments]
    assert found == [("inflation", "2025", 2.5)]


def test_a_chinese_undertaking_with_a_deadline() -> None:
    text = "各项工作扎实推进，预计年底前能全部完成规划目标。\n"
    (commitment,) = parse(text, date="2024-05-21", stages=("quantities.v1", "places.v1", "checks.v1")).commitments
    assert commitment.deadline == "2024" and commitment.modality == "forecast"
    assert text[commitment.start : commitment.end].startswith("预计年底前")


def test_a_count_that_heads_a_list_is_no_target() -> None:
    text = "Next, we will focus on three areas:\n\nFirst, industry. This year, we will build 200 kilometers of railway."
    result = run_checks(
        briefing(
            text,
            "three | 3 count | exact level | areas | 2024 | target",
            "200 kilometers | 200 km | exact level | railway | 2024 | target",
        )
    )
    assert [c.text for c in result.commitments] == ["This year, we will build 200 kilometers of railway."]


def test_a_target_word_in_a_sentence_about_the_past_is_no_commitment() -> None:
    text = "New urban jobs reached 620,000, accounting for 112% of the annual target. We'll create 700,000 jobs in 2025."
    result = run_checks(
        briefing(
            text,
            "112% | 112 % | exact share | annual target | 2023 | target",
            "700,000 | 700000 count | exact level | new urban jobs | 2025 | target",
        )
    )
    assert [(c.subject, c.deadline) for c in result.commitments] == [("new urban jobs", "2025")]


