"""Participants and roles: the roster from header and introduction, then every labelled speaker,
with roles from the roster, the label itself, and position in the briefing."""

from __future__ import annotations

import re

from podium.model import Participant, Turn
from podium.structure import patterns as P
from podium.structure.header import Header
from podium.structure.labels import ANSWER, QUESTION, Label
from podium.structure.words import load

_OUTLET_WORD = r"[A-Z][\w&'’\-]*(?:\.[A-Z][\w&'’\-]*)*"
# "Pat King with the Daily Ledger", "Kim Lo of the Evening Post", "Dana Fox, Harbour Radio":
# the outlet a reporter names right after their own surname.
_OUTLET_AFTER_NAME = (
    rf"\s*(?:,|\s(?:with|from|of|at))\s+(?:the\s+)?(?P<outlet>{_OUTLET_WORD}(?:\s+(?:{_OUTLET_WORD}|of|and))*)"
)


def introduced(intro: str) -> list[tuple[str, str]]:
    """(name, title) of everyone the host introduces, in order, with the title as introduced."""
    found: list[tuple[str, str]] = []
    for match in P.introduced().finditer(intro):
        name, title = match.group("name"), " ".join(match.group("title").split())
        if len(title) >= 8 and name not in (n for n, _ in found):
            found.append((name, title))
    return found


class Roster:
    """The full names a short label may stand for, in order of preference, indexed by name and
    by word so that naming each of many labels does not read the whole roster again."""

    def __init__(self, names: list[str]) -> None:
        self.rank: dict[str, int] = {}
        self.by_word: dict[str, list[str]] = {}
        for name in names:
            if name in self.rank:
                continue
            self.rank[name] = len(self.rank)
            for word in set(name.split()):
                self.by_word.setdefault(word, []).append(name)

    def named_in(self, raw: str) -> str | None:
        """The first roster name that is the whole label, ends it after a blank ("Governor Li
        Hua"), or opens it before a comma ("Li Hua, governor of ...")."""
        candidates = [raw]
        candidates += [raw[at + 1 :] for at, char in enumerate(raw) if char == " "]
        candidates += [raw[:at] for at, char in enumerate(raw) if char == ","]
        known = [name for name in candidates if name in self.rank]
        return min(known, key=self.rank.__getitem__) if known else None

    def family(self, word: str) -> list[str]:
        """The names holding `word` as one of their words."""
        return self.by_word.get(word, [])


def speaker_name(label: Label, roster: Roster) -> str | None:
    """The name a label gives: None for Q/A, a roster name inside a long titled label, else the label."""
    if label.kind in (QUESTION, ANSWER) or not label.raw:
        return None  # a caption's "- " changes speaker and names no one
    raw = " ".join(label.raw.split())
    if raw.endswith(")") and "(" in raw[1:]:
        raw = raw[: raw.index("(", 1)].strip()  # "Bai Lan (host)": the part in brackets is a role
    if "/" in raw:
        raw = raw.split("/")[0].strip()  # "JANE DOE/CHANNEL7": the outlet follows the slash
    named = roster.named_in(raw)
    if named is not None:
        return named
    if "," in raw:
        return raw.split(",")[0].strip()
    if raw.isupper():
        return raw
    raw = P.honorific_prefix().sub("", raw)
    # "Mr. Tan:" is the one rostered Tan, named in full as the host introduced him.
    same_family = roster.family(raw)
    if " " not in raw and len(same_family) == 1:
        return same_family[0]
    return raw


def label_title(label: Label, name: str | None) -> str | None:
    """The title a long label carries ("Name, title:" or "Title Name:")."""
    if name is None:
        return None
    raw = " ".join(label.raw.split())
    if raw.startswith(name + "/"):
        return raw[len(name) + 1 :].strip() or None
    if raw.startswith(name + ","):
        return raw[len(name) + 1 :].strip() or None
    if raw.endswith(" " + name) and len(raw) > len(name) + 3:
        return raw[: -len(name)].strip() or None
    return None


