"""The structure stage: header, roster, speaker labels, turns, roles, exchanges, date, series.

Registered as "structure.v1". It honours `briefing.metadata["body_start"]` (front matter is not
transcript) and a date already set by `--date` or front matter. Turns are contiguous spans, so a
page break inside a speech stays inside its turn's text; `briefing.metadata["furniture"]` lists
every furniture span (running headers, page numbers, editor markers, site lines) as
`(start, end)` so later stages can skip them, and `briefing.metadata["outside_turns"]` the prose
above the first turn that no turn holds (a news lede), so later stages read it too. A readable file is never refused: with no speaker
label its speech is one turn, by the speaker the header or title names or by no one (`unknown`),
and `briefing.warnings` says so."""

from __future__ import annotations

from podium.model import Briefing, Caveat, Turn
from podium.stages import stage
from podium.structure import patterns as P
from podium.structure.dates import find_date
from podium.structure.exchanges import build_exchanges
from podium.structure.furniture import NEW_PAGE, Furniture, find_furniture, token_spans
from podium.structure.header import Header, find_header, header_lines_after
from podium.structure.labels import NAME, Label, find_candidates, judge
from podium.structure.lines import Line, split_lines
from podium.structure.meta import composed_title, find_organisation, find_series, find_title, heading_title
from podium.structure.roster import (
    Roster,
    assign_roles,
    has_cue,
    introduced,
    label_title,
    link_family_names,
    same_person,
    speaker_name,
)
from podium.structure.turns import (
    build_turns,
    merge_pairs,
    prose_outside_turns,
    split_questions_and_answers,
    split_unlabelled_question,
    trim_end,
)
from podium.structure.words import load
from podium.zh import holds_chinese, is_chinese


@stage("structure.v1")
def run_structure(briefing: Briefing) -> Briefing:
    if is_chinese(briefing.text):
        return _chinese_structure(briefing)
    text = briefing.text
    body_start = int(briefing.metadata.get("body_start") or 0)
    lines = split_lines(text, body_start)
    furniture = find_furniture(lines)
    header, labels = _header_and_labels(text, lines, furniture)
    stop = labels[0].line if labels else len(lines)
    preamble = [line for line in lines[:stop] if not line.blank]

    if not labels and holds_chinese(text):
        return _chinese_structure(briefing)  # a bilingual page whose labels are Chinese
    preamble_start = None if header.entries and labels else body_start
    turns = build_turns(text, lines, labels, furniture, preamble_start=preamble_start)
    if not labels:
        turns = _unlabelled_speech(text, lines, furniture, turns, body_start)
        if turns and has_cue(text[body_start : turns[0].start], load().qa_page_cues):
            turns = split_questions_and_answers(text, turns[0])
        if len(header.entries) == 1 and turns:
            turns[0].speaker = header.entries[0].name  # the one speaker the header names
        briefing.warnings.append(Caveat("structure", _UNLABELLED_WARNING))
    intro = _intro_text(turns)
    intro_people = introduced(intro)
    aliases: dict[str, str] = {}
    label_titles = _name_turns(turns, labels, _known_names(header, intro_people, labels), aliases)
    family_aliases = link_family_names(turns)
    turns = _without_reprinted_pages(turns)
    _name_opening_statement(text, turns)
    briefing.title = briefing.title or find_title(preamble)
    _name_spokesperson(turns, briefing.title)
    context = "\n".join([briefing.title or "", text[body_start : body_start + _CONTEXT_CHARS]])
    if not labels and turns and turns[0].speaker is None:
        turns[0].speaker = _briefer_named(context)
    # "CCTV" beside its Chinese twin "总台央视记者": the other-language label says it is an outlet.
    described = {name: label_titles.get(name) or alias for name, alias in aliases.items()} | label_titles
    briefing.participants = assign_roles(turns, header, intro_people, context=context, label_titles=described)
    for person in briefing.participants:
        person.title = person.title or label_titles.get(person.name)
        for alias in [aliases.get(person.name), *family_aliases.get(person.name, [])]:
            if alias and alias not in person.aliases:
                person.aliases.append(alias)
    briefing.turns = _unlabelled_questions(text, turns)
    briefing.exchanges = build_exchanges(briefing.turns)
    body = text[body_start:]
    _describe(briefing, intro, body)
    _set_date(briefing, preamble, header.date_text, body)
    _compose_title(briefing, preamble)
    briefing.metadata["furniture"] = sorted({(f.start, f.end) for f in furniture.values()} | set(token_spans(text)))
    outside = prose_outside_turns(text, lines, furniture, briefing.turns, body_start)
    if outside:
        briefing.metadata["outside_turns"] = outside
    return briefing


def _chinese_structure(briefing: Briefing) -> Briefing:
    # Imported on use: an English briefing never needs the Chinese label tables.
    from podium.structure.chinese import read_structure

    return read_structure(briefing)


_CONTEXT_CHARS = 1500  # the opening of a page, where a briefing names who runs it (roster lines included)


