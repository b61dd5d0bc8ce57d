"""Time references and the periods they resolve to, against a briefing held on 2024-05-21."""

from __future__ import annotations

import re
import sys

import pytest

from podium.quantities import periods
from podium.quantities.periods import Anchor, find_time_refs, resolve_ref, single_year

MAY_2024 = Anchor(year=2024, month=5)


def periods_in(text: str, anchor: Anchor = MAY_2024) -> list[tuple[str, str]]:
    return [(text[r.start : r.end], resolve_ref(r, anchor)) for r in find_time_refs(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2019, exports rose.", [("2019", "2019")]),
        ("Last year, output reached a record.", [("Last year", "2023")]),
        ("Output this year will grow.", [("this year", "2024")]),
        ("Next year the plan ends.", [("Next year", "2025")]),
        ("In the first quarter of this year, sales grew.", [("the first quarter of this year", "2024-Q1")]),
        ("In the third quarter of 2022, sales fell.", [("the third quarter of 2022", "2022-Q3")]),
        ("In the final quarter of 2022, sales fell.", [("the final quarter of 2022", "2022-Q4")]),
        ("Deaths in eight months of 2019 were fewer.", [("eight months of 2019", "2019-01/2019-08")]),
        ("Sales in Q2 2021 were flat.", [("Q2 2021", "2021-Q2")]),
        ("In the first three quarters of 2023, prices rose.", [("the first three quarters of 2023", "2023-Q1/2023-Q3")]),
        ("From January to April this year, trade grew.", [("From January to April this year", "2024-01/2024-04")]),
        ("GDP growth for April-June 2023 is seen at 7.8 percent.", [("April-June 2023", "2023-Q2")]),
        ("From October to December last year, trade grew.", [("From October to December last year", "2023-Q4")]),
        ("From February to April this year, trade grew.", [("From February to April this year", "2024-02/2024-04")]),
        ("In the first four months, jobs were added.", [("the first four months", "2024-01/2024-04")]),
        ("In the first half of the year, trade grew.", [("the first half of the year", "2024-01/2024-06")]),
        ("In January this year, a storm hit.", [("January this year", "2024-01")]),
        ("In March 2020, the index fell.", [("March 2020", "2020-03")]),
        ("Over the past two years, payments grew.", [("the past two years", "2022/2023")]),
        ("In the last five years, output doubled.", [("the last five years", "2019/2023")]),
        ("Since 2012, the region has changed.", [("Since 2012", "2012/2024")]),
        ("It ranked first for three consecutive years.", [("three consecutive years", "2021/2023")]),
        ("It ranked first for 30 years in a row.", [("30 years in a row", "1994/2023")]),
        ("From 2019 to 2023, output grew.", [("From 2019 to 2023", "2019/2023")]),
        ("Prices fell last month.", [("last month", "2024-04")]),
        ("On June 26, 2022, the plant opened.", [("June 26, 2022", "2022-06-26")]),
        ("The mill closed two years ago.", [("two years ago", "2022")]),
    ],
)
def test_reference_resolves(text: str, expected: list[tuple[str, str]]) -> None:
    assert periods_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "May I ask a question?",  # the modal, not the month
        "The march was long.",  # the verb, capital-less
        "A total of 2,023 people came.",  # a thousands separator, not a year
        "Prices rose 2024 percent.",  # a figure, not a year
        "Growth was 5% year on year.",  # a comparison, no period
        "Tariffs under the Trade Act of 1974 apply.",  # a year inside a name
    ],
)
def test_no_reference(text: str) -> None:
    assert periods_in(text) == []


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("up 3% compared with the same period last year", "last year"),
        ("0.1 percentage point lower than that last year", "last year"),
        ("a decrease of 0.3 percentage point from July", "July"),
        ("down 0.2 points from the previous month", "the previous month"),
    ],
)
def test_comparison_base_dates_nothing(text: str, base: str) -> None:
    (ref,) = find_time_refs(text)
    assert (text[ref.start : ref.end], ref.scope, resolve_ref(ref, MAY_2024)) == (base, "compare", "")


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Output is currently high.", "now"),
        ("Funds of 17 billion yuan are invested annually.", "standing"),
        ("The indicators were the best of the past five years.", "self"),
        ("Over the past five years, output grew.", "point"),
    ],
)
def test_scope(text: str, scope: str) -> None:
    (ref,) = find_time_refs(text)
    assert ref.scope == scope


