"""Series: the figures that measure one thing in one place, told apart from the rest.

An indicator is a subject as the synonym table (`podium/data/series_synonyms.yaml`) groups it
("jobless rate" = "unemployment rate"); a series is indicator + place + unit + kind + modality, so
China's unemployment rate and the United States', or a target and the actual figure, are never
drawn as one line."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from podium.quantities.places import gazetteer
from podium.wordtables import read_table

WORD = re.compile(r"[\w'’-]+|[\u3400-\u9fff]+")


@dataclass(frozen=True)
class Synonyms:
    phrases: tuple[tuple[str, str], ...]  # (phrase, indicator), longest phrase first
    ignore: frozenset[str]


@lru_cache(maxsize=1)
def synonyms() -> Synonyms:
    table = read_table("series_synonyms.yaml")
    pairs = [(str(p).lower(), str(name)) for name, phrases in (table.get("indicators") or {}).items() for p in phrases]
    ignore = {str(w).lower() for w in table.get("ignore") or []} | {n.lower() for n in gazetteer().names}
    return Synonyms(tuple(sorted(pairs, key=lambda pair: -len(pair[0]))), frozenset(ignore))


def indicator_of(subject: str) -> str:
    """The indicator a subject names: its synonym group's name when the subject is one of the
    group's phrases with nothing but framing words around it, else the subject itself, trimmed."""
    text = " ".join(subject.lower().replace("’", "'").split())
    table = synonyms()
    for phrase, name in table.phrases:
        at = text.find(phrase)
        if at < 0:
            continue
        rest = (text[:at] + " " + text[at + len(phrase) :]).replace("'s", " ")
        if all(word in table.ignore for word in WORD.findall(rest)):
            return name
    return text


def indicator_named(text: str) -> str:
    """The indicator whose phrase `text` names last ("…a projected reduction in the unemployment
    rate, which is seen as edging down to"), or ""."""
    lowered = " ".join(text.lower().split())
    best: tuple[int, str] = (-1, "")
    for phrase, name in synonyms().phrases:
        at = lowered.rfind(phrase)
        if at > best[0]:
            best = (at, name)
    return best[1]


def known_indicator(subject: str) -> str | None:
    """The table's name for `subject` when the synonym table knows it, else None."""
    name = indicator_of(subject)
    return name if name in {n for _p, n in synonyms().phrases} else None


def series_key(row: Mapping[str, Any]) -> tuple[str, str, str, str, str]:
    """indicator, place, unit, kind, modality of a figure (a stored row or a Quantity's fields)."""
    return (
        indicator_of(str(row.get("subject") or "")),
        str(row.get("place") or ""),
        str(row.get("unit") or ""),
        str(row.get("kind") or ""),
        str(row.get("modality") or ""),
    )


SERIES_COLUMNS: tuple[str, ...] = (
    "indicator", "place", "unit", "kind", "modality", "figures", "first_period", "last_period", "latest_value",
)  # fmt: skip


def series_of(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One line per series: how many figures, the periods they span, the value of the latest
    period; the fullest series first."""
    groups: dict[tuple[str, str, str, str, str], list[Mapping[str, Any]]] = {}
    for row in rows:
        groups.setdefault(series_key(row), []).append(row)
    lines = []
    for (indicator, place, unit, kind, modality), members in groups.items():
        dated = sorted(((str(r.get("period") or ""), r) for r in members if r.get("period")), key=lambda pair: pair[0])
        lines.append(
            {
                "indicator": indicator,
                "place": place,
                "unit": unit,
                "kind": kind,
                "modality": modality,
                "figures": len(members),
                "first_period": dated[0][0] if dated else "",
                "last_period": dated[-1][0] if dated else "",
                "latest_value": dated[-1][1].get("value") if dated else None,
            }
        )
    return sorted(lines, key=lambda line: (-line["figures"], line["indicator"], line["place"], line["unit"], line["kind"], line["modality"]))


__all__ = ["SERIES_COLUMNS", "indicator_named", "indicator_of", "known_indicator", "series_key", "series_of", "synonyms"]
