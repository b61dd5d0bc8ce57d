"""Building Findings: a quantity named by its span, and figures written the way people read them."""

from __future__ import annotations

from podium.checks.text import number_text
from podium.model import Finding, Quantity, QuantityRef, Verdict


def ref(qty: Quantity) -> QuantityRef:
    return QuantityRef(start=qty.start, end=qty.end, text=qty.text)


def finding(check: str, verdict: Verdict, explanation: str, quantities: list[Quantity], tolerance: float) -> Finding:
    """A Finding on `quantities`; `tolerance` is the relative slack the comparison allowed."""
    return Finding(
        check=check,
        verdict=verdict,
        explanation=explanation,
        quantities=[ref(q) for q in quantities],
        tolerance=round(tolerance, 6),
    )


def stated(qty: Quantity) -> str:
    """A figure as quoted in explanations: "42.38 billion jin"."""
    return f'"{qty.text}"'


def amount(value: float, unit: str) -> str:
    if unit == "%":
        return f"{number_text(value)}%"
    if unit == "count":
        return number_text(value)
    return f"{number_text(value)} {unit}"


def agree(ok: bool) -> Verdict:
    return "consistent" if ok else "inconsistent"
