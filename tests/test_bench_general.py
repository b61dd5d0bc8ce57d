"""The NewsQuant adapter of benchmarks/bench_general.py names every unit podium can give."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from bench_general import NEWSQUANT_UNITS, newsquant_unit  # noqa: E402

from podium.quantities import words  # noqa: E402


def test_every_unit_id_podium_gives_has_a_newsquant_name() -> None:
    table = words.load()
    given = set(table.unit_words) | set(table.unit_symbols) | set(table.currency_prefixes) | {"count", "times", "rank"}
    assert sorted(given - set(NEWSQUANT_UNITS)) == []


def test_a_per_unit_rate_and_an_age_take_newsquant_names() -> None:
    text = "Gas is $3 a gallon for men aged 30"
    assert newsquant_unit("USD", text, 7, 9) == "dollar per gallon"
    assert newsquant_unit("year", text, 31, 33) == "year of age"
    assert newsquant_unit("sen", "up 18 sen", 3, 9) == "sen"