def test_look_back_ends_at_the_carried_year() -> None:
    (ref,) = find_time_refs("the best of the past five years")
    assert resolve_ref(ref, Anchor(year=2024, month=5, carried_year=2020)) == "2016/2020"


def test_month_still_to_come_is_last_year() -> None:
    (ref,) = find_time_refs("From January to November, jobs grew.")
    assert resolve_ref(ref, Anchor(year=2024, month=1)) == "2023-01/2023-11"


def test_unknown_year_leaves_relative_periods_empty() -> None:
    assert periods_in("Last year and in 2021 output grew.", Anchor(year=None)) == [("Last year", ""), ("2021", "2021")]


def test_references_found_in_given_spans_only() -> None:
    text = "In 2019 it rose. In 2020 it fell."
    refs = find_time_refs(text, [(17, len(text))])
    assert [text[r.start : r.end] for r in refs] == ["2020"]


@pytest.mark.parametrize(("period", "year"), [("2023", 2023), ("2024-Q1", None), ("2022/2023", None), ("", None)])
def test_single_year(period: str, year: int | None) -> None:
    assert single_year(period) == year


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("In the fourth quarter, GDP grew.", "2023-Q4"),  # not yet begun at a January briefing
        ("In the first quarter, GDP grew.", "2024-Q1"),
        ("In December, prices rose.", "2023-12"),
        ("In January, prices rose.", "2024-01"),
    ],
)
def test_unnamed_year_at_a_january_briefing(text: str, period: str) -> None:
    (ref,) = find_time_refs(text)
    assert resolve_ref(ref, Anchor(year=2024, month=1)) == period


def test_one_character_lengthens_when_lower_cased() -> None:
    # find_time_refs reads the lower-cased text with the text's offsets, which holds unless the
    # text has a character whose lower case is longer: it reads this one as "I".
    longer = [c for c in map(chr, range(sys.maxunicode + 1)) if len(c.lower()) != 1]
    assert longer == [periods._LENGTHENED_BY_LOWER_CASE]


def test_offsets_hold_past_a_letter_lower_cased_to_two() -> None:
    text = "İZMİR grew in the FIRST QUARTER of LAST YEAR."
    assert periods_in(text) == [("the FIRST QUARTER of LAST YEAR", "2023-Q1")]


def test_every_place_an_alternative_matches_is_a_place_they_are_tried() -> None:
    # The alternation is tried only where a word a reference opens with stands: the words each
    # alternative declares must cover every reference it can match.
    text = (
        "From January to April this year, and in the first three quarters of 2023, the first half of the year, "
        "Q2 2021, June 26, 2022, March 2020, from 2019 to 2023, since the start of last year, the past two "
        "years, the last decade, over the next two years, a year ago, two years earlier, three consecutive "
        "years, 30 years in a row, last month, the previous year, 1974, in recent years, currently, annually, "
        "per annum, May I ask, 2,023 people, 2024 percent, the 1st quarter, Sept. 2021, LAST YEAR, These days, "
        "FY25, fiscal 2025, the 12 months ending February, the year to the September quarter, 8 July 2024."
    )
    alternation = periods.patterns().alternation
    tried = {m.start() for m in periods._opening_word_pattern().finditer(text.lower())}
    matched = [word for word in re.finditer(r"\w+", text) if alternation.match(text, word.start())]
    assert len(matched) > 30
    assert [word[0] for word in matched if word.start() not in tried] == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("IN JANUARY\xa02023, output rose; Über-growth SINCE 2019 and the PAST TWO YEARS.",
         ["2023", "SINCE 2019", "the PAST TWO YEARS"]),  # month names keep their case
        ("Éxports in the FIRST QUARTER of THIS YEAR, ÀNNUALLY and currently\xa0 in Q3.",
         ["the FIRST QUARTER of THIS YEAR", "currently", "Q3"]),
        ("L'année 2022\xa0: the first half of LAST YEAR, 3 consecutive years, May 5.",
         ["2022", "the first half of LAST YEAR", "3 consecutive years", "May 5"]),
    ],
)
def test_text_beyond_ascii_read_in_any_case(text: str, found: list[str]) -> None:
    refs = find_time_refs(text)
    assert [text[r.start : r.end] for r in refs] == found
    assert find_time_refs(text, [(0, len(text))]) == refs


