"""Repeated-figure check: one measure stated twice (same subject, period and kind) must agree."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain, combinations, product
from typing import TypeVar

from podium.checks import patterns
from podium.checks.findings import agree, amount, finding, stated
from podium.checks.subjects import same_subject, subject_key, words_key
from podium.checks.registry import CheckContext, check
from podium.checks.text import by_sentence, says
from podium.checks.tolerance import interval, relative_tolerance
from podium.checks.units import NON_AMOUNT_UNITS, convert
from podium.checks.words import load
from podium.layout import Layout
from podium.model import Briefing, Finding, Quantity

CHECK = "repeated figure"
T = TypeVar("T")


def milestones(layout: Layout, quantities: list[Quantity]) -> set[int]:
    """The starts of the figures passed on the way ("it took a year to go from 200 billion to 300
    billion"): milestones, not statements of the level."""
    counting = patterns.threshold_sentence()
    return {
        q.start
        for sentence, inside in by_sentence(layout, quantities).items()
        if says(layout.text, sentence, counting)
        for q in inside
        if _passed_from(layout, q)
    }


def _passed_from(layout: Layout, qty: Quantity) -> bool:
    before = layout.text[layout.sentence(qty.start).start : qty.start]
    return bool(patterns.FROM_OR_TO_BEFORE.search(before)) and "from" in before.lower()


def is_part(text: str, qty: Quantity) -> bool:
    """"15 of which", "including 300": a figure for a part of something already counted."""
    return bool(
        patterns.part_after().match(text[qty.end : qty.end + 30])
        or patterns.part_before().search(text[max(0, qty.start - 30) : qty.start])
    )


def is_modifier(text: str, qty: Quantity) -> bool:
    return bool(patterns.COMPOUND_MODIFIER.search(qty.text) or text[qty.end : qty.end + 1] == "-")


def _only_connectives(window: str) -> bool:
    words = patterns.WINDOW_WORD.findall(window)
    return all(w.lower() in load().connective_words for w in words)


def _supports(window: str, subject: str, *, every_word: bool = False) -> bool:
    """Whether `window` names `subject`: half its content words (all of them with `every_word`)."""
    key = _content_key(subject)
    found = len(key & words_key(window))
    return bool(key) and (found == len(key) if every_word else found * 2 >= len(key))


@lru_cache(maxsize=4096)
def _content_key(subject: str) -> frozenset[str]:
    """A subject's words without its marker tags ("#rate")."""
    return frozenset(t for t in subject_key(subject) if not t.startswith("#"))


def _previous_in_sentence(quantities: list[Quantity], index: int, sentence_start: int, before: int) -> int | None:
    prev = index - 1
    if prev >= 0 and quantities[prev].end <= before and quantities[prev].start >= sentence_start:
        return prev
    return None


def _trailing_clause(text: str, quantities: list[Quantity], index: int, sentence_end: int) -> str:
    """The words after a figure up to the next figure or clause break: its "of ..." phrase."""
    end = quantities[index + 1].start if index + 1 < len(quantities) else sentence_end
    tail = text[quantities[index].end : min(end, sentence_end)]
    return patterns.CLAUSE_BREAK.split(tail, maxsplit=1)[0]


def anchored_subject(layout: Layout, quantities: list[Quantity], index: int) -> tuple[str, str] | None:
    """The subject a figure's own words support. The extractor's subject when its words are in the
    figure's clause (or in the clause of a figure this one continues: "stood at 42 billion jin,
    increasing by 6 billion jin"); else the subject of the figure it continues; else None, since a
    subject carried over from elsewhere is not trusted to call two figures contradictory."""
    text, qty = layout.text, quantities[index]
    sentence = layout.sentence(qty.start)
    if not qty.subject.strip():
        # No subject at all: keep the figure's own words, to be read against the other figure's subject.
        prev = _previous_in_sentence(quantities, index, sentence.start, qty.start)
        return "", text[quantities[prev].end if prev is not None else sentence.start : qty.start]
    end, i = qty.start, index
    while True:
        prev = _previous_in_sentence(quantities, i, sentence.start, end)
        window = text[quantities[prev].end if prev is not None else sentence.start : end]
        if _supports(window, qty.subject):
            return qty.subject, window
        if prev is None or not _only_connectives(window):
            break
        end, i = quantities[prev].start, prev
    trailing = _trailing_clause(text, quantities, index, sentence.end)
    if _supports(trailing, qty.subject):
        return qty.subject, trailing  # "accounting for 60% of tourist arrivals"
    prev = _previous_in_sentence(quantities, index, sentence.start, qty.start)
    if prev is not None and _only_connectives(text[quantities[prev].end : qty.start]):
        return anchored_subject(layout, quantities, prev)
    return None


def candidates(
    layout: Layout,
    quantities: list[Quantity],
    restated: set[int],
    thresholds: set[int] | None = None,
    *,
    paired_only: bool = False,
) -> list[tuple[Quantity, str]]:
    """The figures that can be compared, each with the subject its own words support and the
    words that support it (`thresholds`: the starts of its milestones, when already found;
    `paired_only`: only those with a possible repeat in another sentence of this text, all the
    within-text check needs)."""
    thresholds = thresholds if thresholds is not None else milestones(layout, quantities)
    passed = restated | thresholds
    stating = [index for index, qty in enumerate(quantities) if _states_outright(qty, passed)]
    if paired_only:
        stating = _with_partner(quantities, stating, layout)
    stating = [index for index in stating if not _is_part_or_modifier(layout.text, quantities[index])]
    if paired_only:
        stating = _with_partner(quantities, stating, layout)
    pool = []
    for index in stating:
        anchored = anchored_subject(layout, quantities, index)
        if anchored is not None:
            pool.append((dataclasses.replace(quantities[index], subject=anchored[0]), anchored[1]))
    return pool


def _with_partner(quantities: list[Quantity], indices: list[int], layout: Layout) -> list[int]:
    """The figures at `indices` that may pair with one of them in another sentence: of one kind and
    stated period (see `comparable`), with subjects `_matched_pairs` may not pass over. Only these
    can be found a repeat within the text (see `check`), so only their words need reading.

    A blank subject (None) meets any, a named one only its own: so a figure has a partner when
    its group holds, in another sentence, any figure (it has a blank key), a figure with a blank
    key, or a figure sharing one of its named keys. Each is asked of the sentences where those
    keys occur, not of every pair of figures."""
    by_measure: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for index in indices:
        qty = quantities[index]
        if qty.period:
            by_measure[(qty.kind, qty.period)].append((layout.sentence_index(qty.start), index))
    kept: set[int] = set()
    for group in by_measure.values():
        if len({place for place, _index in group}) < 2:
            continue  # the subjects are read only where there is another sentence to meet
        keys = {index: _possible_keys(quantities, index, layout) for _place, index in group}
        places: dict[frozenset[str] | None, set[int]] = defaultdict(set)
        for place, index in group:
            for key in keys[index]:
                places[key].add(place)
        for place, index in group:
            own = keys[index]
            if None in own or _elsewhere(places.get(None), place) or any(key and _elsewhere(places[key], place) for key in own):
                kept.add(index)
    return [index for index in indices if index in kept]


def _elsewhere(places: set[int] | None, place: int) -> bool:
    """Whether `places` holds a sentence other than `place`."""
    if not places:
        return False
    return len(places) > 1 or place not in places


def _possible_keys(quantities: list[Quantity], index: int, layout: Layout) -> set[frozenset[str] | None]:
    """The subject words `_matched_pairs` may read for a figure once `anchored_subject` has given
    it a subject: its own, or that of a figure it continues in its sentence (None for a blank one)."""
    sentence_start = layout.sentence(quantities[index].start).start
    keys = set()
    at: int | None = index
    while at is not None:
        qty = quantities[at]
        keys.add(subject_key(qty.subject) if qty.subject.strip() else None)
        at = _previous_in_sentence(quantities, at, sentence_start, qty.start)
    return keys


def _may_pair(key_a: frozenset[str] | None, key_b: frozenset[str] | None) -> bool:
    # What `_matched_pairs` lets through: a blank subject meets any, a named one only its own.
    return key_a is None or key_b is None or (bool(key_a) and key_a == key_b)


def _states_outright(qty: Quantity, passed: set[int]) -> bool:
    """Whether a figure may state a measure outright: not a target, rank or duration, nor
    (`passed`) a restatement or milestone."""
    return qty.modality == "actual" and qty.start not in passed and qty.kind not in ("rank", "duration")


def _is_part_or_modifier(text: str, qty: Quantity) -> bool:
    return is_modifier(text, qty) or is_part(text, qty)


NEAR_WORDS = 8


def distinct_measures(window_a: str, window_b: str, subject: str) -> bool:
    """Whether the words just before two figures name different measures beyond their shared
    subject ("projections for output growth have a central tendency of" against "... for the
    unemployment rate have a central tendency of")."""
    words = load()
    ignored = subject_key(subject) | words.neutral_words | words.connective_words | words.list_verbs
    near_a = words_key(" ".join(window_a.split()[-NEAR_WORDS:])) - ignored
    near_b = words_key(" ".join(window_b.split()[-NEAR_WORDS:])) - ignored
    return bool(near_a - near_b) and bool(near_b - near_a)


def comparable(a: Quantity, b: Quantity) -> bool:
    # An undated figure is a standing fact or a period the extractor did not find: two of them
    # with one subject are too often different things ("over 70 percent of global production").
    return (
        a.kind == b.kind
        and bool(a.period)
        and a.period == b.period
        and convert(1.0, a.unit, b.unit) is not None
        and not (a.value == b.value and a.unit == b.unit and a.value_max == b.value_max)
    )


def shared_subject(a: Quantity, window_a: str, b: Quantity, window_b: str) -> str | None:
    """The subject two figures share: the same subject, or, where one figure has none, the other's
    subject when the words before the first name it ("you mentioned that investment reached")."""
    if a.subject and b.subject:
        return a.subject if same_subject(a.subject, b.subject) else None
    if a.subject and _supports(window_b, a.subject, every_word=True):
        return a.subject
    if b.subject and _supports(window_a, b.subject, every_word=True):
        return b.subject
    return None


# A measure stated more often than this is compared with its latest statements only: each is
# still checked against those nearest it, and a text repeating one measure thousands of times
# costs in proportion to its length, not to the square of it.
PARTNERS = 4


def _same_kind_and_period(
    keys_a: list[frozenset[str] | None], pool_a: list[tuple[Quantity, str]], pool_b: list[tuple[Quantity, str]], *, same_pool: bool
) -> list[tuple[int, int]]:
    """Index pairs of figures of one kind and one stated period whose subject words may match (a
    blank subject, None, meets any; a named one its own), in text order: only these can be
    `comparable` and share a subject, so the others are never formed. Within one pool each figure
    meets at most PARTNERS earlier figures of each bucket it can match."""
    if not same_pool:
        return [(i, j) for i, (a, _w) in enumerate(pool_a) if a.period for j, (b, _v) in enumerate(pool_b) if (b.kind, b.period) == (a.kind, a.period)]
    named: dict[tuple[str, str, frozenset[str]], list[int]] = defaultdict(list)
    blank: dict[tuple[str, str], list[int]] = defaultdict(list)
    every: dict[tuple[str, str], list[int]] = defaultdict(list)
    pairs = []
    for j, (b, _window) in enumerate(pool_a):
        if not b.period:
            continue
        measure, key = (b.kind, b.period), keys_a[j]
        if key is None:
            earlier = every[measure][-PARTNERS:]
        else:
            earlier = sorted({*blank[measure][-PARTNERS:], *(named[(*measure, key)][-PARTNERS:] if key else ())})
        pairs += [(i, j) for i in earlier]
        every[measure].append(j)
        if key is None:
            blank[measure].append(j)
        elif key:
            named[(*measure, key)].append(j)
    return sorted(pairs)


def _matched_pairs(pool_a: list[tuple[Quantity, str]], pool_b: list[tuple[Quantity, str]], *, same_pool: bool) -> list[tuple[Quantity, Quantity]]:
    # Each figure's subject words read once, so two named subjects that differ are passed over
    # at once: `shared_subject` would find them none.
    keys_a = [subject_key(a.subject) if a.subject else None for a, _window in pool_a]
    keys_b = keys_a if pool_b is pool_a else [subject_key(b.subject) if b.subject else None for b, _window in pool_b]
    matched = []
    for i, j in _same_kind_and_period(keys_a, pool_a, pool_b, same_pool=same_pool):
        if keys_a[i] is not None and keys_b[j] is not None and not (keys_a[i] and keys_a[i] == keys_b[j]):
            continue
        (a, window_a), (b, window_b) = pool_a[i], pool_b[j]
        if not comparable(a, b):
            continue
        subject = shared_subject(a, window_a, b, window_b)
        if subject and not distinct_measures(window_a, window_b, subject):
            matched.append((dataclasses.replace(a, subject=subject), dataclasses.replace(b, subject=subject)))
    return matched


def check_pair(first: Quantity, second: Quantity) -> Finding:
    factor = convert(1.0, first.unit, second.unit) or 1.0
    first_range = interval(first).scaled(factor)
    second_range = interval(second)
    ok = first_range.overlaps(second_range)
    when = (f" ({first.kind})" if first.kind != "level" else "") + (f" for {first.period}" if first.period else "")
    unit = "" if second.unit == "count" else ("%" if second.unit == "%" else f" {second.unit}")
    explanation = (
        f"{first.subject or 'the same measure'}{when} is stated twice: {stated(first)} allows "
        f"{first_range.text()}{unit}; {stated(second)} allows {second_range.text()}{unit}"
        + (": both can hold." if ok else ": they cannot both hold.")
    )
    if factor != 1.0:
        explanation += f" ({amount(first.value, first.unit)} = {amount(first.value * factor, second.unit)})"
    slack = max(relative_tolerance(first), relative_tolerance(second))
    return finding(CHECK, agree(ok), explanation, [first, second], slack)


RATES_OF_AMOUNTS = frozenset({"%", "pp"})


def amounts_measured(layout: Layout, quantities: list[Quantity]) -> dict[int, str]:
    """The unit of the amount each growth or change rate follows in its sentence, one clause break
    at most between ("exports of 2.13 trillion yuan, down 6%"), by the rate's start: a rate of an
    amount in yuan and one of the same amount in dollars are two measures."""
    measured = {}
    for before, qty in zip(quantities, quantities[1:]):
        if qty.unit not in RATES_OF_AMOUNTS or qty.kind not in ("growth", "change") or before.unit in NON_AMOUNT_UNITS:
            continue
        if layout.same_sentence(before.start, qty.start) and len(patterns.CLAUSE_BREAK.findall(layout.text, before.end, qty.start)) <= 1:
            measured[qty.start] = before.unit
    return measured


def _rates_of_unlike_amounts(measured: dict[int, str], a: Quantity, b: Quantity) -> bool:
    units = measured.get(a.start), measured.get(b.start)
    return None not in units and convert(1.0, units[0] or "", units[1] or "") is None


@check("repeats")
def repeated_figures(ctx: CheckContext) -> list[Finding]:
    """One measure stated twice must agree. Two figures in one sentence are never a repeat: there
    they are a part and its whole, or a start and an end; nor are rates of amounts stated in units
    that do not convert (a growth of exports in yuan and in dollars)."""
    pool = candidates(ctx.layout, ctx.quantities, ctx.restated, ctx.milestones, paired_only=True)
    measured = amounts_measured(ctx.layout, ctx.quantities)
    return [
        check_pair(a, b)
        for a, b in _matched_pairs(pool, pool, same_pool=True)
        if not ctx.layout.same_sentence(a.start, b.start) and not _rates_of_unlike_amounts(measured, a, b)
    ]


def pool(briefing: Briefing) -> list[tuple[Quantity, str]]:
    """One briefing's comparable figures, each with the words that anchor its subject: all that
    the across-briefing check needs from it, so its text can be let go."""
    ordered = sorted(briefing.quantities, key=lambda q: (q.start, q.end))
    return candidates(briefing.layout, ordered, set())


Entry = tuple[int, T, str, Quantity, str]  # source index, label, name, figure, its subject's words


def _bucket_key(qty: Quantity) -> tuple[str, str, frozenset[str]] | None:
    """Where a figure waits for its repeats: its kind, period and subject words. Figures without a
    period never compare (see `comparable`), nor do subjects with no content words."""
    if not qty.period:
        return None
    key = subject_key(qty.subject) if qty.subject else frozenset()
    if qty.subject and not key:
        return None
    return qty.kind, qty.period, key


def across_pools(pools: Iterable[tuple[T, str, list[tuple[Quantity, str]]]]) -> list[tuple[T, T, Finding]]:
    """Repeated figures across sources, given each source as (label, name, pool). Figures are
    grouped by kind, period and subject words as they arrive, so only figures that can match are
    ever paired; a figure without a subject waits beside every subject of its kind and period."""
    named: dict[tuple[str, str, frozenset[str]], list[Entry]] = defaultdict(list)
    unnamed: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for index, (label, name, candidates_) in enumerate(pools):
        for qty, window in candidates_:
            key = _bucket_key(qty)
            if key is None:
                continue
            entry = (index, label, name, qty, window)
            (named[key] if key[2] else unnamed[key[:2]]).append(entry)
    found: list[tuple[tuple[int, int, int, int], T, T, Finding]] = []
    for key, entries in named.items():
        # Two unnamed figures never share a subject (shared_subject), so each bucket pairs its
        # named figures with one another and with the unnamed ones of its kind and period.
        found += _pairs_across(chain(combinations(entries, 2), product(entries, unnamed.get(key[:2], []))))
    return [(a, b, item) for _order, a, b, item in sorted(found, key=lambda f: f[0])]


def _pairs_across(pairs: Iterable[tuple[Entry, Entry]]) -> list[tuple[tuple[int, int, int, int], T, T, Finding]]:
    """The findings on pairs of figures from two different sources, the earlier source first."""
    found: list[tuple[tuple[int, int, int, int], T, T, Finding]] = []
    for x, y in pairs:
        if x[0] == y[0]:
            continue
        first, second = (x, y) if x[0] < y[0] else (y, x)
        for a, b in _matched_pairs([first[3:]], [second[3:]], same_pool=False):
            item = check_pair(a, b)
            item.explanation = f"across {first[2]} and {second[2]}: {item.explanation}"
            found.append(((first[0], second[0], a.start, b.start), first[1], second[1], item))
    return found


def across(briefings: list[Briefing]) -> list[tuple[Briefing, Briefing, Finding]]:
    """Repeated figures across briefings: the same subject, period and kind stated in two of them.
    Each finding comes with the two briefings its quantities' spans belong to."""
    return across_pools((briefing, briefing.source, pool(briefing)) for briefing in briefings)
