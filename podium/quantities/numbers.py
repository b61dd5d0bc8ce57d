"""Reading the value of a number as written: digits, number words, vulgar fractions, scales."""

from __future__ import annotations

import re

from podium.quantities.words import load

_W = load()
_SPLIT = re.compile(r"[\s\-]+")
_VULGAR = _W.vulgar_fractions


def digits_value(text: str) -> float:
    """ "1,031" -> 1031, "375 000" -> 375000, "4¼" -> 4.25, "½" -> 0.5, "5-1/4" -> 5.25, "1/3" -> 0.333…"""
    if "/" in text:
        return _slash_value(text)
    fraction = 0.0
    if text and text[-1] in _VULGAR:
        fraction = _VULGAR[text[-1]]
        text = text[:-1]
    whole = float(re.sub(r"[,\s]", "", text)) if text else 0.0
    return whole + fraction


def _slash_value(text: str) -> float:
    whole, _, fraction = text.rpartition(" ") if " " in text else text.rpartition("-")
    numerator, denominator = fraction.split("/")
    return (float(whole) if whole else 0.0) + float(numerator) / float(denominator)


def words_value(text: str) -> float:
    """ "forty-two" -> 42, "one hundred and five" -> 105, "a" (before a scale) -> 1."""
    total = 0.0
    for token in _SPLIT.split(text.lower()):
        if token in ("and", ""):
            continue
        if token == "a":
            total += 1
        elif token == "hundred":
            total = (total or 1) * 100
        elif token in _W.units:
            total += _W.units[token]
        elif token in _W.tens:
            total += _W.tens[token]
    return total


def number_value(text: str) -> float:
    first = text[:1]
    if first.isdigit() or first == "." or first in _VULGAR:
        return digits_value(text)
    return words_value(text)


def scale_value(text: str | None) -> float:
    """ "million" -> 1e6, "hundred million" -> 1e8; 1 when there is no scale."""
    if not text:
        return 1.0
    value = 1.0
    for token in _SPLIT.split(text.lower()):
        if token in _W.scales:
            value *= _W.scales[token]
    return value


def ordinal_value(text: str) -> int:
    """ "first" -> 1, "21st" -> 21."""
    lowered = text.lower()
    if lowered in _W.ordinals:
        return _W.ordinals[lowered]
    return int(lowered if lowered.isdigit() else lowered[:-2])
