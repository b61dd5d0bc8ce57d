"""Unit conversion for the checks: the one unit registry of podium/quantities/units.py."""

from __future__ import annotations

from podium.quantities.units import convert

# Units of figures that are no amount of anything: rates, ranks, spans of time, magnitudes.
NON_AMOUNT_UNITS = frozenset({"%", "pp", "times", "rank", "year", "month", "day", "magnitude"})

__all__ = ["NON_AMOUNT_UNITS", "convert"]
