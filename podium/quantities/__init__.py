"""The quantities stage: every figure a briefing states, as a Quantity with exact spans.

`extract_text(text)` reads plain prose (`find_mentions(text, start, end)` a window of a longer
text, without normalising) (a news paragraph is one unlabelled turn); the stage
"quantities.v1" reads each turn of a parsed Briefing and then hands the mentions to
`podium.quantities.context.annotate` (kind, subject, period, modality)."""

from __future__ import annotations

from podium.model import Briefing, Quantity
from podium.stages import stage
from podium.quantities.extract import extract as find_mentions
from podium.quantities.units import convert, normalize

__all__ = ["convert", "extract_text", "find_mentions", "normalize", "run_quantities"]


def extract_text(text: str) -> list[Quantity]:
    """Every figure in plain text, normalised; no kind, subject or period (those need a Briefing)."""
    quantities = find_mentions(text)
    _normalise(quantities)
    return quantities


@stage("quantities.v1")
def run_quantities(briefing: Briefing) -> Briefing:
    quantities: list[Quantity] = []
    furniture = [(int(s), int(e)) for s, e in briefing.metadata.get("furniture") or ()]
    if briefing.turns:
        for turn in briefing.turns:
            spans = [(s, e) for s, e in furniture if s < turn.end and turn.body_start < e]
            for qty in find_mentions(briefing.text, turn.body_start, turn.end, furniture=spans):
                qty.turn, qty.speaker = turn.id, turn.speaker
                quantities.append(qty)
    else:
        body_start = int(briefing.metadata.get("body_start") or 0)
        quantities = find_mentions(briefing.text, body_start, len(briefing.text))
    # Imported here: the context modules import this package's submodules in turn.
    from podium.quantities.context import annotate

    annotate(briefing, quantities)
    _normalise(quantities)
    briefing.quantities = quantities
    return briefing


def _normalise(quantities: list[Quantity]) -> None:
    for qty in quantities:
        normal = normalize(qty.value, qty.unit)
        if normal is not None:
            qty.normalized_value, qty.normalized_unit = normal
