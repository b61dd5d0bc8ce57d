"""Enumeration and "respectively" checks: a list names as many items as its count or its figures."""

from __future__ import annotations

import re
from collections.abc import Iterable

from podium.checks import patterns
from podium.checks.findings import agree, finding, stated
from podium.checks.text import Sentences, gap, has_wide_decimal, lowered_for_search, matches_at, occurrences
from podium.checks.words import load
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


_ASCII_DIGITS = "0123456789"


def _count_starts(text: str, lowered: str | None) -> list[int] | None:
    """Every offset where an enumeration's count can begin (a number word in any case, or a run of
    one or two digits, before a space or tab), or None when the text must be scanned whole:
    `lowered` is None, or a digit outside ASCII could begin a count."""
    if lowered is None or has_wide_decimal(text):
        return None
    starts = set(_count_word_starts(lowered))
    starts.update(_short_digit_runs(text))
    return sorted(at for at in starts if _may_open_count(text, at))


def _count_word_starts(lowered: str) -> list[int]:
    """Each offset of `lowered` where a number word begins that a space or tab follows."""
    found: list[int] = []
    gaps = " \t" if "\t" in lowered else " "  # a tab is rare: its searches are spared where there is none
    for ending, words in patterns.count_word_endings():
        for gap_char in gaps:
            for at in occurrences(lowered, ending + gap_char):
                end = at + len(ending)  # where the word ends
                for word in words:
                    start = end - len(word)
                    if start >= 0 and lowered.startswith(word, start):
                        found.append(start)
    return found


def _short_digit_runs(text: str) -> list[int]:
    """Each ASCII digit with at most one more digit and then a space or tab after it: where a count
    in digits can begin (one loop over the digits' places rather than a call for each)."""
    found, size = [], len(text)
    for digit in _ASCII_DIGITS:
        for at in occurrences(text, digit):
            end = at + 2 if at + 1 < size and text[at + 1] in _ASCII_DIGITS else at + 1
            if end < size and text[end] in " \t":
                found.append(at)
    return found


def _may_open_count(text: str, at: int) -> bool:
    """Whether the character before `at` lets a count begin there: no digit, point, comma or word
    character (the enumeration pattern's lookbehind and word boundary), so it is tried only there."""
    if at == 0:
        return True
    before = text[at - 1]
    return before not in ".," and not before.isalnum() and before != "_"


def _may_open_list(lowered: str, at: int, heads: tuple[str, ...]) -> bool:
    """Whether an opener ("of", a colon, "namely") can follow the count at `at` of the lowered text:
    only where an opener's first word begins within the count's run (see
    `patterns.COUNT_TO_OPENER`). Most counts have none there, and the enumeration pattern, tried
    at a count, reads each of its next words letter by letter for an opener before it fails."""
    run = patterns.COUNT_TO_OPENER.match(lowered, at)
    end = run.end() if run is not None else at
    for head in heads:  # patterns.opener_heads()
        if lowered.find(head, at, end + len(head)) >= 0:
            return True
    return False


def enumeration_matches(text: str, lowered: str | None = None) -> Iterable[re.Match[str]]:
    """The matches of `patterns.enumeration()` in `text`, as its finditer gives them, tried only where
    a count can begin: trying the pattern at every position of a long text was the slowest step of
    the checks. `lowered`: `text` as `lowered_for_search` gives it, when already read."""
    lowered = lowered if lowered is not None else lowered_for_search(text)
    starts = _count_starts(text, lowered)
    if lowered is None or starts is None:
        return patterns.enumeration().finditer(text)
    # Found in the lowered text, faster (see patterns.for_lowered); matched again in the text
    # itself, at the same places, for the groups as written.
    heads = patterns.opener_heads()
    starts = [at for at in starts if _may_open_list(lowered, at, heads)]
    found = matches_at(patterns.for_lowered(patterns.enumeration()), lowered, starts)
    return [match for at in found if (match := patterns.enumeration().match(text, at.start()))]


def check_enumerations(text: str, quantities: list[Quantity], sentences: Sentences | None = None) -> list[Finding]:
    findings = []
    breakers = load().enumeration_breakers
    for match in enumeration_matches(text, sentences.lowered if sentences is not None else None):
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


def _respectively_matches(text: str, sentences: Sentences) -> Iterable[re.Match[str]]:
    # Tried only where the lower-cased word is: the case-blind pattern is slow to scan a whole text.
    if sentences.lowered is None:
        return patterns.RESPECTIVELY.finditer(text)
    return matches_at(patterns.RESPECTIVELY, text, list(occurrences(sentences.lowered, patterns.RESPECTIVELY_WORD)))


def check_respectively(text: str, quantities: list[Quantity], sentences: Sentences) -> list[Finding]:
    findings = []
    for match in _respectively_matches(text, sentences):
        sentence = sentences.of(match.start())
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