def test_since_a_month_runs_to_the_briefing_month() -> None:
    refs = find_time_refs("The rate has been at 4.35% since November 2023; prices have risen since 2020.")
    assert [resolve_ref(ref, Anchor(2025, 2)) for ref in refs] == ["2023-11/2025-02", "2020/2025"]


def test_a_range_of_days_spans_their_months() -> None:
    refs = find_time_refs("Developments from 1 June to 31 August 2024 and from June 30 to July 2, 2023.")
    assert [resolve_ref(ref, Anchor(2024, 10)) for ref in refs] == ["2024-06/2024-08", "2023-06/2023-07"]


def test_a_year_naming_an_event_dates_nothing() -> None:
    refs = find_time_refs("Relief of $14 billion, as I said before the 2022 election; the 2023 budget")
    assert [resolve_ref(ref, Anchor(2023, 5)) for ref in refs] == ["2023"]


def test_today_leaves_a_figure_undated() -> None:
    (ref,) = find_time_refs("Today the cash rate is 3.6%.")
    assert ref.scope == "now" and resolve_ref(ref, Anchor(2025, 8)) == ""


def test_a_window_up_to_a_month_or_quarter_is_the_whole_window() -> None:
    refs = find_time_refs("Prices rose 3% in the 12 months ending February, and 4% over the year to the September quarter.")
    assert [resolve_ref(ref, Anchor(2025, 10)) for ref in refs] == ["2024-03/2025-02", "2024-Q4/2025-Q3"]


def test_a_month_named_as_a_deadline_is_still_to_come() -> None:
    text = "Doses will be shipped between now and the end of May, and 10% vaccinated by the end of September."
    refs = find_time_refs(text)
    assert [text[r.start : r.end] for r in refs] == ["between now and the end of May", "by the end of September"]
    # "between now and" a month is the window up to it; "by the end of" names the month alone.
    assert [resolve_ref(ref, Anchor(2021, 3)) for ref in refs] == ["2021-03/2021-05", "2021-09"]
    # Already past at a November briefing: the last May and September, as any month without its year.
    assert [resolve_ref(ref, Anchor(2021, 11)) for ref in refs] == ["2021-05", "2021-09"]


def test_since_a_month_without_its_year_runs_from_the_last_such_month() -> None:
    refs = find_time_refs("The cut since July is 3 points; deaths since October last year.")
    assert [resolve_ref(ref, Anchor(2008, 12)) for ref in refs] == ["2008-07/2008-12", "2007-10/2008-12"]


def test_the_past_months_are_the_whole_months_before_the_briefing() -> None:
    text = "Over the past three months, gains averaged 263,000; in the past 18 months, and for the past month."
    refs = find_time_refs(text)
    assert [resolve_ref(ref, Anchor(2024, 3)) for ref in refs] == ["2023-12/2024-02", "2022-09/2024-02", "2024-02"]


def test_the_base_of_a_move_takes_no_period_carried_from_before() -> None:
    from podium.model import Briefing, Quantity
    from podium.quantities.context import annotate

    text = "We made progress over the past two years. Inflation eased from a peak of 7% to 2.7%, still too high."
    quantities = [
        Quantity(text=f, start=text.index(f), end=text.index(f) + len(f), value=0.0, unit="%") for f in ("7%", "2.7%")
    ]
    annotate(Briefing(source="<test>", text=text, date="2024-05-01"), quantities)
    assert quantities[0].period == ""


def test_a_window_shorter_than_a_month_stops_a_carried_period() -> None:
    refs = find_time_refs("Backed by the OECD in the course of the last 24 hours, and last week.")
    assert [r.scope for r in refs] == ["now", "now"]


