"""Commitments: targets and forecasts, dated undertakings without a number, and their resolution."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from podium.checks import patterns
from podium.checks.subjects import same_subject
from podium.checks.registry import CheckContext
from podium.checks.tolerance import tolerance
from podium.checks.units import convert
from podium.checks.words import load
from podium.layout import CLAUSE_MARKS, Layout, Span, clause_end, clause_start
from podium.model import Briefing, Commitment, CommitmentStatus, Quantity
from podium.quantities.places import WINDOW, placer_of
from podium.quantities.series import indicator_named, indicator_of, known_indicator
from podium.scan import trie, word_places
from podium.wordtables import read_table

MAX_SUBJECT_WORDS = 12
ZH_SUBJECT_CHARS = 24
# How far before a lead word a Chinese deadline may stand and still be its clause's ("今年也要…").
ZH_LOOKBACK = 12


@dataclass(frozen=True)
class CommitmentWords:
    forecast_label: re.Pattern[str]
    plan_before: re.Pattern[str]
    zh_lead: re.Pattern[str]
    zh_deadline: re.Pattern[str]
    zh_deadlines: dict[str, int]
    timeless: re.Pattern[str]
    comparison: re.Pattern[str]


@lru_cache(maxsize=1)
def words() -> CommitmentWords:
    table = read_table("commitments.yaml")
    labels = trie(str(w).lower() for w in table["forecast_labels"])
    verbs = trie(str(w).lower() for w in table["plan_verbs"])
    deadlines = {str(k): int(v) for k, v in table["zh_deadlines"].items()}
    return CommitmentWords(
        forecast_label=re.compile(rf"(?<![A-Za-z])(?:{labels})(?![A-Za-z])", re.IGNORECASE),
        # "will increase to 100 percent", "will double to": the clause's last words before the figure.
        plan_before=re.compile(rf"\bwill\s+(?:\w+\s+){{0,2}}?(?:{verbs})\s+(?:to|by)\s+(?:about\s+|around\s+)?$", re.IGNORECASE),
        zh_lead=re.compile(trie(str(w) for w in table["zh_leads"])),
        zh_deadline=re.compile(r"到?(?P<year>20\d\d)年(?:底前|底|前)?|" + trie(deadlines)),
        zh_deadlines=deadlines,
        timeless=re.compile(trie(str(w).lower() for w in table["timeless"]), re.IGNORECASE),
        comparison=re.compile(r"\b(?:" + trie(str(w).lower() for w in table["comparisons"]) + r")\b", re.IGNORECASE),
    )


def briefing_year(briefing: Briefing) -> int | None:
    if briefing.date and briefing.date[:4].isdigit():
        return int(briefing.date[:4])
    return briefing.inferred_year


def deadline_in(text: str, year: int | None, month: int | None = None) -> str:
    """The deadline a phrase states ("by 2025", "this year", "by the end of the current quarter"),
    resolved against the briefing's year (and month, for quarters); unresolved, the phrase itself."""
    match = patterns.deadline().search(text)
    if match is None:
        return ""
    if match.group("year"):
        return match.group("year")
    if match.group("quarter"):
        phrase = " ".join(match.group("quarter").lower().split())
        if year is None or month is None:
            return phrase
        index = year * 4 + (month - 1) // 3 + load().deadline_quarters[phrase]
        return f"{index // 4}-Q{index % 4 + 1}"
    phrase = " ".join(match.group("relative").lower().split())
    return str(year + load().deadline_relative[phrase]) if year is not None else phrase


def briefing_month(briefing: Briefing) -> int | None:
    date = briefing.date or ""
    return int(date[5:7]) if len(date) >= 7 and date[5:7].isdigit() else None


def _speaker(briefing: Briefing, offset: int, fallback: str | None) -> str | None:
    if fallback:
        return fallback
    turn = briefing.turn_at(offset)
    return turn.speaker if turn else None


