"""Figures in Chinese text: every number with its scale, unit, qualifier, kind, period, subject
and modality, as shared/gold/GUIDELINES.md ("Chinese transcripts") annotates them.

The text is read on its normalised copy (podium/zh.py: simplified characters, ASCII digits and
punctuation, no pinyin glosses) and every span is given back in the text as written.

- Numbers: Arabic digits and Chinese numerals (`三`, `两`, `十二`, `一百`), with 万 / 亿 / 万亿
  applied to the value (`2.6万亿元` = 2.6e12 CNY, so it compares with "2.6 trillion yuan"),
  `百分之三十`, `四分之一`, `1/4` as percentages, 成 as tenths, ranges (`3至5个`, `3—5个`).
- Units and classifiers from podium/data/quantities_zh.yaml: a unit stays in the span, a
  classifier (个, 家, 项 ...) does not; a bare number with neither is no figure (a code, a law's
  section, a date part) unless a list shares the unit of its last item (`6.1、4.8个百分点`).
- Not figures: calendar years and dates (they become periods), ordinals that name a category
  (第一产业, 第1场), numbers inside short quoted names (“一带一路”), a lone 一.
- Context (podium/data/kinds_zh.yaml, periods_zh.yaml): the nearest cue word before the figure
  in its clause gives its kind and modality; the nearest time reference before it that is not a
  comparison base (比去年同期) gives its period, carried forward through the text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from podium.model import Quantity
from podium.wordtables import read_table
from podium.zh import ChineseView, alternation, longest_first

_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_QUOTED = re.compile(r"“([^”\n]{1,12})”|《([^》\n]{1,30})》")
_QUOTED_NAME_CHARS = 12
_YEAR_SPAN = (1900, 2100)


@dataclass(frozen=True)
class Unit:
    unit: str
    factor: float = 1.0
    kind: str | None = None


@dataclass(frozen=True)
class Tables:
    digits: dict[str, int]
    places: dict[str, int]
    scales: dict[str, float]
    more: tuple[str, ...]
    units: dict[str, Unit]
    unit_suffixes: tuple[str, ...]
    classifiers: tuple[str, ...]
    big_classifier: str
    big_classifier_max: int
    name_after: tuple[str, ...]
    not_classifiers_for_words: frozenset[str]
    qualifiers_before: dict[str, str]
    qualifier_links: tuple[str, ...]
    qualifiers_after: dict[str, str]
    duration_units: frozenset[str]
    percent_of: str
    fraction_of: str
    rank_first: str
    rank_top: str
    rank_places: tuple[str, ...]
    rank_big: tuple[str, ...]
    rank_scopes: tuple[str, ...]
    phrases: dict[str, dict[str, Any]]
    number: re.Pattern[str]
    unit_after: re.Pattern[str]
    classifier_after: re.Pattern[str]


@lru_cache(maxsize=1)
def tables() -> Tables:
    data = read_table("quantities_zh.yaml")
    numerals = "".join(list(data["digits"]) + list(data["places"]))
    scales = alternation(data["scales"])
    more = alternation(data["more"])
    # A number, 多/余 before or after its scale ("7100多亿", "1.2万多"), then the scale.
    number = re.compile(
        rf"(?P<num>{_ARABIC}|[{numerals}]+)(?P<more1>{more})?(?P<scale>{scales})?(?P<more2>{more})?"
    )
    units = {str(k): Unit(str(v["unit"]), float(v.get("factor", 1.0)), v.get("kind")) for k, v in data["units"].items()}
    return Tables(
        digits={str(k): int(v) for k, v in data["digits"].items()},
        places={str(k): int(v) for k, v in data["places"].items()},
        scales={str(k): float(v) for k, v in data["scales"].items()},
        more=longest_first(data["more"]),
        units=units,
        unit_suffixes=longest_first(data["unit_suffixes"]),
        classifiers=longest_first(data["classifiers"]),
        big_classifier=str(data["big_classifier"]),
        big_classifier_max=int(data["big_classifier_max"]),
        name_after=longest_first(data["name_after"]),
        not_classifiers_for_words=frozenset(str(w) for w in data["not_classifiers_for_words"]),
        qualifiers_before={str(k): str(v) for k, v in data["qualifiers_before"].items()},
        qualifier_links=longest_first(data["qualifier_links"]),
        qualifiers_after={str(k): str(v) for k, v in data["qualifiers_after"].items()},
        duration_units=frozenset(str(u) for u in data["duration_units"]),
        percent_of=str(data["percent_of"]),
        fraction_of=str(data["fraction_of"]),
        rank_first=str(data["rank_first"]),
        rank_top=str(data["rank_top"]),
        rank_places=longest_first(data["rank_places"]),
        rank_big=longest_first(data["rank_big"]),
        rank_scopes=longest_first(data["rank_scopes"]),
        phrases={str(k): dict(v) for k, v in data["phrases"].items()},
        number=number,
        unit_after=re.compile(rf"[ \t]*(?P<unit>{alternation(units)})"),
        classifier_after=re.compile(rf"(?P<cls>{alternation(data['classifiers'])})"),
    )


def chinese_number(numeral: str) -> float | None:
    """The value of a Chinese numeral (`三`, `十二`, `一百零五`, `两千`); None for a run that is no
    number (`十四五`, two digits with no place between)."""
    t = tables()
    total, digit, pending = 0, None, False
    for char in numeral:
        if char in t.digits and t.digits[char] == 0 and total:
            continue  # "一百零五": a zero holds an empty place
        if char in t.digits:
            if pending:
                return None  # "十四五": a digit after a digit
            digit, pending = t.digits[char], True
        elif char in t.places:
            place = t.places[char]
            total += (1 if digit is None else digit) * place
            digit, pending = None, False
        else:
            return None
    return float(total + (digit or 0))


def number_value(num: str) -> float | None:
    if num[0].isdigit():
        return float(num.replace(",", ""))
    return chinese_number(num)


@dataclass
class Mention:
    """A figure found in the normalised copy: `start`, `end` index the copy."""

    start: int
    end: int
    value: float
    unit: str
    qualifier: str = "exact"
    value_max: float | None = None
    kind: str | None = None
    number_end: int = 0
    after: int = 0  # the end of the unit or classifier read, where a qualifier after may stand
    bare: bool = False  # a number with no unit or classifier: a figure only in a list
    scale: float = 1.0


# --- finding ----------------------------------------------------------------------------------


def find_mentions(copy: str) -> list[Mention]:
    """Every figure in the normalised copy, in order, not overlapping."""
    t = tables()
    blocked = _quoted_names(copy)
    found: list[Mention] = _phrases(copy, t, blocked)
    taken = [(m.start, m.end) for m in found]
    at = 0
    for match in t.number.finditer(copy):
        if match.start() < at or any(s <= match.start() < e for s, e in taken):
            continue
        mention = _fraction_at(copy, match, t) or _rank_at(copy, match, t) or _number_at(copy, match, t)
        if mention is None or any(s <= mention.start < e for s, e in blocked):
            continue
        found.append(mention)
        at = mention.end
    found.sort(key=lambda m: m.start)
    _join_lists(copy, found)
    for mention in found:
        _read_minus(copy, mention)
    return [m for m in found if not m.bare]


MINUS = "-−"  # the copy folds a full-width minus to "-"


def _read_minus(copy: str, mention: Mention) -> None:
    """"增长-0.9%": a minus right before an Arabic number, not between two numbers (a range
    "3-5个"), makes it negative and stays in the span."""
    at = mention.start
    if at < 1 or copy[at - 1] not in MINUS or not copy[at : at + 1].isdigit():
        return
    if at >= 2 and (copy[at - 2].isalnum() and not "\u3400" <= copy[at - 2] <= "\u9fff"):
        return  # "1-5月", "A-3": a range or a code
    mention.start, mention.value = at - 1, -mention.value


def _quoted_names(copy: str) -> list[tuple[int, int]]:
    """Short quoted stretches and book titles: names and slogans, whose numbers are no figures."""
    spans = []
    for match in _QUOTED.finditer(copy):
        inner = match.group(1) if match.group(1) is not None else match.group(2)
        if match.group(2) is not None or len(inner) <= _QUOTED_NAME_CHARS:
            spans.append((match.start(), match.end()))
    return spans


def _phrases(copy: str, t: Tables, blocked: list[tuple[int, int]]) -> list[Mention]:
    """Words that state a whole figure ("两位数增长": growth of at least 10%)."""
    extra = []
    for phrase, spec in t.phrases.items():
        for match in re.finditer(re.escape(phrase), copy):
            if any(s <= match.start() < e for s, e in blocked):
                continue
            extra.append(
                Mention(match.start(), match.end(), float(spec["value"]), str(spec["unit"]), str(spec.get("qualifier", "exact")), kind=spec.get("kind"))
            )
    return extra


def _fraction_at(copy: str, match: re.Match[str], t: Tables) -> Mention | None:
    """`百分之三十`, `四分之一`, `1/4`: percentages."""
    start, num = match.start(), match.group("num")
    if copy.startswith(t.percent_of, max(0, start - len(t.percent_of))) and copy[start - len(t.percent_of) : start] == t.percent_of:
        value = number_value(num)
        return None if value is None else Mention(start - len(t.percent_of), match.end("num"), value, "%", kind="share")
    after = match.end("num")
    if copy.startswith(t.fraction_of, after):
        tail = t.number.match(copy, after + len(t.fraction_of))
        if tail is not None:
            denominator, numerator = number_value(num), number_value(tail.group("num"))
            if denominator and numerator is not None:
                return Mention(start, tail.end("num"), 100 * numerator / denominator, "%", kind="share")
    if num.isdigit() and copy.startswith("/", after):
        tail = re.match(r"/(\d+)(?![\d.])", copy[after:])
        if tail and float(tail.group(1)):
            return Mention(start, after + tail.end(), 100 * float(num) / float(tail.group(1)), "%", kind="share")
    return None


def _rank_at(copy: str, match: re.Match[str], t: Tables) -> Mention | None:
    """`第17位`, `第一位`, `第二大` (span `第二`), `前五大` / `前10位` (at most that place)."""
    start, num = match.start(), match.group("num")
    lead = copy[start - 1 : start] if start else ""
    if lead not in (t.rank_first, t.rank_top) or match.group("scale"):
        return None
    value = number_value(num)
    if value is None:
        return None
    after = match.end("num")
    place = next((w for w in t.rank_places if copy.startswith(w, after)), None)
    big = next((w for w in t.rank_big if copy.startswith(w, after)), None)
    if lead == t.rank_first:
        if place:
            return Mention(start - 1, after + len(place), value, "rank", kind="rank")
        if big or copy[: start - 1].endswith(t.rank_scopes):
            return Mention(start - 1, after, value, "rank", kind="rank")
        return _ordinal()  # "第一产业", "第1场": a category or a list item
    if place or big:
        return Mention(start - 1, after, value, "rank", "max", kind="rank")
    return None


def _ordinal() -> Mention:
    # An ordinal that names a category is no figure: a zero-width bare mention, dropped later,
    # that still takes its numeral so no figure is read inside it.
    return Mention(-1, -1, 0.0, "", bare=True)


def _number_at(copy: str, match: re.Match[str], t: Tables) -> Mention | None:
    num = match.group("num")
    value = number_value(num)
    if value is None or _glued_to_letters(copy, match):
        return None
    start = match.start()
    if start and copy[start - 1] == t.rank_first:
        return None
    scale = match.group("scale")
    more = bool(match.group("more1") or match.group("more2"))
    number_end = match.end("scale") if scale else match.end("num")
    value *= t.scales[scale] if scale else 1.0
    unit_match = t.unit_after.match(copy, match.end())
    if unit_match is not None:
        return _with_unit(copy, match, t, value, unit_match, more)
    cls = t.classifier_after.match(copy, match.end())
    if cls is not None:
        return _counted(copy, match, t, value, cls.group("cls"), number_end, more)
    if not num[0].isdigit() and not scale:
        return None  # a Chinese numeral with nothing after it is a word ("一是", "十四五")
    if _is_calendar(copy, match, num):
        return None
    return Mention(start, number_end, value, "count", "min" if more else "exact", number_end=number_end, after=match.end(), bare=not scale, scale=_scale_of(match, t))


def _glued_to_letters(copy: str, match: re.Match[str]) -> bool:
    """"G20", "5G", "C919": a number inside a code."""
    before = copy[match.start() - 1 : match.start()]
    after = copy[match.end("num") : match.end("num") + 1]
    return (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())


def _is_calendar(copy: str, match: re.Match[str], num: str) -> bool:
    after = copy[match.end() : match.end() + 1]
    return after in ("年", "月", "日", "号", "时", "点", "分", "秒") or (num.isdigit() and len(num) == 4 and _YEAR_SPAN[0] <= int(num) <= _YEAR_SPAN[1])


def _with_unit(copy: str, match: re.Match[str], t: Tables, value: float, unit_match: re.Match[str], more: bool) -> Mention | None:
    word = unit_match.group("unit")
    unit = t.units[word]
    num = match.group("num")
    if unit.unit == "year" and num.isdigit() and len(num) == 4 and not match.group("scale"):
        return None  # "2024年": a calendar year, which becomes a period
    if unit.unit in t.duration_units and copy[match.start() - 1 : match.start()] in ("前", "第"):
        return None  # "前8个月" is a period
    if not num[0].isdigit() and value == 1 and not match.group("scale") and unit.unit in t.duration_units:
        return None  # "一年", "一个月": a stretch of time in passing
    end = unit_match.end()
    for suffix in t.unit_suffixes:
        if unit.unit == "CNY" and copy.startswith(suffix, end) and word != suffix:
            end += len(suffix)
    return Mention(match.start(), end, value * unit.factor, unit.unit, "min" if more else "exact", kind=unit.kind, number_end=match.end(), after=end, scale=_scale_of(match, t))


def _counted(copy: str, match: re.Match[str], t: Tables, value: float, cls: str, number_end: int, more: bool) -> Mention | None:
    num = match.group("num")
    if not num[0].isdigit() and value == 1 and not match.group("scale"):
        return None  # "一个", "一项": an article, not a count
    after = match.end() + len(cls)
    if any(copy.startswith(word, match.end()) for word in t.name_after):
        return None
    if cls == t.big_classifier and (value > t.big_classifier_max or match.group("scale")):
        return None  # "二十大" names a congress
    if cls in t.not_classifiers_for_words and not num[0].isdigit():
        return None
    if num.isdigit() and len(num) == 4 and _YEAR_SPAN[0] <= int(num) <= _YEAR_SPAN[1] and not match.group("scale"):
        return None
    return Mention(match.start(), number_end, value, "count", "min" if more else "exact", number_end=number_end, after=after, scale=_scale_of(match, t))


def _scale_of(match: re.Match[str], t: Tables) -> float:
    scale = match.group("scale")
    return t.scales[scale] if scale else 1.0


def _join_lists(copy: str, mentions: list[Mention]) -> None:
    """`3至5个` is one range; in `6.1、4.8个百分点` a bare number takes the unit after it."""
    for first, second in zip(mentions, mentions[1:]):
        if first.start < 0 or second.bare:
            continue
        gap = copy[first.end : second.start]
        if first.bare and gap in ("至", "到", "-", "—", "–", "~", "～") and second.unit != "rank":
            first.value *= _scale_gap(first, second)
            first.value_max, first.unit, first.end, first.after = second.value, second.unit, second.end, second.after
            first.bare, first.qualifier = False, second.qualifier
            second.bare = True  # merged into `first`
        elif first.bare and gap in ("、", ",", "和", "与", "及", "或"):
            first.unit, first.bare = second.unit, False
    mentions[:] = [m for m in mentions if m.start >= 0]


def _scale_gap(first: Mention, second: Mention) -> float:
    """ "3至5万吨": the scale stated once, after the second number, is the first's too."""
    return 1.0 if first.scale != 1.0 else second.scale


