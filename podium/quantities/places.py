"""The places stage: where each figure is about (`place`) and whose it is (`entity`), with the
evidence (`place_source`).

An analyst's first question of a figure is "where?": a province's grain output and the nation's,
China's unemployment rate and the United States', are different series. The answer comes, in
order of strength, from the figure's own sentence (a place it names; "national"/"全国" for the
briefing's country), from the speaker's title ("governor of Shandong province"), and from the
briefing's header (a provincial briefing's figures are the province's). The places and the
organisations whose figures are a country's are data (`podium/data/gazetteer.yaml`), not code."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from podium.model import Briefing, Quantity
from podium.scan import lowered_for_search, marks, matches_at, trie, word_places
from podium.stages import stage
from podium.wordtables import read_table

# The header is where a briefing says whose it is: its title and first lines (the list of
# speakers, the host's welcome). Further on, places are the subject of sentences, not the briefing's.
HEADER_CHARS = 3000
# A province named in the header beats the country only when it is named more often than the
# country and more than once: the venue's city in a dateline ("Beijing | 10 a.m.") is named once.
MIN_HEADER_MENTIONS = 2
SUBNATIONAL = ("city", "province", "state")
CLAUSE_MARKS = (",", ";", ":", "，", "；", "：")
# How far a figure's clause and its sentence's evidence are looked for around it: a "sentence" of
# thousands of characters (a table flattened into prose) has no clause that long, and reading it
# whole for every figure in it would cost the square of its length.
WINDOW = 400


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # country | province | city | state | organisation
    within: str | None = None  # the place holding it; for an organisation, its country


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    place: Place


@dataclass(frozen=True)
class Gazetteer:
    names: dict[str, Place]
    by_name: dict[str, Place]
    pattern: re.Pattern[str]
    cues: re.Pattern[str]  # "national" words (group `national`) and words for the home place
    first_chars: frozenset[str]  # where a name can start: the patterns are tried only there
    cue_words: tuple[str, ...]

    def country_of(self, place: Place | None) -> str | None:
        """The country holding `place` (itself, for a country; an organisation's country)."""
        for _ in range(4):
            if place is None or place.kind == "country":
                break
            place = self.by_name.get(place.within or "")
        return place.name if place is not None and place.kind == "country" else None


NATIONAL = Place("national", "cue")
HOME = Place("home", "cue")
# A name joined to another by a hyphen names a route or a pairing ("China-Europe freight
# trains"), not the place a figure is about.
_NOT_COMPOUND = r"(?![A-Za-z]|-[A-Z])"


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    table = read_table("gazetteer.yaml")
    names: dict[str, Place] = {}
    by_name: dict[str, Place] = {}
    for row in table.get("places") or []:
        place = Place(str(row["name"]), str(row["kind"]), row.get("within"))
        by_name[place.name] = place
        for name in row.get("names") or [place.name]:
            names[str(name)] = place
    for row in table.get("organisations") or []:
        org = Place(str(row["name"]), "organisation", str(row["place"]))
        for name in row.get("names") or [org.name]:
            names[str(name)] = org
    # Case-sensitive: "US" is the country, "us" the pronoun. Latin names stand as whole words;
    # Chinese ones have no word breaks to stand between.
    pattern = re.compile(r"(?<![A-Za-z-])" + trie(names) + _NOT_COMPOUND)
    national_words = [str(w).lower() for w in table.get("national") or []]
    home_words = [str(w).lower() for w in table.get("home") or []]
    # "national-level platforms" is a class of thing, not the nation's figure.
    cues = re.compile(rf"(?<![A-Za-z])(?:(?P<national>{trie(national_words)})|{trie(home_words)})(?![A-Za-z-])", re.I)
    first_chars = frozenset(name[0] for name in names)
    return Gazetteer(names, by_name, pattern, cues, first_chars, tuple(national_words + home_words))


def mentions_in(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every place or organisation named in text[start:end], in order."""
    gaz = gazetteer()
    stop = len(text) if end is None else end
    found = matches_at(gaz.pattern, text, marks(text, gaz.first_chars, start, stop), stop)
    return [Mention(m.start(), m.end(), gaz.names[m.group()]) for m in found]


def cues_in(text: str) -> list[Mention]:
    """Every word pointing at the whole country ("nationwide") or at the briefing's own place."""
    gaz = gazetteer()
    places = word_places(text, lowered_for_search(text), gaz.cue_words)
    return [Mention(m.start(), m.end(), NATIONAL if m.group("national") else HOME) for m in matches_at(gaz.cues, text, places)]


def home_of(briefing: Briefing) -> Place | None:
    """Whose figures the briefing states by default, from its header: a province or city named
    more often than any country, else the first organisation whose figures are a country's, else
    the country named most."""
    header = (briefing.title or "") + "\n" + briefing.text[:HEADER_CHARS]
    found = mentions_in(header)
    counts = Counter(m.place for m in found if m.place.kind != "organisation")
    countries = [(n, p) for p, n in counts.items() if p.kind == "country"]
    top_country = max((n for n, _ in countries), default=0)
    local = [(n, p) for p, n in counts.most_common() if p.kind in SUBNATIONAL]
    if local and local[0][0] >= MIN_HEADER_MENTIONS and local[0][0] > top_country:
        return local[0][1]
    org = next((m.place for m in found if m.place.kind == "organisation"), None)
    if org is not None:
        return gazetteer().by_name.get(org.within or "")
    return max(countries, key=lambda item: item[0])[1] if countries else None


def _most_specific(places: list[Place]) -> Place | None:
    """A province or city when one is named, else the first country: "the CPC Riverland Committee
    of the Communist Party of China" is Riverland's."""
    return next((p for p in places if p.kind in SUBNATIONAL), None) or next((p for p in places if p.kind == "country"), None)


def _speaker_places(briefing: Briefing) -> dict[str, tuple[Place | None, Place | None]]:
    """Each official's place and organisation, from their title. An outlet's name ("Beijing
    Youth Daily") says where the newspaper is, not where the figures it asks about are."""
    found: dict[str, tuple[Place | None, Place | None]] = {}
    for person in briefing.participants:
        if person.role not in ("official", "host") or not person.title:
            continue
        spots = [m.place for m in mentions_in(person.title)]
        org = next((p for p in spots if p.kind == "organisation"), None)
        place = _most_specific(spots) or (gazetteer().by_name.get(org.within or "") if org else None)
        found[person.name] = (place, org)
    return found


def clause_start(text: str, lo: int, at: int) -> int:
    """Where the clause holding `at` begins (after the last comma, semicolon or colon), at most
    WINDOW characters back."""
    lo = max(lo, at - WINDOW)
    return max(lo, *(text.rfind(mark, lo, at) + 1 for mark in CLAUSE_MARKS))


def clause_end(text: str, at: int, hi: int) -> int:
    """Where the clause holding `at` ends, at most WINDOW characters on."""
    hi = min(hi, at + WINDOW)
    ends = [found for mark in CLAUSE_MARKS if (found := text.find(mark, at, hi)) >= 0]
    return min(ends, default=hi)


class _Index:
    """Mentions in text order, looked up by offset."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.starts = [m.start for m in mentions]

    def within(self, lo: int, hi: int) -> list[Mention]:
        return self.mentions[bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)]

    def last_before(self, lo: int, at: int, *, organisation: bool) -> Mention | None:
        """The last mention wholly in [lo, at) that is (or is not) an organisation."""
        index = bisect.bisect_left(self.starts, at) - 1
        while index >= 0 and self.mentions[index].start >= lo:
            mention = self.mentions[index]
            if mention.end <= at and (mention.place.kind == "organisation") == organisation:
                return mention
            index -= 1
        return None


def _evidence(named: _Index, cues: _Index, text: str, lo: int, hi: int, qty: Quantity) -> Mention | None:
    """What a figure's sentence says of its place: the nearest place, organisation or cue word
    before it (cue words only in its own clause: "91% of the national total, with a harvest rate
    of 89%" does not make the 89% national), else the first named after it in its clause. After a
    rank, a place is the ranking's scope ("first among the regions of China"), not its place."""
    lo = max(lo, qty.start - WINDOW)
    clause = clause_start(text, lo, qty.start)
    # An organisation says whose a figure is (`entity`), not where: "ports approved by the State
    # Council" are still the province's.
    before = [m for m in (named.last_before(lo, qty.start, organisation=False), cues.last_before(clause, qty.start, organisation=False)) if m]
    if before:
        return max(before, key=lambda m: m.start)
    if qty.kind == "rank":
        return None
    after = (m for m in named.within(qty.end, clause_end(text, qty.end, hi)) if m.place.kind != "organisation")
    return next(after, None)


def _rank_scopes(cues: list[Mention], text: str, quantities: list[Quantity]) -> list[Mention]:
    """The cue words that are not a rank's scope: "first nationwide" ranks a province among all,
    it does not make the province's next figure national."""
    ends = {q.end for q in quantities}
    return [m for m in cues if _word_before_ends(text, m.start) not in ends]


def _word_before_ends(text: str, at: int) -> int:
    """Where the word before `at` ends, over the blanks between (a few at most)."""
    stop = max(0, at - 8)
    while at > stop and text[at - 1].isspace():
        at -= 1
    return at


@lru_cache(maxsize=1)
def _named_in(text: str) -> _Index:
    """The places and organisations a whole briefing names, found once for the places stage and
    the commitments (which place their undertakings) alike."""
    return _Index(mentions_in(text))


class Placer:
    """Everything a briefing says about places, found once; `place` answers for any span."""

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing
        # Looked up once: the briefing's layout property checks its turns on every access.
        self.layout = briefing.layout
        self.named = _named_in(briefing.text)
        self.cues = _Index(_rank_scopes(cues_in(briefing.text), briefing.text, briefing.quantities))
        self.home = home_of(briefing)
        self.country = gazetteer().country_of(self.home)
        self.speakers = _speaker_places(briefing)

    def place(self, qty: Quantity) -> tuple[str, str, str]:
        """place, place_source and entity of a figure (or of any span given as a Quantity)."""
        text = self.briefing.text
        sentence = self.layout.sentence(qty.start)
        lo, hi = min(sentence.start, qty.start), max(sentence.end, qty.end)
        said_by = self.speakers.get(qty.speaker or "", (None, None))
        own = said_by[0] if said_by[0] is not None and said_by[0].kind in SUBNATIONAL else self.home
        org = self.named.last_before(max(lo, qty.start - WINDOW), qty.start, organisation=True)
        entity = org.place.name if org else (said_by[1].name if said_by[1] else "")
        found = _evidence(self.named, self.cues, text, lo, hi, qty)
        place, source = None, "sentence"
        if found is not None and found.place is NATIONAL:
            place = self.country
        elif found is not None and found.place is HOME:
            place = own.name if own is not None else None
        elif found is not None:
            place = found.place.name
        if place is None and said_by[0] is not None:
            place, source = said_by[0].name, "speaker"
        if place is None and self.home is not None:
            place, source = self.home.name, "header"
        return (place, source, entity) if place else ("", "", entity)


def placer_of(briefing: Briefing) -> Placer:
    """The briefing's Placer, found once and kept on the briefing for the places stage and the
    commitments alike (as its layout is); found again if the text, title, turns, participants or
    figures it was found from were replaced."""
    basis = (briefing.text, briefing.title, briefing.turns, briefing.participants, briefing.quantities)
    kept: tuple[tuple[object, ...], Placer] | None = briefing.__dict__.get("_placer")
    if kept is None or any(was is not now for was, now in zip(kept[0], basis)):
        kept = (basis, Placer(briefing))
        briefing.__dict__["_placer"] = kept
    return kept[1]


def place_figures(briefing: Briefing) -> None:
    """Fill `place`, `place_source` and `entity` of every quantity of the briefing."""
    placer = placer_of(briefing)
    for qty in briefing.quantities:
        qty.place, qty.place_source, qty.entity = placer.place(qty)


@stage("places.v1")
def run_places(briefing: Briefing) -> Briefing:
    place_figures(briefing)
    return briefing


__all__ = ["Placer", "clause_end", "clause_start", "cues_in", "gazetteer", "home_of", "mentions_in", "place_figures", "placer_of", "run_places"]
