"""Derived-figure checks: a figure that follows from others stated beside it.

Per-unit figures against total and base (output / area), a share against its part and whole, a
growth rate or change against the two levels, parts against their total."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from podium.checks import patterns
from podium.checks.findings import agree, amount, finding, stated
from podium.checks.subjects import subject_key
from podium.checks.registry import CheckContext, check
from podium.checks.text import by_sentence, figures_within, gap, says, single_year, year_of
from podium.checks.tolerance import Interval, interval, relative_tolerance
from podium.checks.units import NON_AMOUNT_UNITS, convert
from podium.checks.words import load
from podium.layout import Layout, Span
from podium.model import Finding, Quantity


def _divide(num: Interval, den: Interval) -> Interval | None:
    if den.low <= 0 or math.isinf(den.high) or math.isinf(num.high) or math.isinf(num.low):
        return None
    return Interval(num.low / den.high, num.high / den.low)


def _is_change(text: str, qty: Quantity) -> bool:
    return qty.kind in ("change", "growth") or bool(patterns.CHANGE_BEFORE.search(text[max(0, qty.start - 30) : qty.start]))


def _slack(derived: Interval, qty: Quantity) -> float:
    centre = (derived.low + derived.high) / 2
    spread = (derived.high - derived.low) / 2 / abs(centre) if centre else 0.0
    return spread + relative_tolerance(qty)


# --- per-unit figure against total and base -------------------------------------------------------
def per_unit_base(text: str, qty: Quantity) -> frozenset[str] | None:
    """The units a per-unit figure is divided by ("per mu" -> {mu}; "per unit area" -> any area)."""
    words = load()
    if qty.unit in NON_AMOUNT_UNITS or qty.unit == "count":
        return None
    after = patterns.PER_UNIT_AFTER.match(text[qty.end : qty.end + 30])
    if after and after.group(1).lower() in words.per_unit_words:
        return frozenset({words.per_unit_words[after.group(1).lower()]})
    # The words decide, not the kind: "per capita income" is a ratio with no area behind it.
    cue = patterns.per_unit_cue().search(text[max(0, qty.start - 60) : qty.start])
    if cue is None:
        return None
    cue_text = cue.group().lower()
    for word, unit in words.per_unit_words.items():
        if re.search(rf"\bper\s+{re.escape(word)}\b", cue_text):
            return frozenset({unit})
    return words.area_units if ("area" in cue_text or "yield" in cue_text) else None


def _nearest_before(quantities: list[Quantity], qty: Quantity, paragraph: Span, wanted: Callable[[Quantity], bool]) -> Quantity | None:
    for other in reversed([q for q in quantities if paragraph.start <= q.start < qty.start]):
        if wanted(other):
            return other
    return None


@check("per unit")
def check_per_unit(ctx: CheckContext) -> list[Finding]:
    """A per-unit figure against the total and the base stated before it in its paragraph."""
    text, quantities, restated = ctx.text, ctx.quantities, ctx.restated
    findings = []
    for qty in quantities:
        bases = per_unit_base(text, qty)
        if not bases:
            continue
        paragraph = ctx.layout.paragraph(qty.start)

        def is_level(other: Quantity) -> bool:
            return other.start not in restated and other.kind not in ("ratio", "share") and not _is_change(text, other)

        total = _nearest_before(
            quantities, qty, paragraph,
            lambda o: is_level(o) and convert(1.0, o.unit, qty.unit) is not None and per_unit_base(text, o) is None,
        )
        base = _nearest_before(quantities, qty, paragraph, lambda o: is_level(o) and o.unit in bases)
        if total is None or base is None or not _periods_agree(total, base, qty):
            continue
        findings.append(_per_unit_finding(qty, total, base, bases))
    return findings


def _periods_agree(*quantities: Quantity) -> bool:
    periods = {q.period for q in quantities if q.period}
    return len(periods) <= 1


def _per_unit_finding(qty: Quantity, total: Quantity, base: Quantity, bases: frozenset[str]) -> Finding:
    base_unit = base.unit if base.unit in bases or len(bases) > 1 else next(iter(bases))
    num = interval(total).scaled(convert(1.0, total.unit, qty.unit) or 1.0)
    den = interval(base).scaled(convert(1.0, base.unit, base_unit) or 1.0)
    derived = _divide(num, den)
    point = total.value * (convert(1.0, total.unit, qty.unit) or 1.0) / (base.value * (convert(1.0, base.unit, base_unit) or 1.0))
    if derived is None:
        derived = Interval(point, point)
    ok = derived.overlaps(interval(qty))
    explanation = (
        f"{stated(total)} / {stated(base)} = {amount(point, qty.unit)} per {base_unit} "
        f"({derived.text()} allowing for the precision stated); the stated per-unit figure "
        f"{stated(qty)} allows {interval(qty).text()}: " + ("they agree." if ok else "they do not agree.")
    )
    return finding("derived figure", agree(ok), explanation, [qty, total, base], _slack(derived, qty))


# --- share against part and whole -----------------------------------------------------------------
def _part_whole_pairs(layout: Layout, quantities: list[Quantity]) -> list[tuple[Quantity, Quantity, Quantity]]:
    """(part, whole, share) triples stated as "P of W (S%)" or "W, of which P (S%)"."""
    text = layout.text
    triples = []
    places = [layout.sentence_index(q.start) for q in quantities]
    for i, (a, b) in enumerate(zip(quantities, quantities[1:])):
        if a.unit == "%" or b.unit == "%" or places[i] != places[i + 1] or convert(1.0, a.unit, b.unit) is None:
            continue
        between = gap(text, a, b)
        if patterns.PART_OF_GAP.match(between):
            part, whole = a, b
        elif patterns.WHOLE_THEN_PART_GAP.match(between):
            part, whole = b, a
        elif patterns.WHOLE_LEADS_GAP.match(between) and patterns.WHOLE_LEADS_BEFORE.search(_lead(text, layout, a)):
            part, whole = b, a
        else:
            continue
        for offset, share in enumerate(quantities[i + 2 : i + 4], start=i + 2):
            if share.unit == "%" and places[offset] == places[i + 1]:
                if patterns.SHARE_AFTER_PART_GAP.match(gap(text, quantities[offset - 1], share)):
                    triples.append((part, whole, share))
                break
    return triples


# "Of the 20 million, 12 million ...": the words that lead a whole stand right before it.
WHOLE_LEAD_REACH = 80


def _lead(text: str, layout: Layout, qty: Quantity) -> str:
    """The words before a figure in its sentence, at most WHOLE_LEAD_REACH characters of them (a
    sentence listing thousands of figures is not read again for each)."""
    return text[max(layout.sentence(qty.start).start, qty.start - WHOLE_LEAD_REACH) : qty.start]


@check("shares")
def check_shares(ctx: CheckContext) -> list[Finding]:
    """A share against the part and the whole stated beside it."""
    findings = []
    for part, whole, share in _part_whole_pairs(ctx.layout, ctx.quantities):
        factor = convert(1.0, part.unit, whole.unit) or 1.0
        derived = _divide(interval(part, as_point=True).scaled(factor * 100), interval(whole, as_point=True))
        point = part.value * factor / whole.value * 100 if whole.value else math.inf
        if derived is None or math.isinf(point):
            continue
        ok = derived.overlaps(interval(share))
        explanation = (
            f"{stated(part)} of {stated(whole)} is {amount(point, '%')} "
            f"({derived.text()}% allowing for the precision stated); {stated(share)} allows "
            f"{interval(share).text()}%: " + ("they agree." if ok else "they do not agree.")
        )
        findings.append(finding("derived figure", agree(ok), explanation, [share, part, whole], _slack(derived, share)))
    return findings


# --- growth and change against two levels ---------------------------------------------------------
def signed_value(text: str, qty: Quantity) -> float:
    """A growth or change figure with the sign its words give it ("fell by 5%" is -5)."""
    if qty.value < 0:
        return qty.value
    before = text[max(0, qty.start - 40) : qty.start]
    return -qty.value if patterns.decrease_before().search(before) else qty.value


def _dated_levels(text: str, sentence: Span, quantities: list[Quantity], restated: set[int]) -> list[tuple[int, Quantity]]:
    levels = []
    for qty in quantities:
        if qty.start in restated or qty.unit in NON_AMOUNT_UNITS or qty.kind in ("change", "growth", "share", "ratio"):
            continue
        if _is_change(text, qty):
            continue
        year = year_of(text, qty, sentence, quantities)
        if year is not None:
            levels.append((year, qty))
    return levels


def _level_pair(levels: list[tuple[int, Quantity]]) -> tuple[tuple[int, Quantity], tuple[int, Quantity]] | None:
    for (y1, q1), (y2, q2) in zip(levels, levels[1:]):
        if y1 != y2 and convert(1.0, q1.unit, q2.unit) is not None:
            return ((y1, q1), (y2, q2)) if y1 < y2 else ((y2, q2), (y1, q1))
    return None


@dataclass(frozen=True)
class Comparison:
    """What two levels imply (`derived`) against what a figure states (`stated`), in `unit`."""

    derived: Interval
    stated: Interval
    what: str
    unit: str

    def suffix(self) -> str:
        return "%" if self.unit == "%" else f" {self.unit}"


def _as_change(growth: Quantity, sign: int, low: Interval, high: Interval, early: Quantity, late: Quantity, factor: float) -> Comparison | None:
    to_late = convert(1.0, growth.unit, late.unit)
    if to_late is None:
        return None
    point = late.value - early.value * factor
    return Comparison(
        derived=Interval(high.low - low.high, high.high - low.low),
        stated=interval(growth).scaled(to_late * sign),
        what=f"a change of {amount(point, late.unit)}",
        unit=late.unit,
    )


def _multiple_range(growth: Quantity, derived: Interval) -> Interval:
    """"Increased by 2 times" is read both ways in official English (x2 or x3): the reading that
    fits the levels, else the plain multiple."""
    slack = relative_tolerance(growth) * growth.value * 100
    readings = [Interval(p - slack, p + slack) for p in ((growth.value - 1) * 100, growth.value * 100)]
    return next((r for r in readings if r.overlaps(derived)), readings[0])


def _as_growth(growth: Quantity, sign: int, low: Interval, high: Interval, early: Quantity, late: Quantity, factor: float) -> Comparison | None:
    if low.low <= 0:
        return None
    derived = Interval((high.low / low.high - 1) * 100, (high.high / low.low - 1) * 100)
    point = (late.value / (early.value * factor) - 1) * 100
    stated_range = _multiple_range(growth, derived) if growth.unit == "times" else interval(growth).scaled(sign)
    return Comparison(derived=derived, stated=stated_range, what=f"growth of {amount(point, '%')}", unit="%")


def _contradicts_in_sign(comparison: Comparison) -> bool:
    derived, stated_range = comparison.derived, comparison.stated
    return (derived.low > 0 and stated_range.high < 0) or (derived.high < 0 and stated_range.low > 0)


def growth_finding(text: str, growth: Quantity, early: tuple[int, Quantity], late: tuple[int, Quantity]) -> Finding | None:
    """A growth rate or change against the levels of two years; a sign the levels contradict is
    implausible, a size outside the tolerance inconsistent."""
    (y1, q1), (y2, q2) = early, late
    factor = convert(1.0, q1.unit, q2.unit) or 1.0
    low, high = interval(q1, as_point=True).scaled(factor), interval(q2, as_point=True)
    sign = -1 if signed_value(text, growth) < 0 else 1
    compare = _as_change if growth.kind == "change" or growth.unit not in ("%", "times") else _as_growth
    comparison = compare(growth, sign, low, high, q1, q2, factor)
    if comparison is None:
        return None
    levels = f"{stated(q1)} in {y1} and {stated(q2)} in {y2}"
    slack = _slack(comparison.derived, growth)
    if _contradicts_in_sign(comparison):
        explanation = (
            f"{levels} mean {comparison.what}, but {stated(growth)} is stated as a "
            f"{'fall' if sign < 0 else 'rise'}: the sign contradicts the levels."
        )
        return finding("implausible", "implausible", explanation, [growth, q1, q2], slack)
    ok = comparison.derived.overlaps(comparison.stated)
    explanation = (
        f"{levels} mean {comparison.what} ({comparison.derived.text()}{comparison.suffix()} allowing for the "
        f"precision stated); {stated(growth)} allows {comparison.stated.text()}{comparison.suffix()}: "
        + ("they agree." if ok else "they do not agree.")
    )
    return finding("derived figure", agree(ok), explanation, [growth, q1, q2], slack)


def _states_growth(text: str, qty: Quantity) -> bool:
    return qty.kind in ("growth", "change") or (qty.unit in ("%", "times") and _is_change(text, qty))


@check("growth")
def check_growth(ctx: CheckContext) -> list[Finding]:
    """Growth rates and changes against the two levels they follow from. Restated figures and
    milestones are no levels of their own."""
    text, quantities, restated = ctx.text, ctx.quantities, ctx.restated | ctx.milestones
    findings = []
    done: set[int] = set()
    grouped = by_sentence(ctx.layout, quantities)
    for sentence, inside in grouped.items():
        growths = [q for q in inside if _states_growth(text, q)]
        if not growths:
            continue  # levels matter only to a growth stated beside them
        pair = _level_pair(_dated_levels(text, sentence, inside, restated))
        if pair is None:
            continue
        for growth in growths:
            result = growth_finding(text, growth, *pair)
            if result is not None:
                findings.append(result)
                done.add(growth.start)
    paired = {q.start for sentence, inside in grouped.items() if says(text, sentence, patterns.RESPECTIVELY) for q in inside}
    findings.extend(_growth_by_subject(ctx.layout, quantities, done | paired, restated))
    return findings


def _stated_level(qty: Quantity, restated: set[int]) -> bool:
    return (
        qty.kind == "level"
        and qty.modality == "actual"
        and qty.qualifier in ("exact", "approx")
        and qty.value_max is None
        and qty.unit not in NON_AMOUNT_UNITS
        and qty.start not in restated
    )


def _level_beside(layout: Layout, growth: Quantity, quantities: list[Quantity], restated: set[int]) -> Quantity | None:
    """The one level stated in the growth's own sentence ("rose 5.2% to 86.1 billion yuan"): it is
    the growth's level whatever subject the extractor gave it."""
    inside = figures_within(quantities, layout.sentence(growth.start))
    beside = [q for q in inside if _stated_level(q, restated) and not _is_change(layout.text, q)]
    return beside[0] if len(beside) == 1 else None


