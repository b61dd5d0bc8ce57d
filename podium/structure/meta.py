"""What the briefing is: its title, series name and number, and the organisation it speaks for."""

from __future__ import annotations

import re
from podium.model import Briefing
from podium.structure import patterns as P
from podium.structure.lines import Line
from podium.structure.words import load
from podium.zh import HAN_RUN

_CAPITAL_PHRASE = re.compile(r"[A-Z][\w'’\-]*(?:\s+(?:(?:of|and|the|for)\s+)*[A-Z][\w'’\-]*)*")


def find_title(preamble: list[Line]) -> str | None:
    """The first line before the transcript that reads as a title."""
    cues = load().title_cues
    for line in preamble:
        text = " ".join(line.stripped.split())
        if any(cue in text.lower() for cue in load().furniture_lines):
            continue
        if 12 <= len(text) <= 300 and any(cue in text.lower() for cue in cues) and not text.endswith(":"):
            lede = any(cue in text.lower() for cue in load().lede_cues) and text.endswith(".")
            if not lede:
                return text
    return None


def heading_title(preamble: list[Line]) -> str | None:
    """The first Markdown heading before the transcript, when no line reads as a title."""
    for line in preamble:
        match = P.MARKDOWN_HEADING.fullmatch(line.stripped)
        if match and (P.HAS_LATIN.search(match.group("text")) or HAN_RUN.search(match.group("text"))):
            return " ".join(match.group("text").split())
    return None


def composed_title(briefing: Briefing) -> str | None:
    """A title for a briefing whose text and metadata carry none, from what the structure stage
    found: the series and its number, else the first official who briefed; then the region or body
    and the date (or the year the text implies). None when none of these is known: a bare
    "Briefing" would tell a reader nothing the file name does not."""
    official = next((p.name for p in briefing.participants if p.role == "official"), None)
    when = briefing.date or (str(briefing.inferred_year) if briefing.inferred_year else None)
    return title_from(briefing.series, briefing.series_number, official, briefing.organisation, when)


def title_from(
    series: str | None, number: int | None, official: str | None, organisation: str | None, when: str | None
) -> str | None:
    """composed_title from the stored fields, so the store can give the same title to briefings
    stored before titles were composed (migration 0007 calls it)."""
    forms = load().composed_title
    if series:
        name = forms["numbered_series" if number else "series"].format(series=series, number=number)
    elif official:
        name = forms["speaker"].format(speaker=official)
    else:
        name = ""
    if not (name or organisation or when):
        return None
    name = name or forms["plain"]
    if organisation and organisation not in name:
        name = forms["organisation"].format(name=name, organisation=organisation)
    return forms["date"].format(name=name, date=when) if when else name


def find_series(text: str) -> tuple[str | None, int | None]:
    match = P.SERIES.search(text) if P.SERIES_CUE.search(text) else None
    if match:
        number = None
        if match.group("num"):
            number = int(match.group("num"))
        elif match.group("word"):
            number = load().ordinals.get(match.group("word").lower())
        return match.group("name").strip().rstrip(".,"), number
    match = P.SERIES_ZH.search(text) if P.SERIES_ZH_CUE in text else None
    if match:
        return match.group("name"), int(match.group("num"))
    return None, None


def find_organisation(titles: list[str], text: str, title: str | None) -> str | None:
    """The region or body the officials speak for, from their titles ('governor of X province')."""
    words = load()
    for office in titles:
        region = _region(office, text, words.region_kinds)
        if region:
            return region
    for office in titles:
        for phrase in _CAPITAL_PHRASE.findall(office):
            lowered = phrase.lower()
            if any(re.search(rf"\b{re.escape(kind)}\b", lowered) for kind in words.body_kinds) and " " in phrase:
                return _without_office(phrase, words.office_words)
    if title:
        match = P.SPOKESPERSON_TITLE.search(title)
        if match:
            return match.group("body").strip()
    return None


def _region(office: str, text: str, kinds: tuple[str, ...]) -> str | None:
    alternation = "|".join(re.escape(k) for k in sorted(kinds, key=len, reverse=True))
    pattern = re.compile(rf"((?:[A-Z][\w'’\-]*\s+){{1,4}})(?i:{alternation})\b")
    match = pattern.search(office)
    if match is None:
        return None
    names = match.group(1).split()
    # "Lakeshire Hui Autonomous Region" is called "Lakeshire": the shortest prefix of the name the
    # text also uses on its own ("Upper" never stands alone, so "Upper Vale" stays whole).
    for n in range(1, len(names)):
        prefix = " ".join(names[:n])
        if re.search(rf"\b{re.escape(prefix)}\b(?!\s+{re.escape(names[n])}\b)", text):
            return prefix
    return " ".join(names)


def _without_office(phrase: str, office_words: frozenset[str]) -> str:
    """'Chair of the Board of Trade Advisers' speaks for 'Board of Trade Advisers'."""
    match = re.match(r"(?P<office>[\w\- ]+?)\s+of\s+(?:the\s+)?(?P<body>.+)", phrase)
    if match and set(match.group("office").lower().split()) <= office_words:
        return match.group("body")
    return phrase
