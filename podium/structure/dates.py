"""The briefing's date: from a header, a dateline, a title, or else only the year, with evidence.

A publication line ("news.example.cn | April 24, 2024") dates the web page, not the briefing, so it
can give a year but never a day. Where no day is stated, `date` stays null."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from podium.structure import patterns as P
from podium.structure.lines import Line
from podium.structure.words import load


@dataclass
class DateFinding:
    date: str | None = None
    source: str | None = None
    year: int | None = None
    evidence: str | None = None


def iso_from_match(match: re.Match[str]) -> str | None:
    words = load()
    groups = match.groupdict()
    month_name = groups.get("m1") or groups.get("m2")
    day = groups.get("d1") or groups.get("d2")
    year = groups.get("y1") or groups.get("y2")
    if month_name is None or day is None or year is None:
        return None
    return _iso(int(year), words.months[month_name.lower()], int(day))


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def first_date(text: str, near: str | None = None) -> tuple[str, str] | None:
    """(ISO date, matched text) of the first date written out in `text`, any of the usual forms.
    A date in numbers that reads both ways ('8/04/22') takes the reading a little before `near`, a
    date the page writes with its month's name, and otherwise gives no day."""
    match = P.month_date().search(text)
    if match:
        iso = iso_from_match(match)
        if iso:
            return iso, match.group(0)
    match = P.ZH_DATE.search(text)
    if match:
        iso = _iso(int(match["y"]), int(match["m"]), int(match["d"]))
        if iso:
            return iso, match.group(0)
    match = P.NUMERIC_DATE.search(text)
    if match:
        iso = _one_reading(numeric_readings(match), near)
        if iso:
            return iso, match.group(0)
    return None


_NEAR_DAYS = 62  # a page is dated within weeks of the event it reports


def numeric_readings(match: re.Match[str]) -> list[str]:
    """The dates a number-only date can be: '12.5.2017' is day first; '24/01/2006' and '1/24/2006'
    can be read one way only; '8/04/22' both."""
    a = int(match["a"])
    if match["b1"]:
        found = _iso(int(match["y1"]), int(match["b1"]), a)
        return [found] if found else []
    b, year = int(match["b2"]), int(match["y2"])
    year = year + 2000 if year < 100 else year
    readings = [_iso(year, a, b), _iso(year, b, a)]
    return list(dict.fromkeys(r for r in readings if r))


def _one_reading(readings: list[str], near: str | None) -> str | None:
    if len(readings) == 1:
        return readings[0]
    if not readings or near is None:
        return None
    anchor = dt.date.fromisoformat(near)
    before = [r for r in readings if 0 <= (anchor - dt.date.fromisoformat(r)).days <= _NEAR_DAYS]
    return before[0] if len(before) == 1 else None


def find_date(preamble: list[Line], header_date: str | None, body: str) -> DateFinding:
    if header_date:
        found = first_date(header_date)
        if found:
            return DateFinding(found[0], "header")
    words = load()
    publication: tuple[str, str] | None = None
    dateline: str | None = None  # a bare date line: the event's unless a line naming the event dates it
    near = _named_date(preamble) if any("/" in line.stripped for line in preamble) else None
    for line in preamble:
        text = line.stripped
        lowered = text.lower()
        found = first_date(text, near)
        iso = P.ISO_DATE.search(text)
        if found is None:
            if iso and publication is None:
                publication = (iso.group(0), text)
            continue
        if any(cue in lowered for cue in words.publication_cues) and not _has_time_of_day(lowered):
            publication = publication or (found[0], text)
            continue
        if _has_time_of_day(lowered):
            return DateFinding(found[0], "header")
        if any(cue in lowered for cue in words.title_cues + words.event_words + words.host_offices):
            # The line names the event, or who briefs at it ("Presenter: Press Secretary Jane Doe
            # September 8, 2015"): its date is the event's.
            return DateFinding(found[0], "title")
        if _is_dateline(text) or _closes_byline(text, found[1]):
            dateline = dateline or found[0]
            continue
        publication = publication or (found[0], text)
    if dateline is not None and _announces_a_day_already_past(dateline, body):
        publication = publication or (dateline, "a date line after a day the text announces as still to come")
        dateline = None
    if dateline is not None:
        return DateFinding(dateline, "header")
    stamped = timestamp_date(body)
    if stamped:
        return DateFinding(stamped, "text")
    if publication is not None:
        year = int(publication[0][:4])
        return DateFinding(None, None, year, f"published {publication[0]} ({publication[1][:80].strip()})")
    return _year_from_text(body)


