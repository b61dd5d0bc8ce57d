"""Every transcript in ../shared/corpus extracts without error, and its mentions hold."""

from __future__ import annotations

from pathlib import Path

import pytest

import podium
from conftest import corpus_files
from podium.quantities.units import normalize
from podium.quantities.words import unit_ids

UNIT_IDS = unit_ids() | {"count", "rank", "times"}  # counts and ranks have no unit words


@pytest.fixture(params=corpus_files() or [None], ids=lambda p: p.name if p else "no-corpus")
def briefing(request: pytest.FixtureRequest) -> podium.Briefing:
    if request.param is None:
        pytest.skip("../shared/corpus is not beside this checkout")
    return podium.parse(Path(request.param))


def test_mentions_hold_and_sit_in_turns(briefing: podium.Briefing) -> None:
    turns = {turn.id: turn for turn in briefing.turns}
    for qty in briefing.quantities:
        assert briefing.text[qty.start : qty.end] == qty.text
        assert qty.unit in UNIT_IDS
        assert qty.value_max is None or qty.value_max >= qty.value or qty.unit == "rank"
        if turns:
            turn = turns[qty.turn]
            assert turn.body_start <= qty.start and qty.end <= turn.end
            assert qty.speaker == turn.speaker
        assert (qty.normalized_value, qty.normalized_unit) == normalize(qty.value, qty.unit)


def test_page_furniture_yields_no_mention(briefing: podium.Briefing) -> None:
    spans = briefing.metadata.get("furniture") or []
    for qty in briefing.quantities:
        assert not any(s < qty.end and qty.start < e for s, e in spans), qty.text
        assert "Page " not in briefing.text[qty.start - 5 : qty.start]
