"""Which dollar a bare "$" is: the briefing's own country's, read once over the whole text.

A "$" with no country mark ("US$", "A$") states no country; a listener takes the country the
speaker talks about. The country names per dollar live in podium/data/quantities_en.yaml
(`local_dollar_names`)."""

from __future__ import annotations

import re
from functools import lru_cache

from podium import scan
from podium.model import Quantity
from podium.quantities import words
from podium.quantities.listener import sentence_ends_between

BARE_DOLLAR = "$"
DEFAULT_DOLLAR = "USD"


@lru_cache(maxsize=1)
def _country_names() -> re.Pattern[str]:
    names = words.load().local_dollar_names
    groups = "|".join(f"(?P<{unit}>{scan.trie(_with_caption_case(found), space=r' ')})" for unit, found in names.items())
    return re.compile(rf"(?<![\w.])(?:{groups})(?![\w])")


def _with_caption_case(names: tuple[str, ...]) -> set[str]:
    """The names as written and, but for bare capitals ("US" is also "us"), in lower case: automatic
    captions lower-case proper names ("canada", "u.s.")."""
    found = set(names)
    found.update(name.lower() for name in names if not name.isalpha() or not name.isupper())
    return found


def local_dollar(text: str) -> str:
    """The unit id of a bare "$" in this text: the other dollar whose country is named most, if named
    often enough and at least as often as the United States. A speaker abroad names the United States
    often; an American one seldom names another dollar's country as often."""
    counts: dict[str, int] = {}
    for found in _country_names().finditer(text):
        if found.lastgroup:
            counts[found.lastgroup] = counts.get(found.lastgroup, 0) + 1
    local = {unit: count for unit, count in counts.items() if unit != DEFAULT_DOLLAR}
    if not local:
        return DEFAULT_DOLLAR
    best = max(local, key=lambda unit: local[unit])
    if local[best] < words.load().local_dollar_min_names or local[best] < counts.get(DEFAULT_DOLLAR, 0):
        return DEFAULT_DOLLAR
    return best


_PLAIN_PRICE = re.compile(r"\$\s?[\d,.]+")


@lru_cache(maxsize=1)
def _world_priced() -> re.Pattern[str]:
    units = scan.trie(set(words.load().world_priced_units), space=r"\s+")
    return re.compile(rf"\s+(?:a|an|per)\s+(?:{units})(?![\w])", re.IGNORECASE)


def _world_prices(text: str, bare: list[Quantity]) -> set[int]:
    """The bare "$" figures that are world market prices: priced per a traded unit ("$60 a tonne"),
    or a plain price ("$63", no scale word) in the same sentence as one."""
    priced = [q for q in bare if _world_priced().match(text, q.end)]
    found = {id(q) for q in priced}
    for qty in bare:
        if id(qty) in found or not _PLAIN_PRICE.fullmatch(qty.text):
            continue
        for other in priced:
            if sentence_ends_between(text, qty, other) == 0:
                found.add(id(qty))
                break
    return found


# "billions of dollars", "5 million dollars": the plain word, no country said before it.
_BARE_DOLLAR_WORD = re.compile(r"(?<![\w.$])(?<!US )(?<!U\.S\. )(?<!American )dollars?$", re.IGNORECASE)


def _bare(qty: Quantity) -> bool:
    """Whether the figure names the dollar without its country: "$5", "billions of dollars"."""
    if qty.unit != DEFAULT_DOLLAR:
        return False
    return qty.text.startswith(BARE_DOLLAR) or _BARE_DOLLAR_WORD.search(qty.text) is not None


def localise_dollars(text: str, quantities: list[Quantity]) -> None:
    """Give every figure written with a bare "$" or the plain word "dollars" the briefing's own
    dollar, but a world market price (`world_priced_units`), which stays the US dollar."""
    bare = [q for q in quantities if _bare(q)]
    if not bare:
        return
    unit = local_dollar(text)
    if unit != DEFAULT_DOLLAR:
        world = _world_prices(text, bare)
        for qty in bare:
            if id(qty) not in world:
                qty.unit = unit
