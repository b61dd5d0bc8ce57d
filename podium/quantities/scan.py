"""Fast regexes: scans that try a pattern only where a match can start, and word tables as tries.

The regex engine scans a long text position by position; when every match must start at one of a
few marks (a quote, a full stop, a line start), finding those marks with `str.find` and matching
there is several times faster, and finds exactly what `finditer` would. A word table written as a
character trie lets the engine test one branch per letter instead of every word in turn."""

from __future__ import annotations

import re
from collections.abc import Iterable


def marks(text: str, chars: Iterable[str], start: int, end: int) -> list[int]:
    """Every offset in text[start:end] holding one of `chars` (single characters), in order."""
    places: list[int] = []
    for char in chars:
        at = text.find(char, start, end)
        while at >= 0:
            places.append(at)
            at = text.find(char, at + 1, end)
    places.sort()
    return places


def line_starts(text: str, start: int, end: int) -> list[int]:
    """Where a line starts in text[start:end] (where "^" matches in a multi-line pattern)."""
    places = [start] if start == 0 or text[start - 1] == "\n" else []
    places.extend(at + 1 for at in marks(text, "\n", start, end - 1))
    return places


def matches_at(pattern: re.Pattern[str], text: str, places: Iterable[int], end: int) -> list[re.Match[str]]:
    """What `pattern.finditer(text, start, end)` finds, given every place (in order, none before
    `start`) where a match of `pattern` can start. `pattern` must not match the empty string."""
    found: list[re.Match[str]] = []
    done = 0
    for at in places:
        if at < done:
            continue
        match = pattern.match(text, at, end)
        if match is not None:
            found.append(match)
            done = match.end()
    return found


_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
# ASCII one byte a character: letters lower-cased, hyphens kept, every other character a blank.
_WORD_BYTES = bytes(
    ord(char.lower()) if char.isalpha() or char == "-" else ord(" ") for char in map(chr, range(128))
) + bytes(range(128, 256))


def lower_words(text: str) -> list[str]:
    """`re.findall(r"[a-z]+(?:-[a-z]+)*", text.lower())`: the words of the lower-cased text, a
    hyphen joining two ("long-term"). In ASCII text one translate and split find them, several
    times faster than the regex scan for the clause-long texts the cue tables read."""
    if not text.isascii():
        return _WORD.findall(text.lower())
    words: list[str] = []
    for run in text.encode("ascii").translate(_WORD_BYTES).decode("ascii").split():
        if "-" in run:
            words.extend(_WORD.findall(run))  # a run of letters and hyphens: "a-b" but "a--b", "-a"
        else:
            words.append(run)
    return words


def may_hold(text: str, words: Iterable[str]) -> bool:
    """A cheap test before a case-blind pattern that cannot match without one of `words` (lower
    case): False only for ASCII text whose lower-cased form holds none of them as a substring.
    Beyond ASCII a case-blind pattern matches more than lower-casing shows ("ſ" for "s")."""
    if not text.isascii():
        return True
    low = text.lower()
    for word in words:
        if word in low:
            return True
    return False


def trie(words: Iterable[str], space: str = r"\ ") -> str:
    """The words as one character trie (`space` stands for a blank inside a word). It matches
    what the alternation of the words sorted longest first matches, in a case-sensitive pattern
    or, for lower-case words, a case-blind one: the words that match at one place are then
    prefixes of one another, and the greedy trie tries them longest first too."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(root, space)


def _emit(node: dict[str, dict], space: str) -> str:
    branches = [(space if char == " " else re.escape(char)) + _emit(child, space) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
