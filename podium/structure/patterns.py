"""Compiled regexes of the structure stage, grouped by purpose. Word lists come from words.py."""

from __future__ import annotations

import re
from functools import lru_cache

from podium.scan import lower_words, lowered_for_search, matches_at, trie, word_places
from podium.structure.words import Words, load
from podium.zh import HAN

# --- characters ---------------------------------------------------------------------------------

SPACE = "[ \t\u00a0\u3000]"  # spaces a label may carry, U+00A0 and the ideographic space included
COLON = "[:\uff1a]"  # ASCII or full-width
HAS_LATIN = re.compile(r"[A-Za-z]")
# A Markdown heading ("# Title", "## Title"): the writer's own title for what follows.
MARKDOWN_HEADING = re.compile(r"#{1,6}\s+(?P<text>\S.*?)\s*#*\s*$")
SENTENCE_END = re.compile(r"[.!?。！？\"”’')\]]\s*$")
MID_SENTENCE_END = re.compile(r"[a-z,;]\s*$")
QUESTION_MARK = re.compile(r"[?？]")
BLANK_RUN = re.compile(r"\n[ \t\u00a0\u3000]*\n")

# --- labels -------------------------------------------------------------------------------------

# "CHAIR LEE.  Good afternoon." / "QUESTION.  Mr. Chairman, ..." (upper case, full stop, text)
UPPER_STOP_LABEL = re.compile(
    rf"(?P<label>[A-Z][A-Z'’\-]+\.?(?:{SPACE}+[A-Z][A-Z'’\-]*\.?){{0,4}}?)\.{SPACE}+(?=[\"“‘A-Z0-9(\[—–-])"
)
# "MS. DOE:  Hi, everyone." / "SENIOR ADMINISTRATION OFFICIAL:" (upper case, colon)
# "JANE DOE/CHANNEL7:" joins a reporter's name to their outlet with a slash.
# Capitals with accents count ("GREGORIO MARTÍNEZ:"); the label is checked for upper case after.
_UP = "A-ZÀ-ÖØ-Þ"
UPPER_COLON_LABEL = re.compile(
    rf"(?P<label>[{_UP}][{_UP}'’\-]*\.?(?:{SPACE}+[{_UP}][{_UP}'’\-]*\.?){{0,5}}(?:/[A-Z][A-Z0-9'’\-]*)?){SPACE}*{COLON}(?={SPACE}|$)"
)
# "Q:  text", "Q    text" (two or more spaces), "Q Text" (one space, capital after), same for A.
QA_LABEL = re.compile(rf"(?P<label>[QA]){SPACE}*(?:{COLON}{SPACE}*|{SPACE}{{2,}}|{SPACE}(?=[\"“A-Z(]))(?=\S)")
# "Tan Wei:" / "Lakeshire Evening News:" / "Name, long title:" (alone or with text)
NAME_LABEL_CHARS = 300
NAME_COLON_LABEL = re.compile(
    rf"(?P<label>[^\n:\uff1a]{{1,{NAME_LABEL_CHARS}}}?){SPACE}*{COLON}{SPACE}*(?P<rest>[^\n]*)"
)
# "王小明:" / "河畔日报记者:" (a Chinese name or outlet)
CJK_LABEL = re.compile(
    rf"(?P<label>(?=[^\n:\uff1a]{{0,20}}[{HAN}]{{2}})[{HAN}·\w]{{2,20}}){SPACE}*{COLON}{SPACE}*(?P<rest>[^\n]*)"
)
# Shapes a document may use for its labels, kept only where the shape repeats (labels.judge):
# "Pregunta.- text", "Q - text", "Portavoz.-" (a short title-cased prefix, then a dash)
DASH_LABEL = re.compile(rf"(?P<label>[A-Z][\w'’.]*(?:{SPACE}[\w'’.]+){{0,5}}?)(?:\.-|{SPACE}[-–]){SPACE}*(?=\S|$)")
# "Jane Doe (12:04):" / "Speaker 7 (00:00):" (a timestamp inside the label)
# "Jane Doe: (12:04)" (the timestamp after the colon)
_STAMP = r"\(\d{1,2}:\d{2}(?::\d{2})?\)"
TIMED_LABEL = re.compile(
    rf"(?P<label>[^\n:()]{{1,60}}?){SPACE}*(?:{_STAMP}{SPACE}*{COLON}|{COLON}{SPACE}*{_STAMP}(?={SPACE}*$)){SPACE}*"
)
# "00:05All right, ...": a caption line with its timestamp glued to the speech
CAPTION_STAMP = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?=[^\d\s:])")
# "3. SOUNDBITE: (English) Jane Doe, Press Secretary:" a numbered shot-list entry naming who speaks next
NUMBERED_LABEL = re.compile(
    rf"\d{{1,3}}\.{SPACE}+(?:[A-Z][A-Z ]*:{SPACE}*)?(?:\([^()\n]{{1,30}}\){SPACE}*)?(?P<label>[A-Z][^\n:()]{{1,80}}?){SPACE}*:{SPACE}*$"
)
# "(Reporter question off camera): ..." / "(Jane Doe): ..." a label in brackets
BRACKET_LABEL = re.compile(rf"\((?P<label>[^()\n]{{2,60}})\){SPACE}*{COLON}{SPACE}*")
# "[JANE DOE]" alone on its line over the speech (an event page's transcript)
SQUARE_LABEL = re.compile(rf"\[(?P<label>[^\[\]\n]{{2,60}})\]{SPACE}*$")
# "JD      text": initials padded with spaces, no colon
SPACED_INITIALS = re.compile(rf"(?P<label>[A-Z]{{2,4}}){SPACE}{{3,}}(?=\S)")
# "(JD)" closing a label: the initials the transcript uses for that speaker from then on
DECLARED_SHORT_FORM = re.compile(r"\((?P<short>[A-Z]{2,6})\)$")
# A word inside a title-cased name: a capitalised word, an all-caps acronym, "21st", "People's".
NAME_WORD = re.compile(r"(?:[A-Z][\w'’.\-]*|\d+(?:st|nd|rd|th)|[A-Z]{2,}|\(\w[\w\s]*\))$")

