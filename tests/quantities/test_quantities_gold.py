"""The Xinjiang gold as a regression test: podium's mentions scored at the issue's thresholds."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import podium
from podium.quantities.evaluate import Score, read_jsonl, score
from conftest import GOLD, XINJIANG

GOLD_FILE = GOLD / "scio-2024-05-21-xinjiang.quantities.jsonl"
THRESHOLDS = {"span": 0.97, "value+unit": 0.97, "qualifier": 0.93}


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    if not (GOLD_FILE.is_file() and XINJIANG.is_file()):
        pytest.skip("the Xinjiang transcript or its gold is absent")
    briefing = podium.parse(XINJIANG)
    predicted = [dataclasses.asdict(qty) for qty in briefing.quantities]
    return {s.level: s for s in score(read_jsonl(GOLD_FILE), predicted)}


@pytest.mark.parametrize("level", sorted(THRESHOLDS))
def test_xinjiang_gold_at_threshold(scores: dict[str, Score], level: str) -> None:
    assert scores[level].f1 >= THRESHOLDS[level], scores[level]


def test_xinjiang_mentions_hold_their_text(xinjiang_path: Path) -> None:
    briefing = podium.parse(xinjiang_path)
    assert briefing.quantities
    for qty in briefing.quantities:
        assert briefing.text[qty.start : qty.end] == qty.text
        assert qty.turn is not None and qty.speaker
