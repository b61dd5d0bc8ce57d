"""The quantities stage: every figure a briefing states, as a Quantity with exact spans.

`extract_text(text)` reads plain prose (`find_mentions(text, start, end)` a window of a longer
text, without normalising) (a news paragraph is one unlabelled turn); the stage
"quantities.v1" reads each turn of a parsed Briefing and then hands the mentions to
`podium.quantities.context.annotate` (kind, subject, period, modality), then gives each growth and
change its direction (`podium.quantities.direction`)."""

from __future__ import annotations

import bisect

from podium.model import Briefing, Quantity
from podium.stages import stage
from podium.quantities.direction import assign_directions
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
    if briefing.metadata.get("language") == "zh":
        # The Chinese readers and their tables are loaded only for a Chinese text.
        from podium.quantities.zh_context import chinese_quantities

        briefing.quantities = chinese_quantities(briefing)  # directions read on the normalised copy
        _normalise(briefing.quantities)
        return briefing
    quantities: list[Quantity] = []
    furniture = sorted((int(s), int(e)) for s, e in briefing.metadata.get("furniture") or ())
    if briefing.turns:
        # Prose the structure stage left outside every turn (a lede above the first label) is read
        # too, with no turn or speaker: its figures are the page's, not dropped.
        for start, end in briefing.metadata.get("outside_turns") or ():
            quantities.extend(find_mentions(briefing.text, int(start), int(end), furniture=_spans_within(furniture, int(start), int(end))))
        for turn in briefing.turns:
            spans = _spans_within(furniture, turn.body_start, turn.end)
            for qty in find_mentions(briefing.text, turn.body_start, turn.end, furniture=spans):
                qty.turn, qty.speaker = turn.id, turn.speaker
                quantities.append(qty)
    else:
        body_start = int(briefing.metadata.get("body_start") or 0)
        quantities = find_mentions(briefing.text, body_start, len(briefing.text))
    # Imported here: the context modules import this package's submodules in turn.
    from podium.quantities.context import annotate
    from podium.quantities.currency import localise_dollars
    from podium.quantities.listener import inherit_money_units, inherit_rate_units

    localise_dollars(briefing.text, quantities)
    inherit_rate_units(briefing.text, quantities)
    inherit_money_units(briefing.text, quantities)
    annotate(briefing, quantities)
    assign_directions(briefing.text, quantities, "en")
    _normalise(quantities)
    briefing.quantities = quantities
    return briefing


def _spans_within(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The sorted, disjoint `spans` that overlap [start, end): found by bisection, so a transcript
    of many turns and many page lines costs no more than the two counts added."""
    first = bisect.bisect_right(spans, (start, start))
    if first and spans[first - 1][1] > start:
        first -= 1
    found = []
    for at in range(first, len(spans)):
        if spans[at][0] >= end:
            break
        if spans[at][1] > start:
            found.append(spans[at])
    return found


def _normalise(quantities: list[Quantity]) -> None:
    for qty in quantities:
        normal = normalize(qty.value, qty.unit)
        if normal is not None:
            qty.normalized_value, qty.normalized_unit = normal