# --- header block -------------------------------------------------------------------------------

# "Foreign Ministry Spokesperson Zhou Yi's Regular Press Conference on June 2, 2021"
SPOKESPERSON_TITLE = re.compile(
    r"(?P<body>[A-Z][\w ]*?)\s+Spokes(?:person|man|woman)\s+(?P<name>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2})[’']s\b"
)

# --- furniture ----------------------------------------------------------------------------------

PAGE_NUMBER_LINE = re.compile(r"^\s*(?:Page\s+)?\d{1,4}\s+of\s+\d{1,4}(?!\d)", re.I)
# "00:05.335 --> 00:08.035": a caption cue's timing, and the "WEBVTT" line that opens a caption file;
# speech runs on across them.
_CUE_TIME = r"(?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{3}"
CAPTION_CUE_LINE = re.compile(rf"^\s*(?:WEBVTT\b.*|{_CUE_TIME}\s+-->\s+{_CUE_TIME}.*)$")
# "- Hello, ..." opening a caption cue: another speaker takes over
CAPTION_SPEAKER_CHANGE = re.compile(r"[-–][ \t]+(?=\S)")
SPLICED_PAGE_NUMBER = re.compile(r"Page\s+\d{1,4}\s+of\s+\d{1,4}")
# "2024-05-21 10:02:26" alone on a line: a live-text timestamp between speeches.
_TIMESTAMP = r"[ \t]*(?:19|20)\d{2}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?[ \t]*$"
TIMESTAMP_LINE = re.compile(rf"(?m)^{_TIMESTAMP}")
# What every TIMESTAMP_LINE holds after its year. It opens with a literal, so a search for it skips
# through a transcript with none where TIMESTAMP_LINE's "^" makes the engine try every position.
TIMESTAMP_TAIL = re.compile(r"-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}")
# "2:50 P.M. EST" alone on a line: when the briefing began or ended, not speech.
_CLOCK = r"\s*\d{1,2}:\d{2}\s*[AaPp]\.?\s?[Mm]\.?(?:\s+[A-Z]{2,4})?\s*$"
# "screenshot_20240607.png" alone on a line: an image's file name left where the image was.
_IMAGE_NAME = r"\S{1,80}\.(?i:png|jpe?g|gif|webp|bmp)\s*$"
# "news.example.cn | April 24, 2024": a site's publication line.
_SITE_DATE = r"\s*[\w.\-]+\.(?i:cn|com|org|net|gov)\b.{0,30}?\d{4}\s*$"
# A line (one, without its newline) that a web page or a live text puts between speeches: the four
# shapes above in one pattern, so that a line takes one test instead of four.
NEW_PAGE_LINE = re.compile(rf"^(?:{_SITE_DATE}|{_TIMESTAMP}|{_CLOCK}|{_IMAGE_NAME})")

