"""The Xinjiang briefing: the six checks the issue names are found and judged right, from the gold
quantities and through the pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import GOLD
from podium import parse
from podium.checks import find
from podium.model import Finding, Quantity

# (check, the texts of the quantities it must rest on) for each passage the issue names.
REQUIRED = [
    ("conversion", {"6 billion jin", "3 million metric tons"}),
    ("conversion", {"42.372 million mu", "2.825 million hectares"}),
    ("derived figure", {"1,000 jin", "42.38 billion jin", "42.372 million mu"}),
    ("repeated figure", {"6 billion jin", "6.11 billion jin"}),
    ("repeated figure", {"34.4%", "30%"}),
    ("time span", {"15 years"}),
    ("enumeration", {"five"}),
]


def _gold_quantities() -> list[Quantity]:
    path = GOLD / "scio-2024-05-21-xinjiang.quantities.jsonl"
    if not path.is_file():
        pytest.skip("the gold quantities are absent")
    return [Quantity(**json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _assert_required(findings: list[Finding]) -> None:
    for check, texts in REQUIRED:
        matching = [f for f in findings if f.check == check and texts <= {r.text for r in f.quantities}]
        assert matching, f"no {check} finding on {sorted(texts)}"
        assert all(f.verdict == "consistent" for f in matching), [f.explanation for f in matching]
    assert [f.explanation for f in findings if f.verdict != "consistent"] == []


def test_required_findings_from_gold_quantities(xinjiang_path: Path) -> None:
    _assert_required(find(xinjiang_path.read_text(encoding="utf-8"), _gold_quantities()))


def test_required_findings_through_the_pipeline(xinjiang_path: Path) -> None:
    briefing = parse(xinjiang_path)
    if not briefing.quantities:
        pytest.skip("the quantity extractor finds nothing here yet")
    _assert_required(briefing.findings)
    assert all(briefing.text[r.start : r.end] == r.text for f in briefing.findings for r in f.quantities)


def test_the_span_is_counted_from_2007_to_2022(xinjiang_path: Path) -> None:
    (span,) = [f for f in find(xinjiang_path.read_text(encoding="utf-8"), _gold_quantities()) if f.check == "time span"]
    assert "From 2007 to 2022 is 15 years" in span.explanation
