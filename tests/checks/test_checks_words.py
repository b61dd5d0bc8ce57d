"""The checks word table: it loads, holds no value YAML misread."""

from __future__ import annotations

import dataclasses

import pytest

from podium.checks import patterns
from podium.checks.words import load


def test_every_word_table_loads_as_words() -> None:
    words = load()
    for field in dataclasses.fields(words):
        value = getattr(words, field.name)
        if isinstance(value, (tuple, frozenset)):
            assert value, f"{field.name} is empty"
            # YAML 1.1 reads a bare on/off/yes/no as a boolean: quote such words.
            assert not {"true", "false"} & set(value), f"{field.name} holds a YAML boolean"


@pytest.mark.parametrize("gap", [" (", " (about ", ", or ", " (approximately ", ", or about "])
def test_restatement_gaps(gap: str) -> None:
    assert patterns.restatement_gap().match(gap)


@pytest.mark.parametrize("gap", [" and ", ", an increase of ", " (up ", " in 2023 ("])
def test_not_restatement_gaps(gap: str) -> None:
    assert not patterns.restatement_gap().match(gap)