def is_outlet(name: str) -> bool:
    words = load()
    tokens = {t.strip("'’.,").lower() for t in name.split()}
    tokens |= {t.lower() for t in name.split()}
    return bool(tokens & words.outlet_words) or any(w in name for w in words.outlet_words if not w.isascii())


def has_cue(text: str, cues: tuple[str, ...]) -> bool:
    lowered = text.lower().replace("’", "'")
    return any(cue in lowered for cue in cues)


def count_words(text: str, *, cap: int) -> int:
    """The number of words in `text`, or cap + 1 if there are more: the limits asked about are a
    few dozen words, and a speech runs to thousands, which a full split would copy one by one."""
    return len(text.split(maxsplit=cap))


def assign_roles(
    turns: list[Turn],
    header: Header,
    intro_people: list[tuple[str, str]],
    *,
    context: str = "",
    label_titles: dict[str, str] | None = None,
) -> list[Participant]:
    """Fill each turn's role and return the participants, host first, then officials, journalists.

    The one role rule: whoever runs the briefing is `host` (a moderator; a press secretary or
    spokesperson holding their own briefing); officials answering are `official`; askers are
    `journalist`. The host is found, in order, from the header roster, from an office that runs
    briefings in a speaker's label or beside their name in `context` (the title and preamble),
    from what the speaker says (host cues, calling on reporters), and in a briefing the context
    calls regular, as its main answering speaker."""
    words = load()
    people: dict[str, Participant] = {}
    for entry in header.entries:
        people[entry.name] = Participant(entry.name, entry.role, entry.title)
    for name, title in intro_people:
        person = people.setdefault(name, Participant(name, "official"))
        person.title = title  # the title as the host introduced it
    speakers = [t.speaker for t in turns if t.speaker]
    for name in dict.fromkeys(speakers):
        if name not in people:
            people[name] = Participant(name, "unknown")
            labelled_title = (label_titles or {}).get(name)
            if labelled_title and is_outlet(labelled_title) and not _names_an_office(labelled_title):
                # "Kim Park, Valley News:": the label names the reporter's outlet.
                outlet = P.DECLARED_SHORT_FORM.sub("", labelled_title).strip()
                people[name] = Participant(name, "journalist", labelled_title, outlet=outlet)
    _merge_titled_labels(people, set(speakers))
    host = next((p for p in people.values() if p.role == "host"), None)
    if host is None:
        host = (
            _host_by_opening(turns, people)
            or _host_by_office(turns, people, context)
            or _host_by_cue(turns, people)
            or _host_by_position(turns, people)
            or _host_of_regular_briefing(turns, people, context)
        )
        if host is not None:
            host.role = "host"
    regular = host is None and has_cue(context, load().regular_briefing_cues)
    for person in people.values():
        if person.role != "unknown":
            continue
        if is_outlet(person.name):
            person.role, person.outlet = "journalist", person.name
        elif set(person.name.lower().replace(".", " ").replace("-", " ").split()) & words.office_words:
            person.role = "official"
    _roles_by_position(turns, people, briefing=has_cue(context, words.title_cues))
    for turn in turns:
        if turn.speaker is None:
            if turn.label is not None and turn.label.lower() in words.question_labels:
                turn.role = "journalist"
            elif turn.label is not None and turn.label.lower() in words.answer_labels:
                # Unnamed answers at a regular briefing no one else runs are the spokesperson's.
                turn.role = "host" if regular else "official"
            continue
        turn.role = people[turn.speaker].role
    _roles_of_unnamed(turns)
    _journalist_outlets(turns, people)
    order = {"host": 0, "official": 1, "journalist": 2, "unknown": 3}
    spoken = set(speakers)
    listed = [p for p in people.values() if p.name in spoken or p.role in ("host", "official")]
    return sorted(listed, key=lambda p: order[p.role])


def _names_an_office(title: str) -> bool:
    """'White House Press Secretary' holds an outlet word and is an office all the same."""
    words = load()
    tokens = set(title.lower().replace(".", " ").replace("-", " ").split())
    return has_cue(title, words.host_offices) or bool(tokens & words.office_words)


