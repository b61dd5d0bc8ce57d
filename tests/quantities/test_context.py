"""annotate(): periods carried through paragraphs, standing facts, respectively lists, brackets,
and what an unknown briefing date does."""

from __future__ import annotations

from podium.model import Briefing, Quantity, Turn
from podium.quantities.context import annotate


def figures(text: str, *specs: tuple[str, str]) -> list[Quantity]:
    """Quantities for each (figure text, unit), found left to right."""
    out, at = [], 0
    for figure, unit in specs:
        start = text.index(figure, at)
        out.append(Quantity(text=figure, start=start, end=start + len(figure), value=0.0, unit=unit))
        at = start + len(figure)
    return out


def annotated(text: str, *specs: tuple[str, str], date: str | None = "2024-05-21", **briefing: object) -> list[Quantity]:
    quantities = figures(text, *specs)
    annotate(Briefing(source="<test>", text=text, date=date, **briefing), quantities)  # type: ignore[arg-type]
    return quantities


def test_period_carries_forward_within_a_paragraph_only() -> None:
    text = (
        "In 2023, grain output reached 42 billion jin. Cotton output rose by 5%.\n\n"
        "The region has 25 cities. Exports grew by 7%."
    )
    qs = annotated(text, ("42 billion jin", "jin"), ("5%", "%"), ("25", "count"), ("7%", "%"))
    assert [q.period for q in qs] == ["2023", "2023", "", ""]


def test_period_before_its_first_reference_is_empty() -> None:
    text = "We built eight clusters. Last year, output rose by 27%."
    assert [q.period for q in annotated(text, ("eight", "count"), ("27%", "%"))] == ["", "2023"]


def test_reference_later_in_the_sentence_dates_the_figure() -> None:
    text = "The region supplied 120 million tons of coal to other provinces in 2023."
    assert annotated(text, ("120 million tons", "t"))[0].period == "2023"


def test_time_named_right_after_each_figure() -> None:
    text = "The rate was 6.2% in February, 5.9% in March, and 6.0% in April."
    qs = annotated(text, ("6.2%", "%"), ("5.9%", "%"), ("6.0%", "%"))
    assert [q.period for q in qs] == ["2024-02", "2024-03", "2024-04"]


def test_comparison_base_is_not_the_period() -> None:
    text = "In April, jobs rose by 3%, 1 percentage point higher than in the same period last year."
    qs = annotated(text, ("3%", "%"), ("1 percentage point", "pp"))
    assert [q.period for q in qs] == ["2024-04", "2024-04"]


def test_standing_facts_get_no_period() -> None:
    text = "Incomes rose in 2023. Now the 25 million residents of the region are better off. Funds of 17 billion yuan are invested annually."
    qs = annotated(text, ("25 million", "count"), ("17 billion yuan", "CNY"))
    assert [q.period for q in qs] == ["", ""]


def test_now_gets_no_period() -> None:
    text = "Last year was good. Currently, 118 routes are open."
    assert annotated(text, ("118", "count"))[0].period == ""


def test_run_of_years_dates_the_ranking_and_itself() -> None:
    text = "In 2023, oil output reached 66 million tons, ranking first nationwide for three consecutive years."
    qs = annotated(text, ("66 million tons", "t"), ("first", "rank"), ("three consecutive years", "year"))
    assert [q.period for q in qs] == ["2023", "2021/2023", "2021/2023"]
    assert [q.kind for q in qs] == ["level", "rank", "duration"]
    assert qs[1].subject == qs[2].subject == "oil output"


def test_respectively_pairs_figures_with_the_years() -> None:
    text = "In the past two years, exports have increased by 57% and 45.9%, respectively."
    qs = annotated(text, ("two years", "year"), ("57%", "%"), ("45.9%", "%"))
    assert [q.period for q in qs] == ["2022/2023", "2022", "2023"]
    assert [q.kind for q in qs] == ["duration", "growth", "growth"]


def test_bracketed_conversion_restates_the_figure_before() -> None:
    text = "In 2023, food output increased by over 6 billion jin (3 million metric tons)."
    qs = annotated(text, ("6 billion jin", "jin"), ("3 million metric tons", "t"))
    assert [(q.kind, q.subject) for q in qs] == [("change", "food output")] * 2


def test_targets_and_forecasts() -> None:
    text = (
        "This year we will strive to keep cotton output above 5 million tons. "
        "Trade reached 357 billion yuan last year; this year it is expected to exceed 400 billion yuan."
    )
    qs = annotated(text, ("5 million tons", "t"), ("357 billion yuan", "CNY"), ("400 billion yuan", "CNY"))
    assert [(q.modality, q.period) for q in qs] == [("target", "2024"), ("actual", "2023"), ("forecast", "2024")]
    assert qs[2].subject == "Trade"


