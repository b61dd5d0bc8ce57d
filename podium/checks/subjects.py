"""Comparing subjects: two subjects name the same measure when their content words agree."""

from __future__ import annotations

import re
from functools import lru_cache

from podium.checks.words import load

_TOKEN = re.compile(r"[A-Za-z][\w-]*(?:['’]s)?")
_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _han_pairs(text: str) -> set[str]:
    """Chinese words run together unspaced: compared by character pairs (podium/zh.py)."""
    if not _HAN_RUN.search(text):
        return set()
    from podium.zh import han_pairs  # OpenCC, only for text that holds Chinese

    return han_pairs(text)


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
    match = _locative_pattern().search(subject)
    return subject[: match.start()] if match else subject


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
    tags = {f"#{m}" for m, pattern in _marker_patterns() if pattern.search(lowered)}
    tokens = [t for i, t in enumerate(_TOKEN.findall(subject)) if not _is_proper(t, i)]
    phrase = " ".join(tokens).lower()
    phrase = _synonym_pattern().sub(lambda m: words.subject_synonyms[m.group().lower()], phrase)
    content = {t for t in phrase.split() if t not in words.subject_stopwords} | _han_pairs(subject)
    return frozenset(content | tags) if content else frozenset()


def same_subject(a: str, b: str) -> bool:
    key_a, key_b = subject_key(a), subject_key(b)
    return bool(key_a) and key_a == key_b
