"""Whatever the text, the stage either finds turns whose spans hold, or says there is no transcript."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

import podium

PIECES = st.sampled_from(
    [
        "Bai Lan:\n", "Bai Lan: ", "Q: ", "Q\u00a0\u00a0 ", "A ", "CHAIR LEE.  ", "MS. DOE:  ", "王小明:\n",
        "Speakers:\n", "Date:\n", "May 3, 2024\n", "Page 2 of 9\n", "_ueditor_page_break_tag_", "\n\n", "\n",
        "\u00a0", "What is the plan? ", "Thank you. ", "The floor is now open to questions. ",
        "I would like to add one more thing. ", "In 2023, output grew 5%. ", "news.example.com | May 4, 2024\n",
    ]
)


# Found by hypothesis: a label opening partway along the preamble's last line.
@example(["A Bai Lan:\n_ueditor_page_break_tag_CHAIR LEE.  The floor is now open to questions. \n"])
@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40))
def test_spans_hold_or_no_transcript(pieces: list[str]) -> None:
    text = "".join(pieces)
    briefing = podium.parse(text + "\n", stages=["structure.v1"])  # a readable text is never refused
    ids = {turn.id for turn in briefing.turns}
    for turn in briefing.turns:
        assert turn.start <= turn.body_start <= turn.end <= len(briefing.text)
        assert turn.text == briefing.text[turn.body_start : turn.end]
    for exchange in briefing.exchanges:
        assert set(exchange.question_turns) | set(exchange.answer_turns) <= ids
    for turn, following in zip(briefing.turns, briefing.turns[1:]):
        assert turn.end <= following.start  # turns never overlap
