"""The development set's structure gold is well-formed: a test of the data, not of podium's score.

Every gold file names a transcript that exists, its offsets lie inside that text, each labelled turn's start holds
its label text, turns are in reading order, roles are known ones and the exchange count is possible."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DEVSET = Path(__file__).resolve().parent.parent / "data" / "devset"
ROOT = DEVSET.parent.parent.parent
ROLES = {"host", "official", "journalist", "unknown"}


def gold_files() -> list[Path]:
    return sorted((DEVSET / "gold").glob("*.structure.json"))


def _load(path: Path) -> tuple[dict, str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    return gold, (ROOT / gold["file"]).read_text(encoding="utf-8")


def test_there_is_a_development_set() -> None:
    assert len(gold_files()) >= 20


def test_every_transcript_has_gold_and_every_gold_a_transcript() -> None:
    texts = {p.stem for p in DEVSET.glob("*.txt")}
    golds = {p.name.removesuffix(".structure.json") for p in gold_files()}
    assert texts == golds


def test_every_transcript_is_listed_in_sources() -> None:
    sources = (DEVSET / "SOURCES.md").read_text(encoding="utf-8")
    missing = [p.name for p in DEVSET.glob("*.txt") if f"| {p.name} |" not in sources]
    assert missing == []


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.name.removesuffix(".structure.json"))
def test_gold_is_well_formed(path: Path) -> None:
    gold, text = _load(path)
    assert gold["file"] == f"tests/data/devset/{path.name.removesuffix('.structure.json')}.txt"
    assert gold["turns"], "a transcript with no turn"
    starts = [turn["start"] for turn in gold["turns"]]
    assert starts == sorted(starts) and len(set(starts)) == len(starts), "turns out of order or doubled"
    for turn in gold["turns"]:
        assert turn["role"] in ROLES
        assert 0 <= turn["start"] < len(text)
        if turn["label"] is None:
            assert not text[turn["start"]].isspace(), "an unlabelled turn must start at its first word"
        else:
            assert turn["end"] - turn["start"] == len(turn["label"])
            assert text[turn["start"] : turn["end"]] == turn["label"]
    questions = sum(turn["role"] in {"journalist", "host"} for turn in gold["turns"])
    answers = sum(turn["role"] in {"host", "official"} for turn in gold["turns"])
    assert 0 <= gold["exchanges"] <= min(questions, answers)
    for span in gold["not_turns"]:
        assert text[span["start"] : span["end"]] == span["text"]
        assert span["why"]


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.name.removesuffix(".structure.json"))
def test_not_turns_are_not_turn_starts(path: Path) -> None:
    gold, _ = _load(path)
    starts = {turn["start"] for turn in gold["turns"]}
    assert not [span for span in gold["not_turns"] if span["start"] in starts]
