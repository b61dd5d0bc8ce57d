"""Unit conversion for the checks: the shared unit registry when it is there, else a small fallback.

The fallback (a table in checks_en.yaml) keeps the checks usable while podium/quantities/units.py is
being built; the registry wins whenever it can be imported."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from podium.checks.words import load

Converter = Callable[[float, str, str], "float | None"]


@lru_cache(maxsize=1)
def _registry() -> Converter | None:
    # Looked up once per process: the checks convert units hundreds of times per briefing.
    try:
        from podium.quantities.units import convert as registry_convert
    except ImportError:
        return None
    return registry_convert


def _fallback(value: float, from_unit: str, to_unit: str) -> float | None:
    table = load().fallback_units
    if from_unit == to_unit:
        return value
    if from_unit not in table or to_unit not in table:
        return None
    (dim_a, size_a), (dim_b, size_b) = table[from_unit], table[to_unit]
    if dim_a != dim_b:
        return None
    return value * size_a / size_b


def convert(value: float, from_unit: str, to_unit: str) -> float | None:
    """`value` in `from_unit` expressed in `to_unit`, or None when the two do not convert."""
    if from_unit == to_unit:
        return value
    registry = _registry()
    if registry is not None:
        return registry(value, from_unit, to_unit)
    return _fallback(value, from_unit, to_unit)


def convertible(from_unit: str, to_unit: str) -> bool:
    return convert(1.0, from_unit, to_unit) is not None
