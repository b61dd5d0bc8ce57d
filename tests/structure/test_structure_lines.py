"""Line splitting, year candidates, word counts and timestamps: the helpers every layout relies on."""

from __future__ import annotations

from podium.structure.dates import timestamp_date
from podium.structure.lines import split_lines
from podium.structure.patterns import years_in
from podium.structure.roster import count_words


def test_lines_keep_offsets_without_newline_or_carriage_return() -> None:
    text = "Intro\r\n\u00a0 Tan Wei: \r\n\nLast"
    lines = split_lines(text)
    assert [(line.start, line.end, line.text) for line in lines] == [
        (0, 5, "Intro"),
        (7, 18, "\u00a0 Tan Wei: "),
        (20, 20, ""),
        (21, 25, "Last"),
    ]
    assert [line.stripped for line in lines] == ["Intro", "Tan Wei:", "", "Last"]
    assert lines[1].content_start == 9 and lines[2].blank


def test_lines_after_body_start_and_a_final_newline() -> None:
    text = "---\nx: 1\n---\nBody\n"
    assert [(line.start, line.text) for line in split_lines(text, 13)] == [(13, "Body")]
    assert split_lines(text, len(text)) == [] and split_lines("") == []


def test_years_stand_alone_in_text_order() -> None:
    text = "In 2023 and 1998, not 20192020, $2000, 3.2021, 2024% or 12023; then 2019-2025."
    assert years_in(text) == [(2023, 3), (1998, 12), (2019, 68), (2025, 73)]


def test_word_counts_stop_past_the_cap() -> None:
    assert count_words("  one two\tthree  ", cap=8) == 3
    assert count_words("one two three four", cap=3) == 4
    assert count_words("one two three four five", cap=3) == 4
    assert count_words("", cap=3) == 0


def test_timestamp_lines_date_a_live_text() -> None:
    assert timestamp_date("Speech.\n  2024-05-21 10:02:26\nMore speech.") == "2024-05-21"
    assert timestamp_date("On 2024-05-21 10:02 we met.") is None
    assert timestamp_date("No time here.") is None