def test_promise_about_a_past_year_is_actual() -> None:
    text = "In 2020, we will have built 300 schools, the plan said."
    assert annotated(text, ("300", "count"))[0].modality == "actual"


def test_inferred_year_marks_the_period() -> None:
    text = "Last year, output reached 5 million tons.\n\nThe region has 14 cities."
    qs = annotated(text, ("5 million tons", "t"), ("14", "count"), date=None, inferred_year=2024)
    assert [(q.period, q.period_inferred) for q in qs] == [("2023", True), ("", False)]


def test_no_date_at_all_leaves_relative_periods_empty() -> None:
    text = "Last year, output reached 5 million tons. In 2021, it was 4 million tons."
    qs = annotated(text, ("5 million tons", "t"), ("4 million tons", "t"), date=None)
    assert [(q.period, q.period_inferred) for q in qs] == [("", False), ("2021", False)]


def test_turns_bound_paragraphs() -> None:
    # Without blank lines, a new speaker still starts a new paragraph: no carried period.
    text = "A: In 2023, output grew by 5%.\nB: Exports grew by 6%."
    turns = [
        Turn(id=0, speaker="A", role="official", start=0, end=31, body_start=3, text=text[3:31]),
        Turn(id=1, speaker="B", role="official", start=31, end=len(text), body_start=34, text=text[34:]),
    ]
    qs = annotated(text, ("5%", "%"), ("6%", "%"), turns=turns)
    assert [q.period for q in qs] == ["2023", ""]


def test_hard_wrapped_lines_stay_one_paragraph() -> None:
    text = "In 2022, output\ngrew by 5% and exports\nrose by 6%. Imports grew\nby 2%.\n\nNext paragraph."
    qs = annotated(text, ("5%", "%"), ("6%", "%"), ("2%", "%"))
    assert [q.period for q in qs] == ["2022", "2022", "2022"]


def test_empty_list_is_fine() -> None:
    annotate(Briefing(source="<test>", text="Nothing here."), [])


def test_figure_for_a_year_to_come_is_no_fact() -> None:
    text = "Output of the sector reaches 5 million tons in 2030 under the plan."
    assert annotated(text, ("5 million tons", "t"))[0].modality == "target"


def test_look_ahead_and_goals() -> None:
    text = "Participants project GDP to rise 1.7 percent this year and 1.8 percent over the next two years, with inflation near our 2 percent goal."
    qs = annotated(text, ("1.7 percent", "%"), ("1.8 percent", "%"), ("two years", "year"), ("2 percent", "%"), date="2025-03-19")
    assert [q.period for q in qs] == ["2025", "2026/2027", "2026/2027", ""]
    assert [q.modality for q in qs] == ["forecast", "forecast", "forecast", "target"]


def test_aside_names_its_subject_before() -> None:
    text = "Payroll gains averaged 200,000 per month. The unemployment rate, at 4.1 percent, remains low."
    qs = annotated(text, ("200,000", "count"), ("4.1 percent", "%"))
    assert qs[1].subject == "unemployment rate"


def test_deadline_dates_its_sentence_only() -> None:
    text = "By 2027, we will strive to raise the output of the sector to 1 trillion yuan. The R&D share reached 2.5%."
    qs = annotated(text, ("1 trillion yuan", "CNY"), ("2.5%", "%"))
    assert [(q.period, q.modality, q.subject) for q in qs] == [
        ("2027", "target", "output of the sector"),
        ("", "actual", "R&D share"),
    ]


def test_level_held_for_a_run_of_years() -> None:
    text = "Last year, grain output stayed above 100 billion jin for 10 consecutive years."
    qs = annotated(text, ("100 billion jin", "jin"), ("10 consecutive years", "year"))
    assert [q.period for q in qs] == ["2014/2023", "2014/2023"]


def test_vague_or_comparison_times_date_nothing() -> None:
    text = (
        "From 2021 to 2023, the province invested 300 billion yuan. In recent years, more than 200 projects were completed. "
        "Compared with the end of last year, deposits increased by 8.5 trillion yuan."
    )
    qs = annotated(text, ("300 billion yuan", "CNY"), ("200", "count"), ("8.5 trillion yuan", "CNY"))
    assert [q.period for q in qs] == ["2021/2023", "", ""]


