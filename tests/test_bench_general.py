"""The NewsQuant adapter of benchmarks/bench_general.py names every unit podium can give."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from bench_general import NEWSQUANT_UNITS, join_changes, newsquant_texts, newsquant_unit, vague_span  # noqa: E402

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


def _row(text: str, said: str, value: float, unit: str) -> dict[str, object]:
    start = text.index(said)
    return {"start": start, "end": start + len(said), "text": said, "value": value, "unit": unit}


def test_a_change_from_one_figure_to_another_is_one_newsquant_range() -> None:
    text = "Bitcoin fell from $36,040 at 10pm to $34,935, and volume narrowed to 138,285 lots from 212,577 lots."
    rows = [_row(text, "$36,040", 36040, "dollar"), _row(text, "$34,935", 34935, "dollar"),
            _row(text, "138,285 lots", 138285, "-"), _row(text, "212,577 lots", 212577, "-")]  # fmt: skip
    joined = join_changes(text, rows)
    assert [(r["value_min"], r["value_max"], r["unit"]) for r in joined] == [(36040, 34935, "dollar"), (212577, 138285, "-")]


def test_figures_in_different_units_or_without_from_stay_apart() -> None:
    text = "It rose from 5% to $3, and 4 to 6 people came."
    rows = [_row(text, "5%", 5, "percentage"), _row(text, "$3", 3, "dollar"), _row(text, "4", 4, "-"), _row(text, "6", 6, "-")]
    assert join_changes(text, rows) == rows


def test_a_vague_plural_spans_its_order_of_magnitude() -> None:
    assert vague_span("tens of thousands of students", "min") == (1e4, 1e5)
    assert vague_span("dozens", "min") == (12.0, 120.0)
    assert vague_span("thousands", "approx") is None
    assert vague_span("3,000", "min") is None


def test_newsquant_halves_split_by_parity() -> None:
    if not (Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "newsquant").is_dir():
        import pytest

        pytest.skip("../shared is absent")
    tune, held, whole = newsquant_texts("tune"), newsquant_texts("held"), newsquant_texts()
    assert len(tune) + len(held) == len(whole) and {int(d) % 2 for d, _ in tune} == {0}


def test_a_rate_per_area_or_century_is_named_and_a_year_earlier_is_no_rate() -> None:
    text = "rent of $80 per sq m, seas rising 11 feet per century, from $6.78 billion a year earlier"
    assert newsquant_unit("USD", text, 8, 11) == "dollar per square metre"
    assert newsquant_unit("ft", text, 34, 41) == "foot per century"
    assert newsquant_unit("USD", text, 59, 72) == "dollar"


def test_a_hyphenated_rate_is_named_per_unit() -> None:
    assert newsquant_unit("GBP", "fees up by £24 a-year", 12, 15) == "pound sterling per year"
    assert newsquant_unit("barrel", "one 52,000 barrel-a-day refinery", 4, 17) == "barrel per day"
