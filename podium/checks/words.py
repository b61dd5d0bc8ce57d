"""The loader for podium/data/checks_en.yaml: the only code that knows the file's layout."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from podium.wordtables import lowered, read_table

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
    parts_exhaustive: tuple[str, ...]
    parts_partial: tuple[str, ...]
    enumeration_openers: tuple[str, ...]
    enumeration_breakers: frozenset[str]
    enumeration_item_breakers: frozenset[str]
    number_words: dict[str, int]
    span_cues: tuple[str, ...]
    list_verbs: frozenset[str]
    undertaking_verbs: tuple[str, ...]
    deadline_relative: dict[str, int]
    deadline_quarters: dict[str, int]
    future_cues: tuple[str, ...]
    deadline_prefixes: tuple[str, ...]
    per_unit_words: dict[str, str]
    part_cues_after: tuple[str, ...]
    part_cues_before: tuple[str, ...]
    connective_words: frozenset[str]
    neutral_words: frozenset[str]


@lru_cache(maxsize=1)
def load() -> Words:
    data = read_table(DATA_FILE)
    return Words(
        hedges=lowered(data["hedges"]),
        restatement_joiners=lowered(data["restatement_joiners"]),
        approx_widening=float(data["approx_widening"]),
        round_number_cap=float(data["round_number_cap"]),
        subject_synonyms={str(k).lower(): str(v).lower() for k, v in data["subject_synonyms"].items()},
        subject_stopwords=frozenset(lowered(data["subject_stopwords"])),
        subject_locatives=lowered(data["subject_locatives"]),
        subject_markers=lowered(data["subject_markers"]),
        per_unit_cues=lowered(data["per_unit_cues"]),
        area_units=frozenset(str(u) for u in data["area_units"]),
        decrease_cues=frozenset(lowered(data["decrease_cues"])),
        parts_exhaustive=lowered(data["parts_exhaustive"]),
        parts_partial=lowered(data["parts_partial"]),
        enumeration_openers=tuple(str(o).lower() for o in data["enumeration_openers"]),
        enumeration_breakers=frozenset(lowered(data["enumeration_breakers"])),
        enumeration_item_breakers=frozenset(lowered(data["enumeration_item_breakers"])),
        number_words={str(k).lower(): int(v) for k, v in data["number_words"].items()},
        span_cues=lowered(data["span_cues"]),
        list_verbs=frozenset(lowered(data["list_verbs"])),
        undertaking_verbs=lowered(data["undertaking_verbs"]),
        deadline_relative={str(k).lower(): int(v) for k, v in data["deadline_relative"].items()},
        deadline_quarters={str(k).lower(): int(v) for k, v in data["deadline_quarters"].items()},
        future_cues=lowered(data["future_cues"]),
        deadline_prefixes=lowered(data["deadline_prefixes"]),
        per_unit_words={str(k).lower(): str(v) for k, v in data["per_unit_words"].items()},
        part_cues_after=lowered(data["part_cues_after"]),
        part_cues_before=lowered(data["part_cues_before"]),
        connective_words=frozenset(lowered(data["connective_words"])),
        neutral_words=frozenset(lowered(data["neutral_words"])),
    )