def test_participle_before_a_counted_noun() -> None:
    text = "As of the end of March, there were 5.3 million registered enterprises. By the end of 2023, the number of 5G users exceeded 800 million."
    qs = annotated(text, ("5.3 million", "count"), ("800 million", "count"))
    assert [(q.subject, q.period) for q in qs] == [("registered enterprises", "2024-03"), ("5G users", "2023")]


def test_respectively_pairs_figures_with_months() -> None:
    text = "In January and February, exports rose by 5.1% and 6.3%, respectively."
    qs = annotated(text, ("5.1%", "%"), ("6.3%", "%"))
    assert [q.period for q in qs] == ["2024-01", "2024-02"]


def test_respectively_with_one_period_changes_nothing() -> None:
    text = "In 2023, solar and wind power accounted for 4.6% and 7.3% of the total, respectively."
    qs = annotated(text, ("4.6%", "%"), ("7.3%", "%"))
    assert [q.period for q in qs] == ["2023", "2023"]


def test_restated_figures_keep_their_period_and_a_span_runs_between_them() -> None:
    text = (
        "In 2007, trade surpassed 100 billion yuan, and in 2022, it exceeded 200 billion yuan. "
        "It took 15 years to go from 100 billion to 200 billion yuan."
    )
    specs = [("100 billion yuan", "CNY"), ("200 billion yuan", "CNY"), ("15 years", "year"), ("100 billion", "CNY"), ("200 billion yuan", "CNY")]
    qs = figures(text, *specs)
    for qty, value in zip(qs, (1e11, 2e11, 15, 1e11, 2e11), strict=True):
        qty.value = value
    annotate(Briefing(source="<test>", text=text, date="2024-05-21"), qs)
    assert [q.period for q in qs] == ["2007", "2022", "2007/2022", "2007", "2022"]


def test_empty_text_with_an_empty_span() -> None:
    # Found by the property test: an empty text has one (empty) paragraph.
    qty = Quantity(text="", start=0, end=0, value=1.0, unit="count")
    annotate(Briefing(source="<test>", text=""), [qty])
    assert (qty.kind, qty.period, qty.subject) == ("level", "", "")


def test_stated_year_is_not_inferred() -> None:
    text = "Last year, output reached 5 million tons. In 2021, it was 4 million tons."
    qs = annotated(text, ("5 million tons", "t"), ("4 million tons", "t"), date=None, inferred_year=2024)
    assert [(q.period, q.period_inferred) for q in qs] == [("2023", True), ("2021", False)]


def test_respectively_on_a_quarterly_basis() -> None:
    text = "On a quarterly basis, the average rates were 5.4%, 5.2%, 5.2%, and 5.0%, respectively."
    qs = annotated(text, ("5.4%", "%"), ("5.2%", "%"), ("5.2%", "%"), ("5.0%", "%"), date="2024-01-17")
    assert [q.period for q in qs] == ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]


def test_the_figure_points_to_the_sentence_before() -> None:
    text = "Second, the surveyed unemployment rate in urban areas was higher. As mentioned, the figure for April was 6.0%."
    assert annotated(text, ("6.0%", "%"))[0].subject == "surveyed unemployment rate in urban areas"


def test_page_furniture_dates_nothing() -> None:
    header = "April 27, 2011 Chairman's Press Conference FINAL "
    text = "The rate is high. " + header + "At 8.8 percent, the unemployment rate is too high."
    furniture = [(18, 18 + len(header))]
    qs = annotated(text, ("8.8 percent", "%"), date="2011-04-27", metadata={"furniture": furniture})
    assert qs[0].period == ""


def test_same_as_in_a_month_is_a_comparison() -> None:
    text = "Projections for growth have a central tendency of 2.5 to 2.8 percent, the same as in January."
    assert annotated(text, ("2.5 to 2.8 percent", "%"), date="2011-04-27")[0].period == ""


def test_a_deadline_after_the_figure_dates_it_over_the_opening_time() -> None:
    text = (
        "This year, we will keep growth at about 5% and build 200 kilometers of railway by 2026. "
        "We aim to lift output to 40 billion jin by the end of 2027."
    )
    growth, railway, output = annotated(text, ("5%", "%"), ("200 kilometers", "km"), ("40 billion jin", "jin"))
    assert (growth.period, railway.period, output.period) == ("2024", "2026", "2027")


def test_a_fiscal_year_still_to_come_dates_the_budget_figures_after_it() -> None:
    # "By 2027, we will ..." dates its sentence only; a fiscal year names the budget's period.
    text = "The FY25 budget request includes $58.8 billion. This is a $718 million increase above FY23."
    qs = annotated(text, ("$58.8 billion", "USD"), ("$718 million", "USD"), date="2024-03-11")
    assert [q.period for q in qs] == ["2025", "2025"]
    # With their own values (so the second is no restatement of the first), the increase still
    # takes the budget's year: the base after it ("above FY23") leaves its clause dated.
    qs[0].value, qs[1].value = 58.8e9, 718e6
    annotate(Briefing(source="<test>", text=text, date="2024-03-11"), qs)
    assert [(q.kind, q.period) for q in qs] == [("level", "2025"), ("change", "2025")]


