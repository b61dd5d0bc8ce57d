"""Repeated-figure check: one measure stated twice (same subject, period and kind) must agree."""

from __future__ import annotations

from itertools import combinations

from podium.checks import patterns
from podium.checks.findings import agree, amount, finding, stated
from podium.checks.subjects import same_subject, subject_key
from podium.checks.text import Sentences
from podium.checks.tolerance import interval, relative_tolerance
from podium.checks.units import convert
from podium.model import Finding, Quantity

CHECK = "repeated figure"


def is_threshold(text: str, sentences: Sentences, qty: Quantity) -> bool:
    """A figure passed on the way ("it took a year to go from 200 billion to 300 billion") is a
    milestone, not a statement of the level."""
    sentence = sentences.of(qty.start)
    if not patterns.threshold_sentence().search(text[sentence.start : sentence.end]):
        return False
    before = text[sentence.start : qty.start]
    return bool(patterns.FROM_OR_TO_BEFORE.search(before)) and "from" in before.lower()


def candidates(text: str, quantities: list[Quantity], restated: set[int]) -> list[Quantity]:
    sentences = Sentences(text)
    return [
        q
        for q in quantities
        if q.modality == "actual"
        and q.start not in restated
        and subject_key(q.subject)
        and q.kind not in ("rank", "duration")
        and not is_threshold(text, sentences, q)
    ]


def comparable(a: Quantity, b: Quantity) -> bool:
    return (
        a.kind == b.kind
        and a.period == b.period
        and convert(1.0, a.unit, b.unit) is not None
        and same_subject(a.subject, b.subject)
        and not (a.value == b.value and a.unit == b.unit and a.value_max == b.value_max)
    )


def check_pair(first: Quantity, second: Quantity) -> Finding:
    factor = convert(1.0, first.unit, second.unit) or 1.0
    first_range = interval(first).scaled(factor)
    second_range = interval(second)
    ok = first_range.overlaps(second_range)
    when = f" for {first.period}" if first.period else ""
    unit = "" if second.unit == "count" else ("%" if second.unit == "%" else f" {second.unit}")
    explanation = (
        f"{first.subject or 'the same measure'}{when} is stated twice: {stated(first)} allows "
        f"{first_range.text()}{unit}; {stated(second)} allows {second_range.text()}{unit}"
        + (": both can hold." if ok else ": they cannot both hold.")
    )
    if factor != 1.0:
        explanation += f" ({amount(first.value, first.unit)} = {amount(first.value * factor, second.unit)})"
    slack = max(relative_tolerance(first), relative_tolerance(second))
    return finding(CHECK, agree(ok), explanation, [first, second], slack)


def check(text: str, quantities: list[Quantity], restated: set[int]) -> list[Finding]:
    """`restated` holds the starts of figures that restate the one before in other units."""
    pool = candidates(text, quantities, restated)
    return [check_pair(a, b) for a, b in combinations(pool, 2) if comparable(a, b)]