def test_the_past_quarters_and_a_since_after_an_event_are_windows() -> None:
    text = "Inflation has eased over the past three quarters. Since the coup on 1 February 2021, many fled."
    refs = find_time_refs(text)
    assert [resolve_ref(ref, Anchor(2025, 2)) for ref in refs] == ["2024-Q2/2024-Q4", "2021-02/2025-02"]


def test_months_ago_name_a_month_before_the_briefing() -> None:
    text = "Twelve months ago iron ore was at $120 a tonne; a month ago it was lower."
    refs = find_time_refs(text)
    assert [resolve_ref(ref, Anchor(2014, 12)) for ref in refs] == ["2013-12", "2014-11"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The FY25 request is up.", [("FY25", "2025")]),
        ("In FY2023 and FY 2026 spending rose.", [("FY2023", "2023"), ("FY 2026", "2026")]),
        ("Revenue in fiscal 2022 and in fiscal year 2021 fell.", [("fiscal 2022", "2022"), ("fiscal year 2021", "2021")]),
        ("For the financial year 2023 the deficit shrank.", [("financial year 2023", "2023")]),
        ("Flight FY250 and the fy25 memo.", []),  # three digits: a code; lower case: no abbreviation
    ],
)
def test_a_fiscal_year_names_its_year(text: str, found: list[tuple[str, str]]) -> None:
    assert periods_in(text) == found



def test_a_day_written_before_its_month_is_that_day() -> None:
    text = "On 2nd January 30 blasts; the 29th of December, 8 July 2024 and Monday 1 September; May I ask?"
    assert periods_in(text, Anchor(2024, 1)) == [
        ("2nd January", "2024-01-02"), ("the 29th of December", "2023-12-29"), ("8 July 2024", "2024-07-08"),
        ("1 September", "2023-09-01"),
    ]


def test_a_quarter_named_by_its_last_month() -> None:
    text = "Inflation in the September quarter rose; the June quarter 2023 fell; the year to the March quarter."
    assert periods_in(text, Anchor(2024, 11)) == [
        ("the September quarter", "2024-Q3"), ("the June quarter 2023", "2023-Q2"),
        ("the year to the March quarter", "2023-Q2/2024-Q1"),
    ]


def test_a_year_clipped_to_two_digits_after_its_month() -> None:
    text = "In November ‘23 the cash rate rose, and in March '24; it's 5 o'clock."
    assert periods_in(text, Anchor(2025, 2)) == [("November ‘23", "2023-11"), ("March '24", "2024-03")]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Since the May meeting, two indicators came out.", "2025-05/2025-07"),
        ("It is nine months since our meeting in September, and rates held.", "2024-09/2025-07"),
        ("Since the coup on 1 February 2021, many fled.", "2021-02/2025-07"),
    ],
)
def test_since_a_meeting_named_by_its_month_runs_from_that_month(text: str, period: str) -> None:
    assert [resolve_ref(ref, Anchor(2025, 7)) for ref in find_time_refs(text)] == [period]


def test_since_a_day_of_the_briefings_month_runs_to_the_briefings_day() -> None:
    anchor = Anchor(year=2024, month=5, day=21)
    assert periods_in("Since Saturday 11 May, three convoys came.", anchor) == [("Since Saturday 11 May", "2024-05-11/2024-05-21")]
    assert periods_in("since May 11, aid came", anchor) == [("since May 11", "2024-05-11/2024-05-21")]
    # an earlier month keeps the window of months; a briefing with no day keeps the month
    assert periods_in("since 24 February 2022, aid came", anchor) == [("since 24 February 2022", "2022-02/2024-05")]
    assert periods_in("Since 11 May, aid came.") == [("Since 11 May", "2024-05")]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("a 45 percent increase on the previous three months", "compare"),
        ("exports were up 3% on last year", "compare"),
        ("the plant opened on 1 September", "point"),
        ("over the past two years, prices rose", "point"),
    ],
)
def test_on_an_earlier_time_is_a_comparison_base(text: str, scope: str) -> None:
    assert [r.scope for r in find_time_refs(text)] == [scope]


