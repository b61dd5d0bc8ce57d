"""Time-span check: "it took 15 years to go from A in 2007 to B in 2022" counts the years right."""

from __future__ import annotations

from podium.checks import patterns
from podium.checks.findings import agree, finding, stated
from podium.checks.registry import CheckContext, check
from podium.checks.text import figures_within, year_of
from podium.checks.units import convert
from podium.layout import Layout, Span
from podium.model import Finding, Quantity

CHECK = "time span"
# Endpoints known to the year only: a span between two calendar years may be one longer or shorter
# depending on the months (and on whether both ends are counted).
YEAR_SLACK = 1


def _endpoint_years(layout: Layout, duration: Quantity, sentence: Span, quantities: list[Quantity]) -> tuple[int, int, list[Quantity]] | None:
    """The two years a span runs between: written in the sentence, or read from earlier dated
    statements of the figures it goes "from" and "to"."""
    text = layout.text
    inside = text[duration.end : sentence.end]
    literal = patterns.YEARS_FROM_TO.search(inside) or patterns.YEARS_FROM_TO.search(text[sentence.start : duration.start])
    if literal:
        return int(literal.group(1)), int(literal.group(2)), []
    after = figures_within(quantities, Span(duration.end, sentence.end))
    for a, b in zip(after, after[1:]):
        if not (patterns.FROM_TO.search(text[max(sentence.start, a.start - 20) : a.start]) and patterns.TO_GAP.match(text[a.end : b.start])):
            continue
        start_year = _year_stated_earlier(layout, a, sentence, quantities)
        end_year = _year_stated_earlier(layout, b, sentence, quantities)
        if start_year and end_year:
            return start_year[0], end_year[0], [a, b, start_year[1], end_year[1]]
        return None
    return None


def _year_stated_earlier(layout: Layout, endpoint: Quantity, sentence: Span, quantities: list[Quantity]) -> tuple[int, Quantity] | None:
    """The year of the last earlier figure in the paragraph equal to `endpoint` ("in 2007 ... 100 billion")."""
    paragraph = layout.paragraph(endpoint.start)
    for earlier in reversed(figures_within(quantities, Span(paragraph.start, sentence.start))):
        factor = convert(1.0, earlier.unit, endpoint.unit)
        if factor is None or abs(earlier.value * factor - endpoint.value) > 1e-9 * max(1.0, abs(endpoint.value)):
            continue
        year = year_of(layout.text, earlier, layout.sentence(earlier.start), quantities)
        if year is not None:
            return year, earlier
    return None


@check("spans")
def check_spans(ctx: CheckContext) -> list[Finding]:
    """Time spans against the years they run between."""
    text, quantities = ctx.text, ctx.quantities
    findings = []
    for duration in quantities:
        if duration.unit != "year" or duration.kind not in ("duration", "level"):
            continue
        sentence = ctx.layout.sentence(duration.start)
        years_follow = patterns.YEARS_RIGHT_AFTER.match(text[duration.end : sentence.end])
        if not years_follow and not patterns.span_cue().search(text[sentence.start : duration.start]):
            continue
        found = _endpoint_years(ctx.layout, duration, sentence, quantities)
        if found is None:
            continue
        first, last, evidence = found
        elapsed = abs(last - first)
        ok = abs(elapsed - duration.value) <= YEAR_SLACK
        explanation = (
            f"From {first} to {last} is {elapsed} years; {stated(duration)} is stated "
            f"(allowing {YEAR_SLACK} year either way, since both ends are known to the year only): "
            + ("they agree." if ok else "they do not agree.")
        )
        refs = [duration, *[q for q in evidence[2:]]]
        findings.append(finding(CHECK, agree(ok), explanation, refs, YEAR_SLACK / duration.value if duration.value else 0.0))
    return findings
