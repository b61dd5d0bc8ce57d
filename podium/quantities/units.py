"""Unit conversions from podium's own definitions (podium/data/units_*.txt, pint's grammar).

The definitions are compiled through pint into podium/data/unit_factors.json
(`python -m podium.quantities.unit_table`; a test keeps it fresh), so a parse reads a small JSON
table instead of importing pint and building a registry, which alone took longer than a parse.

Unit ids are the guideline ids (`CNY`, `jin`, `mu`, `t`, `kWh`, `%`, `count` ...). Those with a
physical dimension are in the definitions; the rest (`%`, `pp`, `times`, `rank`, `count`,
`magnitude`) have no conversion and normalise to themselves."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import NamedTuple

from podium.errors import PodiumError
from podium.quantities.words import unit_ids
from podium.wordtables import DATA

TABLE_FILE = "unit_factors.json"

# The unit each dimension normalises to; a unit whose dimension is not here (a currency, a
# duration) stays as stated, so "currencies stay as they are" needs no special case.
NORMAL_UNITS: tuple[str, ...] = ("kg", "ha", "m", "m3", "kW", "kWh", "pp")

# Guideline ids that are counts, ratios or labels: no conversion exists, the value stands.
UNITLESS_IDS: frozenset[str] = frozenset({"%", "times", "rank", "count", "magnitude"})


class UnitFactor(NamedTuple):
    dimension: str
    to_root: float


@lru_cache(maxsize=1)
def table() -> dict[str, UnitFactor]:
    """Every unit name the definition files declare, with its dimension and root factor."""
    try:
        raw = (DATA / TABLE_FILE).read_text(encoding="utf-8")
        units = json.loads(raw)["units"]
    except (OSError, ValueError, KeyError) as exc:
        raise PodiumError("E005", f"cannot load the unit table: {exc}", TABLE_FILE) from None
    return {name: UnitFactor(entry["dimension"], float(entry["to_root"])) for name, entry in units.items()}


def known(unit: str) -> bool:
    """Whether podium's definition files declare `unit`."""
    return unit in table()


@lru_cache(maxsize=256)
def factor(from_unit: str, to_unit: str) -> float | None:
    """How many `to_unit` one `from_unit` is, or None when the two do not convert."""
    if from_unit == to_unit:
        return 1.0
    units = table()
    source, target = units.get(from_unit), units.get(to_unit)
    if source is None or target is None or source.dimension != target.dimension:
        return None
    return source.to_root / target.to_root


def convert(value: float, from_unit: str, to_unit: str) -> float | None:
    """`value` in `from_unit` expressed in `to_unit`; None when no conversion exists.

    >>> round(convert(42.372e6, "mu", "ha"))
    2824800
    """
    ratio = factor(from_unit, to_unit)
    return None if ratio is None else value * ratio


@lru_cache(maxsize=256)
def normal_unit(unit: str) -> str | None:
    """The unit `unit` normalises to: the NORMAL_UNITS entry of its dimension, itself otherwise,
    None when the id is unknown."""
    if unit in UNITLESS_IDS:
        return unit
    if not known(unit):
        # An id the word tables give but the definitions lack (°C, ppm, points) has no conversion.
        return unit if unit in unit_ids() else None
    for target in NORMAL_UNITS:
        if factor(unit, target) is not None:
            return target
    return unit


def normalize(value: float, unit: str) -> tuple[float, str] | None:
    """(value, unit) in the base unit of its dimension: jin and t to kg, mu to ha, MW to kW, bp to pp ...
    Currencies, durations and unitless ids come back unchanged; None for an unknown unit id."""
    target = normal_unit(unit)
    if target is None:
        return None
    converted = convert(value, unit, target)
    return None if converted is None else (converted, target)
