"""Chinese text as podium reads it: a normalised copy for matching, every offset kept.

Briefings are written in simplified or traditional characters, with full-width or ASCII
punctuation, and mirror sites gloss characters with pinyin in brackets (`個(gè)`). The word
tables are written once, in simplified characters and ASCII punctuation, so podium matches
on a copy of the text where

- traditional characters read as simplified ones (OpenCC's `t2s`, one character for one);
- full-width letters, digits and punctuation read as their ASCII forms (`，` as `,`, `５` as `5`);
- a pinyin gloss after a character is left out.

`ChineseView` holds that copy and, for each of its characters, where it stands in the text, so
a span found in the copy is a span of the text as written (a gloss after a span's last
character stays inside the span, as the page shows it)."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

from podium.scripts import letter_languages, read_languages

# A mirror site's pinyin gloss: lower-case letters with tone marks in brackets, right after a
# character (`發(fā)`, `點（diǎn）`).
GLOSS = r"(?<=[\u3400-\u9fff\uf900-\ufaff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňḿ]{1,7}[)）]"
MOSTLY = 0.5
SOME = 0.1
_FULL_WIDTH = range(0xFF01, 0xFF5F)
_FULL_WIDTH_SHIFT = 0xFEE0
_IDEOGRAPHIC_SPACE = "\u3000"


def longest_first(words: Iterable[object]) -> tuple[str, ...]:
    """Words of a table, longest first: so a pattern or a scan tries "副部长" before "部长"."""
    return tuple(sorted((str(w) for w in words), key=len, reverse=True))


def alternation(words: Iterable[object]) -> str:
    """A regex alternation of the words, longest first (the longest word at a place wins)."""
    return "|".join(re.escape(w) for w in longest_first(words))


def han_share(text: str) -> float:
    """The share of Chinese characters among the letters of `text` (counted on a sample)."""
    counts = letter_languages(text)
    total = sum(counts.values())
    return counts["Chinese"] / total if total else 0.0


def is_chinese(text: str) -> bool:
    """Whether `text` is written mostly in Chinese characters (and not Japanese, whose kana
    stand beside them)."""
    counts = letter_languages(text)
    total = sum(counts.values())
    rival = read_languages()["Chinese"]
    return bool(total) and counts["Chinese"] >= total * MOSTLY and counts[rival] * 4 < counts["Chinese"]


def holds_chinese(text: str) -> bool:
    """Whether Chinese characters are a fair share of the letters: a bilingual page, say."""
    return han_share(text) >= SOME


@lru_cache(maxsize=1)
def _glosses() -> re.Pattern[str]:
    # Compiled when a Chinese text is first read: an English one never looks for a gloss.
    return re.compile(GLOSS)


@lru_cache(maxsize=1)
def _converter() -> object:
    # OpenCC ships its dictionaries in the wheel: nothing is fetched at run time.
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """`text` with traditional characters read as simplified, character for character: where a
    phrase conversion changes the length of a line, that line is converted one character at a
    time, so offsets never shift."""
    convert = _converter().convert  # type: ignore[attr-defined]
    whole = str(convert(text))
    if len(whole) == len(text):
        return whole
    lines = text.split("\n")
    out = []
    for line in lines:
        converted = str(convert(line))
        if len(converted) != len(line):
            converted = "".join(_one_for_one(str(convert(ch)), ch) for ch in line)
        out.append(converted)
    return "\n".join(out)


# Chinese characters, as the body of a character class.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = re.compile(f"[{HAN}]+")


def han_pairs(text: str) -> set[str]:
    """The character pairs of each run of Chinese characters in `text`, read as simplified (a
    one-character run counts as itself). Chinese writes words unspaced: its pairs are what two
    phrases are compared by ("全国夏粮产量" and "夏粮产量" share three of five), as English
    phrases are by their words."""
    pairs: set[str] = set()
    for run in map(to_simplified, HAN_RUN.findall(text)):
        pairs |= {run[i : i + 2] for i in range(len(run) - 1)} or {run}
    return pairs


def _one_for_one(converted: str, original: str) -> str:
    return converted if len(converted) == 1 else original


def fold_width(char: str) -> str:
    """A full-width letter, digit or mark as its ASCII form; an ideographic space as a space."""
    code = ord(char)
    if code in _FULL_WIDTH:
        return chr(code - _FULL_WIDTH_SHIFT)
    if char == _IDEOGRAPHIC_SPACE:
        return " "
    if char.isdigit() and not char.isascii():
        return str(unicodedata.digit(char, 0))
    return char


class ChineseView:
    """The normalised copy of `source[start:end]` (see the module doc) and the way back.

    `text[i]` stands for `source[starts[i]]`; `span(i, j)` is the stretch of the source that
    `text[i:j]` reads, glosses after its last character included."""

    def __init__(self, source: str, start: int = 0, end: int | None = None) -> None:
        end = len(source) if end is None else end
        self.source = source
        chars: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        glosses = {m.start(): m.end() for m in _glosses().finditer(source, start, end)}
        at = start
        while at < end:
            skip = glosses.get(at)
            if skip is not None:
                if ends:
                    ends[-1] = skip
                at = skip
                continue
            chars.append(fold_width(source[at]))
            starts.append(at)
            ends.append(at + 1)
            at += 1
        self.text = to_simplified("".join(chars))
        self.starts = starts
        self.ends = ends
        self.start = start
        self.end = end

    def span(self, i: int, j: int) -> tuple[int, int]:
        """The source offsets of the copy's `text[i:j]` (j > i)."""
        return self.starts[i], self.ends[j - 1]

    def at(self, i: int) -> int:
        """The source offset of the copy's character i (the end of the source for i == len)."""
        return self.starts[i] if i < len(self.starts) else self.end

    def written(self, i: int, j: int) -> str:
        """The characters of `text[i:j]` as the source writes them, without glosses."""
        return "".join(self.source[self.starts[k]] for k in range(i, j))

    def index(self, offset: int) -> int:
        """The copy's index of the first character at or after source `offset`."""
        return bisect_left(self.starts, offset)
