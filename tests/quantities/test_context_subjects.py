"""Subjects: the lenient match, and the noun phrase found for a figure in its sentence."""

from __future__ import annotations

from typing import Any

import pytest

from podium.model import Briefing, Quantity
from podium.quantities.context import annotate
from podium.quantities.subjects import (
    content_tokens,
    head_token,
    measured_after,
    noun_phrase_after,
    subject_after_clause,
    subject_before,
    subject_matches,
)


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ("grain output", "grain output", True),
        ("GDP", "the region's GDP", True),
        ("cotton output in the national total", "cotton output", True),
        ("coal supplied to other parts of the country", "locally produced coal", True),  # same head
        ("provinces and cities providing pairing assistance", "provinces and cities", True),
        ("grain output", "grain planting area", False),
        ("tourism revenue", "number of tourists", False),
        ("grain output", "", False),
        ("", "", True),
    ],
)
def test_subject_matches(gold: str, pred: str, expected: bool) -> None:
    assert subject_matches(gold, pred) is expected


@pytest.mark.parametrize(
    ("phrase", "head"),
    [
        ("coal supplied to other parts of the country", "coal"),
        ("key mining areas designated in the region", "area"),
        ("grain output per unit area (per mu)", "output"),
        ("newly added capacity", "capacity"),
        ("the", None),
    ],
)
def test_head_token(phrase: str, head: str | None) -> None:
    assert head_token(phrase) == head


def test_content_tokens_drop_stop_words_plurals_and_possessives() -> None:
    assert content_tokens("The region's imports and exports") == ("region", "import", "export")


def subject_of(sentence: str, figure: str, unit: str, nth: int = 0) -> str:
    """Annotate one figure of `sentence` (its nth occurrence) and return its subject."""
    return context_of(sentence, figure, unit, nth).subject


def context_of(text: str, figure: str, unit: str, nth: int = 0, date: str | None = "2024-05-21") -> Quantity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(figure, start + 1)
    qty = Quantity(text=figure, start=start, end=start + len(figure), value=0.0, unit=unit)
    annotate(Briefing(source="<test>", text=text, date=date), [qty])
    return qty


def subjects_of(text: str, figures: tuple[tuple[str, str], ...]) -> list[str]:
    """Annotate the (figure, unit) pairs of `text` together and return their subjects in order."""
    quantities = [context_quantity(text, figure, unit) for figure, unit in figures]
    annotate(Briefing(source="<test>", text=text, date="2024-05-21"), quantities)
    return [q.subject for q in quantities]


@pytest.mark.parametrize(
    ("sentence", "figure", "unit", "expected"),
    [
        ("Last year, grain output stood at 42 billion jin.", "42 billion jin", "jin", "grain output"),
        ("The region's GDP grew by 5.6% year on year.", "5.6%", "%", "region's GDP"),
        ("In total, 19 provinces and cities provided assistance.", "19", "count", "provinces and cities"),
        ("We built 2.7 million rural houses in the area.", "2.7 million", "count", "rural houses"),
        ("Thousands of officials have come to help.", "Thousands", "count", "officials"),
        ("They offered over 39 billion yuan of funds.", "39 billion yuan", "CNY", "funds"),
        ("More than 75% of fiscal spending went to welfare.", "75%", "%", "fiscal spending"),
        ("Cotton output reached 5 million tons, accounting for 91% of the national total.", "91%", "%", "Cotton output"),
        ("The harvest was mechanised, with a harvest rate of 89%.", "89%", "%", "harvest rate"),
        ("The increase in raw coal production stood at 46 million tons.", "46 million tons", "t", "increase in raw coal production"),
        ("We will increase grain output by at least 2 billion jin.", "2 billion jin", "jin", "grain output"),
        ("The province ranked second nationwide in terms of new wind capacity.", "second", "rank", "new wind capacity"),
        ("The province has ranked first in oil production for years.", "first", "rank", "oil production"),
        ("Food output rose by 6 billion jin (3 million tons).", "3 million tons", "t", "Food output"),
        ("Tourism revenue rose, with hotel income increasing by 8%.", "8%", "%", "hotel income"),
        ("There is one school for every 783 students.", "783", "count", "students"),
        ("A 7.1-magnitude earthquake struck the county.", "7.1-magnitude", "magnitude", "earthquake magnitude"),
        ("The network offers 15-year free education.", "15-year", "year", "free education"),
        ("Seeking better service, they adopted a new model, more than doubling the clearance efficiency.", "doubling", "times", "clearance efficiency"),
        ("Indeed, all of the doubling in national savings came from the budget.", "doubling", "times", "national savings"),
        ("This year, we will strive to keep GDP growth at about 5.5%.", "5.5%", "%", "GDP growth"),
        ("The central bank held its policy rate at 3.1% in March.", "3.1%", "%", "policy rate"),
        ("We will maintain the surveyed unemployment rate at around 5.5%.", "5.5%", "%", "surveyed unemployment rate"),
        # A rate named in the clause is what its percentage measures, not the speaker's frame.
        ("We've lowered our forecast from 3 percent to 1.9 percent for global growth.", "1.9 percent", "%", "global growth"),
        ("Although GDP growth moderated from 3.4% to 1.3%, it held.", "3.4%", "%", "GDP growth"),
        ("Today we decided that the cash rate stays at 4.1%.", "4.1%", "%", "cash rate"),
        ("Participants expect GDP growth to slow in growth with 2.1% this year.", "2.1%", "%", "GDP growth"),
        # A generic count names what befell the people it counts.
        ("Explosions hit the city, and 130 people were injured.", "130", "count", "people injured"),
        ("In the past 7 days, reported cases from Africa have increased by 55%.", "55%", "%", "reported cases from Africa"),
        ("We turned a $78 billion deficit into a surplus.", "$78 billion", "AUD", "deficit"),
        ("New jobs fell by 1.05 million compared with last year.", "1.05 million", "count", "New jobs"),
        # A share said as a count of a whole measures the whole counted after it, not a place before.
        ("The south remains worst hit, with one in five people facing hunger.", "one in five", "%", "people facing hunger"),
        # ... or the noun said at the part when none follows
        ("Thanks to the new benefit, nine families in ten will receive more.", "nine families in ten", "%", "families"),
        ("The agency sees a 40 per cent likelihood that the record falls.", "40 per cent", "%", "likelihood"),
        ("The ministry's 2025 budget request includes $42 billion for schools.", "$42 billion", "USD", "ministry's budget request"),
        (
            "Last year, the growth rates of six indicators, namely GDP, investment and income, all ranked among the top five.",
            "top five",
            "rank",
            "growth rates of six indicators",
        ),
    ],
)
def test_subject(sentence: str, figure: str, unit: str, expected: str) -> None:
    assert subject_of(sentence, figure, unit) == expected