def test_a_figure_said_in_the_present_or_under_a_modal_takes_no_carried_period() -> None:
    # The guidelines give "now" no period: a figure said of how things stand is not dated by a
    # month named in an earlier sentence; one said in the past still is.
    text = (
        "In March, exports rose by 4%. Unemployment remains low at 3.9%. We will build 200 homes. "
        "Imports fell by 2%. This is a 1% increase."
    )
    qs = annotated(text, ("4%", "%"), ("3.9%", "%"), ("200", "count"), ("2%", "%"), ("1%", "%"))
    assert [q.period for q in qs] == ["2024-03", "", "", "2024-03", "2024-03"]


def test_an_adjective_in_ed_is_no_past_verb() -> None:
    text = "In 2023, 120 million people were uprooted. That would make the displaced population the 12th largest country."
    qs = annotated(text, ("120 million", "count"), ("12th", "rank"))
    assert [q.period for q in qs] == ["2023", ""]


def test_a_window_of_now_that_is_the_figure_has_no_period() -> None:
    text = "In October, prices rose. Three agencies backed the plan in the course of the last 24 hours."
    qs = annotated(text, ("24 hours", "day"))
    assert qs[0].period == ""


def test_a_time_after_another_figure_past_a_comma_is_that_figures() -> None:
    text = "The state gives $266 million in new aid, bringing the total to $3.9 billion since 2002."
    qs = annotated(text, ("$266 million", "USD"), ("$3.9 billion", "USD"))
    assert [q.period for q in qs] == ["", "2002/2024"]
    listed = "The region supplied 120 million tons of coal and 126 billion kWh of power in 2023."
    assert [q.period for q in annotated(listed, ("120 million tons", "t"), ("126 billion kWh", "kWh"))] == ["2023", "2023"]


def test_a_goal_figure_takes_the_goal_noun_as_subject() -> None:
    qs = annotated("Our 10% target is still within reach.", ("10%", "%"))
    assert (qs[0].subject, qs[0].period) == ("target", "")


def test_a_length_of_time_is_dated_only_by_its_own_look_back() -> None:
    text = "In March, unemployment stood near a 50 year low. Over the past two years, exports doubled."
    qs = annotated(text, ("50 year", "year"), ("two years", "year"))
    assert [(q.kind, q.period) for q in qs] == [("duration", ""), ("duration", "2022/2023")]


def test_a_base_named_after_its_move_has_no_period() -> None:
    text = "Headline inflation was 2.8% over the year to March, down from 3.8%. It is well down on the 6.1% we inherited."
    qs = annotated(text, ("2.8%", "%"), ("3.8%", "%"), ("6.1%", "%"))
    assert [q.period for q in qs] == ["2023-04/2024-03", "", ""]


def test_a_target_band_is_a_standing_goal_but_a_target_for_a_year_is_not() -> None:
    text = "This year, inflation will return inside the target band of 1 to 3 percent. This year we set a target of 5%."
    qs = annotated(text, ("1 to 3 percent", "%"), ("5%", "%"))
    assert [q.period for q in qs] == ["", "2024"]


def test_a_modal_before_have_makes_the_clause_a_promise_not_a_past() -> None:
    text = "On 1 April the new rules began. We will have 50,000 more places. We have built 20 schools."
    qs = annotated(text, ("50,000", "count"), ("20", "count"))
    assert [q.period for q in qs] == ["", "2024-04-01"]


def test_a_month_in_a_clause_under_a_modal_is_the_coming_one() -> None:
    text = "Inflation rose to 3.6% in June. We think inflation will increase to around 4% in September."
    qs = annotated(text, ("3.6%", "%"), ("4%", "%"), date="2025-08-07")
    assert [q.period for q in qs] == ["2025-06", "2025-09"]
    past = annotated("Inflation was 4% in September.", ("4%", "%"), date="2025-08-07")
    assert past[0].period == "2024-09"


def test_two_years_joined_after_a_figure_make_one_window() -> None:
    text = "The region will contribute about 60 percent both this year and in 2025. Exports rose 5% in 2022 and 7% in 2023."
    qs = annotated(text, ("60 percent", "%"), ("5%", "%"), ("7%", "%"))
    assert [q.period for q in qs] == ["2024/2025", "2022", "2023"]
    listed = annotated("Output grew by 57% and 45.9% in 2022 and 2023, respectively.", ("57%", "%"), ("45.9%", "%"))
    assert [q.period for q in listed] == ["2022", "2023"]


