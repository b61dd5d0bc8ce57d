"""The loader for podium/data/quantities_en.yaml: the only code that knows the file's layout."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from podium.wordtables import lowered, read_table

DATA_FILE = "quantities_en.yaml"


@dataclass(frozen=True)
class Words:
    """Every word table quantity extraction uses; keys lower-cased where matching ignores case."""

    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, float]
    scale_abbreviations: dict[str, float]
    vulgar_fractions: dict[str, float]
    denominators: dict[str, int]
    ordinals: dict[str, int]
    rank_verbs: tuple[str, ...]
    rank_fillers: tuple[str, ...]
    rank_places: tuple[str, ...]
    rank_superlatives: tuple[str, ...]
    capitalised_not_names: frozenset[str]
    year_qualified_nouns: frozenset[str]
    year_words_before: frozenset[str]
    irregular_plurals: frozenset[str]
    not_plurals: frozenset[str]
    multiples: dict[str, float]
    verb_multiples: dict[str, float]
    verb_multiple_before: tuple[str, ...]
    verb_multiple_after: tuple[str, ...]
    vague_plurals: dict[str, float]
    qualifiers_before: dict[str, tuple[str, ...]]
    qualifiers_after: dict[str, tuple[str, ...]]
    range_joiners: tuple[str, ...]
    minus_words: tuple[str, ...]
    range_verbs: tuple[str, ...]
    name_heads: tuple[str, ...]
    street_words: tuple[str, ...]
    months: tuple[str, ...]
    one_pronoun_after: tuple[str, ...]
    one_pronoun_before: tuple[str, ...]
    furniture_lines: tuple[str, ...]
    unit_words: dict[str, tuple[str, ...]]
    unit_word_sizes: dict[str, float]
    unit_symbols: dict[str, tuple[str, ...]]
    glued_letter_symbols: tuple[str, ...]
    currency_prefixes: dict[str, tuple[str, ...]]
    local_dollar_names: dict[str, tuple[str, ...]]
    local_dollar_min_names: int
    world_priced_units: tuple[str, ...]


def _lower_keys(table: dict[Any, Any]) -> dict[str, Any]:
    return {str(key).lower(): value for key, value in table.items()}


def _strings(items: list[Any]) -> tuple[str, ...]:
    return tuple(str(item) for item in items)


def _groups(table: dict[str, list[Any]], *, lower: bool) -> dict[str, tuple[str, ...]]:
    return {str(key): (lowered(items) if lower else _strings(items)) for key, items in table.items()}


@lru_cache(maxsize=1)
def load() -> Words:
    data = read_table(DATA_FILE)
    return Words(
        units=_lower_keys(data["units"]),
        tens=_lower_keys(data["tens"]),
        scales={k: float(v) for k, v in _lower_keys(data["scales"]).items()},
        scale_abbreviations={k: float(v) for k, v in _lower_keys(data["scale_abbreviations"]).items()},
        vulgar_fractions={str(k): float(v) for k, v in data["vulgar_fractions"].items()},
        denominators=_lower_keys(data["denominators"]),
        ordinals=_lower_keys(data["ordinals"]),
        rank_verbs=lowered(data["rank_verbs"]),
        rank_fillers=lowered(data["rank_fillers"]),
        rank_places=lowered(data["rank_places"]),
        rank_superlatives=lowered(data["rank_superlatives"]),
        capitalised_not_names=frozenset(lowered(data["capitalised_not_names"])),
        year_qualified_nouns=frozenset(lowered(data["year_qualified_nouns"])),
        year_words_before=frozenset(lowered(data["year_words_before"])),
        irregular_plurals=frozenset(lowered(data["irregular_plurals"])),
        not_plurals=frozenset(lowered(data["not_plurals"])),
        multiples={k: float(v) for k, v in _lower_keys(data["multiples"]).items()},
        verb_multiples={k: float(v) for k, v in _lower_keys(data["verb_multiples"]).items()},
        verb_multiple_before=lowered(data["verb_multiple_before"]),
        verb_multiple_after=lowered(data["verb_multiple_after"]),
        vague_plurals={k: float(v) for k, v in _lower_keys(data["vague_plurals"]).items()},
        qualifiers_before=_groups(data["qualifiers_before"], lower=True),
        qualifiers_after=_groups(data["qualifiers_after"], lower=True),
        range_joiners=_strings(data["range_joiners"]),
        minus_words=lowered(data["minus_words"]),
        range_verbs=lowered(data["range_verbs"]),
        name_heads=lowered(data["name_heads"]),
        street_words=_strings(data["street_words"]),
        months=lowered(data["months"]),
        one_pronoun_after=lowered(data["one_pronoun_after"]),
        one_pronoun_before=lowered(data["one_pronoun_before"]),
        furniture_lines=_strings(data["furniture_lines"]),
        unit_words=_groups(data["unit_words"], lower=False),
        unit_word_sizes={k: float(v) for k, v in _lower_keys(data["unit_word_sizes"]).items()},
        unit_symbols=_groups(data["unit_symbols"], lower=False),
        glued_letter_symbols=_strings(data["glued_letter_symbols"]),
        currency_prefixes=_groups(data["currency_prefixes"], lower=False),
        local_dollar_names=_groups(data["local_dollar_names"], lower=False),
        local_dollar_min_names=int(data["local_dollar_min_names"]),
        world_priced_units=lowered(data["world_priced_units"]),
    )


def unit_id_for(name: str) -> str | None:
    """The unit id a person means by `name`: an id as it is ("CNY", "%", "t"), else a word or
    symbol the tables give for one, in any case ("yuan", "percent", "US dollars"); None for
    neither. Ids match exactly first, so "t" stays the ton even where a word would differ."""
    words = load()
    if name in unit_ids():
        return name
    wanted = " ".join(name.split()).casefold()
    for table in (words.unit_words, words.unit_symbols, words.currency_prefixes):
        for unit, names in table.items():
            if wanted == unit.casefold() or any(wanted == n.casefold() for n in names):
                return unit
    return None


def unit_ids() -> frozenset[str]:
    """Every unit id the word tables can give a mention."""
    words = load()
    return frozenset(words.unit_words) | frozenset(words.unit_symbols) | frozenset(words.currency_prefixes)
