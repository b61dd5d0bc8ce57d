"""Whether a figure happened (`actual`), is undertaken (`target`) or expected (`forecast`), from
the cue words before it in its clause; the cues are in podium/data/modality_en.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from podium.model import Modality
from podium import scan
from podium.wordtables import read_table

DATA_FILE = "modality_en.yaml"


@dataclass(frozen=True)
class ModalityWords:
    """Cue phrases as word tuples keyed by their first word, so finding cues is set lookups."""

    cues: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word -> (phrase, modality)
    actual: frozenset[tuple[str, ...]]
    actual_by_first: dict[str, tuple[tuple[str, ...], ...]]  # the actual phrases by their first word
    not_cues: dict[str, tuple[tuple[str, ...], ...]]
    goal_after: re.Pattern[str]


def _by_first_word(phrases: list[tuple[tuple[str, ...], str]]) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, label in sorted(phrases, key=lambda item: -len(item[0])):
        table.setdefault(phrase[0], []).append((phrase, label))
    return {k: tuple(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def load_words() -> ModalityWords:
    raw: dict[str, Any] = read_table(DATA_FILE)

    def phrases(key: str) -> list[tuple[str, ...]]:
        return [tuple(str(w).lower().split()) for w in raw[key]]

    cues = [(p, "target") for p in phrases("target")] + [(p, "forecast") for p in phrases("forecast")]
    not_cues = _by_first_word([(p, "") for p in phrases("not_cues")])
    by_first = _by_first_word(cues)
    actual = frozenset(phrases("actual"))
    return ModalityWords(
        cues=by_first,
        actual=actual,
        actual_by_first={k: tuple(p for p, _ in v) for k, v in _by_first_word([(p, "") for p in actual]).items()},
        not_cues={k: tuple(p for p, _ in v) for k, v in not_cues.items()},
        # "our 2 percent longer-run goal": the goal noun a few words after the figure.
        goal_after=re.compile(
            rf"^\s*(?:[\w-]+\s+){{0,3}}?(?:{'|'.join(re.escape(str(w)) for w in raw['goal_nouns'])})s?\b", re.IGNORECASE
        ),
    )


def _starts(words: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(words[i : i + len(phrase)]) == phrase


# The month, not the modal: "In May, prices rose" (a capital "May" inside a clause).
_MONTH_MAY = re.compile(r"(?<=\w[\s,])\s*May\b|\b(?:in|In)\s+May\b")
_BARE_MODALS = frozenset({"will", "shall"})
def goal_noun_after(after: str) -> bool:
    """Whether a goal noun of the word table follows within a few words of the start of `after`
    (the text after a figure): "our 2 percent longer-run goal"."""
    return load_words().goal_after.match(after) is not None


_FIGURE_AS_SUBJECT = re.compile(
    r"^\s*(?:[a-z]+\s+){0,3}?(?:will|would|is\s+(?:expected|projected|forecast|set|likely)\s+to|are\s+(?:expected|projected|forecast|set|likely)\s+to)\b",
    re.IGNORECASE,
)


def classify_modality(before: str, after: str = "", *, goal_after: bool | None = None) -> Modality:
    """The modality set by the last cue in `before` (the clause text up to the figure), unless a
    past-tense verb stands between that cue and the figure. A figure that is itself the subject of
    "will" ("8.74 million graduates will enter the market") is a forecast: an undertaking needs
    someone who undertakes it. `goal_after` is `goal_noun_after(after[:60])`, when the caller
    has found it already."""
    if after and _FIGURE_AS_SUBJECT.match(after[:60]):
        return "forecast"
    if goal_after is None:
        goal_after = bool(after) and goal_noun_after(after[:60])
    if goal_after:
        return "target"  # "our 2 percent inflation goal"
    table = load_words()
    words = scan.lower_words(_MONTH_MAY.sub(" ", before))
    label: str | None = None
    forecast_seen = False
    since = 0
    i = 0
    while i < len(words):
        word = words[i]
        if word in table.not_cues:
            skip = next((len(p) for p in table.not_cues[word] if _starts(words, i, p)), 0)
            if skip:
                i += skip
                continue
        if word in table.cues:
            cue = next(((p, lab) for p, lab in table.cues[word] if _starts(words, i, p)), None)
            if cue:
                label, since = cue[1], i + len(cue[0])
                forecast_seen = forecast_seen or label == "forecast"
                i = since
                continue
        i += 1
    if label is None:
        return "actual"
    if _has_actual_verb(words[since:], table.actual_by_first):
        return "actual"
    if label == "target" and forecast_seen and words[since - 1] in _BARE_MODALS:
        return "forecast"  # "participants project that the rate will be 3.9 percent"
    return "target" if label == "target" else "forecast"


def _has_actual_verb(words: list[str], actual_by_first: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    return any(_starts(words, j, p) for j, word in enumerate(words) for p in actual_by_first.get(word, ()))
