"""Speaker labels in every layout the corpus shows.

`Name:` alone on a line, `Name: text`, `CHAIR LEE.  text`, `MS. DOE:  text`, `Q:`/`A:`,
`Q    text`, `QUESTION.`, an outlet as the label, a Chinese label paired with its English twin, and
labels that carry a long title. Candidates are collected first and judged against the whole
document, because a lone `INFLATION:` or `GDP.` at a line start is prose, not a speaker."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from podium.structure import patterns as P
from podium.structure.furniture import Furniture, strip_tokens
from podium.structure.lines import Line, previous_content
from podium.structure.words import load
from podium.zh import HAN_RUN

_DASH_REACH = 60  # a dash label ("Secretario de Estado de Comunicación.-") ends this near the line start
_WRAPPED_LINE = 60  # a line this long that stops mid-sentence is hard-wrapped prose

NAME = "name"  # a person or an outlet, written as a name
UPPER = "upper"  # an upper-case label: CHAIR LEE. / MS. DOE:
QUESTION = "question"  # Q, QUESTION: a reporter not named
ANSWER = "answer"  # A: the answerer not named
CJK = "cjk"  # a Chinese label
LOOSE = "loose"  # a name label over lower-case speech: kept only where the name also labels as usual


@dataclass
class Label:
    start: int  # offset of the label's first character
    body_start: int  # offset where the speech after it begins
    line: int  # index of the line holding it
    raw: str  # the label as written, without colon or full stop
    kind: str
    inline: bool  # speech follows on the same line
    alias: str | None = None  # the other half of a bilingual pair
    shape: str = ""  # a label shape kept only where the document repeats it (dash, timed, initials)
    key: str = field(init=False, repr=False)  # the label folded: spaces collapsed, lower case

    def __post_init__(self) -> None:
        self.key = " ".join(self.raw.split()).lower()


def find_candidates(lines: list[Line], furniture: dict[int, Furniture]) -> list[Label]:
    """Every line that could open a turn; `judge` decides which do."""
    candidates: list[Label] = []
    tokens = load().furniture_tokens
    for index, line in enumerate(lines):
        if not line.stripped or index in furniture:
            continue
        if _may_hold_label(line.stripped, tokens):
            label = _label_on_line(lines, index, _FINDERS)
        elif len(line.stripped) <= _ALONE_CHARS and _set_apart(lines, index):
            label = _label_on_line(lines, index, (_name_alone,))
        else:
            continue
        if label is not None:
            candidates.append(label)
    return candidates


def _set_apart(lines: list[Line], index: int) -> bool:
    """A line with a blank line on either side, as a name alone on its line stands."""
    return index + 1 < len(lines) and lines[index + 1].blank and (index == 0 or lines[index - 1].blank)


def _label_on_line(lines: list[Line], index: int, finders: tuple) -> Label | None:
    line = lines[index]
    pos = strip_tokens(line)
    rest = line.text[pos - line.start :]
    for finder in finders:
        label = finder(lines, index, pos, rest)
        if label is not None:
            return label
    return None


def _may_hold_label(text: str, tokens: tuple[str, ...]) -> bool:
    """Every label has a colon after it or is upper case from its first letters (Q, A, CHAIR LEE.),
    perhaps behind an editor marker. Most lines are prose that fails this, and so skip the regexes,
    whose lazy name pattern tries each of its lengths on a long line."""
    dash = "-" in text[:_DASH_REACH] or "\u2013" in text[:_DASH_REACH]  # "Pregunta.- ", "Q - "
    return ":" in text or "\uff1a" in text or text[:2].isupper() or dash or text.startswith(tokens)


def _make(index: int, pos: int, rest: str, match_end: int, raw: str, kind: str) -> Label:
    after = rest[match_end:]
    skipped = len(after) - len(after.lstrip(" \t\u00a0\u3000"))
    body_start = pos + match_end + skipped
    inline = bool(after.strip(" \t\u00a0\u3000\r"))
    return Label(pos, body_start, index, raw.strip(" \t\u00a0\u3000"), kind, inline)


def _qa_label(lines: list[Line], index: int, pos: int, rest: str) -> Label | None:
    match = P.QA_LABEL.match(rest)
    if match is None:
        return None
    letter = match.group("label")
    kind = QUESTION if letter == "Q" else ANSWER
    return _make(index, pos, rest, match.end(), letter, kind)


def _kind_of(raw: str) -> str:
    words = load()
    key = raw.lower()
    return QUESTION if key in words.question_labels else ANSWER if key in words.answer_labels else NAME


def _shaped(label: Label, shape: str) -> Label:
    label.shape = shape
    return label


def _timed_label(lines: list[Line], index: int, pos: int, rest: str) -> Label | None:
    match = P.TIMED_LABEL.match(rest)
    if match is None:
        return None
    raw = match.group("label").strip()
    # The timestamp vouches for a label in any case ("easter helper (01:00):"), if it reads as a name.
    if not _title_cased(_without_number(raw)) and not _reads_as_name(raw):
        return None
    return _shaped(_make(index, pos, rest, match.end(), raw, _kind_of(raw)), "timed")


def _reads_as_name(raw: str) -> bool:
    """A few words with no sentence punctuation."""
    return 0 < len(raw.split()) <= 4 and not any(mark in raw for mark in ".,;!?\"“")


def _without_number(raw: str) -> str:
    """'Speaker 7' is a generic label: its number is part of the name."""
    head, _, tail = raw.rpartition(" ")
    return head if head and tail.isdigit() else raw


def _dash_label(lines: list[Line], index: int, pos: int, rest: str) -> Label | None:
    match = P.DASH_LABEL.match(rest)
    if match is None:
        return None
    raw = match.group("label").strip().rstrip(".")
    if not _title_cased(raw) or not _opens_paragraph(lines, index):
        return None
    return _shaped(_make(index, pos, rest, match.end(), raw, _kind_of(raw)), "dash")


def _numbered_label(lines: list[Line], index: int, pos: int, rest: str) -> Label | None:
    """'2. SOUNDBITE: (English) Jane Doe, Press Secretary:' over the quoted speech."""
    if not rest[:1].isdigit():
        return None
    match = P.NUMBERED_LABEL.match(rest)
    if match is None or not _title_cased(match.group("label").strip()):
        return None
    return _shaped(_make(index, pos, rest, match.end(), match.group("label"), NAME), "numbered")


def _bracket_label(lines: list[Line], index: int, pos: int, rest: str) -> Label | None:
    """'(Reporter question off camera): "..."', '(Jane Doe): "..."'."""
    if not rest.startswith("("):
        return None
    match = P.BRACKET_LABEL.match(rest)
    if match is None or not _reads_as_name(match.group("label")):
        return None
    raw = match.group("label")
    return _shaped(_make(index, pos, rest, match.end(), raw, _kind_of(raw)), "bracket")


CHANGE = "change"  # "- " opening a caption cue: a new, unnamed speaker


def _speaker_change(lines: list[Line], index: int, pos: int, rest: str) -> Label | None:
    """'- Okay, we'll go to ...' right under a cue timing: the captions mark a change of speaker
    with a dash and name no one. The turn starts at the first word."""
    if rest[:1] not in "-–" or index == 0:
        return None
    match = P.CAPTION_SPEAKER_CHANGE.match(rest)
    if match is None or not P.CAPTION_CUE_LINE.match(lines[index - 1].stripped):
        return None
    start = pos + match.end()
    return _shaped(Label(start, start, index, "", NAME, True), CHANGE)


def _spaced_initials(lines: list[Line], index: int, pos: int, rest: str) -> Label | None:
    match = P.SPACED_INITIALS.match(rest)
    if match is None:
        return None
    raw = match.group("label")
    return _shaped(_make(index, pos, rest, match.end(), raw, _kind_of(raw)), "initials")


def _opens_paragraph(lines: list[Line], index: int) -> bool:
    prev = previous_content(lines, index)
    return prev is None or bool(P.SENTENCE_END.search(prev.stripped)) or prev.end < lines[index].start - 1


def _upper_label(lines: list[Line], index: int, pos: int, rest: str) -> Label | None:
    for pattern in (P.UPPER_COLON_LABEL, P.UPPER_STOP_LABEL):
        match = pattern.match(rest)
        if match is None:
            continue
        raw = match.group("label").rstrip(".")
        if pattern is P.UPPER_COLON_LABEL and " " not in raw.strip() and raw not in load().question_labels:
            return None  # one upper-case word and a colon ("XYZ:", "INFLATION:") is judged as a name
        letters = [ch for ch in raw if ch.isalpha()]
        if len(letters) < 2 or not all(ch.isupper() for ch in letters):
            continue
        kind = QUESTION if raw.lower() in load().question_labels else UPPER
        if kind == UPPER and (raw.lower() in load().not_labels or _names_an_event(raw)):
            continue  # "POST-CABINET PRESS CONFERENCE: Monday, 5 May" is a title
        return _make(index, pos, rest, match.end(), raw, kind)
    return None


def _names_an_event(raw: str) -> bool:
    # A speaker's label is a name or two; a title naming the event runs to a few words.
    return raw.count(" ") >= 1 and P.title_cue().search(raw) is not None


_ALONE_CHARS = 40  # a name alone on its line is short
_ALONE_WORDS = 4
ALONE = "alone"  # a name alone on its line, no colon, speech after a blank line


def _name_alone(lines: list[Line], index: int, pos: int, rest: str) -> Label | None:
    """'Governor Doe' alone on its line between blank lines, a paragraph of speech below: kept
    only where the document's grammar vouches for it (judge)."""
    if len(rest) > 2 * _ALONE_CHARS:
        return None  # a line of speech, not a name
    raw = rest.strip(" \t\u00a0\u3000\r")
    tokens = raw.split()
    if not 2 <= len(tokens) <= _ALONE_WORDS or len(raw) > _ALONE_CHARS or not _title_cased(raw):
        return None
    if any(mark in raw for mark in ".,;:!?'’\"“|"):
        return None
    before = lines[index - 1] if index else None
    after = next((line for line in lines[index + 1 :] if not line.blank), None)
    if (before is not None and not before.blank) or index + 1 >= len(lines) or not lines[index + 1].blank:
        return None
    if after is None or len(after.stripped) < _WRAPPED_LINE:
        return None
    return _shaped(Label(pos, after.content_start, index, raw, NAME, False), ALONE)


