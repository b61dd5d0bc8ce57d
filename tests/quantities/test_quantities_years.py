"""Four digits in the years' range: a year, or a count of the plural noun after them.

"plus 3600 doses and 2000 cartridges" counts cartridges; "in 2000", "the 2024 elections", "2019
levels", "between 2019 and 2022 cases" and a sentence opening on the number stay years. Figures and
periods read the same four digits the same way."""

from __future__ import annotations

import pytest

import podium


def figures(sentence: str) -> list[tuple[str, str, str]]:
    briefing = podium.parse(f"MR. LEE: {sentence}\n\nMS. PARK: Thank you.\n", stages=["structure.v1", "quantities.v1"])
    return [(q.text, q.unit, q.period) for q in briefing.quantities]


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("We sent 3600 doses of vaccine and 2000 cartridges for lab testing.", "2000"),
        ("About 1500 workers and 2000 tests arrived.", "2000"),
        ("There were 2000 people at the site.", "2000"),
        ("We shipped 1950 tents to the camps.", "1950"),
        ("Hiring went from 1000 to 2000 hires this year.", "1000"),
    ],
)
def test_four_digits_before_a_counted_plural_noun_are_a_count(sentence: str, count: str) -> None:
    assert (count, "count", "") in figures(sentence)


def test_a_count_lends_no_period_to_the_figures_beside_it() -> None:
    found = figures("Almost 50 responders arrived, plus 3600 doses and 2000 cartridges.")
    assert [period for _, _, period in found] == ["", "", ""]


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2000 the plan began.",
        "Prices are back to 2019 levels.",
        "We watched the 2024 elections closely.",
        "Between 2019 and 2022 cases rose.",
        "From 2019 to 2023 cases rose.",
        "Output grew. 2023 exports rose.",
        "It was the third quarter of 2024 as a whole.",
        "By 2030 emissions will fall.",
    ],
)
def test_a_year_stays_a_year(sentence: str) -> None:
    assert not [text for text, _, _ in figures(sentence) if text.isdigit() and len(text) == 4]


def test_a_year_before_a_figure_still_dates_it() -> None:
    assert figures("In 2023 exports rose 5 percent.") == [("5 percent", "%", "2023")]
