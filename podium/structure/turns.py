"""Turns from labels: spans between labels, furniture trimmed off their ends, Chinese/English label
pairs merged, speech before the first label, text after a missing page, unlabelled questions."""

from __future__ import annotations

import bisect
import re

from podium.model import Turn
from podium.scan import lower_words
from podium.structure import patterns as P
from podium.structure.furniture import NEW_PAGE, Furniture
from podium.structure.header import key_kind
from podium.structure.labels import ANSWER, CJK, QUESTION, Label
from podium.structure.lines import Line
from podium.structure.words import Words, load
from podium.zh import holds_chinese

_HEADING_CHARS = 100  # a heading is a short line; a longer one naming a statement is speech
_TRAILING_SPACE = " \t\r\n\u00a0\u3000\ufeff"


def build_turns(
    text: str,
    lines: list[Line],
    labels: list[Label],
    furniture: dict[int, Furniture],
    *,
    preamble_start: int | None,
) -> list[Turn]:
    """Turns in text order; `preamble_start` is where unlabelled speech may begin before a label."""
    turns: list[Turn] = []
    if preamble_start is not None:
        turns.extend(_preamble_turn(text, lines, labels, furniture, preamble_start))
    spans = sorted((f.start, f.end) for f in furniture.values())
    new_pages = sorted(f.start for f in furniture.values() if f.kind == NEW_PAGE)
    for i, label in enumerate(labels):
        end = labels[i + 1].start if i + 1 < len(labels) else len(text)
        turns.extend(_label_turns(text, lines, label, end, furniture, spans, new_pages))
    for index, turn in enumerate(turns):
        turn.id = index
    return turns


def _label_turns(
    text: str,
    lines: list[Line],
    label: Label,
    end: int,
    furniture: dict[int, Furniture],
    spans: list[tuple[int, int]],
    new_pages: list[int],
) -> list[Turn]:
    """The label's turn, and a speakerless turn for any text that follows a missing page."""
    body_start = label.body_start
    while body_start < end and text[body_start] in _TRAILING_SPACE:
        body_start += 1
    turn = Turn(0, None, "unknown", label.start, end, body_start, "", label.raw)
    turns = [turn]
    # Most turns hold no new-page furniture (`new_pages`: where each starts, sorted), and so no gap.
    first_after = bisect.bisect_right(new_pages, lines[label.line].start)
    has_new_page = first_after < len(new_pages) and new_pages[first_after] < end
    gap = _gap_after_new_page(text, lines, label, end, furniture) if has_new_page else None
    if gap is not None:
        orphan_start, _ = gap
        turns.append(Turn(0, None, "unknown", orphan_start, end, orphan_start, "", None))
        turn.end = orphan_start
    for t in turns:
        t.end = trim_end(text, t.body_start, t.end, spans)
        t.text = text[t.body_start : t.end]
    return turns


def trim_end(text: str, body_start: int, end: int, spans: list[tuple[int, int]]) -> int:
    """Move `end` back over spaces, editor markers and whole furniture lines (`spans`, sorted),
    never before `body_start`."""
    tokens = load().furniture_tokens
    while True:
        new_end = end
        while new_end > body_start and text[new_end - 1] in _TRAILING_SPACE:
            new_end -= 1
        for token in tokens:
            if new_end - len(token) >= body_start and text.endswith(token, 0, new_end):
                new_end -= len(token)
        # The furniture line that `new_end` closes, if any: the last span starting before it.
        index = bisect.bisect_left(spans, (new_end, -1)) - 1
        if index >= 0:
            start, stop = spans[index]
            if start >= body_start and new_end <= stop + 1:
                new_end = start
        if new_end == end:
            return end
        end = new_end


def _gap_after_new_page(
    text: str, lines: list[Line], label: Label, end: int, furniture: dict[int, Furniture]
) -> tuple[int, int] | None:
    """Text after new-page furniture inside a turn begins mid-speech unless it plainly continues."""
    last_speech_end: int | None = None
    after_new_page = False
    for index in range(label.line + 1, len(lines)):
        line = lines[index]
        if line.start >= end:
            break
        if line.blank:
            continue
        item = furniture.get(index)
        if item is not None:
            after_new_page = after_new_page or item.kind == NEW_PAGE
            continue
        if after_new_page and last_speech_end is not None:
            before = text[label.body_start : last_speech_end].rstrip(_TRAILING_SPACE)
            continues = bool(before) and not P.SENTENCE_END.search(before) and line.stripped[:1].islower()
            if not continues:
                return line.content_start, end
            after_new_page = False
        last_speech_end = line.end
    return None


