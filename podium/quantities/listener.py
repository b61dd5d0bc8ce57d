"""Units a speaker leaves to the listener: a bare number in a run of percentages takes their unit,
and a level an index moved to takes the points its move was stated in.

"we forecast 6½ percent ..., so 4½ , 2½ , 6½" and "bringing inflation down to 2 ." state no unit
after the number; a listener hears the percent of the figures just said. Only a number that ends
its clause (a comma, a full stop or a semicolon right after it, no noun it could count) and
follows a percentage in the same stretch of speech is read so; a counted noun keeps it a count."""

from __future__ import annotations

import re

from podium.model import Quantity
from podium.quantities import words

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
# "rose 64.06 points to 4,577.10", "ended down 1% at 1,463.78 points, while the other lost 1.1% to
# end at 1,334.20": the level a move in points reaches, said right after "to" or "at".
_LEVEL_BEFORE = re.compile(r"\b(?:to|at)\s+$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def inherit_rate_units(text: str, quantities: list[Quantity]) -> None:
    last_rate: Quantity | None = None
    last_points: Quantity | None = None
    for qty in sorted(quantities, key=lambda q: q.start):
        if qty.unit in RATE_UNITS:
            last_rate = qty
            continue
        if qty.unit == "point":
            last_points = qty
        if qty.unit != "count" or not _BARE_NUMBER.match(qty.text) or not _ENDS_CLAUSE.match(text, qty.end):
            continue
        if last_rate is not None and _heard_in(text, last_rate, qty):
            qty.unit = last_rate.unit
            last_rate = qty
        elif last_points is not None and _level_in_points(text, last_points, qty):
            qty.unit = "point"


def _heard_in(text: str, last_rate: Quantity, qty: Quantity) -> bool:
    between = text[last_rate.end : qty.start]
    if _PARAGRAPH_BREAK.search(between):
        return False
    return _continues_list(between) or _heard_as_rate(qty, between)


def _level_in_points(text: str, last_points: Quantity, qty: Quantity) -> bool:
    between = text[last_points.end : qty.start]
    if len(between) > REACH or _SENTENCE_END.search(between) or _PARAGRAPH_BREAK.search(between):
        return False
    return _LEVEL_BEFORE.search(text, max(0, qty.start - 8), qty.start) is not None


def _continues_list(between: str) -> bool:
    return all(word.lower() in LIST_JOINERS for word in between.replace(",", " ").replace(";", " ").split())


def _heard_as_rate(qty: Quantity, between: str) -> bool:
    return len(between) <= REACH and abs(qty.value) <= LARGEST_RATE and not _COUNTED.search(between)


# "The budget request includes 58.8 billion for the State Department ... This is a $718 million
# increase": a sum said with its scale and no currency, allotted "for" something, is heard in the
# currency of a money figure said in the same sentence or the one next to it.
_SCALED_SUM = re.compile(r"^[\d.,]+[ \t]+(?:million|billion|trillion)$", re.IGNORECASE)
_ALLOTTED_AFTER = re.compile(r"[ \t]+for\b", re.IGNORECASE)
MONEY_REACH = 320


def inherit_money_units(text: str, quantities: list[Quantity]) -> None:
    currencies = frozenset(words.load().currency_prefixes)
    money = [q for q in quantities if q.unit in currencies]
    if not money:
        return
    for qty in quantities:
        if qty.unit != "count" or not _SCALED_SUM.match(qty.text) or not _ALLOTTED_AFTER.match(text, qty.end):
            continue
        near = [m for m in money if _next_to(text, qty, m)]
        if near:
            qty.unit = min(near, key=lambda m: abs(m.start - qty.start)).unit


def sentence_ends_between(text: str, qty: Quantity, other: Quantity) -> int | None:
    """How many sentence ends stand between two figures that do not overlap; None if they do."""
    lo, hi = (qty.end, other.start) if qty.end <= other.start else (other.end, qty.start)
    return len(_SENTENCE_END.findall(text, lo, hi)) if lo <= hi else None


def _next_to(text: str, qty: Quantity, other: Quantity) -> bool:
    """Whether `other` is in the sentence of `qty` or the one just before or after it."""
    ends = sentence_ends_between(text, qty, other)
    if ends is None or ends > 1 or abs(other.start - qty.start) > MONEY_REACH:
        return False
    lo, hi = sorted((qty.start, other.start))
    return not _PARAGRAPH_BREAK.search(text, lo, hi)
