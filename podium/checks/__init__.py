"""The checks stage ("checks.v1"): findings on the figures of one briefing, and its commitments.

Each check reads `briefing.quantities` and, where the words matter, the text around them; none relies
on the subject string alone where the text can say more."""

from __future__ import annotations

from podium.checks import commitments, conversions, derived, enumerations, plausibility, repeats, spans
from podium.checks.commitments import resolve
from podium.checks.text import Sentences
from podium.model import Briefing, Finding, Quantity
from podium.stages import stage

__all__ = ["find", "resolve", "run_checks"]


def _ordered(quantities: list[Quantity]) -> list[Quantity]:
    return sorted(quantities, key=lambda q: (q.start, q.end))


def find(text: str, quantities: list[Quantity], sentences: Sentences | None = None) -> list[Finding]:
    """Every finding on `quantities` (mentions in `text`), ordered by where they are stated.
    `sentences`, when given, is the sentence layout of `text` (the stage reads it once and shares it)."""
    quantities = _ordered(quantities)
    sentences = sentences if sentences is not None else Sentences(text)
    pairs = conversions.restatement_pairs(text, quantities)
    restated = {second.start for _first, second in pairs}
    milestones = repeats.milestones(text, sentences, quantities)
    findings = [
        *conversions.check(text, quantities, pairs),
        *repeats.check(text, quantities, restated, sentences, milestones),
        *derived.check_per_unit(text, quantities, restated, sentences.lowered),
        *derived.check_shares(text, quantities, sentences),
        *derived.check_growth(text, quantities, sentences, restated | milestones),
        *derived.check_parts(text, quantities, sentences),
        *spans.check(text, quantities, sentences),
        *enumerations.check_enumerations(text, quantities, sentences),
        *enumerations.check_respectively(text, quantities, sentences),
        *plausibility.check(quantities),
    ]
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
    # Splitting the text into sentences is the costliest reading of it: done once for every check.
    sentences = Sentences(briefing.text)
    briefing.findings = find(briefing.text, briefing.quantities, sentences)
    briefing.commitments = commitments.extract(briefing, sentences)
    return briefing