def merge_pairs(text: str, labels: list[Label]) -> list[Label]:
    """`王小明:` then `Wang Xiaoming:` is one label: the turn starts at the first, named by the second."""
    merged: list[Label] = []
    for label in labels:
        if merged and merged[-1].kind == CJK and label.kind not in (CJK, QUESTION, ANSWER):
            between = text[merged[-1].body_start : label.start]
            if not P.HAS_LATIN.search(between):
                first = merged.pop()
                label = Label(first.start, first.body_start, first.line, label.raw, label.kind, label.inline, first.raw)
        merged.append(label)
    return merged


def _preamble_turn(
    text: str, lines: list[Line], labels: list[Label], furniture: dict[int, Furniture], start: int
) -> list[Turn]:
    """Speech before the first label (a spokesperson's opening announcements): prose paragraphs
    after the title lines that are neither a news lede nor a dateline."""
    stop = labels[0].start if labels else len(text)
    words = load()
    speakers: frozenset[str] | None = None  # the labels' name words, spelled out only for a prose line
    first: int | None = None
    last: int | None = None
    for index, line in enumerate(lines):
        if line.start < start or line.blank or index in furniture:
            continue
        if line.start >= stop:
            break
        stripped = line.stripped
        lowered = stripped.lower()
        if len(stripped) < _HEADING_CHARS and any(cue in lowered for cue in words.speech_heading_cues):
            first = last = None  # "Opening Statement by ...": the speech starts under its heading
            continue
        prose = len(stripped) >= 60 and P.SENTENCE_END.search(stripped) and _wordy(stripped, words)
        caption = P.CAPTION_STAMP.match(stripped)
        if caption is not None and first is None:
            first = line.content_start + caption.end()  # captions: the speech after the first timestamp
            last = min(line.end, stop)
            continue
        if not prose and first is None and _greets(lowered, words):
            first = line.content_start  # "Good afternoon." on its own line opens the speech
            last = min(line.end, stop)
            continue
        if not prose or key_kind(stripped) is not None:
            continue  # a "Speakers: ..." roster line is header, however long
        if speakers is None:
            speakers = _label_words(labels)
        editorial = _names_the_event(lowered, words) or _names_a_speaker(lowered, speakers)
        if editorial and not P.addresses_the_room(lowered):
            continue
        if first is None:
            first = line.content_start
        # A label can open partway along a line; the preamble stops where that label starts.
        last = min(line.end, stop)
    if first is None or last is None:
        return []
    last = len(text[first:last].rstrip()) + first
    if last <= first:
        return []
    return [Turn(0, None, "unknown", first, last, first, text[first:last], None)]


def prose_outside_turns(
    text: str, lines: list[Line], furniture: dict[int, Furniture], turns: list[Turn], body_start: int
) -> list[tuple[int, int]]:
    """The stretches of prose before the first turn that no turn holds (a news lede, a host's words
    under a label podium does not read), as (start, end): kept, so their figures are read too,
    rather than dropped with the title and the header. A line is prose when it runs to nine words
    or more and is not a heading; short lines there are titles, datelines and video furniture."""
    stop = min((turn.start for turn in turns), default=len(text))
    words = load()
    spans: list[tuple[int, int]] = []
    for index, line in enumerate(lines):
        if line.start >= stop:
            break
        if line.start < body_start or line.blank or index in furniture or not _wordy(line.stripped, words):
            continue
        if holds_chinese(line.stripped):
            continue  # Chinese in an English page: a site's menu, or text the Chinese reader takes
        end = min(line.end, stop)
        if end <= line.content_start:
            continue
        if spans and not text[spans[-1][1] : line.content_start].strip():
            spans[-1] = (spans[-1][0], end)  # one stretch over consecutive prose lines
        else:
            spans.append((line.content_start, end))
    return spans


def _wordy(stripped: str, words: Words) -> bool:
    """Nine words or more, and not a heading: the least a prose line holds."""
    return stripped.count(" ") >= 8 and not _is_heading(stripped, words)


_GREETING_WORDS = 6
_HEADING_SHARE = 0.8  # a heading capitalises (nearly) every word but its joiners


def _is_heading(stripped: str, words: Words) -> bool:
    """'Office of the Assistant Secretary of Defense (Public Affairs)': a line with no full stop whose
    words are capitalised is a heading, however long; speech ends its sentences."""
    if stripped.rstrip(" )]\"”’'").endswith((".", "!", "?")):
        return False
    tokens = [t.strip("()[]\"“”'‘’,;") for t in stripped.split()]
    tokens = [t for t in tokens if t and t[0].isalpha() and t.lower() not in words.name_joiners]
    return bool(tokens) and sum(t[0].isupper() for t in tokens) >= _HEADING_SHARE * len(tokens)


def _greets(lowered: str, words: Words) -> bool:
    return lowered.startswith(words.courtesy_cues) and len(lowered.split()) <= _GREETING_WORDS


def _names_the_event(lowered: str, words: Words) -> bool:
    return any(cue in lowered for cue in words.lede_cues + words.title_cues)


