"""The structure gold (../shared/gold/*.structure.json) is matched exactly."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

import podium
from conftest import GOLD, SHARED


def gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.structure.json")) if GOLD.is_dir() else []


def _load(path: Path) -> tuple[dict, podium.Briefing]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    source = SHARED / gold["file"]
    if not source.is_file():
        pytest.skip(f"{source} is absent")
    return gold, podium.parse(source, stages=["structure.v1"])


@pytest.fixture(params=gold_files() or [None], ids=lambda p: p.name if p else "no-gold")
def gold_case(request: pytest.FixtureRequest) -> tuple[dict, podium.Briefing]:
    if request.param is None:
        pytest.skip("../shared/gold is not beside this checkout")
    return _load(request.param)


def test_every_turn_matches_gold(gold_case: tuple[dict, podium.Briefing]) -> None:
    gold, briefing = gold_case
    expected = [(t["speaker"], t["role"], t.get("label_at", t.get("text_at"))) for t in gold["turns"]]
    found = [(t.speaker, t.role, t.start) for t in briefing.turns]
    assert found == expected


def test_every_exchange_matches_gold(gold_case: tuple[dict, podium.Briefing]) -> None:
    gold, briefing = gold_case
    expected = [(e["asked_by"], e["answered_by"]) for e in gold["exchanges"]]
    assert [(e.asked_by, e.answered_by) for e in briefing.exchanges] == expected


def test_unlabelled_turns_start_at_their_text(gold_case: tuple[dict, podium.Briefing]) -> None:
    gold, briefing = gold_case
    for turn, expected in zip(briefing.turns, gold["turns"]):
        if "text_at" in expected:
            assert turn.label is None and turn.body_start == expected["text_at"]


def test_roster_and_series_match_gold(gold_case: tuple[dict, podium.Briefing]) -> None:
    gold, briefing = gold_case
    if "series" in gold:
        assert (briefing.series, briefing.series_number) == (gold["series"]["name"], gold["series"]["number"])
    if "host" in gold:
        host = briefing.participant(gold["host"]["name"])
        assert host is not None and host.role == "host"
    for official in gold.get("officials", []):
        person = briefing.participant(official["name"])
        assert person is not None and person.role == "official"
        assert official["title_contains"] in (person.title or "")
    if "region" in gold:
        assert briefing.organisation == gold["region"]


def test_date_is_not_invented(gold_case: tuple[dict, podium.Briefing]) -> None:
    gold, briefing = gold_case
    if "date is not stated" in gold.get("note", ""):
        assert briefing.date is None
        assert briefing.inferred_year is not None and briefing.year_evidence


def test_turn_text_is_the_span_it_claims(gold_case: tuple[dict, podium.Briefing]) -> None:
    _, briefing = gold_case
    for turn in briefing.turns:
        assert turn.text == briefing.text[turn.body_start : turn.end]
        assert turn.start <= turn.body_start <= turn.end


def _html_page(text: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"<html><head><title>Briefing</title></head><body><nav>Home | Press Room</nav><div class='content'>{body}</div></body></html>"


LAYOUTS = {
    "single-newline": lambda text: re.sub(r"[ \u00a0]*\n+", "\n", text),
    "crlf": lambda text: text.replace("\n", "\r\n"),
    "inline-labels": lambda text: re.sub(r"(?m)^([^\n]{1,60}):[ \u00a0]*\n+", r"\1: ", text),
}


@pytest.mark.parametrize("layout", [*LAYOUTS, "html"])
def test_the_same_briefing_in_another_layout_gives_the_same_structure(layout: str) -> None:
    paths = gold_files()
    if not paths:
        pytest.skip("../shared/gold is not beside this checkout")
    gold, _ = _load(paths[0])
    text = (SHARED / gold["file"]).read_text(encoding="utf-8")
    if layout == "html":
        from podium.pipeline import briefing_from_document, run
        from podium.read import read_bytes

        doc = read_bytes(_html_page(text).encode("utf-8"), name="briefing.html")
        briefing = run(briefing_from_document(doc), ["structure.v1"])
    else:
        briefing = podium.parse(LAYOUTS[layout](text), stages=["structure.v1"])
    assert [(t.speaker, t.role) for t in briefing.turns] == [(t["speaker"], t["role"]) for t in gold["turns"]]
    assert [(e.asked_by, e.answered_by) for e in briefing.exchanges] == [
        (e["asked_by"], e["answered_by"]) for e in gold["exchanges"]
    ]
