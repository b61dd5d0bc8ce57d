"""Enumeration and "respectively" checks: a list names as many items as its count or its figures."""

from __future__ import annotations

import re

from podium.checks import patterns
from podium.checks.findings import agree, finding, stated
from podium.checks.registry import CheckContext, check
from podium.checks.text import gap
from podium.scan import marks, matches_at, word_places
from podium.checks.words import load
from podium.layout import Layout
from podium.model import Finding, Quantity

MAX_ITEM_WORDS = 5


def split_list(body: str) -> list[str]:
    """Items of "A, B and C" or "A, B, and C": commas part them, and only the last joiner ("and",
    "or") parts the last two, so "imports and exports" inside a longer list stays one item."""
    parts = [p for p in patterns.COMMA.split(body.strip()) if p]
    if not parts:
        return []
    *head, last = parts
    tail = [t for t in patterns.LAST_JOIN.split(last, maxsplit=1) if t and t.strip()]
    return [p.strip() for p in [*head, *tail] if p.strip()]


def list_items(text: str) -> list[str] | None:
    """The items of "A, B, C and D" (cut where a clause begins), or None when it is no list."""
    cut = patterns.LIST_END.search(" " + text)
    body = (" " + text)[: cut.start()] if cut else " " + text
    body = body.strip().rstrip(",")
    if not re.search(r"\s(?:and|or)\s|\sas\s+well\s+as\s", body, re.IGNORECASE):
        return None
    items = split_list(body)
    if len(items) < 2 or any(len(item.split()) > MAX_ITEM_WORDS or _runs_on(item) for item in items):
        return None
    return items


def _runs_on(item: str) -> bool:
    """An "item" that is speech running on ("then we saw", "one — how we're"), not a name."""
    words = {w.lower() for w in re.findall(r"[A-Za-z']+", item)}
    return bool(words & load().enumeration_item_breakers) or any(dash in item for dash in ("—", "–", "--"))


def _count_value(word: str) -> int:
    return int(word) if word.isdigit() else load().number_words[word.lower()]


def _count_quantity(quantities: list[Quantity], start: int, end: int, text: str, value: int) -> Quantity:
    # The extractor's mention when there is one, so the finding cites its span exactly.
    for qty in quantities:
        if qty.start <= start < qty.end or start <= qty.start < end:
            return qty
    return Quantity(text=text, start=start, end=end, value=float(value), unit="count")


def enumeration_matches(layout: Layout) -> list[re.Match[str]]:
    """What `patterns.enumeration().finditer` finds in the text, the pattern tried only where a
    count can begin: at a number word or a digit. Counts are few, and the pattern reads several
    words after each place it is tried."""
    places = [*word_places(layout.text, layout.lowered, load().number_words), *marks(layout.text, "0123456789")]
    return matches_at(patterns.enumeration(), layout.text, sorted(places))


@check("enumerations")
def check_enumerations(ctx: CheckContext) -> list[Finding]:
    """A counted group against the members listed after it ("the five countries of A, B, C, D and E")."""
    text, quantities = ctx.text, ctx.quantities
    findings = []
    breakers = load().enumeration_breakers
    for match in enumeration_matches(ctx.layout):
        noun_words = {w.lower() for w in match.group("noun").split()}
        if noun_words & breakers or text[max(0, match.start() - 1) : match.start()] in ("$", "¥", "€", "£"):
            continue
        items = list_items(match.group("list"))
        if items is None:
            continue
        count = _count_value(match.group("count"))
        qty = _count_quantity(quantities, match.start("count"), match.end("count"), match.group("count"), count)
        ok = count == len(items)
        explanation = (
            f"{stated(qty)} {match.group('noun')} are counted, and {len(items)} are named "
            f"({'; '.join(items)}): " + ("the count matches." if ok else "the count does not match.")
        )
        findings.append(finding("enumeration", agree(ok), explanation, [qty], 0.0))
    return findings


# --- respectively ---------------------------------------------------------------------------------
def _figures_before(text: str, quantities: list[Quantity], position: int, sentence_start: int) -> list[Quantity]:
    """The run of figures ending just before "respectively" ("57% and 45.9%, respectively")."""
    before = [q for q in quantities if sentence_start <= q.start < position]
    if not before or not re.fullmatch(r"\s*,?\s*", text[before[-1].end : position]):
        return []
    run = [before[-1]]
    for qty in reversed(before[:-1]):
        if not patterns.FIGURE_LIST_GAP.match(gap(text, qty, run[0])):
            break
        run.insert(0, qty)
    return run


def _counts_in(prefix: str) -> set[int]:
    """Counts a prefix states outright: number words, several years listed."""
    words = load().number_words
    counts = {words[w.lower()] for w in re.findall(r"[A-Za-z]+", prefix) if w.lower() in words}
    years = patterns.YEAR.findall(prefix)
    if len(years) >= 2:
        counts.add(len(years))
    return counts


def _subject_items(prefix: str) -> list[str]:
    """The list a clause's subject names, read up to its verb ("imports and exports have ...")."""
    verbs = load().list_verbs
    lead = patterns.LEAD_TIME_PHRASE.sub("", prefix)
    tokens = lead.split()
    cut = next((i for i, t in enumerate(tokens) if t.lower().strip(",") in verbs), len(tokens))
    subject = " ".join(tokens[:cut])
    subject = re.sub(r"^.*\b(?:of|for|in)\s+", "", subject) if re.search(r"\b(?:and|or)\b", subject.split(" of ")[-1]) else subject
    return split_list(subject)


@check("respectively")
def check_respectively(ctx: CheckContext) -> list[Finding]:
    """Figures paired "respectively" against the items or the count their clause names."""
    text, quantities = ctx.text, ctx.quantities
    findings = []
    places = word_places(text, ctx.layout.lowered, [patterns.RESPECTIVELY_WORD])
    for match in matches_at(patterns.RESPECTIVELY, text, places):
        sentence = ctx.layout.sentence(match.start())
        figures = _figures_before(text, quantities, match.start(), sentence.start)
        if len(figures) < 2:
            continue
        prefix = text[sentence.start : figures[0].start]
        items = _subject_items(prefix)
        stated_counts = _counts_in(prefix)
        if len(items) < 2 and not stated_counts:
            continue
        ok = len(figures) == len(items) or len(figures) in stated_counts
        listed = f"{len(items)} items ({'; '.join(i.strip() for i in items)})" if len(items) >= 2 else "no list"
        explanation = (
            f"{len(figures)} figures ({', '.join(stated(f) for f in figures)}) are paired 'respectively' with "
            f"{listed}" + (f", and the clause counts {sorted(stated_counts)}" if stated_counts else "")
            + (": the pairing holds." if ok else ": the numbers do not match.")
        )
        findings.append(finding("respectively", agree(ok), explanation, figures, 0.0))
    return findings
