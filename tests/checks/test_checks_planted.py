"""Regression: the planted-error test set (tests/data/checks) is caught with recall and precision of
at least 0.9, from the annotated quantities and through the whole pipeline."""

from __future__ import annotations

import pytest

from planted import DATA, Case, Score, cases, score
from podium import parse
from podium.checks import find, run_checks
from podium.model import Briefing

THRESHOLD = 0.9


def test_the_set_has_planted_errors_and_clean_transcripts() -> None:
    all_cases = cases()
    assert sum(len(c.planted) for c in all_cases) >= 20
    assert sum(not c.planted for c in all_cases) >= 3


def test_planted_errors_from_annotated_quantities() -> None:
    total = Score()
    for case in cases():
        score(case, find(case.text, case.quantities), total)
    assert total.recall >= THRESHOLD, total.misses
    assert total.precision >= THRESHOLD, total.false_alarms


def test_planted_errors_through_the_pipeline() -> None:
    total = Score()
    for case in cases():
        briefing = parse(DATA / f"{case.name}.txt")
        if not briefing.quantities:
            pytest.skip("the quantity extractor finds nothing here yet")
        score(case, briefing.findings, total)
    assert total.recall >= THRESHOLD, total.misses
    assert total.precision >= THRESHOLD, total.false_alarms


@pytest.mark.parametrize("case", [c for c in cases() if not c.planted], ids=lambda c: c.name)
def test_clean_transcripts_raise_no_flag(case: Case) -> None:
    assert [f.explanation for f in find(case.text, case.quantities) if f.verdict != "consistent"] == []


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.name)
def test_commitments_per_transcript(case: Case) -> None:
    briefing = run_checks(Briefing(source=case.name, text=case.text, date="2024-06-01", quantities=case.quantities))
    assert len(briefing.commitments) == case.commitments, [(c.subject, c.deadline) for c in briefing.commitments]