def _briefer_named(context: str) -> str | None:
    """'... today's noon briefing by Jane Doe, Spokesperson': the speaker of an unlabelled briefing."""
    named = P.people_beside_offices(context)
    return named[0] if named else None


_UNLABELLED_WARNING = (
    "no speaker labels found: the text is read as one turn, by the speaker the header or title names"
    " if it names one, else by no one"
)


def _unlabelled_speech(
    text: str, lines: list[Line], furniture: dict[int, Furniture], turns: list[Turn], body_start: int
) -> list[Turn]:
    """A text with no label at all (an opening statement, a page of answers) is one turn: from the
    first prose paragraph, or, if no line reads as prose, from the first line that is not
    furniture, to the end of the text less trailing furniture."""
    if turns:
        start = turns[0].body_start
    else:
        content = (line for index, line in enumerate(lines) if index not in furniture and not line.blank)
        first = next((line for line in content if line.start >= body_start), None)
        if first is None:
            return []
        start = first.content_start
    spans = sorted((f.start, f.end) for f in furniture.values())
    end = max(trim_end(text, start, len(text), spans), turns[0].end if turns else start)
    return [Turn(0, None, "unknown", start, end, start, text[start:end], None)]


def _header_and_labels(text: str, lines: list[Line], furniture: dict[int, Furniture]) -> tuple[Header, list[Label]]:
    """The header sits above the first label; once its lines are furniture (and its roster names
    known), the labels are judged again."""
    candidates = find_candidates(lines, furniture)
    first_guess = judge(candidates, lines, furniture, known_names=set())
    stop = first_guess[0].line if first_guess else len(lines)
    header = find_header(lines, stop=stop)
    for index in header.lines | header_lines_after(lines, stop):
        furniture.setdefault(index, Furniture(lines[index].start, lines[index].end, NEW_PAGE))
    roster_names = {entry.name for entry in header.entries}
    return header, merge_pairs(text, judge(candidates, lines, furniture, known_names=roster_names))


def _known_names(header: Header, intro_people: list[tuple[str, str]], labels: list[Label]) -> list[str]:
    """Full names a short label may stand for: roster, introduction, then labels in full."""
    labelled = [P.honorific_prefix().sub("", " ".join(label.raw.split())) for label in labels if label.kind == NAME]
    full_names = [name for name in labelled if "," not in name and 1 < len(name.split()) <= 4]
    return [entry.name for entry in header.entries] + [name for name, _ in intro_people] + full_names


def _describe(briefing: Briefing, intro: str, body: str) -> None:
    """Series, number and organisation, from the host's introduction and the officials' titles."""
    briefing.series, briefing.series_number = find_series(intro or body)
    officials = [p.title for p in briefing.participants if p.role == "official" and p.title]
    briefing.organisation = find_organisation(officials, body, briefing.title)


def _intro_text(turns: list[Turn]) -> str:
    """The host's opening, where the series and each official's title are introduced."""
    cues = load().host_cues
    for turn in turns[:4]:
        if has_cue(turn.text, cues):
            return turn.text
    return ""


def _name_turns(turns: list[Turn], labels: list[Label], names: list[str], aliases: dict[str, str]) -> dict[str, str]:
    """Set each labelled turn's speaker; return titles that long labels carry. `aliases` gains the
    other-language label of each bilingual pair."""
    by_start = {label.start: label for label in labels}
    roster = Roster(names)
    titles: dict[str, str] = {}
    short_forms: dict[str, str] = {}
    for turn in turns:
        label = by_start.get(turn.start)
        if label is None:
            continue
        written = " ".join(label.raw.split())
        turn.label = written or None  # a caption's speaker change is a turn with no label
        turn.speaker = short_forms.get(written) or speaker_name(label, roster)
        if turn.speaker is not None and turn.speaker != written and written in short_forms:
            continue
        short = _declared_short_form(written)
        if short and turn.speaker:
            # "Jane Doe, Valley News (JD):" once, then "JD:": the initials are Jane Doe.
            short_forms.setdefault(short, turn.speaker)
            aliases.setdefault(turn.speaker, short)
        if label.alias and turn.speaker is not None:
            aliases.setdefault(turn.speaker, label.alias)
        title = label_title(label, turn.speaker)
        if title and turn.speaker:
            titles.setdefault(turn.speaker, title)
    return titles


def _declared_short_form(label: str) -> str | None:
    """'JD' in 'Jane Doe (JD)': upper-case initials in brackets closing a longer label."""
    if not label.endswith(")"):
        return None
    match = P.DECLARED_SHORT_FORM.search(label)
    return match.group("short") if match and match.start() > 0 else None


_REPRINT_CHARS = 80  # this much identical opening speech by one speaker may be a page printed twice


