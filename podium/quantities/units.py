"""Unit conversions through pint, from podium's own definitions (podium/data/units_*.txt).

Unit ids are the guideline ids (`CNY`, `jin`, `mu`, `t`, `kWh`, `%`, `count` ...). Those with a
physical dimension live in the pint files; the rest (`%`, `pp`, `times`, `rank`, `count`,
`magnitude`) have no conversion and normalise to themselves."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import pint

from podium.errors import PodiumError
from podium.quantities.words import unit_ids

DEFINITION_FILES: tuple[str, ...] = ("units_en.txt", "units_zh.txt")

# The unit each dimension normalises to; a unit whose dimension is not here (a currency, a
# duration) stays as stated, so "currencies stay as they are" needs no special case.
NORMAL_UNITS: tuple[str, ...] = ("kg", "ha", "m", "m3", "kW", "kWh")

# Guideline ids that are counts, ratios or labels: no conversion exists, the value stands.
UNITLESS_IDS: frozenset[str] = frozenset({"%", "pp", "bp", "times", "rank", "count", "magnitude"})


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """The registry built from podium's definition files only (not pint's defaults), so every
    name it knows is one podium chose."""
    reg = pint.UnitRegistry(None, autoconvert_offset_to_baseunit=False)
    for name in DEFINITION_FILES:
        path = resources.files("podium").joinpath("data", name)
        try:
            with resources.as_file(path) as real_path:
                reg.load_definitions(str(real_path))
        except (OSError, pint.errors.DefinitionSyntaxError, pint.errors.RedefinitionError) as exc:
            raise PodiumError("E005", f"cannot load unit definitions: {exc}", name) from None
    return reg


def known(unit: str) -> bool:
    """Whether pint knows `unit` from podium's definition files."""
    try:
        registry().parse_units(unit)
    except (pint.errors.UndefinedUnitError, AttributeError, ValueError, TypeError, AssertionError):
        return False
    return True


@lru_cache(maxsize=256)
def factor(from_unit: str, to_unit: str) -> float | None:
    """How many `to_unit` one `from_unit` is, or None when the two do not convert."""
    if from_unit == to_unit:
        return 1.0
    if not (known(from_unit) and known(to_unit)):
        return None
    reg = registry()
    try:
        return float(reg.Quantity(1.0, from_unit).to(to_unit).magnitude)
    except pint.errors.DimensionalityError:
        return None


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
        # An id the word tables give but pint does not define (°C, ppm, points) has no conversion.
        return unit if unit in unit_ids() else None
    for target in NORMAL_UNITS:
        if factor(unit, target) is not None:
            return target
    return unit


def normalize(value: float, unit: str) -> tuple[float, str] | None:
    """(value, unit) in the base unit of its dimension: jin and t to kg, mu to ha, MW to kW ...
    Currencies, durations and unitless ids come back unchanged; None for an unknown unit id."""
    target = normal_unit(unit)
    if target is None:
        return None
    converted = convert(value, unit, target)
    return None if converted is None else (converted, target)