def subject_of(briefing: Briefing, qty: Quantity, sentence: Span) -> str:
    """What is promised: the figure's subject as the series table names it ("median projection
    for the unemployment rate in the SEP" is the unemployment rate), or, when the figure has none,
    the indicator its sentence names before it."""
    before = briefing.text[sentence.start : qty.start]
    if qty.subject:
        return known_indicator(qty.subject) or indicator_named(qty.subject) or indicator_named(before) or qty.subject
    return indicator_named(before)


def from_quantity(briefing: Briefing, qty: Quantity, sentence: Span) -> Commitment:
    body = briefing.text[sentence.start : sentence.end]
    deadline = qty.period or deadline_in(body, briefing_year(briefing), briefing_month(briefing))
    return Commitment(
        subject=subject_of(briefing, qty, sentence),
        place=qty.place,
        text=briefing.text[sentence.start : sentence.end].strip(),
        start=qty.start,
        end=qty.end,
        deadline=deadline,
        speaker=_speaker(briefing, qty.start, qty.speaker),
        value=qty.value,
        value_max=qty.value_max,
        unit=qty.unit,
        qualifier=qty.qualifier,
        modality=qty.modality,
        briefing=briefing.source,
    )


def _undertaking_subject(clause: str) -> str:
    """The thing promised: the words before "will", after the last comma, trimmed of pronouns."""
    head = clause.split(",")[-1].strip()
    kept = head.split()[-MAX_SUBJECT_WORDS:]
    # "..., and the port is expected to": the clause's conjunction is not part of what is promised.
    while kept and kept[0].lower() in {"and", "but", "while", "whereas", "also"}:
        kept = kept[1:]
    return " ".join(kept)


def _promises(layout: Layout) -> dict[int, int]:
    """Where the first undertaking of each sentence holding one begins, by sentence index: the
    pattern tried where one of its lead words is, and kept to the sentence."""
    first: dict[int, int] = {}
    heads = {lead.split()[0] for lead in patterns.UNDERTAKING_LEADS}
    for at in word_places(layout.text, layout.lowered, heads):
        index = layout.sentence_index(at)
        sentence = layout.sentence(at)
        if index not in first and at < sentence.end and patterns.undertaking().match(layout.text, at, sentence.end):
            first[index] = at
    return first


def undertakings(
    briefing: Briefing, ctx: CheckContext, numbered: set[int], *, turns: Turns | None = None
) -> list[Commitment]:
    """Dated undertakings without a number: "the museum will be completed and opened this year"
    (`numbered`: the indices of sentences already holding a numbered commitment)."""
    found = []
    year = briefing_year(briefing)
    for index, at in sorted(_promises(ctx.layout).items()):
        if index in numbered:
            continue
        sentence = ctx.layout.sentences[index]
        body, after = briefing.text[sentence.start : sentence.end], at - sentence.start
        deadline = deadline_in(body[after:], year, briefing_month(briefing))
        subject = _undertaking_subject(body[:after])
        if not deadline or not subject or subject.lower() in {"we", "i", "they", "it"}:
            continue
        if _asked(briefing, sentence, turns) or subject.split()[0].lower() in CONDITIONAL_OPENERS:
            continue
        found.append(
            Commitment(
                subject=subject,
                place=place_of_span(briefing, at, sentence.end),
                text=body.strip(),
                start=at,
                end=sentence.end,
                deadline=deadline,
                speaker=_speaker(briefing, sentence.start, None),
                modality="target",
                briefing=briefing.source,
            )
        )
    return found


# Words that open a condition or a hypothesis, not a promise ("If you see...", "Now that the ...").
CONDITIONAL_OPENERS = frozenset({"if", "now", "when", "unless", "whether", "suppose", "assuming"})