def _holds_office(label: Label) -> bool:
    words = load()
    tokens = set(label.key.replace("-", " ").split())
    return bool(tokens & words.office_words) or bool(P.honorific_prefix().match(label.raw))


def _cjk_label(lines: list[Line], index: int, pos: int, rest: str) -> Label | None:
    match = P.CJK_LABEL.match(rest)
    if match is None:
        return None
    raw = match.group("label")
    if raw in load().not_labels:
        return None
    speech = match.group("rest").strip()
    if speech:
        # Navigation ("位置: 首页 > 栏目") and titles carry no sentence punctuation.
        navigation = any(mark in speech for mark in ":：|>")
        unpunctuated = not any(mark in speech for mark in "。？！?，,")
        if navigation or (unpunctuated and index < len(lines) - 1):
            return None
    kind = QUESTION if raw in load().question_labels else CJK
    return _make(index, pos, rest, match.start("rest"), raw, kind)


def _name_label(lines: list[Line], index: int, pos: int, rest: str) -> Label | None:
    if len(rest) > P.NAME_LABEL_CHARS and not _colon_in_name_reach(rest):
        return None
    match = P.NAME_COLON_LABEL.match(rest)
    if match is None:
        return None
    raw = match.group("label").strip(" \t\u00a0\u3000")
    speech = match.group("rest").strip(" \t\u00a0\u3000\r")
    generic = _without_number(raw) if raw[-1:].isdigit() else raw
    if not _title_cased(generic) or generic.lower() in load().not_labels or _is_header_key(raw) or _names_an_event(raw):
        return None  # "Speaker 1:" is a generic label: its number is part of the name
    words = raw.replace(",", " ").split()
    loose = False
    if speech:
        # Inline labels are short ("Valley Times: ...") and open a paragraph.
        if len(words) > 6:
            return None
        if not (speech[0].isupper() or speech[0] in "\"“‘(" or HAN_RUN.match(speech[0])):
            # "Dana: more questions?" / "Lili: [silence]": a live note's label over lower-case
            # speech, kept only where the same name labels a turn in the usual way too.
            if len(words) > 2:
                return None
            loose = True
        prev = previous_content(lines, index)
        # A sentence wrapped onto this line goes on from a long line or a table cell ("... |");
        # a short line above ("EPIQ TRANSCRIPT", a title) needs no full stop.
        if prev is not None and not P.SENTENCE_END.search(prev.stripped) and _may_wrap_on(prev.stripped):
            return None
    else:
        if len(words) > 30:
            return None
        prev = previous_content(lines, index)
        # "in our fight against\nINFLATION:" continues a hard-wrapped sentence; a label follows a
        # finished one, or a short line that needs no full stop ("Thank you").
        if prev is not None and P.MID_SENTENCE_END.search(prev.stripped) and not _ends_with_thanks(prev.stripped):
            if len(words) == 1 or len(prev.stripped) >= _WRAPPED_LINE:
                return None
    kind = QUESTION if raw.lower() in load().question_labels else ANSWER if raw.lower() in load().answer_labels else NAME
    label = _make(index, pos, rest, match.start("rest"), raw, kind)
    return _shaped(label, LOOSE) if loose else label