def test_yesterday_dates_its_own_sentence_only() -> None:
    text = (
        "In March, testing grew. That includes 177,216 tests which were carried out yesterday. "
        "Of these, 4% were positive. That is an increase of 2472 cases since yesterday."
    )
    qs = annotated(text, ("177,216", "count"), ("4%", "%"), ("2472", "count"), date="2020-05-20")
    assert [q.period for q in qs] == ["2020-05-19", "2020-03", ""]


def test_the_next_months_date_their_length_and_are_not_carried_on() -> None:
    text = "In March, cases rose. The next six months will not be easier. Deaths fell by 4%."
    qs = annotated(text, ("six months", "month"), ("4%", "%"), date="2020-07-07")
    assert [q.period for q in qs] == ["2020-08/2021-01", "2020-03"]


def test_the_nth_straight_year_dates_itself_from_the_year_carried() -> None:
    text = "In 2024, investment fell by 11%. That's the second straight year of decline."
    qs = annotated(text, ("11%", "%"), ("second straight year", "year"), date="2025-06-19")
    assert [q.period for q in qs] == ["2024", "2023/2024"]


def test_now_after_a_pronoun_keeps_the_period_still_running() -> None:
    # "It now stands at": how the forecast of the sentence before stands today, still that year's
    # figure; after a year already over, "now" is the present and dates nothing.
    forecast = "The inflation forecast for 2012 has been revised upwards. It now stands at 2.3% in the EU."
    assert annotated(forecast, ("2.3%", "%"), date="2012-02-23")[0].period == "2012"
    past = "In 2023 output rose sharply. It now stands at 7%."
    assert annotated(past, ("7%", "%"), date="2024-02-23")[0].period == ""
    unpointed = "The inflation forecast for 2012 has been revised upwards. Inflation now stands at 2.3%."
    assert annotated(unpointed, ("2.3%", "%"), date="2012-02-23")[0].period == ""


def test_as_of_date_ends_the_window_since_opens() -> None:
    # The window runs from the "since" to the month of the "as of" date, not to the briefing; alone,
    # "since" still runs to the briefing's month.
    text = "As of 31 August, the mission had verified that violence had killed 11,743 civilians since 24 February 2022."
    assert annotated(text, ("11,743", "count"), date="2024-10-01")[0].period == "2022-02/2024-08"
    alone = "Violence had killed 11,743 civilians since 24 February 2022."
    assert annotated(alone, ("11,743", "count"), date="2024-10-01")[0].period == "2022-02/2024-10"


def test_a_figure_since_an_unread_event_takes_no_carried_period() -> None:
    # "since the Budget" dates the fall from an event no reference reads: the paragraph's period is
    # not its; a "since" that is a reference keeps the sentence dated, and without one the carry stays.
    text = "Twelve months ago iron ore was at $120 a tonne. Wheat prices fell 20 per cent since the Budget."
    assert [q.period for q in annotated(text, ("$120", "AUD"), ("20 per cent", "%"))] == ["2023-05", ""]
    read = "Twelve months ago iron ore was at $120 a tonne. Wheat prices fell 20 per cent since the beginning of 2024."
    assert annotated(read, ("$120", "AUD"), ("20 per cent", "%"))[1].period == "2024"
    carried = "Twelve months ago iron ore was at $120 a tonne. Wheat prices fell 20 per cent."
    assert annotated(carried, ("$120", "AUD"), ("20 per cent", "%"))[1].period == "2023-05"


def test_a_time_after_than_in_is_a_comparison_base() -> None:
    # "than in 2016" names the base, not the figure's period; the same year said outright dates it.
    text = "The population in catastrophe was more than four times higher than in 2016."
    assert annotated(text, ("four times", "times"))[0].period == ""
    dated = "The population in catastrophe was four times higher in 2016."
    assert annotated(dated, ("four times", "times"))[0].period == "2016"


def test_a_year_set_after_a_relative_year_names_it() -> None:
    text = "Output grew 5.0% last year, 2023, up from 4.3% in the previous year, 2022."
    assert [q.period for q in annotated(text, ("5.0%", "%"), ("4.3%", "%"))] == ["2023", "2022"]
    unnamed = "Output grew 4.3% in the previous year."
    assert annotated(unnamed, ("4.3%", "%"))[0].period == "2023"  # without a year set after it, counted from the briefing