# "2 September, 2002, Geneva" / "Washington DC - 27 February 2017" / "Thursday 5 August 2021": a dateline
DATELINE_PLACE = re.compile(r"^(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}\s*[-–,]\s*|[A-Z][a-z]+day,?\s+)?(?P<date>.+?)(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})?\s*$")

# --- series -------------------------------------------------------------------------------------

SERIES = re.compile(
    r"\b(?:the|this)\s+(?:(?P<num>\d+)(?:st|nd|rd|th)|(?P<word>[a-z]+)\s*)?\s*(?:press\s+conference|briefing|news\s+conference)s?"
    r"\s+(?:held\s+by\s+[^\"“.]{0,80}?\s+)?in\s+the\s+(?:series|themed\s+series)\s+(?:of\s+)?(?:themed\s+)?(?:of\s+)?[\"“](?P<name>[^\"”]{3,120}?)[.,]?[\"”]",
    re.I,
)
SERIES_ZH = re.compile(r"[“\"](?P<name>[^”\"]{2,40})[”\"]系列主题?新闻发布会(?:的)?第(?P<num>\d+)场")
# What the series patterns need: "the (themed) series"; 系列. A whole body is searched when no host
# introduces the briefing, and over one that names no series these are cheaper than the patterns.
SERIES_CUE = re.compile(r"the\s+(?:themed\s+)?series", re.I)
SERIES_ZH_CUE = "系列"

# --- years --------------------------------------------------------------------------------------

# Where four digits that may be a year begin; years_in() checks the neighbours (a bare class is 4x
# faster than lookarounds over a whole transcript). One pattern a century, each opening with a
# literal, lets the engine skip to each "19" or "20" instead of trying every position.
YEAR_STARTS = (re.compile(r"19(?=\d\d)"), re.compile(r"20(?=\d\d)"))
ISO_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
ZH_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
# "12.5.2017" (day first), "24/01/2006", "8/04/22": numbers only, read in dates.numeric_readings
NUMERIC_DATE = re.compile(
    r"(?<![\d./])(?P<a>\d{1,2})(?:\.(?P<b1>\d{1,2})\.(?P<y1>(?:19|20)\d{2})|/(?P<b2>\d{1,2})/(?P<y2>(?:19|20)\d{2}|\d{2}))(?![\d./])"
)


@lru_cache(maxsize=1)
def month_date() -> re.Pattern[str]:
    """'May 21, 2024', 'Oct. 18, 2024', '21 May 2024', '8 de junio de 2021', '1er mars 2024', '15. April 2013'."""
    words = load()
    names = "|".join(sorted((re.escape(m) for m in words.months), key=len, reverse=True))
    return re.compile(
        rf"\b(?:(?P<m1>{names})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d{{2}})"
        rf"|(?P<d2>\d{{1,2}})(?:er|\.)?\s+(?:de\s+)?(?P<m2>{names})\.?,?\s+(?:del?\s+)?(?P<y2>(?:19|20)\d{{2}}))\b",
        re.I,
    )


@lru_cache(maxsize=1)
def day_month() -> re.Pattern[str]:
    """A day and its month with no year after them: 'the 20 October', '3rd of May', 'October 20'."""
    words = load()
    names = "|".join(sorted((re.escape(m) for m in words.months), key=len, reverse=True))
    no_year = r"(?!\.?,?\s+(?:19|20)\d{2}\b)"
    return re.compile(
        rf"\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{names})\b{no_year}"
        rf"|\b(?P<m1>{names})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?![\d:.,]\d){no_year}",
        re.I,
    )


@lru_cache(maxsize=None)
def phrase(name: str) -> re.Pattern[str]:
    """One alternation of a cue list from the word table, matched case-insensitively."""
    words: Words = load()
    items = getattr(words, name)
    body = "|".join(re.escape(item) for item in sorted(items, key=len, reverse=True))
    return re.compile(rf"(?:{body})", re.I)


@lru_cache(maxsize=1)
def header_key() -> re.Pattern[str]:
    """A header key on its own line, with or without its colon: 'Speakers:', 'Chairperson', 'Date: '."""
    words = load()
    keys = [k for values in words.header_keys.values() for k in values]
    body = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"^{SPACE}*(?P<key>{body})\b(?:{SPACE}*{COLON}{SPACE}*(?P<rest>[^\n]*?))?{SPACE}*$", re.I)


_PERSON = r"(?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,3})"


def _honorifics() -> str:
    return "|".join(re.escape(h) for h in sorted(load().honorifics, key=len, reverse=True))


