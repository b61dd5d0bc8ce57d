"""Shared fixtures. Tests that need ../shared skip cleanly where it is absent (a bare clone)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"
BENCHMARKS = SHARED / "benchmarks"
EXAMPLE = ROOT / "podium" / "examples" / "example-briefing.txt"
XINJIANG = CORPUS / "scio-2024-05-21-xinjiang.txt"

needs_shared = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside this checkout")


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


@pytest.fixture
def shared_corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    return CORPUS


@pytest.fixture
def xinjiang_path() -> Path:
    if not XINJIANG.is_file():
        pytest.skip("../shared/corpus/scio-2024-05-21-xinjiang.txt is absent")
    return XINJIANG
