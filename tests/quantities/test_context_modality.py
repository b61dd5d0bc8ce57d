"""Whether a figure happened, is undertaken or is expected."""

from __future__ import annotations

import pytest

from podium.quantities.modality import classify_modality


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("Last year, output reached ", ".", "actual"),
        ("We will build ", " new schools.", "target"),
        ("we strive to keep output above ", ".", "target"),
        ("Our goal this year is to complete more than ", " of the tasks.", "target"),
        ("The plan aims to create ", " jobs.", "target"),
        ("this year, it is expected to exceed ", ".", "forecast"),
        ("The economy is set to grow by ", ".", "forecast"),
        ("growth is likely to slow to ", ".", "forecast"),
        ("As for graduates, ", " will enter the job market this year.", "forecast"),
        ("We will make sure that output, which has reached ", ", keeps rising.", "actual"),
        ("the Committee raised the target range to ", ".", "actual"),
        ("The GDP growth target for this year is around ", ".", "target"),
        ("inflation well above our longer-run goal of ", ".", "target"),
    ],
)
def test_modality(before: str, after: str, expected: str) -> None:
    assert classify_modality(before, after) == expected


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("the median participant projects that the rate will be ", " at the end of this year", "forecast"),
        ("inflation has moved closer to our ", " longer-run goal", "target"),
        ("we will raise output to ", ".", "target"),
    ],
)
def test_modal_scope(before: str, after: str, expected: str) -> None:
    assert classify_modality(before, after) == expected