@lru_cache(maxsize=1)
def roster_line() -> re.Pattern[str]:
    """'Mr. Tan Wei, a member of ...' (the honorific optional) as a header lists a speaker."""
    return re.compile(rf"^(?:(?P<hon>{_honorifics()})\.?\s+)?{_PERSON},\s+(?P<title>\S.*?)\s*$")


@lru_cache(maxsize=1)
def introduced() -> re.Pattern[str]:
    """'Mr. Tan Wei, a member of ...;' inside the host's introduction: the title runs to the
    next semicolon or full stop, to ', to brief you', or to the next honorific."""
    hon = _honorifics()
    return re.compile(
        rf"\b(?P<hon>{hon})\.?\s+{_PERSON},\s+(?P<title>[^;]+?)"
        rf"(?=[;.]\s|[;.]$|,\s+(?:to|who|will)\b|,?\s+(?:and\s+)?(?:{hon})\.?\s|$)"
    )


@lru_cache(maxsize=1)
def honorific_prefix() -> re.Pattern[str]:
    words = load()
    body = "|".join(re.escape(h) for h in words.honorifics)
    return re.compile(rf"^(?:{body})\.?\s+", re.I)


def addresses_the_room(text: str) -> bool:
    """A title or a news lede speaks of the briefing in the third person; a speaker opening it
    ('Welcome to the regular press conference ... I have two pieces of information') speaks in the
    first or second person."""
    words = load().addressing_words
    return any(word in words for word in lower_words(text))


@lru_cache(maxsize=1)
def title_cue() -> re.Pattern[str]:
    """'press conference', 'briefing on': words that make a line a title, case-blind."""
    return re.compile(trie(load().title_cues), re.I)


@lru_cache(maxsize=1)
def time_of_day() -> re.Pattern[str]:
    """'3 p.m.', '10:30 am': a dateline's time, which marks the date beside it as the event's."""
    words = sorted(load().time_words, key=len, reverse=True)
    body = "|".join(re.escape(w) + ("" if w.endswith(".") else r"\b") for w in words)
    return re.compile(rf"\b\d{{1,2}}(?::\d{{2}})?\s*(?:{body})", re.I)


def years_in(text: str) -> list[tuple[int, int]]:
    """(year, offset) of each 19xx/20xx that stands alone: not inside a longer number, a decimal,
    an amount ("$2000") or a percentage."""
    found: list[tuple[int, int]] = []
    taken_end = 0
    for start in sorted(match.start() for pattern in YEAR_STARTS for match in pattern.finditer(text)):
        if start < taken_end:
            continue  # inside the four digits before it, which one left-to-right scan would take
        end = taken_end = start + 4
        if start and text[start - 1] in "0123456789.,$":
            continue
        if end < len(text) and text[end] in "0123456789%":
            continue
        found.append((int(text[start:end]), start))
    return found


_BESIDE_OFFICE = r"[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2}"


# After an office ("Press Secretary Jane Doe", "Moderator: JANE DOE") or before one ("Jane Doe, the Spokesperson").
_PERSON_AFTER_OFFICE = re.compile(rf":?\s+(?P<name>{_BESIDE_OFFICE})")
_PERSON_BEFORE_OFFICE = re.compile(rf"(?P<name>{_BESIDE_OFFICE}),\s+(?:the\s+)?$")
_BESIDE_REACH = 60  # a name stands this close to the office it holds


_SELF_NAMED = re.compile(r"(?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,2})(?=,|\s+(?:and|from|of)\b)")


def self_introduced_name(opening: str) -> str | None:
    """'Jane Doe' of "I'm Jane Doe, the Bank's Press Secretary": a full name right after the opening
    words that introduce oneself, closed by a comma or 'and', 'from', 'of'."""
    lowered = opening.lower().replace("’", "'")
    for cue in load().self_introduction_cues:
        at = lowered.find(cue)
        if at >= 0:
            match = _SELF_NAMED.match(opening, at + len(cue))
            if match is not None:
                return match.group("name")
    return None


def people_beside_offices(text: str) -> list[str]:
    """Named people beside an office that runs briefings, in text order: the one role rule's
    evidence in a title or preamble. Offices are found first; a name is sought only beside one."""
    found: list[str] = []
    places = word_places(text, lowered_for_search(text), load().host_offices)
    for office in matches_at(phrase("host_offices"), text, places):
        after = _PERSON_AFTER_OFFICE.match(text, office.end(), office.end() + _BESIDE_REACH)
        before = _PERSON_BEFORE_OFFICE.search(text[max(0, office.start() - _BESIDE_REACH) : office.start()])
        found += [m.group("name") for m in (after, before) if m is not None]
    return found
