"""How far a stated figure may be from the truth, read from the precision it is stated with.

`5.27 billion` is stated to the hundredth of a billion, so it allows ±0.005 billion; `about 1.685
million` allows 2% more on top of that; a round `300 billion` says little about its precision and is
allowed half its last non-zero digit, capped at 2% (both shares live in checks_en.yaml)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from podium.checks.words import load
from podium.model import Quantity

_MANTISSA = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class Interval:
    """The values a figure allows, in its own unit."""

    low: float
    high: float

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    def scaled(self, factor: float) -> Interval:
        a, b = self.low * factor, self.high * factor
        return Interval(min(a, b), max(a, b))

    def text(self) -> str:
        from podium.checks.text import number_text

        if math.isinf(self.high):
            return f"at least {number_text(self.low)}"
        if math.isinf(self.low):
            return f"at most {number_text(self.high)}"
        digits = 4
        # A narrow range would print as "2.8248 million to 2.8248 million": show more digits.
        while number_text(self.low, digits=digits) == number_text(self.high, digits=digits) and digits < 8:
            digits += 1
        return f"{number_text(self.low, digits=digits)} to {number_text(self.high, digits=digits)}"


def _precision_tolerance(qty: Quantity) -> float:
    """Half the last stated digit, in the figure's unit (before any widening for hedges)."""
    words = load()
    value = abs(qty.value)
    match = _MANTISSA.search(qty.text)
    if match is None or value == 0:
        # A figure in words ("five", "one-fifth") is a round figure.
        return value * words.round_number_cap
    mantissa_text = match.group().replace(",", "")
    mantissa = float(mantissa_text)
    scale = value / mantissa if mantissa else 1.0
    if "." in mantissa_text:
        decimals = len(mantissa_text.split(".")[1])
        return 0.5 * 10**-decimals * scale
    digits = mantissa_text.lstrip("0") or "0"
    trailing_zeros = len(digits) - len(digits.rstrip("0"))
    half_place = 0.5 * 10**trailing_zeros * scale
    if trailing_zeros == 0 and scale == 1.0:
        return half_place
    return min(half_place, value * words.round_number_cap)


def tolerance(qty: Quantity) -> float:
    """The absolute tolerance of a figure, in its unit: stated precision, wider when hedged."""
    base = _precision_tolerance(qty)
    if qty.qualifier == "approx":
        base += abs(qty.value) * load().approx_widening
    return base


def relative_tolerance(qty: Quantity) -> float:
    return tolerance(qty) / abs(qty.value) if qty.value else 0.0


def interval(qty: Quantity, *, as_point: bool = False) -> Interval:
    """The values a figure allows. `over 6 billion` is open above; `as_point` ignores the bound (a
    restatement in other units shares its hedge, so both are read as the same point)."""
    tol = tolerance(qty)
    low, high = qty.value - tol, (qty.value_max if qty.value_max is not None else qty.value) + tol
    if as_point:
        return Interval(low, high)
    # A bound ("over 6 billion") is a bound as stated, not a rounded figure.
    if qty.qualifier == "min":
        return Interval(qty.value, math.inf)
    if qty.qualifier == "max":
        return Interval(-math.inf, qty.value_max if qty.value_max is not None else qty.value)
    return Interval(low, high)