def _growth_by_subject(layout: Layout, quantities: list[Quantity], done: set[int], restated: set[int]) -> list[Finding]:
    """Growth stated in one place, the levels elsewhere: the earlier level matched by subject and
    year, the later one the level beside the growth or else matched the same way. Figures paired
    "respectively" are left out: each has its own item of the list, whatever the subject says."""
    growths = [g for g in quantities if g.start not in done and g.kind in ("growth", "change") and g.modality == "actual"]
    if not growths:
        return []
    levels: dict[tuple[frozenset[str], int], Quantity] = {}
    for qty in quantities:
        if not _stated_level(qty, restated):
            continue
        year = single_year(qty.period)
        key = subject_key(qty.subject)
        if year and key:
            levels.setdefault((key, year), qty)
    findings = []
    beside: dict[int, Quantity | None] = {}  # by sentence: a sentence may state many growths
    for growth in growths:
        year, key = single_year(growth.period), subject_key(growth.subject)
        if not (year and key):
            continue
        early = levels.get((key, year - 1))
        sentence = layout.sentence_index(growth.start)
        if sentence not in beside:
            beside[sentence] = _level_beside(layout, growth, quantities, restated)
        late = beside[sentence] or levels.get((key, year))
        if early and late and early is not late and convert(1.0, early.unit, late.unit) is not None:
            result = growth_finding(layout.text, growth, (year - 1, early), (year, late))
            if result is not None:
                findings.append(result)
    return findings


