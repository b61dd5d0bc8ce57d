"""Implausible figures on their own: a share above 100%, a negative count, a rank of zero."""

from __future__ import annotations

from podium.checks.findings import finding, stated
from podium.checks.registry import CheckContext, check
from podium.model import Finding, Quantity

CHECK = "implausible"


def _problem(qty: Quantity) -> str | None:
    low = qty.value
    if qty.kind == "share" and qty.unit == "%" and qty.qualifier != "max" and low > 100:
        return f"a share of {stated(qty)} is more than the whole (100%)"
    if qty.kind == "share" and qty.unit == "%" and low < 0:
        return f"a share of {stated(qty)} is less than nothing"
    if qty.unit == "count" and low < 0:
        return f"a count of {stated(qty)} is negative"
    if qty.unit == "rank" and low < 1 and qty.qualifier != "min":
        return f"a rank of {stated(qty)} is below first place"
    return None


@check("plausibility")
def check_plausibility(ctx: CheckContext) -> list[Finding]:
    """Figures implausible on their own."""
    findings = []
    for qty in ctx.quantities:
        problem = _problem(qty)
        if problem:
            findings.append(finding(CHECK, "implausible", problem + ".", [qty], 0.0))
    return findings
