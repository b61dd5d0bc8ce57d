"""The checks stage ("checks.v1"): findings on the figures of one briefing, and its commitments.

Each check is a function `(ctx) -> list[Finding]` registered by name in `podium.checks.registry`;
it reads `ctx.quantities` and, where the words matter, the text and layout around them; none
relies on the subject string alone where the text can say more."""

from __future__ import annotations

# Importing the check modules registers their checks, in this order.
from podium.checks import conversions, repeats, derived, spans, enumerations, plausibility  # noqa: F401  # isort: skip
from podium.checks import commitments
from podium.checks.commitments import resolve
from podium.checks.registry import CHECKS, CheckContext, check
from podium.layout import Layout, layout_of
from podium.model import Briefing, Finding, Quantity
from podium.stages import stage

__all__ = ["CHECKS", "CheckContext", "check", "context", "find", "findings_of", "resolve", "run_checks"]


def context(text: str, quantities: list[Quantity], layout: Layout | None = None) -> CheckContext:
    """What every check reads of `quantities` (mentions in `text`); `layout`: the text's layout,
    when known (a briefing's, with its turns), else found from the text alone."""
    layout = layout if layout is not None else layout_of(text)
    ordered = sorted(quantities, key=lambda q: (q.start, q.end))
    pairs = conversions.restatement_pairs(text, ordered)
    return CheckContext(
        layout=layout,
        quantities=ordered,
        pairs=pairs,
        restated={second.start for _first, second in pairs},
        milestones=repeats.milestones(layout, ordered),
    )


def find(text: str, quantities: list[Quantity], layout: Layout | None = None) -> list[Finding]:
    """Every finding of every registered check on `quantities` (mentions in `text`), ordered by
    where they are stated."""
    return findings_of(context(text, quantities, layout))


def findings_of(ctx: CheckContext) -> list[Finding]:
    findings = [finding for run in CHECKS.values() for finding in run(ctx)]
    return sorted(_unique(findings), key=lambda f: (min(r.start for r in f.quantities), f.check))


def _unique(findings: list[Finding]) -> list[Finding]:
    seen, kept = set(), []
    for item in findings:
        key = (item.check, tuple((r.start, r.end) for r in item.quantities))
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


@stage("checks.v1")
def run_checks(briefing: Briefing) -> Briefing:
    ctx = context(briefing.text, briefing.quantities, briefing.layout)
    briefing.findings = findings_of(ctx)
    briefing.commitments = commitments.extract(briefing, ctx)
    return briefing
