"""The checks word table: it loads, holds no value YAML misread, and agrees with the unit registry."""

from __future__ import annotations

import dataclasses
from itertools import combinations

import pytest

from podium.checks import patterns
from podium.checks.units import _fallback
from podium.checks.words import load
from podium.quantities.units import convert as registry_convert


def test_every_word_table_loads_as_words() -> None:
    words = load()
    for field in dataclasses.fields(words):
        value = getattr(words, field.name)
        if isinstance(value, (tuple, frozenset)):
            assert value, f"{field.name} is empty"
            # YAML 1.1 reads a bare on/off/yes/no as a boolean: quote such words.
            assert not {"true", "false"} & set(value), f"{field.name} holds a YAML boolean"


def test_rise_and_fall_words_do_not_clash() -> None:
    words = load()
    assert not words.increase_cues & words.decrease_cues


def test_fallback_units_agree_with_the_registry() -> None:
    table = load().fallback_units
    for a, b in combinations(sorted(table), 2):
        ours, theirs = _fallback(1.0, a, b), registry_convert(1.0, a, b)
        if ours is None:
            continue
        assert theirs == pytest.approx(ours, rel=1e-9), (a, b)


@pytest.mark.parametrize("gap", [" (", " (about ", ", or ", " (approximately ", ", or about "])
def test_restatement_gaps(gap: str) -> None:
    assert patterns.restatement_gap().match(gap)


@pytest.mark.parametrize("gap", [" and ", ", an increase of ", " (up ", " in 2023 ("])
def test_not_restatement_gaps(gap: str) -> None:
    assert not patterns.restatement_gap().match(gap)
