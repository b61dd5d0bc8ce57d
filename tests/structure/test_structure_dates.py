"""The date: a header or dateline gives the day; a publication line or the text gives only a year."""

from __future__ import annotations

import pytest

import podium

SPEECH = "\n\nBai Lan:\n\nWelcome to this press conference. {body}\n"


def dated(preamble: str, body: str = "Output grew.") -> podium.Briefing:
    return podium.parse(preamble + SPEECH.format(body=body), stages=["structure.v1"])


@pytest.mark.parametrize(
    ("preamble", "expected"),
    [
        ("Date:\nMay 21, 2024", ("2024-05-21", "header")),
        ("Date: Oct. 18, 2024", ("2024-10-18", "header")),
        ("Briefing on towns\nBeijing | 3 p.m. May 16, 2024", ("2024-05-16", "header")),
        ("Regular Press Conference on November 9, 2015", ("2015-11-09", "title")),
        ("2022年8月19日外交部发言人例行记者会", ("2022-08-19", "title")),
        ("Version finale\n\nFriday, June 10, 2016, 11 h 45", ("2016-06-10", "header")),
        ("Version finale\n\nLe mardi 16 octobre 2018, 15 h", ("2018-10-16", "header")),
        ("News Transcript\n\nPresenter: Harbour Press Secretary Ann Lee September 8, 2015", ("2015-09-08", "title")),
        ("Respuestas a los medios\n\n12.5.2017", ("2017-05-12", "header")),
        ("Period of Service: 11/03/1996 - 03/12/2007\nRelease Date:\n24/01/2006\nRelease Type:\nInterview", ("2006-01-24", "header")),
        ("Apr 11, 2023\n\nPress Briefing by Press Secretary Ann Lee 4/10/23 Transcript", ("2023-04-10", "title")),
    ],
)
def test_the_day_when_it_is_stated(preamble: str, expected: tuple[str, str]) -> None:
    briefing = dated(preamble)
    assert (briefing.date, briefing.date_source) == expected
    assert briefing.inferred_year is None


@pytest.mark.parametrize(
    ("preamble", "body", "year", "evidence"),
    [
        ("news.example.com | July 3, 2024", "In 2019 it began.", 2024, "published 2024-07-03"),
        ("2019-09-04", "Output grew.", 2019, "published 2019-09-04"),
        ("Briefing", "In 2023, output grew. We held the 2024 job fair.", 2024, "2024"),
        ("Briefing", "In 2023, output grew. We will finish by 2035 and by the end of 2027.", 2023, "2023"),
        ("Briefing", "The 2021-2025 plan is on track since 2022.", 2022, "2022"),
    ],
)
def test_only_a_year_when_no_day_is_stated(preamble: str, body: str, year: int, evidence: str) -> None:
    briefing = dated(preamble, body)
    assert briefing.date is None and briefing.date_source is None
    assert briefing.inferred_year == year
    assert evidence in (briefing.year_evidence or "")


def test_no_year_at_all_is_reported_as_none() -> None:
    briefing = dated("Briefing", "Output grew last year.")
    assert (briefing.date, briefing.inferred_year, briefing.year_evidence) == (None, None, None)


def test_a_live_timestamp_between_speeches_dates_the_briefing() -> None:
    briefing = podium.parse("Bai Lan:\n\nWelcome to this press conference.\n\n2024-05-21 10:02:26\n\nTan Wei:\n\nThanks.\n", stages=["structure.v1"])
    assert (briefing.date, briefing.date_source) == ("2024-05-21", "text")
    assert briefing.turns[0].text.endswith("press conference.")  # the timestamp is furniture


@pytest.mark.parametrize(
    ("preamble", "expected"),
    [
        # the event named with its date wins over the page's date, above it or below it
        ("Transcript of the Minister's Doorstop Interview in Rome, 5 June 2018\n\n06 June 2018", ("2018-06-05", "title")),
        ("Jul 26, 2023\n\nDepartment Daily Press Briefing July 25, 2023", ("2023-07-25", "title")),
        ("Jane Doe | 11 June 2018\n\nJane Doe gave a doorstop interview to the media on Sunday, 10 June 2018.", ("2018-06-10", "title")),
        # a dateline: a date with a place or a weekday, or closing a byline
        ("2 September, 2002, Geneva", ("2002-09-02", "header")),
        ("Thursday 5 August 2021", ("2021-08-05", "header")),
        ("Jane Doe, President of the Bank, Lakeshire, 6 September 2012", ("2012-09-06", "header")),
        # German
        ("Regierungspressekonferenz vom 15. April 2013", ("2013-04-15", "title")),
    ],
)
def test_the_event_date_before_the_page_date(preamble: str, expected: tuple[str, str]) -> None:
    briefing = dated(preamble)
    assert (briefing.date, briefing.date_source) == expected


def test_a_publication_line_alone_still_gives_no_day() -> None:
    briefing = dated("Published: 19 September 2022")
    assert briefing.date is None and briefing.inferred_year == 2022


def test_a_date_in_numbers_that_reads_both_ways_gives_no_day_without_a_named_date_near() -> None:
    briefing = dated("Press Briefing by Press Secretary Ann Lee 4/10/23 Transcript")
    assert briefing.date is None



@pytest.mark.parametrize(
    "body",
    [
        "Next Tuesday, on the 20 October, the Secretary-General will send a video message.",
        "The summit opens tomorrow, 3 March, in the capital.",
        "At the coming meeting on October 20 the board will decide.",
    ],
)
def test_a_date_line_after_a_day_the_text_announces_is_the_pages_not_the_briefings(body: str) -> None:
    briefing = dated("Dec 15, 2023", body)
    assert briefing.date is None and briefing.date_source is None
    assert "after a day the text announces" in (briefing.year_evidence or "")


@pytest.mark.parametrize(
    ("line", "body"),
    [
        # the announced day is still to come when the page is dated
        ("Dec 15, 2023", "Next Tuesday, on the 19 December, the Secretary-General will speak."),
        # early next year, after a page dated at the year's end
        ("Dec 28, 2023", "Next Tuesday, 2 January, the office reopens."),
        # a day already past, spoken of as past
        ("Dec 15, 2023", "On 20 October the Secretary-General sent a video message."),
    ],
)
def test_a_date_line_the_text_agrees_with_still_dates_the_briefing(line: str, body: str) -> None:
    assert dated(line, body).date_source == "header"
