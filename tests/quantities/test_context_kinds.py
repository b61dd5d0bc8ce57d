"""The kind of a figure from its unit and the words around it."""

from __future__ import annotations

import pytest

import podium
from podium.model import Briefing, Quantity
from podium.quantities.context import annotate
from podium.quantities.kinds import classify_kind


def _annotated(text: str, figures: tuple[str, ...], *, date: str = "2024-11-15") -> list[Quantity]:
    """Percentages at each figure text, annotated in context."""
    quantities = [Quantity(text=f, start=text.index(f), end=text.index(f) + len(f), value=0.0, unit="%") for f in figures]
    annotate(Briefing(source="<test>", text=text, date=date), quantities)
    return quantities


@pytest.mark.parametrize(
    ("unit", "before", "after", "expected"),
    [
        ("rank", "the province ranked ", " nationwide", "rank"),
        ("year", "it held the title for ", " in a row", "duration"),
        ("quarter", "inflation has eased for ", ", and wages rose", "duration"),
        ("quarter", "trimmed mean inflation was in the target range for one ", ".", "duration"),
        ("times", "revenue increased by ", ".", "growth"),
        ("pp", "the rate fell by ", ".", "change"),
        ("%", "the economy grew by ", " year on year", "growth"),
        ("%", "exports were up ", ".", "growth"),
        ("%", "sales rose ", ".", "growth"),
        ("%", "We will fund a ", " wage increase for aged care workers.", "growth"),
        ("%", "Staff get a ", " pay rise this year.", "growth"),
        ("%", "a decline of ", " in imports", "growth"),
        ("%", "Retail sales of ", " year on year higher", "growth"),
        ("%", "accounting for more than ", " of the national total", "share"),
        ("%", "services made up ", " of output", "share"),
        ("%", "More than ", " of spending went to schools", "share"),
        ("%", "with an enrollment rate of ", ".", "ratio"),
        ("%", "the number returned to about ", " of that in the previous year", "ratio"),
        ("%", "output grew at an average annual rate of ", ".", "growth"),
        ("%", "with an average annual growth of ", ".", "growth"),
        ("%", "the unemployment rate stood at ", ".", "ratio"),
        ("t", "grain output increased by over ", " (3 million)", "change"),
        ("CNY", "an increase of ", ".", "change"),
        ("t", "The increase in coal output stood at ", ".", "change"),
        ("kW", "capacity increased to ", ".", "level"),
        ("count", "trucks have more than doubled to ", ".", "level"),
        ("count", "and increase the stock by at least ", " head", "change"),
        # "no" is a qualifier as "more" is (quoted in kinds_en.yaml: YAML read a bare no as false).
        ("%", "the economy grew by no more than ", ".", "growth"),
        ("t", "grain output increased by no less than ", ".", "change"),
        ("t", "output reached ", ".", "level"),
        ("count", "we built ", " houses", "level"),
        # The verb before the figure moves employment (spoken gold: "the economy added 235,000 new jobs"
        # is a change); "new urban jobs added reached 12 million" names a level after its noun.
        ("count", "The economy added ", " jobs in February", "change"),
        ("count", "showing ", " more people in extreme poverty", "change"),
        ("USD", "that's ", " more than we had projected", "change"),
        ("count", "it is still ", " people more who faced hunger", "change"),
        ("count", "It's a ", " increase compared to 2020", "change"),
        ("USD", "they will spend ", " or more on fuel", "level"),
        ("count", "there were ", " increases in the rate", "level"),
        ("USD", "iron ore was at ", " a tonne.", "ratio"),
        ("%", "less than ", " of those doses have materialised", "share"),
        ("%", "They see headline inflation averaging 2.1 per cent in 2025, ", " in 2026", "growth"),  # "per cent" is no "per"
        ("year", "young children, under the age of ", ".", "level"),  # an age
        ("year", "he is ", " years old", "level"),
        ("count", "one school for every ", " students", "ratio"),
        ("jin", "with a per unit area output of ", ".", "ratio"),
        ("jin", "yields reached ", " per mu", "ratio"),
        # Warming against a baseline or as a limit is a change; a temperature reached is a level.
        ("degC", "it will exceed ", " above pre-industrial levels", "change"),
        ("degC", "keeping within the ", " limit", "change"),
        ("degF", "predicted to be ", " warmer than the baseline", "change"),
        ("degC", "temperatures reached ", " in the capital", "level"),
        ("m", "a plateau ", " above sea level", "level"),
    ],
)
def test_kind(unit: str, before: str, after: str, expected: str) -> None:
    assert classify_kind(unit, before, after) == expected


def test_fraction_is_a_share() -> None:
    assert classify_kind("%", "representing nearly ", " of the total", fraction=True) == "share"


def test_a_fraction_before_a_likelihood_is_a_ratio() -> None:
    assert classify_kind("%", "there is a ", " likelihood that", fraction=True) == "ratio"
    assert classify_kind("%", "Africa remains hit, with ", " people facing hunger", fraction=True) == "share"


def test_bare_percentage_is_left_to_the_caller() -> None:
    # "40% in the dry season and 26% in the rainy season": the kind follows the listed figure.
    assert classify_kind("%", "and ", " in the rainy season") is None


def test_a_figure_whose_clause_points_back_takes_the_kind_before_it() -> None:
    text = "Growth is going to go down to 2.9 percent. Last year, it was 5.7 percent."
    quantities = _annotated(text, ("2.9 percent", "5.7 percent"), date="2022-06-07")
    assert [q.kind for q in quantities] == ["growth", "growth"]
    assert [q.period for q in quantities] == ["", "2021"]




def test_a_sentence_opening_on_a_pronoun_takes_the_rate_noun_of_the_sentence_before() -> None:
    # Made up, in the shape of a forecast statement: "It" stands for the inflation forecast.
    found = _annotated(
        "The price forecast for next year has been revised up. Inflation there was high. It now stands at 3.1% in the region.",
        ("3.1%",),
    )
    assert [q.kind for q in found] == ["growth"]
    found = _annotated("Once again, we have marked down global growth. We are now projecting 3.5% next year.", ("3.5%",))
    assert [q.kind for q in found] == ["growth"]
    # Without the pronoun the sentence before lends nothing: a bare percentage is a ratio.
    found = _annotated("Inflation there was high. Turnout stands at 3.1% in the region.", ("3.1%",))
    assert [q.kind for q in found] == ["ratio"]


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        ("Back then over 3000 people were dying from the virus each day.\n", "3000", "ratio"),
        ("It is a fraction of the 500 trucks that used to enter the city every day before the war.\n", "500", "ratio"),
        ("The region reports 100,000 cases of COVID-19 a day, the director said.\n", "100,000", "ratio"),
        ("Every day, an estimated 1.6 million people got sick from unsafe food.\n", "1.6 million", "ratio"),
        # a point in time, another clause, or another figure's clause: still a level
        ("A year ago 3000 people were in hospital.\n", "3000", "level"),
        ("We hired 3000 people, and each day brings more.\n", "3000", "level"),
        ("Every day, we see it: 3000 people were sick.\n", "3000", "level"),
    ],
)
def test_a_count_whose_clause_says_how_often_is_a_rate(text: str, figure: str, expected: str) -> None:
    kinds = {q.text: q.kind for q in podium.parse(text).quantities}
    assert kinds[figure] == expected
