"""Figures aligned across two language versions of one briefing: does the translation say what
the original said?

Each side's figures come from its own reading (English or Chinese), already normalised to one set
of unit ids and plain values (亿 = 1e8, billion = 1e9), so matching compares what the figures are,
not where they sit or how they are written. The pairing is a monotone alignment (a translation
keeps the order of what it translates): dynamic programming over the two sequences, each pair
scored by value agreement, kind, period, direction and turn, less a little for drifting apart in
place. Figures whose value moved in translation are paired in a second pass, only between two
confident pairs, so a changed figure is reported as changed rather than as one dropped and one
added. Weights are data (podium/data/align.yaml)."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from functools import lru_cache
from typing import Any

from podium.errors import PodiumError
from podium.layout import layout_of
from podium.model import Briefing, Caveat, Quantity
from podium.pipeline import parse_figures
from podium.read import Document, read_path
from podium.scripts import letter_languages
from podium.wordtables import read_table


@dataclass
class Side:
    """One language version: its code ("zh", "en"), its text and the figures read from it."""

    lang: str
    text: str
    quantities: list[Quantity]
    warnings: list[Caveat] = field(default_factory=list)


@dataclass
class Pair:
    """One line of an alignment: a figure on each side (or on one), and what changed."""

    first: Quantity | None
    second: Quantity | None
    same: bool
    note: str


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    return dict(read_table("align.yaml"))


def _weight(name: str) -> float:
    return float(_table()["weights"][name])


def language_code(text: str) -> str:
    """The code of the language most of `text`'s letters are written in ("en" for Latin)."""
    counts = letter_languages(text)
    codes = {str(k or ""): str(v) for k, v in _table()["language_codes"].items()}
    for name, _count in counts.most_common():
        if name in codes:
            return codes[name]
    return "en"


def split_by_language(text: str) -> dict[str, str]:
    """Each language's share of an interleaved bilingual text: the text with every paragraph in
    another language blanked to spaces (line breaks kept), so offsets into each share are offsets
    into the file, and each share reads as a text of its own."""
    layout = layout_of(text)
    shares: dict[str, list[str]] = {}
    langs = [language_code(text[p.start : p.end]) if _has_letters(text[p.start : p.end]) else "" for p in layout.paragraphs]
    for lang in {code for code in langs if code}:
        chars = list(text)
        for paragraph, code in zip(layout.paragraphs, langs):
            if code != lang:
                for at in range(paragraph.start, paragraph.end):
                    if chars[at] not in "\r\n":
                        chars[at] = " "
        shares[lang] = chars
    return {lang: "".join(chars) for lang, chars in shares.items()}


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def align(a: Side, b: Side) -> list[Pair]:
    """Every figure of `a` and of `b` once, in order: pairs where the two versions state the same
    figure, one-sided lines for the rest."""
    xs, ys = a.quantities, b.quantities
    anchors = _monotone(xs, ys, _confident_score(a, b))
    pairs = anchors + _moved_pairs(a, b, anchors)
    pairs.sort()
    return _lines(a, b, pairs)


Score = Callable[[Quantity, Quantity], float]


def _confident_score(a: Side, b: Side) -> Score:
    def score(x: Quantity, y: Quantity) -> float:
        agreement = _value_agreement(x, y)
        if agreement < _weight("rounded"):
            return -math.inf
        return agreement + _context_score(a, b, x, y) - _weight("place") * abs(_place(a, x) - _place(b, y))

    return score


def _place(side: Side, qty: Quantity) -> float:
    return qty.start / max(1, len(side.text))


def _context_score(a: Side, b: Side, x: Quantity, y: Quantity) -> float:
    """What besides the value says two figures are one: kind, period, direction, turn."""
    score = 0.0
    if x.kind == y.kind:
        score += _weight("same_kind")
    if x.period and x.period == y.period:
        score += _weight("same_period")
    ways = x.direction, y.direction
    if (x.value < 0) == (y.value < 0) and not (ways[0] and ways[1] and ways[0] != ways[1]):
        score += _weight("same_direction")
    if x.turn is not None and x.turn == y.turn:
        score += _weight("same_turn")
    return score