def _merge_titled_labels(people: dict[str, Participant], spoken: set[str]) -> None:
    """'SECRETARY ROE' speaks for the introduced 'Amy Roe': one person, named as labelled,
    with the introduced name as an alias and the introduced title and role."""
    for name in [n for n in people if n not in spoken]:
        surname = name.split()[-1].lower()
        matches = [s for s in spoken if s.isupper() and s.split()[-1].lower() == surname]
        if len(matches) != 1:
            continue
        introduced_person = people.pop(name)
        person = people[matches[0]]
        person.aliases.append(introduced_person.name)
        person.title = person.title or introduced_person.title
        if person.role == "unknown":
            person.role = introduced_person.role


_OPENING_MAX_WORDS = 60  # a moderator's opening is a greeting and an introduction


def _host_by_opening(turns: list[Turn], people: dict[str, Participant]) -> Participant | None:
    """A first speaker who only opens and hands the floor on ('Good morning. Let's now have the
    Spokesperson.') is the moderator, whoever the title says the briefing is by."""
    labelled = [t for t in turns if t.speaker]
    if len(labelled) < 2 or labelled[0].speaker == labelled[1].speaker:
        return None
    opening = labelled[0]
    person = people[opening.speaker or ""]
    short = count_words(opening.text, cap=_OPENING_MAX_WORDS) <= _OPENING_MAX_WORDS
    if person.role == "journalist" or not short or not has_cue(opening.text, load().host_cues):
        return None
    return person


def _host_by_office(turns: list[Turn], people: dict[str, Participant], context: str) -> Participant | None:
    """A speaker whose label carries an office that runs briefings, whom the title or preamble
    names beside one, or who names their own such office as they open."""
    speakers = [p for p in (people[n] for n in dict.fromkeys(t.speaker for t in turns if t.speaker)) if p.role != "journalist"]
    offices = load().host_offices
    labels: dict[str, list[str]] = {}
    for turn in turns:
        if turn.speaker:
            labels.setdefault(turn.speaker, []).append(turn.label or "")
    for person in speakers:
        if has_cue(" ".join([person.name, person.title or "", *labels[person.name]]), offices):
            return person
    beside = set(P.people_beside_offices(context))
    for person in speakers:
        if any(same_person(person.name, name) for name in beside):
            return person
    for index, turn in enumerate(turns[:-1]):
        # "请问发言人, ..." / "Mr. Spokesperson, ...": the reporter addresses the answerer by office.
        answerer = turns[index + 1].speaker
        asker = turn.speaker and (people[turn.speaker].role == "journalist" or is_outlet(turn.speaker))
        asker = asker or (turn.label or "").lower() in load().question_labels
        if asker and answerer and people[answerer].role != "journalist" and has_cue(turn.text[:600], offices):
            return people[answerer]
    cues = load().self_introduction_cues
    for person in speakers:
        first = next(t for t in turns if t.speaker == person.name)
        opening = first.text[:200]
        if has_cue(opening, cues) and has_cue(opening, offices):
            return person
    return None


def same_person(label_name: str, named: str) -> bool:
    """'MR PRICE' or 'Price' is the 'Ned Price' a preamble names: the family names agree."""
    own = P.honorific_prefix().sub("", label_name).replace(".", " ").split()
    other = named.split()
    if len(own) == 1 and len(other) > 1 and own[0][:1].isupper() and not own[0].isupper():
        # "Dana:" in a note that labels people by first name is the "Dana Spinant" it names.
        return own[0] in (other[0], other[-1])
    return bool(own and other) and own[-1].lower() == other[-1].lower()


