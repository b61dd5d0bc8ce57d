"""Which way a growth or a change went: `direction` "up" or "down" (None where the text does not
say), for English and Chinese alike. The value stays unsigned as stated: "fell 3%" is 3, down.

One reading, used by the quantities stage (every growth and change figure gets its direction) and
by the alignment of two language versions (a figure turned round in translation). Words are data
(podium/data/direction.yaml)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from podium.model import Direction, Quantity
from podium.wordtables import read_table

DIRECTED_KINDS = frozenset({"growth", "change"})
# A clause ends at punctuation or at another number: a word beyond it describes another figure.
CLAUSE_END = re.compile(r"[,.;:!?，。；：！？、\d０-９]")
WORD = re.compile(r"[^\W\d_]+")
CLAUSE_REACH = 200  # characters looked back for the start of a figure's clause
AFTER_REACH = 12  # characters read after a figure for a word such as "decline"
WAYS: tuple[Direction, Direction] = ("up", "down")


@lru_cache(maxsize=None)
def direction_words(lang: str) -> dict[str, Any]:
    return dict(read_table("direction.yaml").get(lang) or {})


@lru_cache(maxsize=1)
def _respectively() -> tuple[str, ...]:
    """Words that open a list continuing the clause before (kinds_zh.yaml, read by the kinds too)."""
    return tuple(str(w) for w in read_table("kinds_zh.yaml")["respectively"])


def clause_before(text: str, start: int) -> str:
    """The text of a figure's own clause before it."""
    before = text[max(0, start - CLAUSE_REACH) : start]
    return before[max((m.end() for m in CLAUSE_END.finditer(before)), default=0) :]


def stated_direction(text: str, start: int, end: int, lang: str) -> Direction | None:
    """"up" or "down" as the words around the figure at text[start:end] say, whatever its kind;
    None where none does."""
    words = direction_words(lang)
    if not words:
        return None
    own = text[start:end].lower()
    way = next((w for w in WAYS for word in words["within"][w] if word in own), None)
    if way:
        return way
    clause = clause_before(text, start)
    if lang == "zh":
        if clause.lstrip().startswith(_respectively()) and len(clause) < start:
            # "降幅有所收窄,分别为32.7%": a list opened by 分别 is the clause before's.
            opened = start - len(clause) - 1
            clause = clause_before(text, opened) + text[opened] + clause
        way = _zh_way(clause[-int(words["reach"]) :], words)
    else:
        way = _en_way(clause, words)
    return way or _way_after(text[end : end + AFTER_REACH], lang, words)


def _en_way(clause: str, words: dict[str, Any]) -> Direction | None:
    tokens = [w.lower() for w in WORD.findall(clause)]
    near = tokens[-int(words["reach"]) :]
    for at in range(len(near) - 1, -1, -1):
        token = near[at]
        if token in words["links"]:
            # "growth slowed to 3%": the verb moves the level; the noun names what the figure is.
            return _first_in(reversed(tokens[: len(tokens) - len(near) + at]), words["nouns"])
        for way in WAYS:
            if token in words["before"][way]:
                return way
    return None


def _zh_way(clause: str, words: dict[str, Any]) -> Direction | None:
    if clause.endswith(tuple(words["links"])):
        # "增速回落至": the verb moves the level; the noun before it names what the figure is.
        return _last_ending(clause[:-1], words["nouns"])
    return _last_ending(clause, words["before"])


def _last_ending(text: str, table: dict[str, list[str]]) -> Direction | None:
    """The way of the word of `table` that ends nearest the end of `text` (the longest there)."""
    for at in range(len(text), 0, -1):
        way = _ending(text[:at], table)
        if way:
            return way
    return None


def _ending(head: str, table: dict[str, list[str]]) -> Direction | None:
    """The way of the longest word of `table` that `head` ends with."""
    found = [(len(w), way) for way in WAYS for w in table[way] if head.endswith(w)]
    return max(found)[1] if found else None


def _starting(after: str, table: dict[str, list[str]]) -> Direction | None:
    """The way of the longest word of `table` that `after` starts with."""
    found = [(len(w), way) for way in WAYS for w in table[way] if after.startswith(w)]
    return max(found)[1] if found else None


def _first_in(tokens: Iterable[str], table: dict[str, list[str]]) -> Direction | None:
    for token in tokens:
        for way in WAYS:
            if token in table[way]:
                return way
    return None


def _way_after(after: str, lang: str, words: dict[str, Any]) -> Direction | None:
    if lang == "zh":
        return _starting(after, words["after"])
    tokens = [w.lower() for w in WORD.findall(after)][:2]
    return _first_in(tokens, words["after"])


def direction_at(text: str, start: int, end: int, *, kind: str, value: float, lang: str) -> Direction | None:
    """The direction of a figure of `kind` stated at text[start:end]: a negative value went
    down, else the words around it decide; None for kinds other than growth and change. A Chinese
    text is read on its normalised copy (podium/zh.py), so 增長 reads as 增长."""
    if kind not in DIRECTED_KINDS:
        return None
    if value < 0:
        return "down"
    return stated_direction(text, start, end, lang)


def assign_directions(text: str, quantities: Iterable[Quantity], lang: str) -> None:
    """Set `direction` on every quantity of `text` in place (None where it has none)."""
    found = sorted(quantities, key=lambda q: q.start)
    for qty in found:
        qty.direction = direction_at(text, qty.start, qty.end, kind=qty.kind, value=qty.value, lang=lang)
    carry_directions(text, found, lang)


def carry_directions(text: str, quantities: Sequence[Quantity], lang: str) -> None:
    """A growth or change with no direction of its own, listed after one of the same kind ("rose
    57% and 45.9%", "分别增长6.1%、4.8%") or restating it in brackets, goes the same way.
    `quantities` in text order."""
    gap = _carried_by(lang)
    if gap is None:
        return
    for before, qty in zip(quantities, quantities[1:]):
        if qty.direction is None and before.direction and before.kind == qty.kind in DIRECTED_KINDS:
            if before.end <= qty.start and gap.fullmatch(text, before.end, qty.start):
                qty.direction = before.direction


@lru_cache(maxsize=None)
def _carried_by(lang: str) -> re.Pattern[str] | None:
    pattern = direction_words(lang).get("carried_by")
    return re.compile(str(pattern), re.IGNORECASE) if pattern else None