def _may_wrap_on(text: str) -> bool:
    return len(text) >= _WRAPPED_LINE or text.endswith("|")


def _colon_in_name_reach(rest: str) -> bool:
    """A name label runs at most NAME_LABEL_CHARS up to the line's first colon (spaces aside).
    On a long line, testing that first spares the lazy NAME_COLON_LABEL trying every length."""
    colons = [at for at in (rest.find(":"), rest.find("\uff1a")) if at >= 0]
    return bool(colons) and len(rest[: min(colons)].rstrip(" \t\u00a0\u3000")) <= P.NAME_LABEL_CHARS


def _ends_with_thanks(text: str) -> bool:
    """'... Thank you' closes a speech even without its full stop."""
    tail = text[-20:].lower().replace("’", "'")
    return any(tail.endswith(cue) for cue in load().closing_cues)


def _title_cased(raw: str) -> bool:
    words = load()
    tokens = raw.replace(",", " ").split()
    if not tokens or not P.NAME_WORD.match(tokens[0]):
        return False
    if tokens[0][0].isdigit() and len(tokens) == 1:
        return False  # "21st:" alone names no one
    return all(P.NAME_WORD.match(t) or t.lower() in words.name_joiners for t in tokens)


def _is_header_key(raw: str) -> bool:
    match = P.header_key().match(raw)
    return match is not None and not match.group("rest")