# --- qualifiers -------------------------------------------------------------------------------


def set_qualifier(copy: str, mention: Mention) -> None:
    t = tables()
    before = copy[max(0, mention.start - 8) : mention.start]
    for link in ("", *t.qualifier_links):
        stem = before[: len(before) - len(link)] if link and before.endswith(link) else (before if not link else None)
        if stem is None:
            continue
        for word, qualifier in sorted(t.qualifiers_before.items(), key=lambda kv: -len(kv[0])):
            if stem.endswith(word):
                if word == "近" and mention.unit in t.duration_units:
                    return  # "近两年": the past two years
                mention.qualifier = qualifier
                return
    for word, qualifier in t.qualifiers_after.items():
        if copy.startswith(word, mention.after) or (mention.after != mention.end and copy.startswith(word, mention.end)):
            mention.qualifier = qualifier
            return


def _stated(value: float) -> float:
    """The value to the digits a briefing can state: 512.3 × 1e8 is 51230000000, not …99.99."""
    return float(f"{value:.12g}")


# --- the whole text ---------------------------------------------------------------------------


def extract(text: str, start: int = 0, end: int | None = None, *, furniture: list[tuple[int, int]] | None = None) -> tuple[ChineseView, list[tuple[Mention, Quantity]]]:
    """Every figure in `text[start:end]`, as (mention in the copy, Quantity in the text)."""
    view = ChineseView(text, start, end)
    copy = view.text
    out = []
    for mention in find_mentions(copy):
        s, e = view.span(mention.start, mention.end)
        if furniture and any(fs < e and s < fe for fs, fe in furniture):
            continue
        set_qualifier(copy, mention)
        qty = Quantity(
            text=text[s:e], start=s, end=e, value=_stated(mention.value), unit=mention.unit,
            value_max=None if mention.value_max is None else _stated(mention.value_max),
            qualifier=mention.qualifier,  # type: ignore[arg-type]
        )
        out.append((mention, qty))
    return view, out
