"""The loader for podium/data/checks_en.yaml: the only code that knows the file's layout."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from podium.errors import PodiumError

DATA_FILE = "checks_en.yaml"


@dataclass(frozen=True)
class Words:
    """Every word table the checks use, lower-cased (matching ignores case)."""

    hedges: tuple[str, ...]
    restatement_joiners: tuple[str, ...]
    approx_widening: float
    round_number_cap: float
    subject_synonyms: dict[str, str]
    subject_stopwords: frozenset[str]
    subject_locatives: tuple[str, ...]
    subject_markers: tuple[str, ...]
    per_unit_cues: tuple[str, ...]
    area_units: frozenset[str]
    decrease_cues: frozenset[str]
    increase_cues: frozenset[str]
    parts_exhaustive: tuple[str, ...]
    parts_partial: tuple[str, ...]
    total_cues: tuple[str, ...]
    enumeration_openers: tuple[str, ...]
    enumeration_breakers: frozenset[str]
    enumeration_item_breakers: frozenset[str]
    number_words: dict[str, int]
    span_cues: tuple[str, ...]
    list_verbs: frozenset[str]
    threshold_cues: tuple[str, ...]
    undertaking_verbs: tuple[str, ...]
    deadline_relative: dict[str, int]
    deadline_quarters: dict[str, int]
    future_cues: tuple[str, ...]
    deadline_prefixes: tuple[str, ...]
    fallback_units: dict[str, tuple[str, float]]
    per_unit_words: dict[str, str]
    part_cues_after: tuple[str, ...]
    part_cues_before: tuple[str, ...]
    connective_words: frozenset[str]
    neutral_words: frozenset[str]


def _lower(items: list[Any]) -> tuple[str, ...]:
    return tuple(str(item).lower() for item in items)


def _read() -> dict[str, Any]:
    try:
        raw = resources.files("podium").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
        return yaml.safe_load(raw)
    except (OSError, yaml.YAMLError) as exc:
        raise PodiumError("E005", f"cannot load the word table: {exc}", DATA_FILE) from None


@lru_cache(maxsize=1)
def load() -> Words:
    data = _read()
    return Words(
        hedges=_lower(data["hedges"]),
        restatement_joiners=_lower(data["restatement_joiners"]),
        approx_widening=float(data["approx_widening"]),
        round_number_cap=float(data["round_number_cap"]),
        subject_synonyms={str(k).lower(): str(v).lower() for k, v in data["subject_synonyms"].items()},
        subject_stopwords=frozenset(_lower(data["subject_stopwords"])),
        subject_locatives=_lower(data["subject_locatives"]),
        subject_markers=_lower(data["subject_markers"]),
        per_unit_cues=_lower(data["per_unit_cues"]),
        area_units=frozenset(str(u) for u in data["area_units"]),
        decrease_cues=frozenset(_lower(data["decrease_cues"])),
        increase_cues=frozenset(_lower(data["increase_cues"])),
        parts_exhaustive=_lower(data["parts_exhaustive"]),
        parts_partial=_lower(data["parts_partial"]),
        total_cues=_lower(data["total_cues"]),
        enumeration_openers=tuple(str(o).lower() for o in data["enumeration_openers"]),
        enumeration_breakers=frozenset(_lower(data["enumeration_breakers"])),
        enumeration_item_breakers=frozenset(_lower(data["enumeration_item_breakers"])),
        number_words={str(k).lower(): int(v) for k, v in data["number_words"].items()},
        span_cues=_lower(data["span_cues"]),
        list_verbs=frozenset(_lower(data["list_verbs"])),
        threshold_cues=_lower(data["threshold_cues"]),
        undertaking_verbs=_lower(data["undertaking_verbs"]),
        deadline_relative={str(k).lower(): int(v) for k, v in data["deadline_relative"].items()},
        deadline_quarters={str(k).lower(): int(v) for k, v in data["deadline_quarters"].items()},
        future_cues=_lower(data["future_cues"]),
        deadline_prefixes=_lower(data["deadline_prefixes"]),
        per_unit_words={str(k).lower(): str(v) for k, v in data["per_unit_words"].items()},
        part_cues_after=_lower(data["part_cues_after"]),
        part_cues_before=_lower(data["part_cues_before"]),
        connective_words=frozenset(_lower(data["connective_words"])),
        neutral_words=frozenset(_lower(data["neutral_words"])),
        fallback_units={str(k): (str(v[0]), float(v[1])) for k, v in data["fallback_units"].items()},
    )
