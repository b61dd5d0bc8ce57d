"""Prose above the first speaker label (a news lede, a host's words under a label podium does not
read) is kept: the structure stage lists it in `metadata["outside_turns"]` and its figures are read
with no turn or speaker. Short lines there (titles, video lengths, file sizes) are not prose."""

from __future__ import annotations

import podium

PAGE = (
    "AGENCY / ECONOMY FORECAST\n"
    "07-Jun-2031\n"
    "3.4 GB\n"
    "The agency issued a new forecast showing that growth is expected to slow from 5.7 percent to 2.9 percent"
    " this year. AGENCY\n"
    "\n"
    "MR. LEE: Good morning. Output grew 4 percent.\n"
    "\n"
    "MS. PARK: Thank you. Exports rose 6 percent.\n"
)


def test_the_lede_above_the_first_label_is_kept_outside_the_turns() -> None:
    briefing = _parse(PAGE)
    (start, end), = briefing.metadata["outside_turns"]
    assert briefing.text[start:end].startswith("The agency issued a new forecast")
    assert briefing.text[start:end].endswith("AGENCY")
    assert end <= briefing.turns[0].start


def test_figures_in_the_lede_are_read_with_no_turn_and_furniture_is_not() -> None:
    briefing = _parse(PAGE)
    found = [(q.text, q.turn) for q in briefing.quantities]
    assert ("5.7 percent", None) in found and ("2.9 percent", None) in found
    assert [t for t, turn in found if turn is not None] == ["4 percent", "6 percent"]
    assert not any("GB" in t or t.startswith("07") for t, _ in found)


def test_a_page_whose_speech_starts_at_once_has_nothing_outside_its_turns() -> None:
    briefing = _parse("MR. LEE: Good morning. Output grew 4 percent.\n\nMS. PARK: Thank you.\n")
    assert "outside_turns" not in briefing.metadata


def _parse(text: str) -> podium.Briefing:
    return podium.parse(text, stages=["structure.v1", "quantities.v1"])
