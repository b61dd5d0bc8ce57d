"""The loader for podium/data/structure_*.yaml: the only code that knows the file's layout."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from podium.wordtables import lowered, read_table

DATA_FILE = "structure_en.yaml"


@dataclass(frozen=True)
class Words:
    """Every word table the structure stage uses, lower-cased where matching ignores case."""

    header_keys: dict[str, tuple[str, ...]]
    honorifics: tuple[str, ...]
    office_words: frozenset[str]
    question_labels: frozenset[str]
    answer_labels: frozenset[str]
    outlet_words: frozenset[str]
    name_joiners: frozenset[str]
    not_labels: frozenset[str]
    host_cues: tuple[str, ...]
    floor_open_cues: tuple[str, ...]
    hand_on_cues: tuple[str, ...]
    add_cues: tuple[str, ...]
    closing_cues: tuple[str, ...]
    lede_cues: tuple[str, ...]
    title_cues: tuple[str, ...]
    furniture_lines: tuple[str, ...]
    furniture_tokens: tuple[str, ...]
    future_year_words: frozenset[str]
    target_phrases: tuple[str, ...]
    ordinals: dict[str, int]
    months: dict[str, int]
    publication_cues: tuple[str, ...]
    upcoming_cues: tuple[str, ...]
    time_words: tuple[str, ...]
    region_kinds: tuple[str, ...]
    body_kinds: tuple[str, ...]
    host_offices: tuple[str, ...]
    regular_briefing_cues: tuple[str, ...]
    self_introduction_cues: tuple[str, ...]
    floor_cues: tuple[str, ...]
    courtesy_cues: tuple[str, ...]
    speech_heading_cues: tuple[str, ...]
    addressing_words: frozenset[str]
    event_words: tuple[str, ...]
    qa_page_cues: tuple[str, ...]
    question_openers: tuple[str, ...]
    composed_title: dict[str, str]




@lru_cache(maxsize=1)
def load() -> Words:
    data = read_table(DATA_FILE)
    return Words(
        header_keys={key: tuple(str(v) for v in values) for key, values in data["header_keys"].items()},
        honorifics=tuple(str(v) for v in data["honorifics"]),
        office_words=frozenset(lowered(data["office_words"])),
        question_labels=frozenset(lowered(data["question_labels"])),
        answer_labels=frozenset(lowered(data["answer_labels"])),
        outlet_words=frozenset(lowered(data["outlet_words"])),
        name_joiners=frozenset(lowered(data["name_joiners"])),
        not_labels=frozenset(lowered(data["not_labels"])),
        host_cues=lowered(data["host_cues"]),
        floor_open_cues=lowered(data["floor_open_cues"]),
        hand_on_cues=lowered(data["hand_on_cues"]),
        add_cues=lowered(data["add_cues"]),
        closing_cues=lowered(data["closing_cues"]),
        lede_cues=lowered(data["lede_cues"]),
        title_cues=lowered(data["title_cues"]),
        furniture_lines=lowered(data["furniture_lines"]),
        furniture_tokens=tuple(str(v) for v in data["furniture_tokens"]),
        future_year_words=frozenset(lowered(data["future_year_words"])),
        target_phrases=lowered(data["target_phrases"]),
        ordinals={str(k).lower(): int(v) for k, v in data["ordinals"].items()},
        months={str(k).lower(): int(v) for k, v in data["months"].items()},
        publication_cues=lowered(data["publication_cues"]),
        upcoming_cues=lowered(data["upcoming_cues"]),
        time_words=lowered(data["time_words"]),
        region_kinds=lowered(data["region_kinds"]),
        body_kinds=lowered(data["body_kinds"]),
        host_offices=lowered(data["host_offices"]),
        regular_briefing_cues=lowered(data["regular_briefing_cues"]),
        self_introduction_cues=lowered(data["self_introduction_cues"]),
        floor_cues=lowered(data["floor_cues"]),
        courtesy_cues=lowered(data["courtesy_cues"]),
        speech_heading_cues=lowered(data["speech_heading_cues"]),
        addressing_words=frozenset(lowered(data["addressing_words"])),
        event_words=lowered(data["event_words"]),
        qa_page_cues=lowered(data["qa_page_cues"]),
        question_openers=lowered(data["question_openers"]),
        composed_title={str(k): str(v) for k, v in data["composed_title"].items()},
    )