def test_pronoun_takes_the_subject_before() -> None:
    text = "In 2007, the total trade volume surpassed 100 billion yuan, and in 2022, it exceeded 300 billion yuan."
    figures = [context_quantity(text, f, "CNY") for f in ("100 billion yuan", "300 billion yuan")]
    annotate(Briefing(source="<test>", text=text, date="2024-05-21"), figures)
    assert [q.subject for q in figures] == ["total trade volume"] * 2
    assert [q.period for q in figures] == ["2007", "2022"]


def test_a_sentence_opening_on_a_pronoun_takes_the_subject_of_the_sentence_before() -> None:
    text = "Core inflation in the region kept falling over the year. It is expected to average 2.4% next year."
    figure = context_quantity(text, "2.4%", "%")
    annotate(Briefing(source="<test>", text=text, date="2024-05-21"), [figure])
    assert figure.subject == "Core inflation in the region"


def context_quantity(text: str, figure: str, unit: str) -> Quantity:
    start = text.index(figure)
    return Quantity(text=figure, start=start, end=start + len(figure), value=0.0, unit=unit)


def test_listed_figure_takes_the_clause_subject() -> None:
    text = "The unemployment rate shows small changes, 6.2% in February, 5.9% in March."
    assert [subject_of(text, f, "%") for f in ("6.2%", "5.9%")] == ["unemployment rate"] * 2


@pytest.mark.parametrize(
    ("sentence", "figure", "unit", "expected"),
    [
        ("The added value of the digital economy accounted for 47% of GDP.", "47%", "%", "added value of the digital economy"),
        ("Exports of electric vehicles, lithium batteries and solar cells rose 66.9 percent.", "66.9 percent", "%",
         "Exports of electric vehicles, lithium batteries and solar cells"),
        ("The surveyed unemployment rate in March was 5.2 percent.", "5.2 percent", "%", "surveyed unemployment rate"),
        ("The United States has provided over $1.4 billion in assistance.", "$1.4 billion", "USD", "assistance"),
    ],
)
def test_subject_more(sentence: str, figure: str, unit: str, expected: str) -> None:
    assert subject_of(sentence, figure, unit) == expected


def test_share_after_a_copula_names_the_part_before() -> None:
    sentence = "Today, the country's production capacity in steel is 55 percent of world capacity."
    assert subject_of(sentence, "55 percent", "%") == "country's production capacity in steel"


def test_duration_opening_a_clause_done_by_we_names_what_was_done() -> None:
    sentence = "Over the past two years, we have intensified efforts under the new principles."
    assert subject_of(sentence, "two years", "year") == "intensified efforts"


