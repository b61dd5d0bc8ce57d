"""Search for Chinese and Japanese text, which has no spaces between words.

SQLite's unicode61 tokenizer takes a whole run of ideographs as one token, so a word inside a
sentence could never match. Turns that hold such characters are also indexed in `turns_cjk` with
a space around each character (every character a token); a query's characters become a phrase of
the same tokens, which matches them side by side. Snippets from that index lose the spaces again."""

from __future__ import annotations

import re

from podium.store.queries import HIT_END, HIT_START

# CJK ideographs (with extension A and compatibility forms), hiragana and katakana. Hangul is left
# out: Korean writes spaces between words.
CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CJK_SPACED = re.compile(rf" ?({HIT_START}?{CJK_CHAR.pattern}{HIT_END}?) ?")
ADJACENT_HITS = HIT_END + HIT_START


def has_cjk(text: str | None) -> bool:
    return text is not None and CJK_CHAR.search(text) is not None


def spaced(text: str) -> str:
    """The text as indexed: a space either side of every CJK character."""
    return CJK_CHAR.sub(lambda m: f" {m.group(0)} ", text)


def unspaced(snippet: str) -> str:
    """A snippet of spaced text as the transcript has it; neighbouring hits join into one."""
    return CJK_SPACED.sub(r"\1", snippet).replace(ADJACENT_HITS, "")


def phrase_query(query: str) -> str:
    """Plain words for the spaced index: each term a quoted FTS5 phrase, all of them required."""
    terms = [spaced(term).split() for term in query.split()]
    return " ".join('"' + " ".join(t.replace('"', '""') for t in tokens) + '"' for tokens in terms if tokens)
