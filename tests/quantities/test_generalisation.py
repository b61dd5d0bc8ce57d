"""Generalisation beyond the Xinjiang gold: the hand-annotated extra gold in tests/data/gold_extra.

The gold itself is checked first (valid fields, text equal to the transcript's slice), then
podium's value+unit F1 is held at 0.85 on each file. A file with no gold mentions counts as
perfect only when podium predicts nothing on it either."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pytest

import podium
from podium.quantities.evaluate import read_jsonl, score
from conftest import CORPUS, ROOT

EXTRA = ROOT / "tests" / "data" / "gold_extra"
GOLD_FILES = sorted(EXTRA.glob("*.quantities.jsonl"))
THRESHOLD = 0.85
UNITS = set(
    "CNY USD jin mu ha t kW kWh m km m2 km2 m3 acre % pp times rank year month day magnitude count".split()
)
QUALIFIERS = {"exact", "approx", "min", "max"}
KINDS = {"level", "change", "growth", "share", "rank", "ratio", "duration"}
MODALITIES = {"actual", "target", "forecast"}
FIELDS = {"text", "start", "end", "value", "unit", "qualifier", "kind", "subject", "period", "modality"}
# Files on which podium is known to fall below the threshold (see the report in the commit log).
# Files where podium is known to fall below the threshold, with why; none at present.
KNOWN_BELOW: dict[str, str] = {}


def _stem(path: Path) -> str:
    return path.name.removesuffix(".quantities.jsonl")


def _transcript(gold: Path) -> Path:
    path = CORPUS / f"{_stem(gold)}.txt"
    if not path.is_file():
        pytest.skip(f"{path} is absent (../shared not beside this checkout)")
    return path


def test_extra_gold_present() -> None:
    assert len(GOLD_FILES) >= 4
    assert (EXTRA / "README.md").is_file()


@pytest.mark.parametrize("gold", GOLD_FILES, ids=_stem)
def test_extra_gold_is_valid(gold: Path) -> None:
    text = _transcript(gold).read_text(encoding="utf-8")
    records = read_jsonl(gold)
    previous = -1
    for record in records:
        assert FIELDS <= record.keys() <= FIELDS | {"value_max"}, record
        assert text[record["start"] : record["end"]] == record["text"], record
        assert record["start"] >= previous, "records are in text order"
        previous = record["start"]
        assert isinstance(record["value"], (int, float)) and math.isfinite(record["value"])
        if "value_max" in record:
            assert record["value_max"] > record["value"]
        assert record["unit"] in UNITS
        assert record["qualifier"] in QUALIFIERS
        assert record["kind"] in KINDS
        assert record["modality"] in MODALITIES
        assert isinstance(record["subject"], str) and record["subject"].strip()
        assert isinstance(record["period"], str)


def _params() -> list[object]:
    marks = {
        stem: pytest.mark.xfail(strict=False, reason=f"podium below {THRESHOLD} here: {why}")
        for stem, why in KNOWN_BELOW.items()
    }
    return [pytest.param(g, id=_stem(g), marks=marks.get(_stem(g), ())) for g in GOLD_FILES]


@pytest.mark.parametrize("gold", _params())
def test_value_unit_f1_on_extra_gold(gold: Path) -> None:
    briefing = podium.parse(_transcript(gold))
    predicted = [dataclasses.asdict(qty) for qty in briefing.quantities]
    expected = read_jsonl(gold)
    (result,) = score(expected, predicted, levels=("value+unit",))
    f1 = 1.0 if not expected and not predicted else result.f1
    assert f1 >= THRESHOLD, (result, [(p["text"], p["start"]) for p in predicted])
