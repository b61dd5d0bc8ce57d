"""Unit conversion for the checks: the one unit registry of podium/quantities/units.py."""

from __future__ import annotations

from podium.quantities.units import convert

__all__ = ["convert"]