def _label_words(labels: list[Label]) -> frozenset[str]:
    """The name words of the labels (lower case): 'Kapelos' of 'Vassy Kapelos (VK):'."""
    words = load()
    found = set()
    for raw in {label.raw for label in labels if label.kind not in (QUESTION, ANSWER)}:
        for word in lower_words(raw):
            if len(word) >= 3 and word not in words.office_words and word not in words.name_joiners:
                found.add(word)
    return frozenset(found)


def _names_a_speaker(lowered: str, speakers: frozenset[str]) -> bool:
    """A standfirst or a narrated opening ('The Minister sat down with Jane Doe', 'The chair opens
    the conference and welcomes Secretary Roe') speaks of a labelled speaker by name."""
    return bool(speakers) and any(word in speakers for word in lower_words(lowered))


# --- unlabelled questions ---------------------------------------------------------------------------

_MAX_QUESTION_PARAGRAPHS = 3  # a question runs to a few paragraphs; more is an answer
_PARAGRAPH = re.compile(r"\S[^\n]*(?:\n(?![ \t\u00a0\u3000]*\n)[^\n]*)*")


def paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each paragraph in text[start:end]: blank-line separated, or one a line
    where the layout puts no blank lines between paragraphs."""
    if not P.BLANK_RUN.search(text, start, end):
        return _line_spans(text, start, end)
    spans: list[tuple[int, int]] = []
    for match in _PARAGRAPH.finditer(text, start, end):
        para_end = match.end()
        while para_end > match.start() and text[para_end - 1] in _TRAILING_SPACE:
            para_end -= 1
        if text[match.start() : para_end].strip(_TRAILING_SPACE):
            first = match.start()
            while text[first] in _TRAILING_SPACE:
                first += 1
            spans.append((first, para_end))
    return spans


def split_questions_and_answers(text: str, turn: Turn) -> list[Turn]:
    """A page of questions and answers with no labels: a paragraph that asks opens a reporter's
    turn, the paragraph after it opens the answer, which runs until the next one that asks."""
    words = load()
    turns: list[Turn] = []
    asking = False
    for start, end in paragraphs(text, turn.body_start, turn.end):
        para = text[start:end]
        opening = para[:80].lower().replace("’", "'")
        asks = P.QUESTION_MARK.search(para[-200:]) is not None or opening.startswith(words.question_openers)
        if asks and not asking:
            turns.append(Turn(0, None, "journalist", start, end, start, "", None))
        elif not asks and (asking or not turns):
            turns.append(Turn(0, None, "official" if turns else "unknown", start, end, start, "", None))
        turns[-1].end = end
        asking = asks
    for new in turns:
        new.text = text[new.body_start : new.end]
    return turns if len(turns) > 1 else [turn]


def split_unlabelled_question(text: str, turn: Turn, *, host_turn: bool) -> Turn | None:
    """A question at the end of a host's or an official's turn, after the floor is open, that no
    label introduces: return it as a new turn and shorten `turn`, or return None."""
    words = load()
    spans = paragraphs(text, turn.body_start, turn.end)
    if len(spans) < 2:
        return None
    last_start, last_end = spans[-1]
    if not P.QUESTION_MARK.search(text[last_start:last_end]):
        return None
    candidates = range(len(spans) - 2, max(-1, len(spans) - 2 - _MAX_QUESTION_PARAGRAPHS), -1)
    # A wider gap than any other in the turn is where a label was left out: the surest sign, so it
    # wins over a question that itself opens with "Thank you".
    gaps = [text.count("\n", spans[k][1], spans[k + 1][0]) for k in range(len(spans) - 1)]
    boundary = next((k for k in candidates if len(gaps) > 1 and gaps[k] > max(gaps[:k] + gaps[k + 1 :])), None)
    for k in candidates if boundary is None else ():
        para = text[spans[k][0] : spans[k][1]].lower().replace("’", "'")
        closes = any(cue in para[-80:] for cue in words.closing_cues)
        opens_floor = host_turn and any(cue in para for cue in words.floor_open_cues)
        if closes or opens_floor:
            boundary = k
            break
    if boundary is None:
        return None
    question_start = spans[boundary + 1][0]
    question = Turn(0, None, "journalist", question_start, turn.end, question_start, text[question_start : turn.end], None)
    turn.end = spans[boundary][1]
    turn.text = text[turn.body_start : turn.end]
    return question


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        stop = text.find("\n", pos, end)
        stop = end if stop == -1 else stop
        first, last = pos, stop
        while first < last and text[first] in _TRAILING_SPACE:
            first += 1
        while last > first and text[last - 1] in _TRAILING_SPACE:
            last -= 1
        if first < last:
            spans.append((first, last))
        pos = stop + 1
    return spans
