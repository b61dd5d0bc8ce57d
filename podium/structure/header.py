"""Header blocks: `Speakers:` / `Chairperson:` / `Date:` with or without their labels, doubled on
topic pages, and the roster lines under them ("Mr. Tan Wei, a member of ...")."""

from __future__ import annotations

from dataclasses import dataclass, field

from podium.model import Role
from podium.structure import patterns as P
from podium.structure.lines import Line
from podium.structure.words import load


_KEY_LINE = 40  # a header key line is short; a longer line starting "Speaker ..." is prose


@dataclass
class RosterEntry:
    name: str
    title: str
    role: Role  # "official" or "host"
    line: int


@dataclass
class Header:
    entries: list[RosterEntry] = field(default_factory=list)
    date_text: str | None = None  # the line that states the date, as written
    lines: set[int] = field(default_factory=set)  # indices of every header line, for furniture


def key_kind(text: str) -> str | None:
    """'speakers', 'chair' or 'date' when the line is a header key (its value may follow)."""
    match = P.header_key().match(text)
    if match is None:
        return None
    key = match.group("key").lower()
    for kind, names in load().header_keys.items():
        if key in (n.lower() for n in names):
            return kind
    return None


def roster_entry(text: str) -> tuple[str, str] | None:
    """('Tan Wei', 'a member of ...') from a roster line, or None."""
    match = P.roster_line().match(text)
    if match is None or len(match.group("title")) < 8:
        return None
    title = match.group("title").rstrip(" .;")
    # A roster title names an office; a sentence would carry a verb and a full stop mid-line.
    if P.QUESTION_MARK.search(title) or ". " in title:
        return None
    return match.group("name"), title


def find_header(lines: list[Line], *, stop: int) -> Header:
    """Header blocks among lines[:stop] (before the first speaker label)."""
    header = Header()
    kind: str | None = None
    for index in range(stop):
        text = lines[index].stripped
        if not text:
            continue
        this_key = key_kind(text)
        if (this_key is not None and len(text) <= _KEY_LINE) or this_key == "date":
            kind = this_key
            header.lines.add(index)
            key = P.header_key().match(text)
            value = (key.group("rest") if key else "") or ""
            if kind == "date" and value and P.month_date().search(value):
                _set_date(header, value)
            continue
        entry = roster_entry(text)
        if entry is not None and (kind in ("speakers", "chair") or _honorific(text)):
            role: Role = "host" if kind == "chair" else "official"
            _add_entry(header, RosterEntry(entry[0], entry[1], role, index))
            header.lines.add(index)
            continue
        if kind == "date" and P.month_date().fullmatch(text.rstrip(" .")):
            _set_date(header, text)
            header.lines.add(index)
            kind = None
            continue
        if header.entries and P.month_date().fullmatch(text.rstrip(" .")) and header.date_text is None:
            # An unlabelled header: roster lines, then the date alone on its line.
            _set_date(header, text)
            header.lines.add(index)
            continue
        kind = None if this_key is None else kind
    return header


def _honorific(text: str) -> bool:
    return bool(P.honorific_prefix().match(text))


def _set_date(header: Header, value: str) -> None:
    if header.date_text is None:
        header.date_text = value.strip()


def _add_entry(header: Header, entry: RosterEntry) -> None:
    # Doubled headers list everyone twice; the first listing (often with honorifics) stands.
    for known in header.entries:
        if known.name == entry.name:
            if entry.role == "host":
                known.role = "host"
            return
    header.entries.append(entry)


def header_lines_after(lines: list[Line], start: int) -> set[int]:
    """Header blocks that recur later in the file (a topic page printed again): furniture."""
    found: set[int] = set()
    in_block = False
    for index in range(start, len(lines)):
        text = lines[index].stripped
        if not text:
            continue
        if len(text) <= _KEY_LINE and key_kind(text) is not None:
            in_block = True
            found.add(index)
            continue
        if in_block and (roster_entry(text) is not None or P.month_date().fullmatch(text.rstrip(" ."))):
            found.add(index)
            continue
        in_block = False
    return found
