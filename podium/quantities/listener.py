"""Units a speaker leaves to the listener: a bare number in a run of percentages takes their unit.

"we forecast 6½ percent ..., so 4½ , 2½ , 6½" and "bringing inflation down to 2 ." state no unit
after the number; a listener hears the percent of the figures just said. Only a number that ends
its clause (a comma, a full stop or a semicolon right after it, no noun it could count) and
follows a percentage in the same stretch of speech is read so; a counted noun keeps it a count."""

from __future__ import annotations

import re

from podium.model import Quantity

# The units a run of rates is spoken in; a bare number after one of them is heard in it.
RATE_UNITS = frozenset({"%", "pp"})
# How far back (characters) a percentage still sets the unit of a bare number that does not
# continue a list of them; a rate in percent is rarely above LARGEST_RATE, a count often is.
REACH = 160
LARGEST_RATE = 100.0
_BARE_NUMBER = re.compile(r"^[\d.,½¼¾]+$")
_ENDS_CLAUSE = re.compile(r"\s*(?:[,;]|\.(?!\d)|$|(?:and|or)\b)")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# "6.1%, 4.8 and 3.2": nothing but list joiners between the figures.
LIST_JOINERS = frozenset({"and", "or", "so", "then"})
# "the number of trucks ... rose to 68,600": a counted noun named before the number.
_COUNTED = re.compile(r"\bnumber\b", re.IGNORECASE)


def inherit_rate_units(text: str, quantities: list[Quantity]) -> None:
    last_rate: Quantity | None = None
    for qty in sorted(quantities, key=lambda q: q.start):
        if qty.unit in RATE_UNITS:
            last_rate = qty
            continue
        if last_rate is None or qty.unit != "count" or not _BARE_NUMBER.match(qty.text):
            continue
        between = text[last_rate.end : qty.start]
        if not _ENDS_CLAUSE.match(text, qty.end) or _PARAGRAPH_BREAK.search(between):
            continue
        if _continues_list(between) or _heard_as_rate(qty, between):
            qty.unit = last_rate.unit
            last_rate = qty


def _continues_list(between: str) -> bool:
    return all(word.lower() in LIST_JOINERS for word in between.replace(",", " ").replace(";", " ").split())


def _heard_as_rate(qty: Quantity, between: str) -> bool:
    return len(between) <= REACH and abs(qty.value) <= LARGEST_RATE and not _COUNTED.search(between)
