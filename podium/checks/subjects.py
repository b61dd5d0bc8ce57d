"""Comparing subjects: two subjects name the same measure when their content words agree."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from podium.checks.text import CASE_FOLDS_BEYOND_LOWER
from podium.checks.words import load

_TOKEN = re.compile(r"[A-Za-z][\w-]*(?:['’]s)?")


@lru_cache(maxsize=1)
def _synonym_pattern() -> re.Pattern[str]:
    keys = sorted(load().subject_synonyms, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(k) for k in keys) + r")\b", re.IGNORECASE)


def _is_proper(token: str, position: int) -> bool:
    # A capitalised word inside the phrase names a place or body: not the measure.
    base = token.removesuffix("'s").removesuffix("’s")
    if token != base:  # "the city's output": the owner, not the measure
        return True
    return position > 0 and base[:1].isupper() and not base.isupper()


@lru_cache(maxsize=1)
def _locative_pattern() -> re.Pattern[str]:
    return re.compile(r"\s(?:" + "|".join(re.escape(w) for w in load().subject_locatives) + r")\s", re.IGNORECASE)


@lru_cache(maxsize=1)
def _marker_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((m, re.compile(rf"\b{re.escape(m)}\b")) for m in load().subject_markers)


def _without_locative(subject: str) -> str:
    if not _may_hold_any(subject.lower(), load().subject_locatives):
        return subject  # no locative word even as a substring: the pattern cannot match
    match = _locative_pattern().search(subject)
    return subject[: match.start()] if match else subject


def _may_hold_any(lowered: str, words: Iterable[str]) -> bool:
    """Whether a case-blind pattern of `words` (lower-case ASCII) can match in `lowered`: only
    where plain search finds one of them, or where it holds a letter such a pattern takes for an
    ASCII one ("ſ" for "s"); the search is far cheaper than the pattern."""
    if not lowered.isascii() and any(ch in lowered for ch in CASE_FOLDS_BEYOND_LOWER):
        return True
    for word in words:
        if word in lowered:
            return True
    return False


@lru_cache(maxsize=4096)
def subject_key(subject: str) -> frozenset[str]:
    """The content words of a subject, synonyms folded, place names and where-phrases dropped;
    markers such as "per unit area" or "rate" kept as tags so a per-unit figure never meets a total."""
    return words_key(_without_locative(subject))


@lru_cache(maxsize=4096)
def words_key(subject: str) -> frozenset[str]:
    """The content words of any stretch of text, folded as subjects are."""
    words = load()
    lowered = subject.lower()
    # A marker that is not even a substring cannot match as a word: most are ruled out that way.
    tags = {f"#{m}" for m, pattern in _marker_patterns() if m in lowered and pattern.search(lowered)}
    tokens = [t for i, t in enumerate(_TOKEN.findall(subject)) if not _is_proper(t, i)]
    phrase = " ".join(tokens).lower()
    if _may_hold_any(phrase, words.subject_synonyms):  # most subjects hold no synonym
        phrase = _synonym_pattern().sub(lambda m: words.subject_synonyms[m.group().lower()], phrase)
    content = {t for t in phrase.split() if t not in words.subject_stopwords}
    return frozenset(content | tags) if content else frozenset()


def same_subject(a: str, b: str) -> bool:
    key_a, key_b = subject_key(a), subject_key(b)
    return bool(key_a) and key_a == key_b