def _without_reprinted_pages(turns: list[Turn]) -> list[Turn]:
    """Topic pages print a page again (header and all): of two turns by one speaker where one
    repeats the other (a cut-off copy is a prefix of the full one), keep the fuller, so no figure
    is counted twice."""
    # The whole speech, spaces collapsed, is spelled out only for a turn whose opening repeats.
    openings: dict[tuple[str | None, str], tuple[Turn, str | None]] = {}
    dropped: set[int] = set()
    for turn in turns:
        opening = _collapsed_opening(turn.text)
        if len(opening) < _REPRINT_CHARS:
            continue
        key = (turn.speaker, opening[:_REPRINT_CHARS])
        if key not in openings:
            openings[key] = (turn, None)
            continue
        earlier, earlier_speech = openings[key]
        if earlier_speech is None:
            earlier_speech = " ".join(earlier.text.split())
        speech = " ".join(turn.text.split())
        short, long = sorted((earlier_speech, speech), key=len)
        if not long.startswith(short[: max(len(short) - 3, _REPRINT_CHARS)]):
            continue  # the same opening words, then different speech: both stand
        keep, drop = (turn, earlier) if len(speech) > len(earlier_speech) else (earlier, turn)
        dropped.add(id(drop))
        openings[key] = (keep, long)
    kept = [turn for turn in turns if id(turn) not in dropped]
    for index, turn in enumerate(kept):
        turn.id = index
    return kept


def _collapsed_opening(text: str) -> str:
    """The speech with its spaces collapsed, at least its first _REPRINT_CHARS characters (all of
    it if shorter), from only as much of the text as that takes."""
    size = _REPRINT_CHARS * 2
    while True:
        # Collapsing a cut-off text gives a prefix of the collapsed whole, the cut word shortened.
        opening = " ".join(text[:size].split())
        if len(opening) > _REPRINT_CHARS or size >= len(text):
            return opening
        size *= 4


def _name_opening_statement(text: str, turns: list[Turn]) -> None:
    """'Opening Statement by Chief Cabinet Secretary Suga' over unlabelled speech: the speech is by
    the labelled speaker of that family name."""
    if not turns or turns[0].label is not None or turns[0].speaker is not None:
        return
    above = text[max(0, turns[0].start - _HEADING_REACH) : turns[0].start].strip().splitlines()
    for named in P.people_beside_offices(above[-1]) if above else []:
        speaker = next((t.speaker for t in turns if t.speaker and same_person(t.speaker, named)), None)
        if speaker is not None:
            turns[0].speaker = speaker
            return
    # "I'm Jane Doe, the Bank's Press Secretary, and ...": the opening names its own speaker.
    turns[0].speaker = P.self_introduced_name(turns[0].text[:_SELF_INTRODUCTION_REACH])


_SELF_INTRODUCTION_REACH = 200  # a speaker says who they are in the opening sentence


_HEADING_REACH = 200  # the heading line right above a speech


def _name_spokesperson(turns: list[Turn], title: str | None) -> None:
    """'Spokesperson Zhou Yi's Regular Press Conference': the unnamed answers are Zhou Yi's."""
    if not title:
        return
    match = P.SPOKESPERSON_TITLE.search(title)
    if match is None:
        return
    name = match.group("name")
    words = load()
    for index, turn in enumerate(turns):
        unlabelled_opening = turn.label is None and index == 0
        if unlabelled_opening or (turn.label or "").lower() in words.answer_labels:
            turn.speaker = name


def _unlabelled_questions(text: str, turns: list[Turn]) -> list[Turn]:
    if any(t.role == "journalist" and t.speaker is None for t in turns):
        return turns  # reporters here are labelled Q: an unlabelled question would be a guess
    floor_open = False
    result: list[Turn] = []
    words = load()
    for index, turn in enumerate(turns):
        result.append(turn)
        if turn.role == "host" and has_cue(turn.text, words.floor_open_cues):
            floor_open = True
        if turn.role == "journalist":
            floor_open = True
        nxt = turns[index + 1] if index + 1 < len(turns) else None
        if not floor_open or nxt is None or nxt.role != "official" or turn.role not in ("host", "official"):
            continue
        question = split_unlabelled_question(text, turn, host_turn=turn.role == "host")
        if question is not None:
            result.append(question)
    for index, turn in enumerate(result):
        turn.id = index
    return result


def _compose_title(briefing: Briefing, preamble: list[Line]) -> None:
    """Without a title in the metadata or a title line, the first heading; else one made from the
    series, who briefed, the region and the date, marked as made up (`metadata["title_source"]`)
    so no one takes it for the text's. A briefing that had a title is left as it was."""
    if briefing.title:
        return
    briefing.title = heading_title(preamble)
    if briefing.title:
        briefing.metadata["title_source"] = "heading"
        return
    briefing.title = composed_title(briefing)
    if briefing.title:
        briefing.metadata["title_source"] = "composed"


def _set_date(briefing: Briefing, preamble: list[Line], header_date: str | None, body: str) -> None:
    found = find_date(preamble, header_date, body)
    if briefing.date is None and found.date:
        briefing.date, briefing.date_source = found.date, found.source
    if briefing.date is None:
        briefing.inferred_year, briefing.year_evidence = found.year, found.evidence