class Turns:
    """The briefing's turns looked up by offset in logarithmic time (a transcript of thousands of
    turns asks once per figure)."""

    def __init__(self, briefing: Briefing) -> None:
        self.turns = sorted(briefing.turns, key=lambda turn: turn.start)
        self.starts = [turn.start for turn in self.turns]

    def role_at(self, offset: int) -> str | None:
        index = bisect.bisect_right(self.starts, offset) - 1
        if index < 0 or offset >= self.turns[index].end:
            return None
        return self.turns[index].role


def _asked(briefing: Briefing, sentence: Span, turns: Turns | None = None) -> bool:
    """A journalist's words, or a question: never a commitment."""
    if (turns or Turns(briefing)).role_at(sentence.start) == "journalist":
        return True
    return briefing.text[sentence.start : sentence.end].rstrip().endswith(("?", "？"))


def place_of_span(briefing: Briefing, start: int, end: int) -> str:
    """Where an undertaking is about, read as a figure at its words would be, by the Placer the
    places stage found (or found now, for the first undertaking of a briefing without that stage)."""
    turn = briefing.turn_at(start)
    probe = Quantity(text="", start=start, end=end, value=0.0, unit="", speaker=turn.speaker if turn else None)
    return placer_of(briefing).place(probe)[0]


def worth_reading(briefing: Briefing, qty: Quantity, sentence: Span, *, turns: Turns | None = None) -> bool:
    """A target or forecast that is a commitment: an official's statement, not a question; not a
    duration or a count with no deadline ("two goals", "17 of 19"); a forecast labelled as one;
    a target with a deadline or a stated move to it ("will increase to 100 percent")."""
    body = briefing.text[sentence.start : sentence.end]
    subject = subject_of(briefing, qty, sentence)
    if _asked(briefing, sentence, turns) or not subject or qty.kind == "duration":
        return False
    opener = body.lstrip().split(maxsplit=1)[:1]
    if subject.split()[0].lower() in CONDITIONAL_OPENERS or (opener and opener[0].lower() in CONDITIONAL_OPENERS):
        return False
    deadline = qty.period or deadline_in(body, briefing_year(briefing), briefing_month(briefing))
    # A count is a promise only with a deadline of its own sentence ("build 100 schools by
    # 2025"); "two goals", "17 of 19" or a period carried over from the sentence before are not.
    if qty.unit == "count" and not (deadline_in(body, briefing_year(briefing), briefing_month(briefing)) or (qty.period and qty.period[:4] in body)):
        return False
    opens = clause_start(briefing.text, sentence.start, qty.start)
    if words().timeless.search(briefing.text, max(sentence.start, qty.start - WINDOW), qty.start):
        return False
    if words().comparison.search(briefing.text, qty.end, clause_end(briefing.text, qty.end, sentence.end)):
        return False
    if qty.modality == "forecast":
        return words().forecast_label.search(body) is not None
    if deadline:
        return True
    return words().plan_before.search(briefing.text[opens : qty.start]) is not None


def _labelled_forecast(briefing: Briefing, qty: Quantity, layout: Layout) -> bool:
    """A figure read as actual that its own clause labels a forecast for a period not yet over:
    "projections for output growth have a central tendency of 3.1 to 3.3 percent for this year"."""
    year = briefing_year(briefing)
    if year is None or not qty.period[:4].isdigit() or int(qty.period[:4]) < year:
        return False
    sentence = layout.sentence(qty.start)
    return words().forecast_label.search(briefing.text, clause_start(briefing.text, sentence.start, qty.start), qty.start) is not None


