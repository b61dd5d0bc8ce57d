"""Commitments: targets and forecasts, dated undertakings without a number, and their resolution."""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from podium.checks import patterns
from podium.checks.subjects import same_subject
from podium.checks.registry import CheckContext
from podium.checks.tolerance import tolerance
from podium.checks.units import convert
from podium.checks.words import load
from podium.layout import Layout, Span
from podium.model import Briefing, Commitment, CommitmentStatus, Quantity
from podium.scan import word_places

MAX_SUBJECT_WORDS = 12


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


def from_quantity(briefing: Briefing, qty: Quantity, sentence: Span) -> Commitment:
    body = briefing.text[sentence.start : sentence.end]
    deadline = qty.period or deadline_in(body, briefing_year(briefing), briefing_month(briefing))
    return Commitment(
        subject=qty.subject,
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
    words = head.split()[-MAX_SUBJECT_WORDS:]
    return " ".join(words)


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


def undertakings(briefing: Briefing, ctx: CheckContext, numbered: set[int]) -> list[Commitment]:
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
        found.append(
            Commitment(
                subject=subject,
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


def extract(briefing: Briefing, ctx: CheckContext) -> list[Commitment]:
    """Targets and forecasts stated in a sentence that looks ahead, and dated undertakings."""
    commitments, numbered = [], set()
    for qty in briefing.quantities:
        if qty.modality not in ("target", "forecast"):
            continue
        index = ctx.layout.sentence_index(qty.start)
        sentence = ctx.layout.sentences[index] if ctx.layout.sentences else Span(qty.start, qty.end)
        heads_list = qty.unit == "count" and patterns.LIST_HEADER.match(briefing.text[qty.end : qty.end + 60])
        looks_ahead = patterns.future_cue().search(briefing.text[sentence.start : sentence.end])
        if looks_ahead and not heads_list:
            numbered.add(index)
            commitments.append(from_quantity(briefing, qty, sentence))
    commitments.extend(undertakings(briefing, ctx, numbered))
    return sorted(commitments, key=lambda c: c.start)


# --- resolution across a corpus -------------------------------------------------------------------
def _covers(deadline: str, period: str) -> bool:
    """An actual figure for `period` can settle a commitment due in `deadline` (same year, or the
    year's end stated as its last quarter or month)."""
    if not deadline or not period:
        return False
    return period == deadline or period.split("/")[-1] == deadline


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


def resolve(commitments: Iterable[Commitment], actual_quantities: Iterable[Quantity]) -> list[Commitment]:
    """Each commitment with its status from the actual figures given (from later briefings): `met`
    or `missed` when an actual figure for the same subject, kind of unit and deadline exists, else
    `open`. The inputs are not changed."""
    actuals = [q for q in actual_quantities if q.modality == "actual"]
    resolved = []
    for commitment in commitments:
        status: CommitmentStatus = "open"
        for actual in actuals:
            if not (same_subject(commitment.subject, actual.subject) and _covers(commitment.deadline, actual.period)):
                continue
            verdict = _status(commitment, actual)
            if verdict is not None:
                status = verdict
                break
        resolved.append(dataclasses.replace(commitment, status=status))
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


def resolve_rows(commitment_rows: Iterable[dict[str, Any]], figure_rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stored commitments (rows with `briefing_id` and `briefing_date`) resolved against stored
    actual figures from later briefings only; each row comes back with its `status`."""
    # Indexed by the deadline each figure can settle, so a commitment meets only those figures
    # rather than every figure of the corpus.
    due: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for figure in figure_rows:
        period = figure.get("period") or ""
        for deadline in {period, period.split("/")[-1]} - {""}:
            due[deadline].append(figure)
    rows = []
    for row in commitment_rows:
        later = [_from_row(Quantity, f) for f in due.get(row["deadline"], []) if _is_later(f, row)]
        (commitment,) = resolve([_from_row(Commitment, row)], later)
        rows.append({**row, "status": commitment.status})
    return rows


def deadlines_due(commitment_rows: Iterable[dict[str, Any]]) -> set[str]:
    """The periods whose actual figures can settle these commitments."""
    return {row["deadline"] for row in commitment_rows if row.get("deadline")}


__all__ = ["extract", "resolve", "resolve_rows", "deadline_in"]
