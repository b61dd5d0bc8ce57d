"""The structure of a Chinese transcript: speaker labels, turns, roles, exchanges and date.

Labels are read on the normalised copy of the text (podium/zh.py), so `發言人` and `发言人`, `：`
and `:` are one; spans and names are kept as written. A label stands at a line's start, or, in a
transcript run onto one line, after a sentence's end or a colon and a space:

- `姓名：`, `主持人：` / `主持人 姓名：`, `记者：`, outlet + 记者 (`新华社记者：`, `《人民日报》记者：`),
  `问：` / `答：`, a title and a name (`国家统计局新闻发言人 付凌晖：`);
- `【姓名】` / `[姓名]` (an outlet in brackets is a journalist);
- a name alone on its line, known from the text (a title before it, a label, the host's roster),
  with the title alone on the next line if there is one.

Page furniture (`来源：`, `责任编辑：`, timestamps) and editorial lead-ins (`以下为文字实录：`) are
never labels; nor is a headline that quotes a speaker (`姓名：…` on the first line, no sentence
ended). A text with no label is one unlabelled turn: a news report of a briefing is still read.

Roles: `主持人` and whoever the text says chairs (`…主持`) or who speaks for a press office
(新闻办, 宣传部) host; a spokesperson hosts a ministry's own briefing, but is an official where a
press office holds it; reporters are journalists; other officials are officials. `答：` is the
one the host just handed the question to (`请姓名回答`), else the spokesperson the text names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from podium.model import Briefing, Participant, Role, Turn
from podium.structure.exchanges import build_exchanges
from podium.wordtables import read_table
from podium.zh import HAN, ChineseView, alternation, longest_first

DATA_FILE = "structure_zh.yaml"
NAME = re.compile(rf"[{HAN}]{{2,4}}|[{HAN}]{{1,8}}·[{HAN}·]{{1,12}}")
BRACKET_LABEL = re.compile(r"[\[【]([^\]】\n:]{1,24})[\]】][ \t]*:?")
COLON_LABEL = re.compile(r"([^\n:,。!?;“”\"()]{1,40}?)[ \t]*:")
INLINE_PLACE = re.compile(r"[。!?][ \t]*|:[ \t]+")
LINE_START = re.compile(r"^[ \t]*", re.MULTILINE)
SENTENCE_END = re.compile(r"[。!?]")
TIMESTAMP_LINE = re.compile(r"^[ \t]*[\d:\- \t]{8,}[ \t]*$", re.MULTILINE)
DATE_WRITTEN = re.compile(r"((?:19|20)\d{2})[ \t]*年[ \t]*(\d{1,2})[ \t]*月[ \t]*(\d{1,2})[ \t]*日")
DATE_DASHED = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?!\d)")
_TITLE_REACH = 40  # characters before a name read for the title that introduces it


@dataclass(frozen=True)
class Words:
    question_labels: frozenset[str]
    answer_labels: frozenset[str]
    host_label: str
    journalist_endings: tuple[str, ...]
    title_words: tuple[str, ...]
    host_title_words: tuple[str, ...]
    chair_cues: tuple[str, ...]
    spokesperson_words: tuple[str, ...]
    press_office_words: tuple[str, ...]
    not_labels: tuple[str, ...]
    lead_ins: tuple[str, ...]
    organisation_endings: tuple[str, ...]
    clause_endings: tuple[str, ...]
    roster_cues: tuple[str, ...]
    after_name: tuple[str, ...]
    hand_on: tuple[str, ...]
    hand_on_after: tuple[str, ...]


@lru_cache(maxsize=1)
def load() -> Words:
    data = read_table(DATA_FILE)

    def words(key: str) -> tuple[str, ...]:
        return longest_first(data[key])

    return Words(
        question_labels=frozenset(words("question_labels")),
        answer_labels=frozenset(words("answer_labels")),
        host_label=str(data["host_label"]),
        journalist_endings=words("journalist_endings"),
        title_words=words("title_words"),
        host_title_words=words("host_title_words"),
        chair_cues=words("chair_cues"),
        spokesperson_words=words("spokesperson_words"),
        press_office_words=words("press_office_words"),
        not_labels=words("not_labels"),
        lead_ins=words("lead_ins"),
        organisation_endings=words("organisation_endings"),
        clause_endings=words("clause_endings"),
        roster_cues=words("roster_cues"),
        after_name=words("after_name"),
        hand_on=words("hand_on"),
        hand_on_after=words("hand_on_after"),
    )


class ZhLabel(NamedTuple):
    """A speaker label, in the normalised copy's indexes: `start`, `end` (where speech begins)."""

    start: int
    end: int
    kind: str  # question, answer, host, journalist, person
    name: str | None  # normalised
    written: str | None  # the name (or outlet) as the text writes it
    title: str