def extract(briefing: Briefing, ctx: CheckContext) -> list[Commitment]:
    """Targets and forecasts worth reading (`worth_reading`), and dated undertakings in English
    and Chinese."""
    commitments, numbered = [], set()
    turns = Turns(briefing)
    for qty in briefing.quantities:
        if qty.modality == "actual" and _labelled_forecast(briefing, qty, ctx.layout):
            qty = dataclasses.replace(qty, modality="forecast")
        if qty.modality not in ("target", "forecast"):
            continue
        index = ctx.layout.sentence_index(qty.start)
        sentence = ctx.layout.sentences[index] if ctx.layout.sentences else Span(qty.start, qty.end)
        heads_list = qty.unit == "count" and patterns.LIST_HEADER.match(briefing.text[qty.end : qty.end + 60])
        looks_ahead = patterns.future_cue().search(briefing.text[sentence.start : sentence.end])
        if looks_ahead and not heads_list and worth_reading(briefing, qty, sentence, turns=turns):
            numbered.add(index)
            commitments.append(from_quantity(briefing, qty, sentence))
    commitments.extend(undertakings(briefing, ctx, numbered, turns=turns))
    commitments.extend(undertakings_zh(briefing, ctx, numbered, turns=turns))
    return sorted(commitments, key=lambda c: c.start)


def _zh_deadline(found: re.Match[str], year: int | None) -> str:
    if found.group("year"):
        return found.group("year")
    ahead = words().zh_deadlines[found.group()]
    return str(year + ahead) if year is not None else found.group()


def undertakings_zh(
    briefing: Briefing, ctx: CheckContext, numbered: set[int], *, turns: Turns | None = None
) -> list[Commitment]:
    """Chinese undertakings: a lead word (预计, 力争, 将, 也要…) with a deadline in its clause
    (今年, 年底前, 到2025年): "预计年底前能全部完成规划目标"."""
    table, text, found = words(), briefing.text, []
    year, taken = briefing_year(briefing), set(numbered)
    for lead in table.zh_lead.finditer(text):
        index = ctx.layout.sentence_index(lead.start())
        if index in taken or not ctx.layout.sentences:
            continue
        sentence = ctx.layout.sentences[index]
        opens, closes = clause_start(text, sentence.start, lead.start()), clause_end(text, lead.end(), sentence.end)
        due = table.zh_deadline.search(text, max(opens, lead.start() - ZH_LOOKBACK), closes)
        if due is None or _asked(briefing, sentence, turns):
            continue
        subject = text[max(sentence.start, lead.start() - ZH_SUBJECT_CHARS) : lead.start()]
        subject = subject.strip(" \n\t、" + "".join(CLAUSE_MARKS))
        taken.add(index)
        found.append(
            Commitment(
                subject=subject or text[lead.start() : closes].strip(),
                text=text[sentence.start : sentence.end].strip(),
                start=min(lead.start(), due.start()),
                end=closes,
                deadline=_zh_deadline(due, year),
                speaker=_speaker(briefing, sentence.start, None),
                modality="forecast" if table.forecast_label.match(lead.group()) else "target",
                briefing=briefing.source,
                place=place_of_span(briefing, lead.start(), closes),
            )
        )
    return found


# --- resolution across a corpus -------------------------------------------------------------------
def _covers(deadline: str, period: str) -> bool:
    """An actual figure settles a commitment only for the very period promised: a figure for
    2024-01/2024-08 says nothing of the year 2024."""
    return bool(deadline) and period == deadline


def same_series(commitment: Commitment, actual: Quantity) -> bool:
    """The figure measures what was promised, in the same place (an unknown place on either
    side does not tell them apart)."""
    if commitment.place and actual.place and commitment.place != actual.place:
        return False
    if indicator_of(commitment.subject) == indicator_of(actual.subject):
        return True
    return same_subject(commitment.subject, actual.subject)


