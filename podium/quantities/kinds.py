"""The kind of a figure (level, change, growth, share, rank, ratio, duration) from its unit and
the words around it; the cue words are in podium/data/kinds_en.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from podium.model import Kind

DATA_FILE = "kinds_en.yaml"
_QUALIFIERS = (
    r"(?:(?:more|less|fewer)\s+than|over|above|under|below|about|around|approximately|roughly|nearly|"
    r"almost|some|at\s+least|at\s+most|up\s+to|no\s+(?:less|more)\s+than|close\s+to|as\s+much\s+as|"
    r"a\s+total\s+of|only|just|by|to|of|at|a|an|the|further|another|respectively|and|\(|,)"
)


@dataclass(frozen=True)
class KindPatterns:
    unit_kinds: dict[str, Kind]
    movement_before: re.Pattern[str]
    movement_by: re.Pattern[str]
    movement_to: re.Pattern[str]
    movement_after: re.Pattern[str]
    movement_subject: re.Pattern[str]
    share_before: re.Pattern[str]
    share_of_after: re.Pattern[str]
    ratio_word: re.Pattern[str]
    per_before: re.Pattern[str]
    per_after: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(str(w)).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def patterns() -> KindPatterns:
    raw: dict[str, Any] = yaml.safe_load(resources.files("podium").joinpath("data", DATA_FILE).read_text(encoding="utf-8"))
    movement = _alternation(raw["movement_words"])
    tail = rf"(?:\s+{_QUALIFIERS})*\s*$"
    return KindPatterns(
        unit_kinds={str(k): v for k, v in raw["unit_kinds"].items()},
        # The movement word must be the last word before the figure, bar qualifiers and "by".
        movement_before=re.compile(rf"\b(?:{movement}){tail}", re.IGNORECASE),
        # "increased to 68,600" states the level reached, not the change.
        # "increase grain output by at least 2 billion jin": the verb, its object, then "by".
        movement_by=re.compile(rf"\b(?:{movement})\b(?:\s+[\w'’-]+){{1,5}}?\s+by(?:\s+{_QUALIFIERS})*\s*$", re.IGNORECASE),
        movement_to=re.compile(rf"\b(?:{movement})(?:\s+\w+){{0,2}}\s+to(?:\s+{_QUALIFIERS})*\s*$", re.IGNORECASE),
        movement_after=re.compile(rf"^\s*(?:\)\s*)?,?\s*(?:{_alternation(raw['movement_after'])})\b", re.IGNORECASE),
        movement_subject=re.compile(rf"\b(?:{_alternation(['increase', 'increases', 'growth', 'rise', 'decrease', 'decline', 'drop', 'reduction', 'change', 'gain'])})\s+(?:in|of)\b", re.IGNORECASE),
        share_before=re.compile(rf"\b(?:{_alternation(raw['share_words'])})(?:\s+{_QUALIFIERS})*\s*$", re.IGNORECASE),
        share_of_after=re.compile(r"^\s*(?:\)\s*)?of\b", re.IGNORECASE),
        ratio_word=re.compile(rf"\b(?:{_alternation(raw['ratio_words'])})s?\b", re.IGNORECASE),
        per_before=re.compile(rf"\b(?:{_alternation(raw['per_before'])})(?:\s+{_QUALIFIERS})*\s*$", re.IGNORECASE),
        per_after=re.compile(rf"^\s*(?:\w+\s+){{0,3}}?(?:{_alternation(raw['per_after'])})\b|^\s*/", re.IGNORECASE),
    )


def classify_kind(unit: str, before: str, after: str, *, fraction: bool = False) -> Kind:
    """The kind of a figure of `unit`, given the clause text `before` it and the text `after` it.

    `before` should start at the clause the figure stands in, so cues from other clauses do not
    leak in; `fraction` marks a figure written as a fraction word ("one-fifth")."""
    p = patterns()
    if unit in p.unit_kinds and not (unit == "times" and p.per_before.search(before)):
        return p.unit_kinds[unit]
    if p.per_before.search(before) or _per_in_phrase(before) or (unit != "%" and p.per_after.search(after[:40])):
        return "ratio"
    if unit == "%":
        return _percent_kind(before, after, fraction=fraction)
    if p.movement_to.search(before):
        return "level"
    if _moves(before) or p.movement_subject.search(_last_segment(before)):
        return "change"
    return "level"


_PER_WORD = re.compile(r"\bper\b", re.IGNORECASE)


def _moves(before: str) -> bool:
    p = patterns()
    tail = before[-90:]  # cues sit right before the figure; a short tail keeps the search cheap
    return bool(p.movement_before.search(tail) or p.movement_by.search(tail))


def _last_segment(before: str) -> str:
    return before[before.rfind(",") + 1 :]


def _per_in_phrase(before: str) -> bool:
    # "with a per unit area output of 1,000 jin": the per-unit noun phrase right before the figure.
    return bool(_PER_WORD.search(_last_segment(before)))


def _percent_kind(before: str, after: str, *, fraction: bool) -> Kind:
    p = patterns()
    if p.share_before.search(before):
        return "share"
    if p.movement_to.search(before):
        return "ratio" if p.ratio_word.search(before) else "share"
    if _moves(before) or p.movement_after.search(after):
        return "growth"
    if p.share_of_after.search(after) or fraction:
        return "share"
    if p.ratio_word.search(before):
        return "ratio"
    if p.movement_subject.search(_last_segment(before)):
        return "growth"
    return "ratio"
