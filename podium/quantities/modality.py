"""Whether a figure happened (`actual`), is undertaken (`target`) or expected (`forecast`), from
the cue words before it in its clause; the cues are in podium/data/modality_en.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from podium.model import Modality

DATA_FILE = "modality_en.yaml"


@dataclass(frozen=True)
class ModalityPatterns:
    cue: re.Pattern[str]
    target_words: frozenset[str]
    actual: re.Pattern[str]
    not_cue: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(str(w)).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def patterns() -> ModalityPatterns:
    raw: dict[str, Any] = yaml.safe_load(resources.files("podium").joinpath("data", DATA_FILE).read_text(encoding="utf-8"))
    target = [str(w).lower() for w in raw["target"]]
    forecast = [str(w).lower() for w in raw["forecast"]]
    return ModalityPatterns(
        cue=re.compile(rf"\b(?:{_alternation(target + forecast)})\b", re.IGNORECASE),
        target_words=frozenset(" ".join(w.split()) for w in target),
        actual=re.compile(rf"\b(?:{_alternation(raw['actual'])})\b", re.IGNORECASE),
        not_cue=re.compile(rf"\b(?:{_alternation(raw['not_cues'])})\b", re.IGNORECASE),
    )


def classify_modality(before: str) -> Modality:
    """The modality set by the last cue in `before` (the clause text up to the figure), unless a
    past-tense verb stands between that cue and the figure."""
    p = patterns()
    text = p.not_cue.sub(" ", before)
    last = None
    for last in p.cue.finditer(text):
        pass
    if last is None:
        return "actual"
    if p.actual.search(text, last.end()):
        return "actual"
    cue = " ".join(last.group(0).lower().split())
    return "target" if cue in p.target_words else "forecast"