# --- parts against their total --------------------------------------------------------------------
def _run_of_parts(text: str, quantities: list[Quantity], first: int, unit: str, sentence: Span) -> list[Quantity]:
    parts = [quantities[first]]
    for qty in quantities[first + 1 :]:
        if qty.start >= sentence.end or qty.unit != unit or not patterns.LIST_GAP.match(gap(text, parts[-1], qty)):
            break
        parts.append(qty)
    return parts


@check("parts")
def check_parts(ctx: CheckContext) -> list[Finding]:
    """Parts listed after their total ("a total of 12, including 5 and 4") against it."""
    text, quantities = ctx.text, ctx.quantities
    findings = []
    for i, total in enumerate(quantities[:-1]):
        if total.unit in ("%", "pp", "times", "rank") or total.kind not in ("level", "change"):
            continue
        following = quantities[i + 1]
        if following.unit != total.unit:
            continue
        sentence = ctx.layout.sentence(total.start)
        if following.start >= sentence.end:
            continue
        opener = patterns.parts_opener().search(gap(text, total, following))
        if opener is None:
            continue
        parts = _run_of_parts(text, quantities, i + 1, total.unit, sentence)
        if len(parts) >= 2:
            findings.append(_parts_finding(total, parts, exhaustive=bool(opener.group("exhaustive"))))
    return findings


def _parts_finding(total: Quantity, parts: list[Quantity], *, exhaustive: bool) -> Finding:
    low = sum(interval(p, as_point=True).low for p in parts)
    high = sum(interval(p, as_point=True).high for p in parts)
    point = sum(p.value for p in parts)
    whole = interval(total)
    if exhaustive:
        ok = Interval(low, high).overlaps(whole)
        rule = "the parts should add up to the total"
    else:
        ok = low <= whole.high
        rule = "the parts named (not all of them) should not exceed the total"
    explanation = (
        " + ".join(stated(p) for p in parts)
        + f" = {amount(point, total.unit)}; {stated(total)} allows {whole.text()}; {rule}: "
        + ("they do." if ok else "they do not.")
    )
    return finding("derived figure", agree(ok), explanation, [total, *parts], relative_tolerance(total))
