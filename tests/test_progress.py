"""A large file shows which stage runs: the pipeline calls back at each stage, and the CLI's
progress bar is made only for a file of LARGE_BYTES or more."""

from __future__ import annotations

from pathlib import Path

from podium.cli.app import LARGE_BYTES, stage_progress
from podium.pipeline import parse
from podium.read import Document
from podium.stages import DEFAULT_STAGES

TEXT = "Tao Ran:\n\nGood morning. Output rose 5% in 2024.\n\nLin Qiao:\n\nIt was 300 tons.\n"


def test_each_stage_is_announced_in_order() -> None:
    seen: list[str] = []
    briefing = parse(Document(text=TEXT, source="t.txt", format="text"), on_stage=seen.append)
    assert seen == list(DEFAULT_STAGES)
    assert briefing.quantities


def test_a_small_file_gets_no_bar(tmp_path: Path) -> None:
    small = tmp_path / "small.txt"
    small.write_text(TEXT, encoding="utf-8")
    with stage_progress("small.txt", small, 3) as on_stage:
        assert on_stage is None


def test_a_large_file_gets_a_bar_that_follows_the_stages(tmp_path: Path) -> None:
    large = tmp_path / "large.txt"
    large.write_bytes(b"x" * LARGE_BYTES)
    with stage_progress("large.txt", large, 2) as on_stage:
        assert on_stage is not None
        on_stage("structure.v1")
        on_stage("quantities.v1")  # a bar that errs on a stage would raise here
