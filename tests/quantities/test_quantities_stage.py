"""The quantities.v1 stage: mentions per turn with their speaker, or the body as one turn."""

from __future__ import annotations

import pytest

import podium
from podium.pipeline import run

TRANSCRIPT = """Chen Wenjun:
Welcome. This is the second press conference.

Wang Hao:
In 2023, grain output rose by over 6 billion jin, and 19 provinces took part.

Reporter:
Will output reach 700 million metric tons?
"""


def test_mentions_carry_turn_and_speaker() -> None:
    briefing = podium.parse(TRANSCRIPT)
    rows = [(q.text, q.turn, q.speaker) for q in briefing.quantities]
    turns = {t.speaker: t.id for t in briefing.turns}
    assert rows[:2] == [("6 billion jin", turns["Wang Hao"], "Wang Hao"), ("19", turns["Wang Hao"], "Wang Hao")]
    assert rows[2][0] == "700 million metric tons"
    jin = briefing.quantities[0]
    assert (jin.normalized_value, jin.normalized_unit) == (pytest.approx(3e9), "kg")
    assert jin.qualifier == "min"


def test_without_turns_the_body_is_one_unlabelled_turn() -> None:
    text = "Front matter 42 yuan\nBody: exports grew 5.6% to $18 billion."
    briefing = podium.parse(text, stages=[])
    briefing.metadata["body_start"] = text.index("Body")
    briefing = run(briefing, ["quantities.v1"])
    assert [(q.text, q.turn, q.speaker) for q in briefing.quantities] == [("5.6%", None, None), ("$18 billion", None, None)]
