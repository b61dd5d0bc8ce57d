"""The context of Chinese figures: kind, period, modality and subject (see podium/quantities/zh.py).

All of it is read on the normalised copy of the text, in the sentences and clauses of the briefing's
layout (podium/layout.py: clauses between ，；：, and 、 joins a list inside one), read on the copy."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from podium.layout import Layout, clause_start
from podium.model import Briefing, Quantity
from podium.quantities.direction import carry_directions, direction_at
from podium.quantities.zh import Mention
from podium.wordtables import read_table
from podium.zh import ChineseView, alternation, longest_first

_CN_SMALL = "一二三四五六七八九十"


@dataclass(frozen=True)
class Cues:
    kinds: dict[str, tuple[str, ...]]
    level_links: tuple[str, ...]
    change_verbs: tuple[str, ...]
    change_links: tuple[str, ...]
    respectively: tuple[str, ...]
    duration_units: frozenset[str]
    modality: dict[str, tuple[str, ...]]
    subject_trailing: tuple[str, ...]
    subject_leading: tuple[str, ...]
    subject_relations: tuple[str, ...]
    relative_years: dict[str, int]
    same_period: tuple[str, ...]
    quarters: dict[str, int]
    halves: dict[str, tuple[int, int]]
    base_markers: tuple[str, ...]
    standing: tuple[str, ...]
    standing_units: frozenset[str]
    breakdown: tuple[str, ...]
    time_ref: re.Pattern[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    kinds = read_table("kinds_zh.yaml")
    periods = read_table("periods_zh.yaml")
    relative = {str(k): int(v) for k, v in periods["relative_years"].items()}
    halves = {str(k): (int(v[0]), int(v[1])) for k, v in periods["halves"].items()}
    quarters = {str(k): int(v) for k, v in periods["quarters"].items()}
    same = longest_first(periods["same_period"])
    quarter = f"[{''.join(quarters)}]"
    sub = (
        rf"前(?P<qn>{quarter})季度|第?(?P<q>{quarter})季度|(?P<half>{alternation(halves)})"
        rf"|(?P<m1>\d{{1,2}})(?:月份?)?\s*[-—–~至到]\s*(?P<m2>\d{{1,2}})月份?(?!\d{{1,2}}[日号])"
        rf"|前(?P<mn>\d{{1,2}}|[{_CN_SMALL}]+)个?月份?|(?P<m>\d{{1,2}}|(?<![第{_CN_SMALL}])(?:十[一二]?|[一二三四五六七八九]))月份?(?!\d{{0,2}}[日号])(?!\d)|(?P<same>{alternation(same)})"
    )
    time_ref = re.compile(rf"(?:(?P<y>(?:19|20)\d{{2}})年|(?P<rel>{alternation(relative)}))?(?:{sub})?")
    return Cues(
        kinds={str(k): longest_first(v) for k, v in kinds["kinds"].items()},
        level_links=longest_first(kinds["level_links"]),
        change_verbs=longest_first(kinds["change_verbs"]),
        change_links=longest_first(kinds["change_links"]),
        respectively=longest_first(kinds["respectively"]),
        duration_units=frozenset(str(u) for u in kinds["duration_units"]),
        modality={str(k): longest_first(v) for k, v in kinds["modality"].items()},
        subject_trailing=longest_first(kinds["subject_trailing"]),
        subject_leading=longest_first(kinds["subject_leading"]),
        subject_relations=longest_first(kinds["subject_relations"]),
        relative_years=relative,
        same_period=same,
        quarters=quarters,
        halves=halves,
        base_markers=longest_first(periods["base_markers"]),
        standing=longest_first(periods["standing"]),
        standing_units=frozenset(str(u) for u in periods["standing_units"]),
        breakdown=longest_first(periods["breakdown"]),
        time_ref=time_ref,
    )


class Sentences:
    """The briefing's layout sentences as stretches of the normalised copy (the layout is found on
    the text as written; the copy leaves glosses out, so its offsets differ), and their clauses."""

    def __init__(self, view: ChineseView, layout: Layout) -> None:
        spans = [s for s in layout.sentences if s.end > view.start and s.start < view.end]
        self.copy = view.text
        self.starts = [view.index(s.start) for s in spans]
        self.ends = [view.index(s.end) for s in spans]
        self.length = len(view.text)

    def _index(self, at: int) -> int:
        """The sentence holding copy offset `at` (the one before, between two; the first, before it)."""
        return max(0, bisect_right(self.starts, at) - 1)

    def start(self, at: int) -> int:
        return self.starts[self._index(at)] if self.starts else 0

    def end(self, at: int) -> int:
        return self.ends[self._index(at)] if self.ends else self.length

    def clause_start(self, at: int) -> int:
        return clause_start(self.copy, self.start(at), at)


# --- kinds ------------------------------------------------------------------------------------


def kind_of(copy: str, mention: Mention, sentences: Sentences) -> str:
    c = cues()
    start = sentences.clause_start(mention.start)
    clause = copy[start : mention.start]
    if mention.kind:
        # 成 is a share ("七成"), but "增速超过两成" is a growth of 20%.
        return "growth" if mention.kind == "share" and _nearest_cue(clause, c.kinds) == "growth" else mention.kind
    if mention.unit == "rank":
        return "rank"
    if mention.unit in c.duration_units:
        return "duration"
    if clause.lstrip().startswith(c.respectively) and _nearest_cue(clause, c.kinds) is None:
        # "降幅有所收窄,分别为32.7%、15.8%": the list's cue stands in the clause before.
        clause = copy[sentences.start(start) : mention.start]
    if mention.unit == "pp":
        return "share" if any(w in clause for w in c.kinds.get("share", ())) and "拉动" in clause else "change"
    clause = _without_level_link(clause, c)
    nearest = _nearest_cue(clause, c.kinds)
    if mention.unit == "%":
        return nearest or "share"
    if mention.unit == "times":
        return "growth" if nearest == "growth" else "ratio"
    if nearest == "ratio":
        return "ratio"
    if _ends_with_change_verb(clause, c):
        return "change"
    return "level"


def _without_level_link(clause: str, c: Cues) -> str:
    """ "提高到58.1%": the verb states a new level; the cue before it decides."""
    stripped = clause.rstrip()
    for link in c.level_links:
        if stripped.endswith(link):
            head = stripped[: -len(link)]
            for verb in c.kinds.get("growth", ()):
                if head.endswith(verb):
                    return head[: -len(verb)]
    return clause


def _ends_with_change_verb(clause: str, c: Cues) -> bool:
    stripped = clause.rstrip()
    for link in ("", *c.change_links):
        head = stripped[: len(stripped) - len(link)] if link else stripped
        if (not link or stripped.endswith(link)) and head.endswith(c.change_verbs):
            return True
    return False


def _nearest_cue(clause: str, table: dict[str, tuple[str, ...]]) -> str | None:
    best, best_at = None, -1
    for name, words in table.items():
        for word in words:
            at = clause.rfind(word)
            if at >= 0 and at + len(word) > best_at:
                best, best_at = name, at + len(word)
    return best


def modality_of(copy: str, mention: Mention, sentences: Sentences) -> str:
    sentence = copy[sentences.start(mention.start) : mention.start]
    found = _nearest_cue(sentence, cues().modality)
    return found or "actual"


# --- periods ----------------------------------------------------------------------------------


@dataclass
class TimeRef:
    start: int
    end: int
    period: str
    base: bool  # a comparison base ("比去年同期"), which dates nothing
    own: bool  # the time of the figure right after it only ("去年同期的52.5%"), not carried on
    sub: tuple[str, int, int] | None  # the part of the year: ("Q", 1, 3), ("M", 1, 5)
    until: int | None = None  # where it stops dating figures (the end of a breakdown sentence)


def find_time_refs(copy: str, year: int | None, sentences: Sentences) -> list[TimeRef]:
    c = cues()
    refs: list[TimeRef] = []
    for match in c.time_ref.finditer(copy):
        if match.end() == match.start():
            continue
        if re.match(r"\d{1,2}[日号]", copy[match.end() : match.end() + 3]):
            continue  # "2024年5月21日": a date, the briefing's or an event's
        if match.group("y") and match.start() and copy[match.start() - 1].isdigit():
            continue
        ref_year = _year_of(match, year, c)
        sub = _sub_period(match, c, refs)
        if ref_year is None:
            continue
        before = copy[max(0, match.start() - 4) : match.start()]
        base = before.endswith(c.base_markers)
        own = copy[match.end() : match.end() + 1] == "的" and copy[match.end() + 1 : match.end() + 2].isdigit()
        until = _breakdown_end(copy, match.start(), c, sentences)
        refs.append(TimeRef(match.start(), match.end(), _period(ref_year, sub), base, own, sub, until))
    return refs


def _breakdown_end(copy: str, at: int, c: Cues, sentences: Sentences) -> int | None:
    """The end of the sentence at `at` where that sentence breaks the period in force down."""
    if not copy[sentences.start(at) : at].lstrip(" ,").startswith(c.breakdown):
        return None
    return sentences.end(at)


def _year_of(match: re.Match[str], year: int | None, c: Cues) -> int | None:
    if match.group("y"):
        return int(match.group("y"))
    if year is None:
        return None
    if match.group("rel"):
        return year + c.relative_years[match.group("rel")]
    return year


def _sub_period(match: re.Match[str], c: Cues, refs: list[TimeRef]) -> tuple[str, int, int] | None:
    if match.group("qn"):
        return ("Q", 1, c.quarters[match.group("qn")])
    if match.group("q"):
        q = c.quarters[match.group("q")]
        return ("Q", q, q)
    if match.group("half"):
        first, last = c.halves[match.group("half")]
        return None if (first, last) == (1, 12) else ("M", first, last)
    if match.group("m1"):
        return ("M", int(match.group("m1")), int(match.group("m2")))
    if match.group("mn"):
        months = _small_number(match.group("mn"))
        return ("M", 1, months) if months else None
    if match.group("m"):
        m = _small_number(match.group("m"))  # "5月", "四月份"
        return ("M", m, m) if 1 <= m <= 12 else None
    if match.group("same"):
        live = [ref for ref in refs if not ref.base and not ref.own and ref.sub]
        return live[-1].sub if live else None
    return None


def _small_number(word: str) -> int:
    """An Arabic or a small Chinese number ("12", "四", "十二"); 0 where it is neither."""
    from podium.quantities.zh import chinese_number

    if word.isdigit():
        return int(word)
    value = chinese_number(word)
    return int(value) if value else 0


def _period(year: int, sub: tuple[str, int, int] | None) -> str:
    if sub is None:
        return f"{year}"
    kind, first, last = sub
    if kind == "Q":
        return f"{year}-Q{first}" if first == last else f"{year}-Q{first}/{year}-Q{last}"
    if first == last:
        return f"{year}-{first:02d}"
    return f"{year}-{first:02d}/{year}-{last:02d}"


def period_of(copy: str, mention: Mention, refs: list[TimeRef], kind: str, sentences: Sentences) -> str:
    c = cues()
    if kind == "duration":
        return ""
    # "截至目前,…已超过八成": a standing word before the figure in its sentence, no time after it.
    sentence = sentences.start(mention.start)
    standing = max((copy.rfind(word, sentence, mention.start) for word in c.standing), default=-1)
    if standing >= 0 and not any(standing < ref.start < mention.start for ref in refs):
        return ""
    own = [ref for ref in refs if ref.own and ref.end + 1 == mention.start]
    if own:
        return own[0].period
    live = [ref for ref in refs if not ref.base and not ref.own and ref.end <= mention.start and (ref.until is None or mention.start < ref.until)]
    if mention.unit in c.standing_units and not any(sentence <= ref.start < mention.start for ref in live):
        return ""  # "海拔1000米左右": a lasting measure, dated only by a time in its own sentence
    if live:
        return live[-1].period
    sentence_end = sentences.end(mention.start)
    later = [ref for ref in refs if not ref.base and mention.end <= ref.start < sentence_end]
    return later[0].period if later else ""


# --- subjects ---------------------------------------------------------------------------------


def subject_of(copy: str, mention: Mention, refs: list[TimeRef], sentences: Sentences, after: int = 0) -> str:
    """The noun phrase the figure measures: its clause before it (after `after`, the end of the
    figure before it), time words and verbs cut."""
    c = cues()
    start = max(sentences.clause_start(mention.start), after)
    for ref in refs:
        if start <= ref.start < mention.start:
            start = max(start, ref.end) if ref.start - start <= 2 else start
    phrase = copy[start : mention.start].strip().lstrip("、")
    changed = True
    while changed and phrase:
        changed = False
        for word in c.subject_leading:
            if phrase.startswith(word):
                phrase, changed = phrase[len(word) :].lstrip(", "), True
        for word in c.subject_trailing:
            if phrase.endswith(word):
                phrase, changed = phrase[: -len(word)].rstrip(), True
    return phrase


# --- a briefing -------------------------------------------------------------------------------


def chinese_quantities(briefing: Briefing) -> list[Quantity]:
    """Every figure of a Chinese briefing, its context filled in: read over the whole text (a
    period stated once runs on through the answers), outside labels and page furniture."""
    from podium.quantities.zh import extract

    body_start = int(briefing.metadata.get("body_start") or 0)
    furniture = [(int(s), int(e)) for s, e in briefing.metadata.get("furniture") or ()]
    furniture += [(turn.start, turn.body_start) for turn in briefing.turns if turn.label]
    view, found = extract(briefing.text, body_start, furniture=furniture)
    copy = view.text
    sentences = Sentences(view, briefing.layout)
    year = _briefing_year(briefing)
    refs = find_time_refs(copy, year, sentences)
    out: list[Quantity] = []
    read: list[tuple[Mention, Quantity]] = []
    previous: tuple[int, str] | None = None  # the last subject and the sentence it was in
    owner: tuple[int, str] | None = None  # the last subject that is no relation, and its sentence
    last_end = 0
    for mention, qty in found:
        qty.kind = kind_of(copy, mention, sentences)  # type: ignore[assignment]
        qty.period = period_of(copy, mention, refs, qty.kind, sentences)
        qty.modality = modality_of(copy, mention, sentences)  # type: ignore[assignment]
        qty.direction = direction_at(copy, mention.start, mention.end, kind=qty.kind, value=qty.value, lang="zh")
        subject = subject_of(copy, mention, refs, sentences, last_end)
        earlier = _restated(copy, read, mention, qty, sentences)
        if earlier is not None:
            # "2995.6亿斤（约1.5亿吨）": the same figure in other units, of the same thing.
            qty.kind, qty.period, qty.direction, subject = earlier.kind, earlier.period, earlier.direction, earlier.subject  # type: ignore[assignment]
        elif set(subject) <= LIST_JOINERS:
            subject = ""  # "增长10.2%和9.4%": the list's subject, from the figure before
        last_end = mention.end
        sentence = sentences.start(mention.start)
        if not subject and previous is not None and previous[0] == sentence:
            subject = previous[1]
        subject, owner = _with_owner(copy, mention, subject, owner, sentences)
        previous = (sentence, subject)
        qty.subject = subject
        turn = briefing.turn_at(qty.start)
        if turn is not None:
            qty.turn, qty.speaker = turn.id, turn.speaker
        out.append(qty)
        read.append((mention, qty))
    _respective_periods(copy, read, sentences)
    _held_periods(copy, read, sentences)
    carry_directions(briefing.text, out, "zh")  # "分别增长6.1%、4.8%": one verb for the list
    return out


def _with_owner(copy: str, mention: Mention, subject: str, owner: tuple[int, str] | None, sentences: Sentences) -> tuple[str, tuple[int, str] | None]:
    """A clause that opens with a relation (占全国总额的, 比全国高) names what the figure is measured
    against, not whose it is: its owner is the last subject of its sentence that is no relation
    ("东部地区工业投资250亿元,…,占全国总额的60.5%": the eastern region's share). Returns the subject
    and the owner for the figures after it."""
    relations, sentence = cues().subject_relations, sentences.start(mention.start)
    opened = copy[sentences.clause_start(mention.start) : mention.start].lstrip()
    relation = next((word for word in relations if opened.startswith(word)), None)
    if relation is not None:
        if owner is None or owner[0] != sentence:
            return subject, owner
        # The relation word stays (占同期全国总量的: a time word after it took it off the subject).
        return owner[1] + ("" if subject.startswith(relation) else relation) + subject.removesuffix("的"), owner
    if subject and not any(word in subject for word in relations):
        return subject, (sentence, subject)
    return subject, owner  # "增速比上月加快" is measured against a base too: no owner


def _respective_periods(copy: str, read: list[tuple[Mention, Quantity]], sentences: Sentences) -> None:
    """"前3个月…分别为32.7%、15.8%、9.5%": a list opened by 分别 whose figures share a range of as
    many months, quarters or years as it has figures takes them one each, in order."""
    c = cues()
    at = 0
    while at < len(read):
        end = at + 1
        while end < len(read) and _listed(copy, read[end - 1][0], read[end][0], read[end - 1][1], read[end][1]):
            end += 1
        first = read[at][0]
        opened = copy[sentences.clause_start(first.start) : first.start].lstrip()
        run = [qty for _, qty in read[at:end]]
        if end - at > 1 and opened.startswith(c.respectively) and len({q.period for q in run}) == 1:
            parts = _parts(run[0].period)
            if len(parts) == len(run):
                for qty, part in zip(run, parts):
                    qty.period = part
        at = end


def _parts(period: str) -> list[str]:
    """The single months, quarters or years of a range ("2009-01/2009-03" -> three months)."""
    first, _, last = period.partition("/")
    if not last or first[:4] != last[:4] and len(first) > 4:
        return []
    if len(first) == 4:
        return [str(y) for y in range(int(first), int(last) + 1)]
    year = first[:4]
    if first[5] == "Q":
        return [f"{year}-Q{q}" for q in range(int(first[6]), int(last[6]) + 1)]
    return [f"{year}-{m:02d}" for m in range(int(first[5:7]), int(last[5:7]) + 1)]


def _held_periods(copy: str, read: list[tuple[Mention, Quantity]], sentences: Sentences) -> None:
    """"连续4年稳定在560亿斤以上": a level held for N years, quarters or months right after it, in
    its clause, is dated by those N, ending with the period in force."""
    for (before, held), (mention, qty) in zip(read, read[1:]):
        if held.kind != "duration" or qty.kind != "level" or not qty.period:
            continue
        if "连续" not in copy[sentences.clause_start(before.start) : before.start] or sentences.clause_start(mention.start) > before.end:
            continue
        qty.period = _span_ending(qty.period, int(held.value), held.unit) or qty.period


def _span_ending(period: str, count: int, unit: str) -> str:
    """The `count` years, quarters or months that end with the end of `period`."""
    last = period.partition("/")[2] or period
    year = int(last[:4])
    if unit == "year":
        return f"{year - count + 1}/{year}" if count > 1 else ""
    if unit == "quarter":
        quarter = int(last[6]) if last[5:6] == "Q" else (int(last[5:7]) + 2) // 3 if len(last) > 4 else 4
        index = year * 4 + quarter - 1 - (count - 1)
        return f"{index // 4}-Q{index % 4 + 1}/{year}-Q{quarter}"
    if unit == "month":
        month = int(last[5:7]) if len(last) == 7 else 12 if len(last) == 4 else int(last[6]) * 3
        index = year * 12 + month - 1 - (count - 1)
        return f"{index // 12}-{index % 12 + 1:02d}/{year}-{month:02d}"
    return ""


LIST_JOINERS = frozenset("、和及与 ")
# An opening bracket, a hedge at most: the figure after it restates the one before in other units.
RESTATED = re.compile(r"\s*[(\[]\s*(?:约合|折合|大约|约|合|即|相当于)?\s*")


def _restated(copy: str, read: list[tuple[Mention, Quantity]], mention: Mention, qty: Quantity, sentences: Sentences) -> Quantity | None:
    """The figure `mention` restates in other units: the last amount of its sentence, where only a
    bracket and a hedge stand between them, or a rate of that amount too ("3551.8亿元人民币,同比下降
    3.8%(折合512.1亿美元": the bracket restates the amount, not the rate)."""
    if not read:
        return None
    opened = copy.rfind("(", 0, mention.start)
    if opened < read[-1][0].end or not RESTATED.fullmatch(copy[opened : mention.start]):
        return None
    sentence = sentences.start(mention.start)
    for before, earlier in reversed(read):
        if before.start < sentence:
            return None
        if _restates(earlier, qty):
            return earlier
    return None


def _restates(earlier: Quantity, qty: Quantity) -> bool:
    """Whether `qty` can restate `earlier` in other units: amounts both, in different units (a
    rate before the bracket, "下降3.8%(折合512.1亿美元", is not what the bracket restates)."""
    rates = ("%", "pp", "times")
    return earlier.unit != qty.unit and earlier.unit not in rates and qty.unit not in rates


def _listed(copy: str, before: Mention, mention: Mention, earlier: Quantity, qty: Quantity) -> bool:
    """Whether `mention` follows `before` in one list (only joiners between) of one kind."""
    gap = copy[before.end : mention.start]
    return bool(gap) and earlier.kind == qty.kind and set(gap) <= LIST_JOINERS


def _briefing_year(briefing: Briefing) -> int | None:
    if briefing.date and briefing.date[:4].isdigit():
        return int(briefing.date[:4])
    return briefing.inferred_year
