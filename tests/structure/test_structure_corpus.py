"""Every transcript in ../shared/corpus parses into turns with plausible speakers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import podium
from conftest import corpus_files

HEADER_KEYS = {"speakers", "speaker", "chairperson", "date", "time"}
FURNITURE = re.compile(r"page\s+\d+\s+of\s+\d+|_ueditor_page_break_tag_|^\d+\s+of\s+\d+$|press room|font size", re.I)


@pytest.fixture(params=corpus_files() or [None], ids=lambda p: p.name if p else "no-corpus")
def briefing(request: pytest.FixtureRequest) -> podium.Briefing:
    if request.param is None:
        pytest.skip("../shared/corpus is not beside this checkout")
    return podium.parse(Path(request.param), stages=["structure.v1"])


def test_parses_into_turns(briefing: podium.Briefing) -> None:
    assert briefing.turns
    assert [t.id for t in briefing.turns] == list(range(len(briefing.turns)))
    starts = [t.start for t in briefing.turns]
    assert starts == sorted(starts)


def test_speakers_are_labels_from_the_text(briefing: podium.Briefing) -> None:
    for turn in briefing.turns:
        if turn.label is None:
            continue
        # A bilingual pair's turn starts at its first label; the second may follow the first's text.
        label_text = " ".join(briefing.text[turn.start : turn.end].split())
        assert label_text.startswith(turn.label) or briefing.text[turn.start] > "\u3000", turn.label
        assert turn.label in label_text
        if turn.speaker is not None:
            assert len(turn.speaker) <= 80
            assert not FURNITURE.search(turn.speaker)
            assert turn.speaker.lower().rstrip(":") not in HEADER_KEYS
            assert not any(ch.isdigit() for ch in turn.speaker[-4:]), turn.speaker  # no dates or page numbers


def test_no_turn_ends_in_furniture(briefing: podium.Briefing) -> None:
    for turn in briefing.turns:
        last_line = turn.text.rstrip().rsplit("\n", 1)[-1]
        assert not FURNITURE.search(last_line), (turn.id, last_line)


def test_roles_are_known_for_labelled_speakers(briefing: podium.Briefing) -> None:
    named = [t for t in briefing.turns if t.speaker]
    assert all(t.role != "unknown" for t in named)


def test_exchanges_point_at_real_turns(briefing: podium.Briefing) -> None:
    roles = {t.id: t.role for t in briefing.turns}
    for exchange in briefing.exchanges:
        assert all(roles[i] == "journalist" for i in exchange.question_turns)
        assert all(roles[i] in ("official", "host") for i in exchange.answer_turns)


def test_never_a_day_without_evidence(briefing: podium.Briefing) -> None:
    if briefing.date is None:
        assert briefing.date_source is None
    else:
        assert briefing.date_source in {"header", "title", "front_matter", "text", "override"}
    if briefing.inferred_year is not None:
        assert briefing.year_evidence and str(briefing.inferred_year) in briefing.year_evidence