def link_family_names(turns: list[Turn]) -> dict[str, list[str]]:
    """'MR. COOK:' after 'PETER COOK:', 'Press Secretary Yoshida:' after 'Mr. YOSHIDA Tomoyuki, Press
    Secretary:': a label that is a family name behind an honorific or an office speaks for the one
    earlier speaker whose name holds that word. Each such turn takes the full name; the result maps
    the full name to its short forms, its aliases."""
    words = load()
    titles = words.office_words | {word for office in words.host_offices for word in office.split()}
    full_for: dict[str, str] = {}
    seen: list[str] = []
    for turn in turns:
        name = turn.speaker
        if not name or name in seen or name in full_for:
            if name in full_for:
                turn.speaker = full_for[name]
            continue
        family = _family_word(name, titles)
        holders = [s for s in seen if family and len(s.split()) > 1 and family in s.lower().replace(".", " ").split()]
        if len(holders) == 1:
            full_for[name] = turn.speaker = holders[0]
        else:
            seen.append(name)
    aliases: dict[str, list[str]] = {}
    for short, full in full_for.items():
        aliases.setdefault(full, []).append(short)
    return aliases


def _family_word(name: str, titles: frozenset[str] | set[str]) -> str | None:
    """'cook' of 'MR. COOK', 'yoshida' of 'Press Secretary Yoshida'; None where no honorific or
    office stands before one word."""
    bare = P.honorific_prefix().sub("", name)
    tokens = [t for t in bare.replace(".", " ").split() if t.lower() not in titles]
    dropped = bare != name or len(tokens) < len(bare.split())
    if not dropped or len(tokens) != 1 or not tokens[0].isalpha() or len(tokens[0]) < 2:
        return None
    return tokens[0].lower()


def _host_of_regular_briefing(turns: list[Turn], people: dict[str, Participant], context: str) -> Participant | None:
    """In a briefing its title calls regular ('Daily Press Briefing'), the speaker who answers
    most often runs it."""
    if not has_cue(context, load().regular_briefing_cues):
        return None
    counts: dict[str, int] = {}
    for turn in turns:
        if turn.speaker and people[turn.speaker].role == "unknown" and not is_outlet(turn.speaker):
            counts[turn.speaker] = counts.get(turn.speaker, 0) + 1
    if not counts:
        return None
    return people[max(counts, key=counts.__getitem__)]


def _host_by_cue(turns: list[Turn], people: dict[str, Participant]) -> Participant | None:
    for turn in turns:
        if turn.speaker and people[turn.speaker].role != "journalist" and has_cue(turn.text, load().host_cues):
            return people[turn.speaker]
    return None


def _host_by_position(turns: list[Turn], people: dict[str, Participant]) -> Participant | None:
    """A moderator who only calls on reporters: every turn short, each followed by someone else."""
    by_speaker: dict[str, list[int]] = {}
    for index, turn in enumerate(turns):
        if turn.speaker:
            by_speaker.setdefault(turn.speaker, []).append(index)
    for name, indices in by_speaker.items():
        if len(indices) < 2 or people[name].role != "unknown":
            continue
        short = all(count_words(turns[i].text, cap=12) <= 12 for i in indices)
        handed = all(i + 1 < len(turns) and turns[i + 1].speaker != name for i in indices)
        if short and handed:
            return people[name]
    return None


def _roles_by_position(turns: list[Turn], people: dict[str, Participant], *, briefing: bool = False) -> None:
    """Speakers still unknown: those who mostly ask are journalists, those who answer are officials."""
    for name, person in people.items():
        if person.role != "unknown":
            continue
        own = [t for t in turns if t.speaker == name]
        if not own:
            continue
        asks = sum(1 for t in own if P.QUESTION_MARK.search(t.text))
        if asks * 2 >= len(own) and asks or self_introduced_outlet(name, turns):
            person.role = "journalist"
    for index, turn in enumerate(turns[1:], start=1):
        prev = turns[index - 1]
        called_on = prev.speaker is not None and people[prev.speaker].role == "host"
        # "Pat." calls on a reporter; "I'll give the floor to Mr. Gao" hands over to a speaker.
        called_on = called_on and count_words(prev.text, cap=25) <= 25 and not has_cue(prev.text, load().host_cues)
        # The moderator called on them and they ask; a guest the host hands to answers instead.
        if turn.speaker and people[turn.speaker].role == "unknown" and called_on and P.QUESTION_MARK.search(turn.text):
            people[turn.speaker].role = "journalist"
    for index, turn in enumerate(turns):
        if not turn.speaker or people[turn.speaker].role != "unknown" or index == 0:
            continue
        prev = turns[index - 1]
        prev_role = people[prev.speaker].role if prev.speaker else prev.role
        if prev_role == "journalist" or (prev.label or "").lower() in load().question_labels:
            people[turn.speaker].role = "official"
    for name, person in people.items():
        if person.role == "unknown" and _interviews(name, turns, people):
            person.role = "journalist"
    for person in people.values():
        if person.role == "unknown" and any(t.speaker == person.name for t in turns):
            # A speaker no one asks and who asks no one, in a briefing: they brief. Alone in a
            # text that calls itself a press conference, they brief it too.
            person.role = "official" if len(turns) > 1 or briefing else "unknown"


