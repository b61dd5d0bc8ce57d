"""Conversion check: a figure restated in another unit, "X unit (Y unit2)" or "X unit, or Y unit2"."""

from __future__ import annotations

from podium.checks import patterns
from podium.checks.findings import agree, amount, finding, stated
from podium.checks.registry import CheckContext, check
from podium.checks.text import gap
from podium.checks.tolerance import interval
from podium.checks.units import convert
from podium.model import Finding, Quantity

CHECK = "conversion"


def restatement_pairs(text: str, quantities: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """Neighbouring figures whose gap is a bracket or ", or" and whose units differ but convert."""
    pairs = []
    for first, second in zip(quantities, quantities[1:]):
        if first.unit == second.unit or convert(1.0, first.unit, second.unit) is None:
            continue
        if patterns.restatement_gap().match(gap(text, first, second)):
            pairs.append((first, second))
    return pairs


def check_pair(first: Quantity, second: Quantity) -> Finding:
    stated_first = interval(first, as_point=True)
    factor = convert(1.0, first.unit, second.unit)
    assert factor is not None  # restatement_pairs kept convertible pairs only
    converted = stated_first.scaled(factor)
    other = interval(second, as_point=True)
    ok = converted.overlaps(other)
    exact = first.value * factor
    explanation = (
        f"{stated(first)} is {amount(exact, second.unit)} (1 {first.unit} = {factor:g} {second.unit}); "
        f"allowing for the precision stated, {converted.text()} {second.unit}; "
        f"{stated(second)} allows {other.text()} {second.unit}: "
        + ("the two agree." if ok else "they do not agree.")
    )
    slack = (converted.high - converted.low + other.high - other.low) / 2 / abs(exact) if exact else 0.0
    return finding(CHECK, agree(ok), explanation, [first, second], slack)


@check("conversions")
def check_conversions(ctx: CheckContext) -> list[Finding]:
    """Each figure restated in other units against its restatement."""
    return [check_pair(a, b) for a, b in ctx.pairs]