def read_structure(briefing: Briefing) -> Briefing:
    """Turns, participants, exchanges and date of a Chinese briefing (see the module doc)."""
    text = briefing.text
    body_start = int(briefing.metadata.get("body_start") or 0)
    view = ChineseView(text, body_start)
    words = load()
    furniture = _furniture_lines(view, words)
    known = _names_in_text(view.text, words)
    labels = _labels(view, words, furniture, known)
    turns = _turns(view, labels, body_start)
    briefing.participants = _assign_roles(view, turns, labels, words)
    briefing.exchanges = build_exchanges(turns)
    briefing.turns = turns
    briefing.metadata["language"] = "zh"
    briefing.metadata["furniture"] = sorted(view.span(s, e) for s, e in furniture if e > s)
    briefing.title = briefing.title or _first_line(view)
    if briefing.date is None:
        found = find_date(view.text)
        if found:
            briefing.date, briefing.date_source = found, "text"
    return briefing


# --- labels -----------------------------------------------------------------------------------


def _furniture_lines(view: ChineseView, words: Words) -> list[tuple[int, int]]:
    """Lines of page furniture (a source line, a share bar, a timestamp), as copy indexes."""
    spans = []
    text = view.text
    for match in LINE_START.finditer(text):
        start = match.end()
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        line = text[start:line_end]
        head = line.split(":", 1)[0].strip()
        if _is_not_label(head, words) and ":" in line[:12]:
            lead_in = head.startswith(words.lead_ins)
            spans.append((start, start + line.index(":") + 1 if lead_in else line_end))
    spans.extend((m.start(), m.end()) for m in TIMESTAMP_LINE.finditer(text) if m.group(0).strip())
    return sorted(spans)


def _is_not_label(head: str, words: Words) -> bool:
    return any(head.startswith(word) for word in words.not_labels)


def _places(text: str) -> list[tuple[int, bool]]:
    """(index, at a line's start) for every place a label may start."""
    places = {m.end(): True for m in LINE_START.finditer(text) if m.end() < len(text)}
    for match in INLINE_PLACE.finditer(text):
        places.setdefault(match.end(), False)
    return sorted(places.items())


def _labels(view: ChineseView, words: Words, furniture: list[tuple[int, int]], known: set[str]) -> list[ZhLabel]:
    text = view.text
    furniture_starts = {start for start, _ in furniture}
    found: list[ZhLabel] = []
    first_line_end = _first_line_end(text)
    for at, line_start in _places(text):
        if at in furniture_starts or (found and at < found[-1].end):
            continue
        label = _bracket_label(view, at, words) or _colon_label(view, at, words, known)
        if label is None and line_start:
            label = _name_line_label(view, at, words, known)
        if label is None:
            continue
        if at < first_line_end and label.kind == "person" and _is_headline(text, label.end, first_line_end):
            continue  # a headline quoting the speaker ("王国庆:中国经济…")
        if found and found[-1].end == at and label.kind not in ("question", "journalist"):
            continue  # the speech itself opens with a colon ("何咏前:各位记者朋友:")
        found.append(label)
        known.update(label.name for label in found if label.kind == "person" and label.name)
    return found


def _is_headline(text: str, speech: int, line_end: int) -> bool:
    """Words after the label on the first line, with no sentence ended among them."""
    rest = text[speech:line_end]
    return bool(rest.strip()) and not SENTENCE_END.search(rest)


def _first_line_end(text: str) -> int:
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _bracket_label(view: ChineseView, at: int, words: Words) -> ZhLabel | None:
    match = BRACKET_LABEL.match(view.text, at)
    if match is None:
        return None
    inner = match.group(1).strip()
    label = _classify(view, at, match.end(), match.start(1), inner, words, known=None)
    if label is None and NAME.fullmatch(inner):
        # "[中国日报]": an outlet in brackets asks; a name in brackets answers.
        kind = "journalist" if inner.endswith(words.organisation_endings) else "person"
        written = _written_name(view, match.start(1), inner)
        return ZhLabel(at, match.end(), kind, inner, written, "")
    return label