_UNNAMED_FLOOR_WORDS = 25  # "Okay, we'll go to the Post in the centre.": a line, then someone else speaks
# "Hello, Pat Doe from the Daily Ledger": a speaker who gives their outlet as they open
_FROM_OUTLET = re.compile(rf"\s(?:with|from|of|at)\s+(?:the\s+)?(?P<outlet>{_OUTLET_WORD}(?:\s+(?:{_OUTLET_WORD}|of|and))*)")
_OUTLET_REACH = 120


def _roles_of_unnamed(turns: list[Turn]) -> None:
    """Turns no label names (captions that only mark a change of speaker): one who gives an
    outlet as they open asks; a short first turn that hands the floor on runs the briefing; the
    turn after a reporter's answers."""
    words = load()
    for index, turn in enumerate(turns):
        if turn.speaker is not None or turn.label is not None or turn.role != "unknown":
            continue
        outlets = (m.group("outlet") for m in _FROM_OUTLET.finditer(turn.text[:_OUTLET_REACH]))
        prev = turns[index - 1] if index else None
        if any(is_outlet(outlet) for outlet in outlets):
            turn.role = "journalist"
        elif prev is None and count_words(turn.text, cap=_UNNAMED_FLOOR_WORDS) <= _UNNAMED_FLOOR_WORDS and has_cue(
            turn.text, words.host_cues + words.floor_cues
        ):
            turn.role = "host"
        elif prev is not None and prev.role == "journalist" and not P.QUESTION_MARK.search(turn.text):
            turn.role = "official"


def _interviews(name: str, turns: list[Turn], people: dict[str, Participant]) -> bool:
    """An interviewer: every turn is answered by an official (or ends the text), and at least one
    asks. Greetings and banter between the questions ask nothing, so a share of questions would
    miss them."""
    indices = [i for i, t in enumerate(turns) if t.speaker == name]
    if len(indices) < 2 or not any(P.QUESTION_MARK.search(turns[i].text) for i in indices):
        return False
    def answered_by_official(i: int) -> bool:
        if i + 1 == len(turns):
            return True
        nxt = turns[i + 1].speaker
        return nxt is not None and nxt != name and people[nxt].role == "official"
    return all(answered_by_official(i) for i in indices)


def _journalist_outlets(turns: list[Turn], people: dict[str, Participant]) -> None:
    """'Pat King with the Daily Ledger': a named reporter's outlet from their own first words."""
    for person in people.values():
        if person.role != "journalist" or person.outlet:
            continue
        outlet = self_introduced_outlet(person.name, turns)
        if outlet:
            person.outlet = outlet


def self_introduced_outlet(name: str, turns: list[Turn]) -> str | None:
    """The outlet a reporter names right after their own name in their first turn."""
    first = next((t for t in turns if t.speaker == name), None)
    if first is None:
        return None
    parts = [part for part in name.replace(".", " ").split() if len(part) > 1]
    if not parts:
        return None
    surname = parts[-1]
    pattern = re.compile(rf"\b{re.escape(surname)}\b{_OUTLET_AFTER_NAME}", re.I)
    match = pattern.search(first.text[:300])
    if match is None:
        return None
    outlet = re.sub(r"\s+(?:and|of)$", "", " ".join(match.group("outlet").split()))
    own = {part.lower() for part in parts}
    return None if own & {word.lower() for word in outlet.split()} else outlet