def test_since_an_event_in_a_year_runs_from_that_year() -> None:
    assert periods_in("Prices have fallen since the peak at the end of 2022.") == [("since the peak at the end of 2022", "2022/2024")]
    assert periods_in("since the election in 2019, jobs grew") == [("since the election in 2019", "2019/2024")]


def test_a_reference_is_tried_where_its_opening_phrase_stands() -> None:
    # "the" and "a" open a reference only before a number or a listed word ("the 12 months",
    # "the past two years", "a month ago"), not wherever they stand.
    text = "the cat saw the 12 months ending may, the past two years, a month ago and a dog"  # lower-cased
    openers = [(m.start(), m[0]) for m in periods._opening_word_pattern().finditer(text)]
    assert openers == [(12, "the"), (16, "1"), (33, "may"), (38, "the"), (42, "past"), (47, "two"), (58, "a")]


def test_a_length_of_the_months_of_a_year_is_dated_by_them() -> None:
    from podium.model import Briefing, Quantity
    from podium.quantities.context import annotate

    text = "Deaths recorded on the routes through almost eight months of 2019 are at 909 people."
    figures = [
        Quantity(text=f, start=text.index(f), end=text.index(f) + len(f), value=v, unit=u)
        for f, v, u in (("eight months", 8.0, "month"), ("909", 909.0, "count"))
    ]
    annotate(Briefing(source="<test>", text=text, date="2019-08-30"), figures)
    assert [q.period for q in figures] == ["2019-01/2019-08", "2019-01/2019-08"]


def test_a_day_named_from_the_briefings_day() -> None:
    may_20 = Anchor(year=2020, month=5, day=20)
    assert periods_in("That includes 177,216 tests which were carried out yesterday.", may_20) == [("yesterday", "2020-05-19")]
    assert periods_in("Yesterday, cases passed 100 000.", Anchor(year=2020, month=3, day=1)) == [("Yesterday", "2020-02-29")]
    assert periods_in("That is down 13 from 11,443 this time last week.", may_20) == [("this time last week", "2020-05-13")]
    # A base of a change up to now dates nothing; with no day of the briefing, nothing either.
    assert [r.scope for r in find_time_refs("an increase of 2472 cases since yesterday")] == ["now"]
    assert periods_in("Tests carried out yesterday.", Anchor(year=2020, month=5)) == [("yesterday", "")]


def test_the_next_months_are_the_whole_months_after_the_briefing() -> None:
    assert periods_in("The next six months will not be easier.", Anchor(year=2020, month=7)) == [
        ("The next six months", "2020-08/2021-01")
    ]
    assert periods_in("Over the coming two quarters, rates will fall.") == [("the coming two quarters", "2024-Q3/2024-Q4")]
    assert periods_in("The past six months have shaken our world.", Anchor(year=2020, month=7)) == [
        ("The past six months", "2020-01/2020-06")
    ]


def test_a_weekday_is_the_last_such_day_up_to_the_briefing() -> None:
    tuesday = Anchor(year=2020, month=7, day=7)  # a Tuesday
    assert periods_in("Cases in the Americas reached 5.9 million Tuesday.", tuesday) == [("Tuesday", "2020-07-07")]
    assert periods_in("On Friday, 45 tonnes arrived.", tuesday) == [("Friday", "2020-07-03")]
    assert periods_in("On Tuesday, May 18th, aid was announced.", tuesday) == [("May 18th", "2020-05-18")]
    # Another week, still to come, or the bound of a total: unread; after "since", a base.
    assert periods_in("The convoys crossed last Saturday.", tuesday) == []
    assert periods_in("It did 1200 tests through this past Monday.", tuesday) == []
    assert [r.scope for r in find_time_refs("up 12 since Monday")] == ["now"]


def test_the_nth_year_of_a_run_is_the_run() -> None:
    refs = find_time_refs("That's the second straight year of decline, the 5th consecutive year, the third year in a row.")
    assert [(r.scope, r.low) for r in refs] == [("run", 2), ("run", 5), ("run", 3)]
    assert [resolve_ref(r, Anchor(2025, 6, carried_year=2024)) for r in refs] == ["2023/2024", "2020/2024", "2022/2024"]
