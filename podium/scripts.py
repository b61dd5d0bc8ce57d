"""Which languages' scripts a text is written in, counted on its letters once for every stage
that asks (the structure stage: is this Chinese? the coverage stage: is this a language podium
does not read yet?). The script names and the languages they stand for are in
podium/data/scripts_en.yaml."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from podium.wordtables import read_table

# Letters are counted on an evenly spread sample of this many characters: a text's shares, not
# each letter, decide what it is written in.
SAMPLE_CHARS = 8_000
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z]")


@lru_cache(maxsize=1)
def letter_languages(text: str) -> Counter[str]:
    """How many letters of an even sample of `text` each language's script holds ("" for Latin).
    Counted once for the stages that ask of the same text in turn (the structure stage, then the
    coverage stage); the counts returned are shared, not to be changed."""
    sample = text[:: max(1, len(text) // SAMPLE_CHARS)]
    counts: Counter[str] = Counter({"": len(_ASCII_LETTER.findall(sample))})
    for letter, count in Counter(_OTHER_LETTER.findall(sample)).items():
        counts[language_of(letter)] += count
    return counts


def language_of(letter: str) -> str:
    """What a text in this letter's script is called; "" for Latin."""
    script = unicodedata.name(letter, "UNKNOWN").split(" ", 1)[0]
    if script == "LATIN":
        return ""
    return _languages().get(script) or f"text in {script.title()} script"


@lru_cache(maxsize=1)
def _languages() -> dict[str, str]:
    return {str(script): str(name) for script, name in read_table("scripts_en.yaml")["language_of_script"].items()}


@lru_cache(maxsize=1)
def read_languages() -> dict[str, str]:
    """The languages podium reads beyond English, each with the language whose letters, where they
    are at least a quarter as many, make its letters that language's instead."""
    return {str(name): str(rival) for name, rival in read_table("scripts_en.yaml")["read_languages"].items()}