def _marked_label(lines: list[Line], index: int, pos: int, rest: str) -> Label | None:
    """Shapes known by their first character: a caption's '- ', '– JANE DOE:', a shot list's '2. ',
    '(Name):', '[JANE DOE]'."""
    first = rest[:1]
    if first in ("-", "\u2013"):
        return _speaker_change(lines, index, pos, rest) or _dash_led_label(lines, index, pos, rest)
    if first.isdigit():
        return _numbered_label(lines, index, pos, rest)
    if first == "(":
        return _bracket_label(lines, index, pos, rest)
    if first == "[":
        return _square_label(lines, index, pos, rest)
    return None


DASH_LED = "dash-led"  # "– JANE DOE: text": a stenographic version's name in capitals after a dash
SQUARE = "square"  # "[JANE DOE]" alone on its line


def _dash_led_label(lines: list[Line], index: int, pos: int, rest: str) -> Label | None:
    match = P.CAPTION_SPEAKER_CHANGE.match(rest)
    if match is None:
        return None
    label = _upper_label(lines, index, pos + match.end(), rest[match.end() :])
    return _shaped(label, DASH_LED) if label is not None else None


def _square_label(lines: list[Line], index: int, pos: int, rest: str) -> Label | None:
    """A name of two words or more in square brackets, alone on its line: '[Inaudible]' and
    '[Applause]' are one word, and the shape counts only where it repeats (judge)."""
    match = P.SQUARE_LABEL.match(rest)
    if match is None:
        return None
    raw = match.group("label").strip()
    if len(raw.split()) < 2 or not _reads_as_name(raw) or not _title_cased(raw):
        return None
    after = next((line for line in lines[index + 1 :] if not line.blank), None)
    if after is None:
        return None
    return _shaped(Label(pos, after.content_start, index, raw, _kind_of(raw), False), SQUARE)


_FINDERS = (
    _timed_label,
    _qa_label,
    _marked_label,
    _spaced_initials,
    _dash_label,
    _upper_label,
    _cjk_label,
    _name_label,
    _name_alone,
)


