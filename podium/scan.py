"""Scanning text and folding its case: the one toolkit every stage reads text with.

- Patterns tried only at candidate places: when every match must start at one of a few marks (a
  quote, a full stop, a line start, a word found in the lower-cased text), `matches_at` tries the
  pattern there and finds exactly what `finditer` would.
- Word tables as character tries (`trie`): one branch per letter rather than every word in turn.
- Case folding that keeps offsets (`lowered_for_search`), so a place found in the lower-cased
  text is the same place in the text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# Characters a case-blind pattern takes for an ASCII letter that str.lower() does not turn into one
# ("ſ" is an "s", "ı" and "İ" are an "i"; "İ" also lowers to two characters, shifting offsets).
CASE_FOLDS_BEYOND_LOWER = frozenset("\u0130\u0131\u017f")
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
# A decimal digit outside ASCII: one `\d` matches, which a search for ASCII digits misses.


def marks(text: str, chars: Iterable[str], start: int = 0, end: int | None = None) -> list[int]:
    """Every offset in text[start:end] holding one of `chars` (single characters), in order."""
    end = len(text) if end is None else end
    places = [at for char in chars for at in occurrences(text, char, start, end)]
    places.sort()
    return places


def line_starts(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where a line starts in text[start:end] (where "^" matches in a multi-line pattern)."""
    end = len(text) if end is None else end
    places = [start] if start == 0 or text[start - 1] == "\n" else []
    places.extend(at + 1 for at in occurrences(text, "\n", start, end - 1))
    return places


def occurrences(text: str, needle: str, start: int = 0, end: int | None = None) -> list[int]:
    """Every offset where `needle` lies wholly in text[start:end], overlapping ones included."""
    end = len(text) if end is None else end
    found = []
    at = text.find(needle, start, end)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1, end)
    return found


def matches_at(pattern: re.Pattern[str], text: str, places: Iterable[int], end: int | None = None) -> list[re.Match[str]]:
    """What `pattern.finditer(text, start, end)` finds, given every place (in order, none before
    `start`) where a match of `pattern` can start. Matches do not overlap, as with finditer;
    lookbehinds and \\b still see the text before each place. `pattern` must not match the empty
    string."""
    end = len(text) if end is None else end
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


def lowered_for_search(text: str) -> str | None:
    """`text` lower-cased with every offset kept, where plain search finds every place a case-blind
    pattern of ASCII words can match; None when `text` holds a letter that a case-blind pattern
    reads as an ASCII one but lower() does not ("ſ"), and the text must be read by the pattern."""
    if not text.isascii() and any(ch in text for ch in CASE_FOLDS_BEYOND_LOWER):
        return None
    return text.lower()


def word_places(text: str, lowered: str | None, words: Iterable[str]) -> Sequence[int]:
    """Every place in `text` where a case-blind match that opens with one of `words` (lower case)
    can start, for `matches_at`: where `lowered` (`text` as `lowered_for_search` gives it) holds
    one of them; every place when there is no lowered text."""
    if lowered is None:
        return range(len(text))
    return sorted(at for word in words for at in occurrences(lowered, word))


def lower_words(text: str) -> list[str]:
    """The words of the lower-cased text, a hyphen joining two ("long-term")."""
    return _WORD.findall(text.lower())


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
        node[""] = {}  # a word ends here
    return _Trie(space).emit(root)


class _Trie:
    """Writes a character trie as a pattern, each character escaped once."""

    def __init__(self, space: str) -> None:
        self.escaped = {" ": space}

    def char(self, char: str) -> str:
        escaped = self.escaped.get(char)
        if escaped is None:
            escaped = self.escaped[char] = re.escape(char)
        return escaped

    def emit(self, node: dict[str, dict]) -> str:
        # Characters one after another, with no word ending and no other way on, are one literal.
        run: list[str] = []
        while len(node) == 1:
            ((char, child),) = node.items()
            if not char:
                return "".join(run)
            run.append(self.char(char))
            node = child
        branches = [self.char(char) + self.emit(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""  # no words at all
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "".join(run) + (f"(?:{body})?" if "" in node else body)