_UPCOMING_REACH = 32  # "Next Tuesday, on the 20 October": the cue stands this close before the day


def _announces_a_day_already_past(dateline: str, body: str) -> bool:
    """A page dated 15 December 2023 above "Next Tuesday, on the 20 October, the Secretary-General
    will ...": the text announces as still to come a day that, read in the date line's year, had
    passed by then (and is not early in the next year either). The line dates a later copy of the
    page, not the briefing, which the text dates no better than that."""
    page = dt.date.fromisoformat(dateline)
    words = load()
    upcoming = P.phrase("upcoming_cues")
    for match in P.day_month().finditer(body):
        month_name = match["m1"] or match["m2"]
        if not month_name[0].isupper():
            continue  # "may 20" in running text is no date
        before = body[max(0, match.start() - _UPCOMING_REACH) : match.start()]
        before = re.split(r"[.!?]\s", before)[-1]
        if not any(_whole_word(before, cue) for cue in upcoming.finditer(before)):
            continue
        month, day = words.months[month_name.lower()], int(match["d1"] or match["d2"])
        this_year, next_year = _iso(page.year, month, day), _iso(page.year + 1, month, day)
        if this_year is None or next_year is None or this_year >= dateline:
            continue
        if (dt.date.fromisoformat(next_year) - page).days > _NEAR_DAYS:
            return True
    return False


def _whole_word(text: str, match: re.Match[str]) -> bool:
    """'next' alone, not inside 'annexed' or 'nextgen'."""
    before = text[match.start() - 1 : match.start()] if match.start() else " "
    after = text[match.end() : match.end() + 1] or " "
    return not before.isalnum() and not after.isalnum()


def _named_date(preamble: list[Line]) -> str | None:
    """The first date the preamble writes with its month's name: the anchor for a slash date that
    reads both ways (only a slash date can)."""
    named = next((m for m in map(P.month_date().search, (line.stripped for line in preamble)) if m), None)
    return iso_from_match(named) if named else None


def _is_dateline(text: str) -> bool:
    """A date alone on its line, or with only a place beside it ('2 September, 2002, Geneva')."""
    text = text.rstrip(" .")
    if P.month_date().fullmatch(text) or P.NUMERIC_DATE.fullmatch(text):
        return True
    match = P.DATELINE_PLACE.match(text)
    return match is not None and P.month_date().fullmatch(match.group("date").strip()) is not None


def _closes_byline(text: str, written: str) -> bool:
    """'Jane Doe, Governor, Frankfurt am Main, 6 September 2012': names and a place, the date last."""
    body = text.rstrip(" .")
    return body.endswith(written) and body[: -len(written)].rstrip().endswith(",") and ". " not in body


def timestamp_date(body: str) -> str | None:
    """The day of a live-text timestamp line ("2024-05-21 10:02:26") between speeches."""
    if P.TIMESTAMP_TAIL.search(body) is None:
        return None
    match = P.TIMESTAMP_LINE.search(body)
    if match is None:
        return None
    iso = P.ISO_DATE.search(match.group(0))
    return _iso(int(iso["y"]), int(iso["m"]), int(iso["d"])) if iso else None


def _has_time_of_day(lowered: str) -> bool:
    return bool(P.time_of_day().search(lowered))


def _year_from_text(body: str) -> DateFinding:
    """The latest year the speakers name that is not a target ('by 2035', 'by the end of 2027',
    '2021-2025'): a briefing speaks of its own year's plans and of years past, rarely of later
    years without such words."""
    words = load()
    best: tuple[int, int] | None = None
    for year, at in P.years_in(body):
        if best is not None and year <= best[0]:
            continue
        before = body[max(0, at - 24) : at].lower()
        previous_word = before.split()[-1].strip("(") if before.split() else ""
        if previous_word in words.future_year_words or any(before.endswith(p + " ") for p in words.target_phrases):
            continue
        if body[at + 4 : at + 5] in ("-", "–") and body[at + 5 : at + 6].isdigit():
            continue  # the first year of a range; its end is judged on its own
        if body[at - 1 : at] in ("-", "–"):
            continue  # the end of a plan period ("2021-2025") is a target
        best = (year, at)
    if best is None:
        return DateFinding()
    year, at = best
    context = " ".join(body[max(0, at - 40) : at + 40].split())
    return DateFinding(None, None, year, f"latest year named in the text: {year} (\"...{context}...\")")