_LONG_TAIL = ", with projects in agriculture, industry, education and health care" * 3


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (" provinces and cities providing pairing assistance to Xinjiang" + _LONG_TAIL, "provinces and cities"),
        (" provinces" + "x" * 100 + " and cities", "provinces" + "x" * 100 + " and cities"),  # one long token
        (" " + "new " * 12 + "energy vehicles" + " y" * 50, " ".join(["new"] * 8)),  # at most 8 words
    ],
)
def test_noun_after_a_figure_does_not_depend_on_how_the_sentence_goes_on(after: str, expected: str) -> None:
    assert noun_phrase_after(after) == expected


@pytest.mark.parametrize(
    ("clause_before", "expected"),
    [
        ("trade with Belt and Road Initiative ( BRI ) partner countries reached ",
         "trade with Belt and Road Initiative (BRI) partner countries"),
        ("the region ' s exports ( cotton , textiles ) grew by ", "textiles"),
    ],
)
def test_subject_closes_up_brackets_commas_and_apostrophes(clause_before: str, expected: str) -> None:
    assert subject_before(clause_before) == expected


def test_a_rate_measures_the_noun_named_right_after_it() -> None:
    from podium.quantities.subjects import measured_after

    assert measured_after(" fall in iron ore prices has hurt") == "iron ore prices"
    assert measured_after(" unemployment and rising wages") == "unemployment"
    assert measured_after(" of GDP") == ""
    assert measured_after(" higher than last year") == ""


@pytest.mark.parametrize(
    ("sentence", "figure", "unit", "expected"),
    [
        ("It is expected to grow by 4.6 percent in 2023.", "4.6 percent", "%", "growth"),  # no noun but the verb
        ("Today we hear from our six WHO regions.", "six", "count", "WHO regions"),  # an acronym, not "who"
        # a length of time measures what it is of
        ("The talks aim to end more than 40 years of conflict.", "40 years", "year", "conflict"),
        ("The country declared an outbreak after nearly 30 years without cholera.", "30 years", "year", "without cholera"),
        # an amount phrase names nothing
        ("Tax receipts have been hit to the tune of $20 billion.", "$20 billion", "USD", "Tax receipts"),
        # a count before another figure names its own noun
        ("In the region there are now 18 cases and four deaths.", "18", "count", "cases"),
        ("There were more than 5.4 million reported cases and almost 90,000 deaths last week.", "5.4 million", "count", "reported cases"),
        # a count named by what befell it counts people
        ("More than 4.6 million displaced within the country.", "4.6 million", "count", "people displaced"),
        ("At least 130 people were injured.", "130", "count", "people injured"),
    ],
)
def test_subject_in_spoken_english(sentence: str, figure: str, unit: str, expected: str) -> None:
    assert subject_of(sentence, figure, unit) == expected


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        ("Cases in the region reached 5.9 million Tuesday, with almost 267,000 deaths.", "5.9 million", "Cases in the region"),
        ("Hospital admissions were 9,100 this time last week.", "9,100", "Hospital admissions"),
        ("The remains of 10 people later were recovered.", "10", "people"),
        ("We ran 4,000 tests yesterday.", "4,000", "tests"),
    ],
)
def test_a_time_said_after_a_count_is_not_what_it_counts(sentence: str, figure: str, expected: str) -> None:
    assert subject_of(sentence, figure, "count") == expected


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (" nurses and I pay tribute to each of them", "nurses"),
        (" schools and we will build more", "schools"),
        (" schools and hospitals", "schools and hospitals"),
    ],
)
def test_a_pronoun_after_and_opens_a_new_clause_not_a_second_noun(after: str, expected: str) -> None:
    assert noun_phrase_after(after) == expected


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: subject_before("On an annual basis, real GDP is forecast to contract by "), "real GDP"),
        (lambda: noun_phrase_after(" migrants capsized off the coast"), "migrants"),  # "off" ends a participle
        (lambda: noun_phrase_after(" special envoys on the pandemic were named"), "special envoys"),
    ],
)
def test_on_and_off_are_read_as_the_words_they_are(call: Any, expected: str) -> None:
    assert call() == expected


def test_a_generic_count_with_a_verb_of_its_own_counts_its_own_people() -> None:
    sentence = "Only 1 percent of residents had been vaccinated, and over 3000 people were dying each day."
    assert subjects_of(sentence, (("1 percent", "%"), ("3000", "count"))) == ["residents", "people"]


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (" final year medics and 18,700 nurses", "final year medics"),
        (" first year students will start", "first year students"),
        (" tonnes year on year", "tonnes"),
    ],
)
def test_a_year_before_a_noun_narrows_it(after: str, expected: str) -> None:
    assert noun_phrase_after(after) == expected