def _colon_label(view: ChineseView, at: int, words: Words, known: set[str]) -> ZhLabel | None:
    match = COLON_LABEL.match(view.text, at)
    if match is None:
        return None
    inner = match.group(1).strip()
    return _classify(view, at, match.end(), match.start(1) + (len(match.group(1)) - len(match.group(1).lstrip())), inner, words, known)


def _classify(view: ChineseView, at: int, end: int, inner_at: int, inner: str, words: Words, known: set[str] | None) -> ZhLabel | None:
    """What a label's words say: who speaks, and in what part."""
    if not inner or _is_not_label(inner, words):
        return None
    if inner in words.question_labels:
        return ZhLabel(at, end, "question", None, None, "")
    if inner in words.answer_labels:
        return ZhLabel(at, end, "answer", None, None, "")
    if inner.startswith(words.host_label):
        rest = inner[len(words.host_label) :].strip()
        if not rest:
            return ZhLabel(at, end, "host", inner, inner, inner)
        if NAME.fullmatch(rest):
            return ZhLabel(at, end, "host", rest, _written_name(view, inner_at + inner.index(rest), rest), words.host_label)
        return None
    for ending in words.journalist_endings:
        if inner.endswith(ending):
            outlet = inner[: -len(ending)].strip()
            if outlet and (len(outlet) > 24 or SENTENCE_END.search(outlet)):
                return None
            if not outlet:
                return ZhLabel(at, end, "question", None, None, "")
            offset = inner_at + inner.index(outlet)
            written = view.written(offset, offset + len(outlet)).strip("《》")
            return ZhLabel(at, end, "journalist", outlet.strip("《》"), written, "")
    return _person_label(view, at, end, inner_at, inner, words, known)


def _person_label(view: ChineseView, at: int, end: int, inner_at: int, inner: str, words: Words, known: set[str] | None) -> ZhLabel | None:
    name, title = _split_title(inner, words)
    if name is None or not NAME.fullmatch(name) or name.endswith(words.clause_endings):
        return None
    if not title:
        if name.endswith(words.organisation_endings) or (known is not None and len(name) > 3 and name not in known):
            return None
    offset = inner_at + inner.rindex(name)
    return ZhLabel(at, end, "person", name, _written_name(view, offset, name), title)


def _split_title(inner: str, words: Words) -> tuple[str | None, str]:
    """(name, title) of "title name": the name after the last blank, else after the last title word."""
    if " " in inner:
        title, _, name = inner.rpartition(" ")
        return name.strip(), title.strip()
    best = -1
    for word in words.title_words:
        found = inner.rfind(word)
        if found >= 0 and found + len(word) > best:
            best = found + len(word)
    if best < 0:
        return inner, ""
    return (inner[best:] or None), inner[:best]


def _written_name(view: ChineseView, offset: int, name: str) -> str:
    return view.written(offset, offset + len(name))


def _name_line_label(view: ChineseView, at: int, words: Words, known: set[str]) -> ZhLabel | None:
    """A known name alone on its line, and the title alone on the next line if one follows."""
    text = view.text
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    name = text[at:line_end].strip()
    if name not in known or not NAME.fullmatch(name):
        return None
    end, title = line_end, ""
    next_start = line_end + 1
    next_end = text.find("\n", next_start)
    next_end = len(text) if next_end < 0 else next_end
    following = text[next_start:next_end].strip()
    if following and len(following) <= _TITLE_REACH and following.endswith(words.title_words) and not SENTENCE_END.search(following):
        end, title = next_end, following
    return ZhLabel(at, min(end + 1, len(text)), "person", name, _written_name(view, at, name), title)


def _names_in_text(text: str, words: Words) -> set[str]:
    """Names the text introduces with a title ("新闻发言人林剑主持", "副部长陈雪亮主持")."""
    titles = alternation(words.title_words)
    after = alternation(words.after_name)
    pattern = re.compile(rf"(?:{titles})[ \t]*([{HAN}·]{{2,12}}?)(?={after}|[,、。:;!?\s(\d]|$)")
    return {m.group(1) for m in pattern.finditer(text) if NAME.fullmatch(m.group(1))}


# --- turns and roles --------------------------------------------------------------------------


