"""The unit data files parse through pint, the word tables do not clash, conversions hold."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from podium.quantities import unit_table, units
from podium.quantities.words import load, unit_ids


def test_definition_files_load_through_pint() -> None:
    registry = unit_table.build_registry()
    for name in ("kg", "t", "jin", "mu", "ha", "kW", "kWh", "m", "km", "m3", "CNY", "USD"):
        assert registry.parse_units(name) is not None


@pytest.mark.parametrize(
    ("value", "from_unit", "to_unit", "expected"),
    [
        (42.372e6, "mu", "ha", 2.8248e6),
        (6e9, "jin", "t", 3e6),
        (1, "t", "kg", 1000),
        (126.3e9, "kWh", "TWh", 126.3),
        (70e6, "kW", "GW", 70),
        (1, "km2", "ha", 100),
        (1, "acre", "ha", 0.40468564224),
    ],
)
def test_convert(value: float, from_unit: str, to_unit: str, expected: float) -> None:
    assert units.convert(value, from_unit, to_unit) == pytest.approx(expected)


@pytest.mark.parametrize(("from_unit", "to_unit"), [("CNY", "USD"), ("jin", "ha"), ("%", "kg"), ("nonsense", "kg")])
def test_no_conversion_is_invented(from_unit: str, to_unit: str) -> None:
    assert units.convert(1.0, from_unit, to_unit) is None


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (6e9, "jin", (3e9, "kg")),
        (66.06e6, "t", (66.06e9, "kg")),
        (42.372e6, "mu", (2.8248e6, "ha")),
        (10000, "m", (10000, "m")),
        (120, "km", (120000, "m")),
        (5, "MW", (5000, "kW")),
        (1e9, "CNY", (1e9, "CNY")),
        (57, "%", (57, "%")),
        (19, "count", (19, "count")),
    ],
)
def test_normalize(value: float, unit: str, expected: tuple[float, str]) -> None:
    got = units.normalize(value, unit)
    assert got is not None
    assert (pytest.approx(got[0]), got[1]) == (pytest.approx(expected[0]), expected[1])


def test_unknown_unit_does_not_normalise() -> None:
    assert units.normalize(1.0, "furlong-per-fortnight") is None


def test_every_unit_id_in_the_word_table_normalises() -> None:
    for unit_id in unit_ids():
        assert units.normalize(1.0, unit_id) is not None, unit_id


def test_unit_words_do_not_clash() -> None:
    """No surface word names two unit ids (so "tons" cannot mean two things)."""
    seen: dict[str, str] = {}
    for unit_id, words in load().unit_words.items():
        for word in words:
            key = " ".join(word.lower().split())
            assert seen.setdefault(key, unit_id) == unit_id, f"{word!r} names {seen[key]} and {unit_id}"


def test_pint_aliases_do_not_clash() -> None:
    """Each name in the definition files is defined once (pint would silently keep one)."""
    names: list[str] = []
    for filename in unit_table.DEFINITION_FILES:
        text = resources.files("podium").joinpath("data", filename).read_text(encoding="utf-8")
        for line in text.splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = [p.strip() for p in line.split("=")]
            names.extend([parts[0], *parts[2:]])
    assert len(names) == len(set(names)), sorted({n for n in names if names.count(n) > 1})


def test_unit_symbols_do_not_clash() -> None:
    seen: dict[str, str] = {}
    for unit_id, symbols in load().unit_symbols.items():
        for symbol in symbols:
            assert seen.setdefault(symbol, unit_id) == unit_id, f"{symbol!r} names {seen[symbol]} and {unit_id}"


def test_word_table_parses_and_tables_are_disjoint() -> None:
    raw = resources.files("podium").joinpath("data", "quantities_en.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    assert set(data["units"]).isdisjoint(data["tens"])
    assert set(data["scales"]).isdisjoint(data["units"])
    qualifier_words = [w for words in data["qualifiers_before"].values() for w in words]
    assert len(qualifier_words) == len(set(qualifier_words))


def test_name_heads_are_single_words() -> None:
    # extract looks the word before a number up in the name heads instead of searching for them,
    # which finds the same heads only while each is one word of letters, digits and dots.
    for head in load().name_heads:
        assert head and all(char.isalnum() or char in "._" for char in head), head


def test_unit_table_is_fresh() -> None:
    """The JSON a parse reads is what pint makes of the definition files today; if this fails,
    run `python -m podium.quantities.unit_table` and commit the result."""
    committed = resources.files("podium").joinpath("data", units.TABLE_FILE).read_text(encoding="utf-8")
    assert committed == unit_table.render(unit_table.build_table())


@pytest.mark.parametrize(("from_unit", "to_unit"), [("mu", "ha"), ("jin", "t"), ("kWh", "TWh"), ("acre", "m2"), ("mph", "kph")])
def test_table_conversions_agree_with_pint(from_unit: str, to_unit: str) -> None:
    registry = unit_table.build_registry()
    expected = registry.Quantity(1.0, from_unit).to(to_unit).magnitude
    assert units.factor(from_unit, to_unit) == pytest.approx(expected, rel=1e-12)


def test_a_parse_does_not_import_pint() -> None:
    import subprocess
    import sys

    code = "import sys, podium; podium.parse('A:\\n\\nGrain output was 6 billion jin.\\n'); print('pint' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_basis_points_normalise_to_percentage_points() -> None:
    # 25 basis points and 0.25 percentage points are one move of a rate, and must compare equal.
    assert units.normalize(25.0, "bp") == (0.25, "pp")
    assert units.normalize(0.25, "pp") == (0.25, "pp")
    assert units.convert(1.0, "pp", "%") is None  # points of a rate are no percent of anything


def test_torque_charge_pressure_and_gigatonnes_have_units() -> None:
    from podium.quantities import extract_text

    found = [(q.text, q.unit) for q in extract_text("It makes 275 pound-feet (373 Nm), holds 4500 mAh, takes 120 ksi; 127 gigatonnes melt.")]
    assert found == [("275 pound-feet", "lbft"), ("373 Nm", "Nm"), ("4500 mAh", "mAh"), ("120 ksi", "ksi"), ("127 gigatonnes", "Gt")]


def test_volumes_areas_speeds_currencies_and_bit_rates_have_units() -> None:
    from podium.quantities import extract_text

    text = (
        "The boot holds 24.5 cubic feet; 311 square miles; 661 knots; 100 km/hr; 7.5 million Danish crowns; "
        "NZ $99.99 a year; 7,199 Chinese yuan; a 30Mbps plan; 5 volts; a 4.3 second dash; 2.14degF (1.19deg C)."
    )
    found = [(q.text, q.unit) for q in extract_text(text)]
    assert found == [
        ("24.5 cubic feet", "ft3"), ("311 square miles", "mi2"), ("661 knots", "knot"), ("100 km/hr", "kph"),
        ("7.5 million Danish crowns", "DKK"), ("NZ $99.99", "NZD"), ("7,199 Chinese yuan", "CNY"),
        ("30Mbps", "Mbps"), ("5 volts", "V"), ("4.3 second", "second"), ("2.14degF", "degF"), ("1.19deg C", "degC"),
    ]  # fmt: skip
    assert [(q.text, q.unit) for q in extract_text("It ran at 80 m.p.h. and did 30 m.p.g.")] == [("80 m.p.h.", "mph"), ("30 m.p.g.", "mpg")]
    assert units.convert(1.0, "Mbps", "kbps") == pytest.approx(1000.0)
    assert units.convert(1.0, "mi2", "km2") == pytest.approx(2.589988110336)


def test_a_glued_one_letter_symbol_needs_two_digits_before_it() -> None:
    from podium.quantities import extract_text

    found = [(q.text, q.unit) for q in extract_text("A 5-10W laser, a 12V battery, ~45g each, 1lb; 5g data on 4G phones.")]
    assert found == [("5-10W", "W"), ("12V", "V"), ("45g", "g"), ("1lb", "lb")]


def test_a_house_number_before_a_street_name_is_not_an_amount() -> None:
    from podium.quantities import extract_text

    found = [q.text for q in extract_text("Homes at 575 Green Road and 9 E 71st St sold for $2 million; 5 St Louis stores shut.")]
    assert found == ["$2 million", "5"]
    assert [q.text for q in extract_text("Seats in Row 21 and Seat 4 sold; 3 rows are free.")] == ["3"]


def test_a_dash_range_after_from_is_one_range() -> None:
    from podium.quantities import extract_text

    found = [(q.text, q.value, q.value_max, q.unit) for q in extract_text("It went from about 14-18 mpg to 24 mpg.")]
    assert found == [("14-18 mpg", 14.0, 18.0, "mpg"), ("24 mpg", 24.0, None, "mpg")]


def test_scientific_notation_is_one_figure() -> None:
    from podium.quantities import extract_text

    text = "A mass of 1.99×10−30 kilograms, 3 x 10^5 cells, 1.5 × 10⁶ people; a 3 x 10 grid and a 2 × 100 m relay."
    found = [(q.text, q.value, q.unit) for q in extract_text(text)]
    assert found == [
        ("1.99×10−30 kilograms", 1.99e-30, "kg"), ("3 x 10^5", 3e5, "count"), ("1.5 × 10⁶", 1.5e6, "count"),
        ("3", 3.0, "count"), ("10", 10.0, "count"), ("2", 2.0, "count"), ("100 m", 100.0, "m"),
    ]  # fmt: skip