def deadline_end(deadline: str) -> date | None:
    """The last day of a deadline period ("2024" -> 2024-12-31, "2024-Q2" -> 2024-06-30,
    "2024-05" -> 2024-05-31, a range -> the end of its last period); None for a phrase."""
    last = deadline.split("/")[-1].strip()
    match = re.fullmatch(r"(\d{4})(?:-Q([1-4])|-(\d{2}))?", last)
    if match is None:
        return None
    year, quarter, month = int(match.group(1)), match.group(2), match.group(3)
    final_month = int(quarter) * 3 if quarter else int(month) if month else 12
    if not 1 <= final_month <= 12:
        return None
    following = date(year + final_month // 12, final_month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def _status(commitment: Commitment, actual: Quantity) -> CommitmentStatus | None:
    if commitment.value is None or commitment.unit is None:
        return None
    factor = convert(1.0, actual.unit, commitment.unit)
    if factor is None:
        return None
    value = actual.value * factor
    slack = tolerance(actual) * factor
    target = commitment.value
    if commitment.qualifier == "max":
        ceiling = commitment.value_max if commitment.value_max is not None else target
        return "met" if value - slack <= ceiling else "missed"
    # A target without a ceiling ("at least", "about", or a bare figure) is met once reached.
    return "met" if value + slack >= target else "missed"


def settled_by(actual: Quantity) -> str:
    return f"{actual.text} ({actual.subject or 'no subject'}{', ' + actual.place if actual.place else ''}, {actual.period})"


def resolve(
    commitments: Iterable[Commitment], actual_quantities: Iterable[Quantity], *, today: date | None = None
) -> list[Commitment]:
    """Each commitment with its status from the actual figures given (from later briefings): `met`
    or `missed` when an actual figure of the same series and the very period promised exists,
    naming that figure (`settled_by`); `overdue` when the deadline has passed with no such figure;
    else `open`. The inputs are not changed."""
    actuals = [q for q in actual_quantities if q.modality == "actual"]
    now = today or date.today()
    resolved = []
    for commitment in commitments:
        status: CommitmentStatus = "open"
        settler: Quantity | None = None
        for actual in actuals:
            if not (_covers(commitment.deadline, actual.period) and same_series(commitment, actual)):
                continue
            verdict = _status(commitment, actual)
            if verdict is not None:
                status, settler = verdict, actual
                break
        end = deadline_end(commitment.deadline)
        if status == "open" and end is not None and end < now:
            status = "overdue"
        resolved.append(dataclasses.replace(commitment, status=status, settled_by=settled_by(settler) if settler else None))
    return resolved


def _from_row(cls: type, row: dict[str, Any]) -> Any:
    fields = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in row.items() if k in fields})


def _is_later(figure: dict[str, Any], commitment: dict[str, Any]) -> bool:
    """A figure from another briefing, not dated before the commitment's (undated ones count)."""
    if figure["briefing_id"] == commitment["briefing_id"]:
        return False
    made, stated_on = commitment.get("briefing_date"), figure.get("briefing_date")
    return not made or not stated_on or stated_on > made


def resolve_rows(
    commitment_rows: Iterable[dict[str, Any]], figure_rows: Iterable[dict[str, Any]], *, today: date | None = None
) -> list[dict[str, Any]]:
    """Stored commitments (rows with `briefing_id` and `briefing_date`) resolved against stored
    actual figures from later briefings only; each row comes back with its `status`, the figure
    that settled it (`settled_by`) and that figure's briefing (`briefing`)."""
    # Indexed by the period each figure can settle, so a commitment meets only those figures
    # rather than every figure of the corpus.
    due: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for figure in figure_rows:
        if figure.get("period"):
            due[figure["period"]].append(figure)
    rows = []
    for row in commitment_rows:
        later = [f for f in due.get(row["deadline"], []) if _is_later(f, row)]
        (commitment,) = resolve([_from_row(Commitment, row)], [_from_row(Quantity, f) for f in later], today=today)
        settler = next((f for f in later if commitment.settled_by and settled_by(_from_row(Quantity, f)) == commitment.settled_by), None)
        rows.append(
            {**row, "status": commitment.status, "settled_by": commitment.settled_by, "briefing": settler["briefing_id"] if settler else None}
        )
    return rows


def deadlines_due(commitment_rows: Iterable[dict[str, Any]]) -> set[str]:
    """The periods whose actual figures can settle these commitments."""
    return {row["deadline"] for row in commitment_rows if row.get("deadline")}


__all__ = ["extract", "resolve", "resolve_rows", "deadline_in"]
