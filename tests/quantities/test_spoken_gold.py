"""The held-out spoken-English gold in tests/data/spoken (and its later batches, batch2/ to batch4/) is well formed.

Data checks only (podium's score on it is benchmarks/bench_spoken.py): every span holds its text in
the file read as UTF-8, every field takes a value GUIDELINES.md (or SOURCES.md's decisions) allows,
mentions come in order, the gold is what annotate.py writes from the hand annotation, and every
transcript has its gold and its line in SOURCES.md."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import pytest

SPOKEN = Path(__file__).resolve().parent.parent / "data" / "spoken"

# GUIDELINES.md unit ids plus the podium unit ids SOURCES.md adopts for spoken English.
UNITS = {
    "USD", "AUD", "EUR", "t", "%", "pp", "bp", "times", "year", "quarter", "month", "week", "day", "hour",
    "minute", "count", "cent", "barrel", "mile", "rank", "degC", "CAD",
}
QUALIFIERS = {"exact", "approx", "min", "max"}
KINDS = {"level", "change", "growth", "share", "rank", "ratio", "duration"}
MODALITIES = {"actual", "target", "forecast"}
PERIOD = re.compile(r"^$|^(\d{4}(-\d{2}(-\d{2})?|-Q[1-4])?)(/\d{4}(-\d{2}(-\d{2})?|-Q[1-4])?)?$")
NAME = re.compile(r"^[a-z-]+-\d{4}-\d{2}-\d{2}(-[a-z]+)?$")

LATER_BATCHES = [SPOKEN / name for name in ("batch2", "batch3", "batch4")]
TRANSCRIPTS = sorted(SPOKEN.glob("*.txt")) + [t for batch in LATER_BATCHES for t in sorted(batch.glob("*.txt"))]


def _gold(transcript: Path) -> Path:
    return transcript.with_name(f"{transcript.stem}.quantities.jsonl")


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_there_is_enough_held_out_material() -> None:
    first = sorted(SPOKEN.glob("*.txt"))
    assert len(first) >= 8 and sum(len(_records(_gold(t))) for t in first) >= 300


@pytest.mark.parametrize("batch", LATER_BATCHES, ids=lambda p: p.name)
def test_each_later_batch_has_enough_material_from_enough_briefings(batch: Path) -> None:
    transcripts = sorted(batch.glob("*.txt"))
    assert len(transcripts) >= 6 and sum(len(_records(_gold(t))) for t in transcripts) >= 120


@pytest.mark.parametrize("transcript", TRANSCRIPTS, ids=lambda p: p.stem)
def test_every_transcript_is_named_by_date_and_has_gold_and_source(transcript: Path) -> None:
    assert NAME.match(transcript.stem)
    assert _gold(transcript).is_file()
    assert f"| {transcript.name} |" in (transcript.parent / "SOURCES.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("transcript", TRANSCRIPTS, ids=lambda p: p.stem)
def test_every_mention_holds_its_text_and_allowed_values(transcript: Path) -> None:
    text = transcript.read_text(encoding="utf-8")
    previous = -1
    for record in _records(_gold(transcript)):
        assert text[record["start"]:record["end"]] == record["text"]
        assert record["start"] > previous
        previous = record["start"]
        assert isinstance(record["value"], (int, float))
        assert record["unit"] in UNITS and record["qualifier"] in QUALIFIERS
        assert record["kind"] in KINDS and record["modality"] in MODALITIES
        assert PERIOD.match(record["period"]), record["period"]
        if "value_max" in record:
            assert record["value_max"] > record["value"]


def test_the_gold_is_what_annotate_writes_from_the_hand_annotation() -> None:
    spec = importlib.util.spec_from_file_location("annotate", SPOKEN / "annotate.py")
    assert spec and spec.loader
    annotate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(annotate)
    for transcript in TRANSCRIPTS:
        written = annotate.mentions(transcript.with_suffix(".spec"), transcript.read_text(encoding="utf-8"))
        assert written == _records(_gold(transcript)), transcript.name