def test_a_rate_whose_clause_names_only_growth_measures_growth() -> None:
    sentence = "Both regions are the two weakest spots on the map, with an expected pick-up in growth to 1.7 and 1 percent."
    figures = (("two", "count"), ("1.7", "%"), ("1 percent", "%"))
    assert subjects_of(sentence, figures) == ["weakest spots", "growth", "growth"]


def test_a_phrase_around_another_figure_is_no_subject() -> None:
    sentence = "Global growth is forecast to slow from 3.5 percent in 2022 to 3 percent in 2023."
    assert subjects_of(sentence, (("3.5 percent", "%"), ("3 percent", "%"))) == ["Global growth", "Global growth"]


def test_a_verb_with_its_particle_opens_no_subject() -> None:
    clause = "The economy is projected to grow by 1.2 per cent in 2025, revised up from the "
    assert subject_before(clause) == "economy"



def test_a_subject_carries_no_further_than_the_sentence_before() -> None:
    text = (
        "The pandemic has forced us to address three emergencies at the same time. We need a joint approach. "
        "It took our region three months to reach 1 million cases."
    )
    subjects = subjects_of(text, (("three", "count"), ("three months", "month")))
    assert subjects[0] == "emergencies"
    assert "emergencies" not in subjects[1]


def test_a_subject_still_carries_from_the_sentence_just_before() -> None:
    text = "Exports reached 200 billion yuan in 2022. It took 15 years to go from 100 billion to 200 billion yuan."
    subjects = subjects_of(text, (("200 billion yuan", "CNY"), ("15 years", "year")))
    assert subjects == ["Exports", "Exports"]



def test_a_verb_multiple_of_that_figure_measures_what_the_figure_before_counts() -> None:
    text = "The region reported 40,000 new cases, and experts warned it could double that figure soon."
    assert subjects_of(text, (("40,000", "count"), ("double", "times"))) == ["new cases", "new cases"]


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (" relative increase in deaths, compared to the previous week", "deaths"),
        (" fall in iron ore prices", "iron ore prices"),
        (" of people in the region", ""),
    ],
)
def test_a_rate_before_a_movement_noun_measures_what_moves(after: str, expected: str) -> None:
    assert measured_after(after) == expected


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (", and that number fell by 431,000 this month.", ""),  # "that" marks a noun, not a pronoun
        (", we have intensified efforts to cut costs.", "intensified efforts"),
    ],
)
def test_a_demonstrative_before_its_noun_is_no_pronoun_subject(after: str, expected: str) -> None:
    assert subject_after_clause(after) == expected


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        ("It is a grave affront that hundreds of millions go to bed hungry each night.", "hundreds of millions",
         "people go to bed hungry"),  # a base-form verb after a bare count: what the people do
        ("A plateau with more than 5.4 million reported cases and 90,000 deaths.", "5.4 million", "reported cases"),  # a participle before its noun
        ("As for college graduates, 8.74 million will enter the job market.", "8.74 million", "college graduates"),  # an auxiliary: no act
    ],
)
def test_a_base_form_verb_after_a_count_is_no_counted_noun(sentence: str, figure: str, expected: str) -> None:
    assert subject_of(sentence, figure, "count") == expected


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (" to fourteen years. What that will do", ""),  # the other end of a range opens no clause
        (" later, driven by the policies in place, the economy grew.", "economy"),  # past the adverbial and the participle phrase
        (" of fighting, the number of people who are displaced has risen.", "fighting, the number of people"),  # "of" is no adverbial end
    ],
)
def test_the_clause_after_an_adverbial_starts_past_its_tail_and_participle_phrases(after: str, expected: str) -> None:
    assert subject_after_clause(after) == expected


@pytest.mark.parametrize(
    ("sentence", "figure", "unit", "expected"),
    [
        ("That measure counts people who have been out of work for at least 27 weeks.", "27 weeks", "week", "out of work"),
        ("The airport was closed for the last three days.", "three days", "day", "airport"),  # "the last": no hedge, no state rule
    ],
)
def test_a_length_of_time_after_for_measures_the_state_that_lasts(sentence: str, figure: str, unit: str, expected: str) -> None:
    assert subject_of(sentence, figure, unit) == expected


def test_a_linking_verb_closes_the_subject_before_it() -> None:
    assert subject_after_clause(" later, the data looks quite different.") == "data"


@pytest.mark.parametrize(
    "clause",
    [
        "This is cost of living relief when it's needed, right across the country.",  # opens on an auxiliary
    ],
)
def test_a_clause_fragment_is_lent_as_no_subject(clause: str) -> None:
    assert subject_before(clause) == ""


def test_a_phrase_opening_on_a_participle_before_by_is_no_subject() -> None:
    text = "Followed by a partial recovery with growth projected at 5.4 percent in 2021."
    assert subject_of(text, "5.4 percent", "%") == ""  # was "Followed by a partial recovery with growth"