def judge(candidates: list[Label], lines: list[Line], furniture: dict[int, Furniture], *, known_names: set[str]) -> list[Label]:
    """Keep candidates the document as a whole supports."""
    candidates = [label for label in candidates if label.line not in furniture]
    words = load()
    counts = Counter(label.key for label in candidates)
    shapes = Counter(label.shape for label in candidates if label.shape)
    # A shape is this document's label grammar only where it repeats, with turn-taking (two
    # keys) or one speaker labelled again.
    grammar = {shape for shape in shapes if shapes[shape] >= 2 and _takes_turns([c for c in candidates if c.shape == shape])}
    if shapes:
        grammar = _shape_grammar(candidates, grammar)
        usual_keys = {label.key for label in candidates if not label.shape}
        candidates = [
            label for label in candidates
            if not label.shape or (label.key in usual_keys if label.shape == LOOSE else label.shape in grammar)
        ]
    first_names = _first_name_grammar(candidates, counts, known_names)
    fields = _field_block(candidates, lines)
    if fields:
        candidates = [label for label in candidates if label.line not in fields]
    upper_layout = sum(1 for label in candidates if label.kind == UPPER) >= 3
    bare_q = any(label.kind == QUESTION and label.raw == "Q" and not _has_colon(lines, label) for label in candidates)
    kept: list[Label] = []
    for label in candidates:
        if label.shape:
            kept.append(label)  # its shape repeats: the document's own grammar vouches for it
            continue
        if _one_word_name(label):
            # "Trade: the talks" is prose; a one-word inline label must be a known name, an
            # outlet, or recur as a label, or open a paragraph in a document whose labels are
            # first names.
            vouched = label.raw in known_names or label.key in words.outlet_words or counts[label.key] >= 2
            vouched = vouched or (first_names and _opens_paragraph(lines, label.line))
            # "Director-General: First of all, ...": a title alone names the one who holds it.
            vouched = vouched or bool(set(label.key.replace("-", " ").split()) & words.office_words)
            if not vouched and not _introduces_self(lines, label):
                continue
        if label.kind == UPPER and " " not in label.raw.strip() and counts[label.key] < 2:
            # A lone upper-case word ("GDP.") at a line start is prose unless it recurs as a label.
            if label.raw.lower() not in words.question_labels:
                continue
        if label.kind == ANSWER and not _has_colon(lines, label):
            # "A We are ..." is a label only where reporters are "Q ..." too, and right after one.
            if not bare_q or not kept or kept[-1].kind != QUESTION:
                continue
        if label.kind == NAME and label.inline and upper_layout and counts[label.key] < 2:
            continue
        kept.append(label)
    return kept


_FIELD_VALUE_WORDS = 4  # "24/01/2006", "Interview": a field's value is a word or two


def _shape_grammar(candidates: list[Label], grammar: set[str]) -> set[str]:
    """Names alone on their lines are the grammar only where one holds an office: repeated
    headings ("Monetary Policy") are not speakers, and "Director-General Doe" over the one
    speech of a text with no other label is."""
    alone = [c for c in candidates if c.shape == ALONE]
    if not alone:
        return grammar
    if ALONE in grammar and not any(_holds_office(c) for c in alone):
        grammar.discard(ALONE)
    others = [c for c in candidates if c.shape != ALONE and (not c.shape or c.shape in grammar)]
    if len(alone) == 1 and not others and _holds_office(alone[0]):
        grammar.add(ALONE)
    return grammar


def _field_block(candidates: list[Label], lines: list[Line]) -> set[int]:
    """'Release Date:' alone on its line, its value on the next ('24/01/2006'), then another such
    key right after: an archive's metadata block, not speakers. Returns the keys' line indices."""
    valued = {label.line for label in candidates if _has_field_value(label, lines)}
    return {line for line in valued if line + 2 in valued or line - 2 in valued}


def _has_field_value(label: Label, lines: list[Line]) -> bool:
    if label.kind != NAME or label.inline or label.line + 1 >= len(lines):
        return False
    text = lines[label.line + 1].stripped
    return bool(text) and len(text.split()) <= _FIELD_VALUE_WORDS and not any(mark in text for mark in ".?!")


def _one_word_name(label: Label) -> bool:
    return label.kind == NAME and label.inline and " " not in label.raw and not label.raw.isupper()


def _first_name_grammar(candidates: list[Label], counts: Counter[str], known_names: set[str]) -> bool:
    """A live note labels people by first name ('Dana:', 'Lili:'): at least two such names recur
    as labels, so a first name said once is a label there too."""
    recurring = {
        label.key for label in candidates
        if _one_word_name(label) and (counts[label.key] >= 2 or label.raw in known_names)
    }
    return len(recurring) >= 2


def _introduces_self(lines: list[Line], label: Label) -> bool:
    """'Raza: Raza from the Daily Ledger. ...': a first name used once, said again as the speech opens."""
    line = lines[label.line]
    speech = line.text[label.body_start - line.start :].lstrip()
    return speech.startswith(label.raw + " ")


def _takes_turns(labels: list[Label]) -> bool:
    keys = Counter(label.key for label in labels)
    return len(keys) >= 2 or max(keys.values()) >= 3


def _has_colon(lines: list[Line], label: Label) -> bool:
    line = lines[label.line]
    segment = line.text[label.start - line.start : label.body_start - line.start]
    return ":" in segment or "\uff1a" in segment
