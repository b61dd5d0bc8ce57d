"""The coverage stage: what podium could not read in a briefing, said as warnings rather than
dropped silently. Registered as "coverage.v1", after the quantities and before the checks.

- A text mostly in a script podium does not read yet (Russian, Japanese, say) yields few or no
  figures; the warning names the language and the share of letters in it. Chinese is read
  (podium/zh.py), so a Chinese text earns no warning; Chinese characters in a Japanese text do.
- A figure whose number is too large to hold (a run of hundreds of digits becomes infinity) is
  skipped, named in a warning, so no output carries a number JSON cannot write."""

from __future__ import annotations

import math

from podium.model import Briefing, Caveat, Quantity
from podium.stages import stage
from podium.scripts import letter_languages, read_languages

MOSTLY = 0.5  # share of letters in scripts podium does not read that earns the warning
SHOWN_FIGURES = 3  # skipped figures quoted in the warning
SHOWN_CHARS = 40


@stage("coverage.v1")
def run_coverage(briefing: Briefing) -> Briefing:
    language = unread_language(briefing.text[int(briefing.metadata.get("body_start") or 0) :])
    skipped = [qty for qty in briefing.quantities if not holds_numbers(qty)]
    if skipped:
        briefing.quantities = [qty for qty in briefing.quantities if holds_numbers(qty)]
        briefing.warnings.append(Caveat("figures", skipped_message(skipped)))
    if language is not None:
        name, share = language
        briefing.warnings.append(
            Caveat(
                "language",
                f"the text is mostly {name} ({share:.0%} of its letters), which podium does not read yet:"
                f" {len(briefing.quantities)} figure(s) found; speakers, figures and checks in it may be missing",
            )
        )
    return briefing


def unread_language(text: str) -> tuple[str, float] | None:
    """The language most of the text's letters are written in, and their share, when that is a
    script podium does not read; None for a text mostly in Latin letters."""
    counts = letter_languages(text)
    total = sum(counts.values())
    if not total or counts[""] >= total * MOSTLY:  # the common case: mostly Latin letters
        return None
    read = {name for name, rival in read_languages().items() if counts[rival] * 4 < counts[name]}
    unread = {name: count for name, count in counts.items() if name and name not in read}
    if not unread or sum(unread.values()) < total * MOSTLY:
        return None
    name = max(unread, key=lambda key: unread[key])
    return name, sum(unread.values()) / total


def holds_numbers(qty: Quantity) -> bool:
    numbers = (qty.value, qty.value_max, qty.normalized_value)
    return all(number is None or math.isfinite(number) for number in numbers)


def skipped_message(skipped: list[Quantity]) -> str:
    shown = ", ".join(repr(_shortened(qty.text)) for qty in skipped[:SHOWN_FIGURES])
    more = f" and {len(skipped) - SHOWN_FIGURES} more" if len(skipped) > SHOWN_FIGURES else ""
    return f"{len(skipped)} figure(s) skipped, their numbers too large to hold: {shown}{more}"


def _shortened(text: str) -> str:
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"