def _monotone(xs: Sequence[Quantity], ys: Sequence[Quantity], score: Score) -> list[tuple[int, int]]:
    """The order-keeping set of pairs with the greatest total score (pairs must score above
    `least`); a figure left out of every pair costs nothing, as a translation may drop it."""
    least = _weight("least")
    n, m = len(xs), len(ys)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    step = [[0] * (m + 1) for _ in range(n + 1)]  # 0: skip x, 1: skip y, 2: pair
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            best[i][j], step[i][j] = best[i - 1][j], 0
            if best[i][j - 1] > best[i][j]:
                best[i][j], step[i][j] = best[i][j - 1], 1
            s = score(xs[i - 1], ys[j - 1])
            if s > least and best[i - 1][j - 1] + s > best[i][j]:
                best[i][j], step[i][j] = best[i - 1][j - 1] + s, 2
    pairs: list[tuple[int, int]] = []
    i, j = n, m
    while i > 0 and j > 0:
        if step[i][j] == 2:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif step[i][j] == 0:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


def _moved_pairs(a: Side, b: Side, anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pairs of figures whose value changed in translation: only in a stretch between two
    confident pairs (or before the first), where both sides hold figures, of the same unit and
    kind. After the last pair nothing is paired this way: there one text has usually ended."""
    found: list[tuple[int, int]] = []
    bounds = [(-1, -1), *anchors]
    for (i0, j0), (i1, j1) in zip(bounds, [*anchors]):
        xs = list(range(i0 + 1, i1))
        ys = list(range(j0 + 1, j1))
        if not xs or not ys:
            continue
        sub = _monotone([a.quantities[i] for i in xs], [b.quantities[j] for j in ys], _moved_score(a, b))
        found.extend((xs[i], ys[j]) for i, j in sub)
    return found


def _moved_score(a: Side, b: Side) -> Score:
    def score(x: Quantity, y: Quantity) -> float:
        if _unit(x) != _unit(y) or x.kind != y.kind:
            return -math.inf
        vx, vy = abs(_norm(x)), abs(_norm(y))
        if vx == 0 or vy == 0 or max(vx, vy) / min(vx, vy) > float(_table()["moved_within"]):
            return -math.inf
        return _weight("value_moved") + _context_score(a, b, x, y) - _weight("same_kind")

    return score


def _norm(qty: Quantity) -> float:
    return qty.normalized_value if qty.normalized_value is not None else qty.value


def _unit(qty: Quantity) -> str:
    return (qty.normalized_unit if qty.normalized_unit is not None else qty.unit) or ""


def _value_agreement(x: Quantity, y: Quantity) -> float:
    """`same_value` when the two state one value in one unit, `rounded` when one is the other at
    a coarser stated precision, 0 otherwise."""
    if _unit(x) != _unit(y):
        return 0.0
    vx, vy = abs(_norm(x)), abs(_norm(y))
    if _close(vx, vy):
        return _weight("same_value")
    if _rounds_to(vx, vy) or _rounds_to(vy, vx):
        return _weight("rounded")
    return 0.0


def _close(p: float, q: float) -> bool:
    return math.isclose(p, q, rel_tol=float(_table()["same_tolerance"]), abs_tol=1e-12)


def _rounds_to(fine: float, coarse: float) -> bool:
    """Whether `coarse` is `fine` rounded to the precision `coarse` is written at."""
    if coarse == 0 or _close(fine, coarse):
        return False
    digits = _significant_digits(coarse)
    if digits >= _significant_digits(fine):
        return False
    return _close(_round_significant(fine, digits), coarse)


def _significant_digits(value: float) -> int:
    text = f"{abs(value):.12g}".replace(".", "").lstrip("0").split("e")[0]
    return max(1, len(text.rstrip("0")) or 1)


def _round_significant(value: float, digits: int) -> float:
    if value == 0:
        return 0.0
    return round(value, digits - 1 - int(math.floor(math.log10(abs(value)))))


def _lines(a: Side, b: Side, pairs: list[tuple[int, int]]) -> list[Pair]:
    """Every figure once, in the order of `a` with `b`'s unpaired figures where they fall."""
    lines: list[Pair] = []
    paired_a = {i for i, _ in pairs}
    paired_b = {j for _, j in pairs}
    last_a = max(paired_a, default=-1)
    last_b = max(paired_b, default=-1)
    i = j = 0
    queue = list(pairs)
    while i < len(a.quantities) or j < len(b.quantities):
        if queue and i == queue[0][0] and j == queue[0][1]:
            x, y = a.quantities[i], b.quantities[j]
            same, note = compare(x, y, ways=(x.direction, y.direction))
            lines.append(Pair(x, y, same, note))
            queue.pop(0)
            i, j = i + 1, j + 1
        elif i < len(a.quantities) and i not in paired_a and (not queue or i < queue[0][0]):
            lines.append(Pair(a.quantities[i], None, False, _absent_note(b, ended=i > last_a and last_b == len(b.quantities) - 1)))
            i += 1
        elif j < len(b.quantities) and j not in paired_b and (not queue or j < queue[0][1]):
            lines.append(Pair(None, b.quantities[j], False, _absent_note(a, ended=j > last_b and last_a == len(a.quantities) - 1)))
            j += 1
        else:  # unreachable with a monotone set of pairs; kept so a bad pair cannot loop forever
            break
    return lines


def _absent_note(other: Side, *, ended: bool) -> str:
    if ended:
        return f"not in the {other.lang} text: it ends before this figure (an excerpt ending first, not a translation drop)"
    return f"not in the {other.lang} text: dropped in translation"


def compare(x: Quantity, y: Quantity, *, ways: tuple[str | None, str | None] = (None, None)) -> tuple[bool, str]:
    """Whether two paired figures say the same, and if not, what changed; `ways`: the direction
    each version states ("up", "down" or None)."""
    changes: list[str] = []
    vx, vy = abs(_norm(x)), abs(_norm(y))
    if not _close(vx, vy):
        if _rounds_to(vx, vy) or _rounds_to(vy, vx):
            changes.append(f"rounded: {x.text} -> {y.text}")
        else:
            changes.append(f"value differs: {x.text} -> {y.text}")
    elif (x.value < 0) != (y.value < 0):
        changes.append("direction differs: the sign changed")
    if ways[0] and ways[1] and ways[0] != ways[1]:
        changes.append(f"direction differs: {ways[0]} -> {ways[1]}")
    if x.qualifier != y.qualifier:
        words = _table()["qualifier_words"]
        said = f"{words[x.qualifier]} -> {words[y.qualifier]} ({x.text} -> {y.text})"
        if y.qualifier == "exact":
            changes.append(f"qualifier dropped: {said}")
        elif x.qualifier == "exact":
            changes.append(f"qualifier added: {said}")
        else:
            changes.append(f"qualifier changed: {said}")
    if (x.value_max is None) != (y.value_max is None):
        changes.append("range differs: one side states a range")
    return not changes, "; ".join(changes)


def span_record(qty: Quantity | None) -> dict[str, Any] | None:
    if qty is None:
        return None
    return {"text": qty.text, "start": qty.start, "end": qty.end}


def records(a: Side, b: Side, pairs: list[Pair]) -> list[dict[str, Any]]:
    """The gold's line format (shared/gold/GUIDELINES.md), sides named by language code, plus
    each side's normalised value and unit."""
    rows = []
    for pair in pairs:
        row: dict[str, Any] = {a.lang: span_record(pair.first), b.lang: span_record(pair.second), "same": pair.same, "note": pair.note}
        for side, qty in ((a, pair.first), (b, pair.second)):
            row[f"{side.lang}_value"] = _norm(qty) if qty is not None else None
            row[f"{side.lang}_unit"] = _unit(qty) if qty is not None else None
        rows.append(row)
    return rows


def read_sides(first: Path, second: Path | None = None) -> tuple[Side, Side]:
    """The two language versions as read: two files, or one interleaved bilingual file split by
    the script of each paragraph (offsets stay offsets into that file)."""
    if second is not None:
        a, b = (_read_side(doc, language_code(doc.text)) for doc in (read_path(first), read_path(second)))
        if a.lang == b.lang:
            raise PodiumError("E030", f"both files are in one language ({a.lang}): align needs two languages", str(second))
        return a, b
    sides = interleaved_sides(read_path(first))
    if len(sides) < 2:
        raise PodiumError("E030", "one language only: align FILE needs paragraphs in two languages", str(first))
    return sides[0], sides[1]


def interleaved_sides(doc: Document) -> list[Side]:
    """Each language's share of a page that interleaves two (Chinese first), read on its own:
    a reading of the whole page reads one language only."""
    shares = split_by_language(doc.text)
    langs = sorted(shares, key=lambda lang: (lang != "zh", lang))
    return [_read_side(dataclasses.replace(doc, text=shares[lang]), lang) for lang in langs]


def _read_side(doc: Document, lang: str) -> Side:
    briefing = parse_figures(doc)
    return Side(lang=lang, text=doc.text, quantities=list(briefing.quantities), warnings=list(briefing.warnings))


def is_translation(a: Briefing, b: Briefing) -> bool:
    """Whether `b` is another language's version of the briefing `a`: the same date, the same
    series (or organisation) where both state one, and a different language."""
    if not a.date or a.date != b.date or language_code(a.text) == language_code(b.text):
        return False
    for field_name in ("series", "organisation"):
        x, y = getattr(a, field_name), getattr(b, field_name)
        if x and y and x != y:
            return False
    return True


def align_briefings(a: Briefing, b: Briefing | None) -> tuple[Side, Side, list[Pair]] | None:
    """The alignment of a briefing with its translation, or of an interleaved briefing's two
    languages (`b` None); None when there is no second language to align with."""
    sides = interleaved_sides(Document(text=a.text, source=a.source, format="text")) if b is None else [_whole(a), _whole(b)]
    if len(sides) < 2 or sides[0].lang == sides[1].lang:
        return None
    first, second = sorted(sides[:2], key=lambda side: (side.lang != "zh", side.lang))
    return first, second, align(first, second)


def _whole(briefing: Briefing) -> Side:
    return Side(language_code(briefing.text), briefing.text, list(briefing.quantities))


def translation_in(corpus: Any, ident: str, briefing: Briefing) -> tuple[str | None, Briefing | None]:
    """The stored briefing (of `corpus`, a podium.store.Corpus) that translates `briefing`: the one
    its front matter declares (`translation:` an id or a file name), else the one of the same date
    and series in another language."""
    declared = str((briefing.metadata.get("front_matter") or {}).get("translation") or "")
    for row in corpus.briefings(sort="date", desc=True):
        if row["id"] == ident:
            continue
        named = bool(declared) and declared in (row["id"], Path(str(row.get("source") or "")).name)
        if named or (not declared and row.get("date") == briefing.date):
            other = corpus.briefing(row["id"])
            if other is not None and (named or is_translation(briefing, other)):
                return str(row["id"]), other
    return None, None


def alignment_in(corpus: Any, ident: str, briefing: Briefing) -> dict[str, Any]:
    """The alignment of a stored briefing with its translation in `corpus` (or of its own two
    languages), as the API and the web page give it; with no translation, `translation` is null
    and there are no lines."""
    other_id, other = translation_in(corpus, ident, briefing)
    aligned = align_briefings(briefing, other)
    if aligned is None:
        lang = language_code(briefing.text)
        return {"id": ident, "translation": None, "languages": [lang], "briefings": {lang: ident}, "figures": []}
    first, second, pairs = aligned
    return {
        "id": ident,
        "translation": other_id or ident,
        "languages": [first.lang, second.lang],
        "briefings": {side.lang: ident if side.text == briefing.text or other_id is None else other_id for side in (first, second)},
        "figures": records(first, second, pairs),
    }
