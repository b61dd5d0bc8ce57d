"""The held-out Chinese gold in tests/data/zh, tests/data/zh2 (batch 2) and tests/data/align is well formed.

Data checks only (podium's score on it is benchmarks/bench_chinese.py): every span holds its text
in the file read as UTF-8, every field takes a value GUIDELINES.md allows, mentions come in order,
and every transcript has its gold and its line in SOURCES.md."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
ZH = DATA / "zh"
FOLDERS = (ZH, DATA / "zh2")
ALIGN = DATA / "align"

# GUIDELINES.md unit ids, plus kg and degC (公斤, 度 as a temperature), proposed in tests/data/zh/SOURCES.md,
# and quarter (连续N个季度), in tests/data/zh2/SOURCES.md.
UNITS = {
    "CNY", "USD", "jin", "mu", "ha", "t", "kW", "kWh", "m", "km", "m2", "km2", "m3", "acre",
    "%", "pp", "times", "rank", "year", "month", "day", "magnitude", "count", "kg", "degC", "quarter",
}
QUALIFIERS = {"exact", "approx", "min", "max"}
KINDS = {"level", "change", "growth", "share", "rank", "ratio", "duration"}
MODALITIES = {"actual", "target", "forecast"}
ROLES = {"host", "official", "journalist"}
# 2024, 2024-05, 2024-Q1, and ranges of those joined by '/'.
PERIOD = re.compile(r"^$|^(\d{4}(-\d{2}|-Q[1-4])?)(/\d{4}(-\d{2}|-Q[1-4])?)?$")
# Words that GUIDELINES.md keeps outside the span, at its edges.
OUTSIDE_SPAN = ("超过", "超過", "逾", "以上", "约", "約", "左右", "不足", "不到", "近", "连续", "連續")

TRANSCRIPTS = [p for folder in FOLDERS for p in sorted(folder.glob("*.txt"))]
FIGURE_GOLD = [p for folder in FOLDERS for p in sorted(folder.glob("*.quantities.jsonl"))]
STRUCTURE_GOLD = [p for folder in FOLDERS for p in sorted(folder.glob("*.structure.json"))]
ALIGN_GOLD = sorted(ALIGN.glob("*.align.jsonl"))


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in _text(path).splitlines() if line.strip()]


def _stem(path: Path, suffix: str) -> str:
    return path.name.removesuffix(suffix)


def test_there_is_enough_held_out_material() -> None:
    mentions = sum(len(_records(p)) for p in FIGURE_GOLD if p.parent == ZH)
    assert len(list(ZH.glob("*.txt"))) >= 15 and mentions >= 150 and len(ALIGN_GOLD) >= 2
    batch2 = [p for p in FIGURE_GOLD if p.parent != ZH]
    assert len(batch2) >= 5 and sum(len(_records(p)) for p in batch2) >= 60


@pytest.mark.parametrize("transcript", TRANSCRIPTS, ids=lambda p: p.stem)
def test_every_transcript_has_its_gold_and_its_source(transcript: Path) -> None:
    folder = transcript.parent
    assert (folder / f"{transcript.stem}.quantities.jsonl").is_file()
    assert (folder / f"{transcript.stem}.structure.json").is_file()
    assert f"| {transcript.name} |" in _text(folder / "SOURCES.md")


@pytest.mark.parametrize("gold", FIGURE_GOLD, ids=lambda p: _stem(p, ".quantities.jsonl"))
def test_every_figure_mention_is_well_formed(gold: Path) -> None:
    text = _text(gold.parent / f"{_stem(gold, '.quantities.jsonl')}.txt")
    previous_end = 0
    for record in _records(gold):
        where = f"{gold.name} @{record['start']} {record['text']!r}"
        assert text[record["start"] : record["end"]] == record["text"], where
        assert record["start"] >= previous_end, f"{where}: out of order or overlapping"
        previous_end = record["end"]
        assert re.search(r"[0-9一二两兩三四五六七八九十百千万萬亿億半]", record["text"]), where
        assert not record["text"].startswith(OUTSIDE_SPAN) and not record["text"].endswith(OUTSIDE_SPAN), where
        assert isinstance(record["value"], (int, float)) and record["value"] >= 0, where
        if "value_max" in record:
            assert record["value_max"] > record["value"], where
        assert record["unit"] in UNITS, where
        assert record["qualifier"] in QUALIFIERS, where
        assert record["kind"] in KINDS, where
        assert record["modality"] in MODALITIES, where
        assert PERIOD.match(record["period"]), where
        assert record["subject"].strip(), where
        if "direction" in record:
            assert record["direction"] in {"up", "down"} and record["kind"] in {"growth", "change"}, where


@pytest.mark.parametrize("gold", STRUCTURE_GOLD, ids=lambda p: _stem(p, ".structure.json"))
def test_every_structure_gold_is_well_formed(gold: Path) -> None:
    doc = json.loads(_text(gold))
    text = _text(DATA.parent.parent / doc["file"])
    # A page that shows no event date (only when it was published) has none, and says so.
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc["date"]) if doc["date"] is not None else "date" in doc["note"]
    previous_end = 0
    for turn in doc["turns"]:
        assert text[turn["start"] : turn["end"]] == turn["label"], turn
        assert turn["start"] >= previous_end, turn
        previous_end = turn["end"]
        assert turn["role"] in ROLES, turn
        assert turn["speaker"] is None or turn["speaker"].strip(), turn
    for item in doc["not_turns"]:
        assert text[item["start"] : item["end"]] == item["text"] and item["why"], item
    journalists = sum(1 for turn in doc["turns"] if turn["role"] == "journalist")
    assert 0 <= doc["exchanges"] <= journalists


@pytest.mark.parametrize("gold", ALIGN_GOLD, ids=lambda p: _stem(p, ".align.jsonl"))
def test_every_aligned_figure_holds_its_text_on_both_sides(gold: Path) -> None:
    stem = _stem(gold, ".align.jsonl")
    sides = {"zh": _text(ALIGN / f"{stem}.zh.txt"), "en": _text(ALIGN / f"{stem}.en.txt")}
    for record in _records(gold):
        assert isinstance(record["same"], bool) and isinstance(record["note"], str)
        assert record["zh"] is not None or record["en"] is not None
        for side, text in sides.items():
            span = record[side]
            if span is not None:
                assert text[span["start"] : span["end"]] == span["text"], (side, span)
    assert f"| {stem} |" in _text(ALIGN / "SOURCES.md")