def _turns(view: ChineseView, labels: list[ZhLabel], body_start: int) -> list[Turn]:
    text = view.source
    turns: list[Turn] = []
    first = view.at(labels[0].start) if labels else len(text)
    # With labels, what comes before the first is the page's title, lede and furniture; with none,
    # the whole text is one turn, so a readable text is never refused.
    if not labels and text[body_start:first].strip():
        turns.append(Turn(0, None, "unknown", body_start, first, body_start, text[body_start:first]))
    for index, label in enumerate(labels):
        start = view.at(label.start)
        end = view.at(labels[index + 1].start) if index + 1 < len(labels) else len(text)
        speech = view.at(label.end)
        while speech < end and text[speech].isspace():
            speech += 1
        raw = text[start : view.at(label.end)].strip()
        turns.append(Turn(0, label.written, "unknown", start, end, speech, text[speech:end], raw))
    for index, turn in enumerate(turns):
        turn.id = index
    return turns


def _assign_roles(view: ChineseView, turns: list[Turn], labels: list[ZhLabel], words: Words) -> list[Participant]:
    text = view.text
    press_office = any(word in text for word in words.press_office_words)
    spokesperson = _spokesperson(text, words)
    by_start = {view.at(label.start): label for label in labels}
    participants: dict[str, Participant] = {}
    handed_to: str | None = None
    for turn in turns:
        label = by_start.get(turn.start)
        if label is None:
            continue
        role: Role
        if label.kind in ("question", "journalist"):
            role, turn.speaker = "journalist", label.written
        elif label.kind == "host" and label.name == words.host_label:
            role = "host"
        else:
            name = label.name
            if label.kind == "answer":
                name = handed_to or spokesperson
                turn.speaker = _written_in(view, name)
            role = "host" if label.kind == "host" else _person_role(text, name, label.title, words, press_office)
        turn.role = role
        handed_to = _handed_to(turn.text, words) if role == "host" else None
        if turn.speaker and turn.speaker not in participants:
            title = label.title or None
            outlet = turn.speaker if role == "journalist" else None
            participants[turn.speaker] = Participant(turn.speaker, role, title, outlet)
    return list(participants.values())


def _person_role(text: str, name: str | None, label_title: str, words: Words, press_office: bool) -> Role:
    if name is None:
        return "official"
    titles = label_title + "|" + "|".join(_titles_before(text, name, words))
    if any(word in titles for word in words.host_title_words):
        return "host"
    if any(name + cue in text for cue in words.chair_cues):
        return "host"
    if any(word in titles for word in words.spokesperson_words):
        return "official" if press_office else "host"
    if not titles.strip("|"):
        return "official" if press_office else "host"
    return "official"


def _titles_before(text: str, name: str, words: Words) -> list[str]:
    """The titles the text writes right before `name` ("海关总署新闻发言人、综合统计司司长郑跃声")."""
    found = []
    start = text.find(name)
    while start >= 0:
        before = text[max(0, start - _TITLE_REACH) : start]
        cut = max(before.rfind(mark) for mark in ",。!?;:\n“”()《》")
        title = before[cut + 1 :].strip()
        if title.endswith(words.title_words):
            found.append(title)
        start = text.find(name, start + 1)
    return found


def _spokesperson(text: str, words: Words) -> str | None:
    """The spokesperson the text names ("外交部发言人华春莹主持"), who answers `答:`."""
    spoken = alternation(words.spokesperson_words)
    after = alternation(words.after_name)
    match = re.search(rf"(?:{spoken})[ \t]*([{HAN}·]{{2,12}}?)(?={after}|[,、。:;!?\s(\d]|$)", text)
    return match.group(1) if match and NAME.fullmatch(match.group(1)) else None


def _handed_to(speech: str, words: Words) -> str | None:
    """The name a host hands the floor to ("这个问题,请古丽·阿不力木回答")."""
    from podium.zh import ChineseView as _View

    copy = _View(speech).text
    lead = alternation(words.hand_on)
    after = alternation(words.hand_on_after)
    match = re.search(rf"(?:{lead})([{HAN}·]{{2,12}}?)(?:{after})", copy)
    return match.group(1) if match and NAME.fullmatch(match.group(1)) else None


def _written_in(view: ChineseView, name: str | None) -> str | None:
    """`name` (normalised) as the text writes it, at its first place."""
    if name is None:
        return None
    at = view.text.find(name)
    return view.written(at, at + len(name)) if at >= 0 else name


def _first_line(view: ChineseView) -> str | None:
    for line in view.source[view.start : view.end].splitlines():
        if line.strip():
            return line.strip()[:200]
    return None


def find_date(text: str) -> str | None:
    """The briefing's date, `2024年5月21日` first (a page's publication stamp is dashed)."""
    for pattern in (DATE_WRITTEN, DATE_DASHED):
        match = pattern.search(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            if 1 <= month <= 12 and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None
