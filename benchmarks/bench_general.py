"""podium against quantulum3 on text that is not a briefing: NewsQuant (news) and MeasEval (science).

Both tools run in this process on the same sentences and paragraphs; their predictions are scored
by the scorers in ../shared/benchmarks/scoring (standard library scripts, run as they are).
CQE's published value+unit F1 on NewsQuant (85.6) is printed beside them as the anchor. NewsQuant's
strict value+unit line ("value+unit strict") runs podium's whole quantities stage (context included)
and names a count's unit by its counted noun, NewsQuant's own convention; the scorer's value+unit
over extract_text, where a count is unitless, and its lenient level are printed beside it. NewsQuant is also scored in two halves
(`--part tune` the even sentences rules are tuned on, `--part held` the odd ones held out; `--part
all` the whole set only)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks"
NEWSQUANT = BENCH / "newsquant" / "formatted_test_set" / "NewsQuant.json"
CQE_UNITS = BENCH / "newsquant" / "cqe_unit.json"
MEASEVAL = BENCH / "measeval"
MEASEVAL_TEXT = {"trial": "trial/txt", "train": "train/text", "eval": "eval/text"}
SCORING = BENCH / "scoring"
CQE_PUBLISHED_VALUE_UNIT = 85.6

# Every podium unit id (units_en.txt, units_zh.txt and the unitless ids) under the name the
# NewsQuant scorer knows (its own alias table does the rest). NewsQuant names a multiple or a rank
# by nothing ("6.5 times earnings" is "-").
NEWSQUANT_UNITS = {
    "%": "percentage", "pp": "percentage point", "bp": "basis point", "times": "-", "rank": "-", "count": "-",
    "magnitude": "-", "point": "point", "degree": "degree", "degC": "celsius", "degF": "fahrenheit", "K": "kelvin",
    "USD": "dollar", "cent": "cent", "CNY": "chinese yuan", "EUR": "euro", "GBP": "pound sterling",
    "JPY": "japanese yen", "AUD": "australian dollar", "CAD": "canadian dollar", "HKD": "hong kong dollar",
    "INR": "indian rupee", "ILS": "shekel", "KRW": "south korean won", "RUB": "russian ruble",
    "MYR": "malaysian ringgit", "sen": "sen", "SGD": "singapore dollar", "NZD": "new zealand dollar", "DKK": "danish krone",
    "kg": "kilogram", "g": "gram", "mg": "milligram", "ug": "microgram", "t": "metric ton", "short_ton": "ton",
    "lb": "pound-mass", "oz": "ounce", "jin": "jin", "gongjin": "kilogram",
    "m": "metre", "km": "kilometre", "cm": "centimetre", "mm": "millimetre", "um": "micrometre", "nm": "nanometre",
    "mile": "mile", "ft": "foot", "inch": "inch", "yard": "yard",
    "m2": "square metre", "km2": "square kilometre", "ha": "hectare", "acre": "acre", "mu": "mu",
    "m3": "cubic metre", "L": "litre", "mL": "millilitre", "barrel": "barrel", "gallon": "gallon",
    "s": "second", "second": "second", "ms": "millisecond", "minute": "minute", "hour": "hour", "day": "day",
    "week": "week", "month": "month", "quarter": "quarter", "year": "year", "ka": "kiloannum", "Ma": "megaannum",
    "mph": "mile per hour", "mpg": "mile per gallon", "ft2": "square feet", "mi2": "square mile", "ft3": "cubic foot", "knot": "knot", "kph": "kilometre per hour", "Hz": "hertz", "kHz": "kilohertz", "MHz": "megahertz",
    "GHz": "gigahertz", "rpm": "revolutions per minute",
    "Pa": "pascal", "kPa": "kilopascal", "MPa": "megapascal", "GPa": "gigapascal", "bar": "bar", "mbar": "millibar",
    "ksi": "kilopound per square inch", "A": "ampere", "V": "volt", "kV": "kilovolt", "mV": "millivolt",
    "mAh": "milliampere-hour", "Nm": "newton metre", "lbft": "pound-foot", "Gt": "gigaton", "B": "byte", "bit": "bit", "kbps": "kilobit per second", "Mbps": "megabit per second", "Gbps": "gigabit per second", "MB": "megabyte", "GB": "gigabyte", "TB": "terabyte",
    "W": "watt", "hp": "horsepower", "J": "joule", "eV": "electronvolt", "keV": "kiloelectronvolt",
    "MeV": "megaelectronvolt", "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt", "kWh": "kilowatt hour",
    "MWh": "megawatt hour", "GWh": "gigawatt hour", "TWh": "terawatt hour", "ppb": "parts-per-billion",
    "ppm": "parts-per-million", "mpg": "mile per gallon", "permille": "per mille",
}  # fmt: skip

# NewsQuant names a per-unit figure by both units ("$3 a gallon" is "dollar per gallon") and an
# age by "year of age"; podium keeps the first unit and leaves the rest to the kind and subject.
_PER_UNIT = re.compile(
    r"[\s-]*(?:per|a|an|each)[\s-]+(gallon|barrel|share|month|year|week|day|hour|minute|second|night|game|century|"
    r"gram|ounce|pound|ton|tonne|square (?:foot|feet|metre|meter)|sq m|sq ft|person|head|kilowatt[- ]hour)s?\b"
    r"(?!\s+(?:earlier|ago|before|later|after)\b)",  # "$6.78 billion a year earlier" is no rate
    re.IGNORECASE,
)
_SHORT_AREAS = {"sq m": "square metre", "sq ft": "square foot"}
_AGE_AFTER = re.compile(r"\s*-?\s*(?:years?[- ])?old\b|\s*-?\s*years? of age\b|\s+or (?:older|over|above)\b", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages)\s*$", re.IGNORECASE)


def newsquant_unit(unit: str, text: str, start: int, end: int, *, counted: str | None = None) -> str:
    """podium's unit of the figure at text[start:end] in NewsQuant's naming: the mapped id, a
    count named by its counted noun when given, an age in years of age, a rate per unit."""
    name = counted if unit == "count" and counted else NEWSQUANT_UNITS.get(unit, unit)
    if unit == "year" and (_AGE_AFTER.match(text, end) or _AGE_BEFORE.search(text, 0, start)):
        return "year of age"
    per = _PER_UNIT.match(text, end)
    if per and unit != "%" and name != "-":
        per_unit = per.group(1).lower()
        per_unit = _SHORT_AREAS.get(per_unit) or _singular(per_unit.replace("feet", "foot").replace("-", " "))
        return f"{name} per {per_unit}"
    return name


Prediction = dict[str, Any]

# NewsQuant writes a change from one figure to another as one quantity whose value is the range
# from the first to the second ("fell from $2,415 to $2,315" is 2415-2315, "narrowed to 138,285
# lots from 212,577" is 212577-138285); podium keeps the two figures.
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|roughly\s+)?$", re.IGNORECASE)
_TO_BEFORE = re.compile(r"\bto\s+(?:about\s+|around\s+|roughly\s+)?$", re.IGNORECASE)
_TO_GAP = re.compile(r"(?:\s+[^\s,;]+){0,4}?\s+to\s*", re.IGNORECASE)  # "from 20 mpg in 2008 to 29"
_FROM_GAP = re.compile(r"\s*from\s*$", re.IGNORECASE)


# NewsQuant writes a vague plural as the span of its order of magnitude ("thousands of tests" is
# 1000-10000, "dozens of people" 12-120, "tens of millions" 10^7-10^8); podium keeps its least
# amount with qualifier min.
_VAGUE_WORDS = {"dozens": 12.0, "tens": 10.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
_VAGUE_AT = re.compile(r"((?:tens|hundreds|dozens|thousands|millions|billions)(?:\s+of\s+(?:thousands|millions|billions))?)\b", re.IGNORECASE)


def vague_span(text: str, qualifier: str) -> tuple[float, float] | None:
    """The NewsQuant range of a figure said as a vague plural, else None."""
    said = _VAGUE_AT.match(text) if qualifier == "min" else None
    if said is None:
        return None
    low = 1.0
    for word in said.group(1).lower().split():
        low *= _VAGUE_WORDS.get(word, 1.0)
    return low, 10 * low


def join_changes(text: str, rows: list[Prediction]) -> list[Prediction]:
    """Each 'from A to B' (or 'to B from A') pair of one sentence's predictions as one range row,
    NewsQuant's way of writing a change; the unit is the one either end states."""
    rows = sorted(rows, key=lambda r: r["start"])
    joined: list[Prediction] = []
    skip = False
    for first, second in zip(rows, [*rows[1:], None]):
        if skip:
            skip = False
            continue
        change = _change(text, first, second) if second else None
        joined.append(change or first)
        skip = change is not None
    return joined


def _change(text: str, first: Prediction, second: Prediction) -> Prediction | None:
    if "value_max" in first or "value_max" in second:
        return None
    units = {first["unit"], second["unit"]} - {"-"}
    if len(units) > 1:
        return None
    gap, before = text[first["end"] : second["start"]], text[max(0, first["start"] - 30) : first["start"]]
    if _TO_GAP.fullmatch(gap) and _FROM_BEFORE.search(before):
        low, high = first["value"], second["value"]
    elif _FROM_GAP.fullmatch(gap) and _TO_BEFORE.search(before):
        low, high = second["value"], first["value"]
    else:
        return None
    unit = units.pop() if units else "-"
    return {**first, "end": second["end"], "text": text[first["start"] : second["end"]], "value": low,
            "value_min": low, "value_max": high, "unit": unit}  # fmt: skip


def podium_predictions(texts: Iterable[tuple[str, str]]) -> tuple[list[Prediction], float]:
    from podium.quantities import extract_text
    from podium.quantities.words import load

    surfaces = load().unit_words
    rows: list[Prediction] = []
    elapsed = 0.0
    for doc, text in texts:
        start = time.perf_counter()
        found = extract_text(text)
        elapsed += time.perf_counter() - start
        sentence: list[Prediction] = []
        for qty in found:
            row = {"doc": doc, "start": qty.start, "end": qty.end, "text": qty.text, "value": qty.value,
                   "unit": newsquant_unit(qty.unit, text, qty.start, qty.end), "podium_unit": qty.unit, "unit_surfaces": [qty.unit, *surfaces.get(qty.unit, ())]}  # fmt: skip
            if qty.value_max is not None:
                row.update(value_min=qty.value, value_max=qty.value_max)
            if span := vague_span(qty.text, qty.qualifier):
                row.update(value=span[0], value_min=span[0], value_max=span[1])
            sentence.append(row)
        rows.extend(join_changes(text, sentence))
    return rows, elapsed


_IRREGULAR_SINGULARS = {"children": "child", "feet": "foot", "teeth": "tooth", "mice": "mouse"}


def _singular(word: str) -> str:
    if word in _IRREGULAR_SINGULARS:
        return _IRREGULAR_SINGULARS[word]
    if word in ("men", "women") or word.endswith(("smen", "rmen", "emen", "nmen", "ymen")):
        return word[:-3] + "man"  # "fishermen", "gunmen"; not "specimen", "abdomen"
    for plural, single in (("ies", "y"), ("sses", "ss"), ("shes", "sh"), ("ches", "ch"), ("xes", "x")):
        if word.endswith(plural):
            return word[: -len(plural)] + single
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


_IRREGULAR_PLURALS = frozenset({"people", "men", "women", "children"})


def counted_noun(subject: str, after: str = "") -> str | None:
    """NewsQuant names the counted noun as the unit, with its modifiers ('people', 'european
    country'); podium keeps it in the subject, whose last word is the noun counted. The noun phrase
    right after the figure, when podium finds one there, is the phrase NewsQuant names."""
    from podium.quantities.subjects import noun_phrase_after

    phrase = [w for w in noun_phrase_after(after[:80]).lower().split() if w.replace("-", "").isalpha()][:3]
    heads = [i for i, w in enumerate(phrase) if _singular(w) != w or w in _IRREGULAR_PLURALS]
    if heads:
        phrase = phrase[: heads[0] + 1]  # a plural ends the noun: "units | whilst", "people | here"
    if phrase:
        return " ".join([*phrase[:-1], _singular(phrase[-1])])
    words = [w for w in subject.lower().replace("'s", "").split() if w.isalpha()]
    return _singular(words[-1]) if words else None


def podium_newsquant_predictions(texts: Iterable[tuple[str, str]]) -> tuple[list[Prediction], float]:
    """As podium_predictions, but through the quantities stage with its context (each sentence one
    unlabelled turn), so a count's unit can be named by its counted noun as NewsQuant does."""
    from podium.pipeline import briefing_from_document, run
    from podium.read import Document

    rows: list[Prediction] = []
    elapsed = 0.0
    for doc, text in texts:
        start = time.perf_counter()
        briefing = run(briefing_from_document(Document(text=text, source=doc, format="text")), ("quantities.v1",))
        elapsed += time.perf_counter() - start
        sentence: list[Prediction] = []
        for qty in briefing.quantities:
            counted = counted_noun(qty.subject, text[qty.end :]) if qty.unit == "count" else None
            unit = newsquant_unit(qty.unit, text, qty.start, qty.end, counted=counted)
            row = {"doc": doc, "start": qty.start, "end": qty.end, "text": qty.text, "value": qty.value, "unit": unit, "podium_unit": qty.unit}
            if qty.value_max is not None:
                row.update(value_min=qty.value, value_max=qty.value_max)
            if span := vague_span(qty.text, qty.qualifier):
                row.update(value=span[0], value_min=span[0], value_max=span[1])
            sentence.append(row)
        rows.extend(join_changes(text, sentence))
    return rows, elapsed


def quantulum_predictions(texts: Iterable[tuple[str, str]]) -> tuple[list[Prediction], float]:
    from quantulum3 import parser

    rows: list[Prediction] = []
    elapsed = 0.0
    for doc, text in texts:
        start = time.perf_counter()
        found = parser.parse(text)
        elapsed += time.perf_counter() - start
        for qty in found:
            unit = qty.unit
            surfaces = [unit.name, *getattr(unit, "surfaces", []), *getattr(unit, "symbols", [])]
            row = {"doc": doc, "start": qty.span[0], "end": qty.span[1], "text": qty.surface, "value": qty.value,
                   "unit": unit.name, "unit_surfaces": surfaces}  # fmt: skip
            if qty.uncertainty:
                row.update(value_min=qty.value - qty.uncertainty, value_max=qty.value + qty.uncertainty)
            rows.append(row)
    return rows, elapsed


# NewsQuant's sentences split in two by index parity: rules are tuned on the even half and the odd
# half is held out (both halves and the whole are reported).
NEWSQUANT_PARTS = {"tune": 0, "held": 1}


def newsquant_texts(part: str = "all") -> list[tuple[str, str]]:
    data = json.loads(NEWSQUANT.read_text(encoding="utf-8"))
    rows = [(str(i), row["text"]) for i, row in enumerate(data)]
    return rows if part == "all" else [r for r in rows if int(r[0]) % 2 == NEWSQUANT_PARTS[part]]


def newsquant_gold(part: str, workdir: Path) -> Path:
    """NewsQuant's gold restricted to one half, sentences kept at their indices (the other half's
    sentences are left with no quantities and no predictions, so they count for nothing)."""
    if part == "all":
        return NEWSQUANT
    data = json.loads(NEWSQUANT.read_text(encoding="utf-8"))
    keep = NEWSQUANT_PARTS[part]
    half = [row if i % 2 == keep else {**row, "quantities": []} for i, row in enumerate(data)]
    path = workdir / f"newsquant-{part}.json"
    path.write_text(json.dumps(half), encoding="utf-8")
    return path


def measeval_texts() -> list[tuple[str, str]]:
    texts = []
    for split, folder in MEASEVAL_TEXT.items():
        for path in sorted((MEASEVAL / folder).glob("*.txt")):
            texts.append((f"{split}/{path.stem}", path.read_text(encoding="utf-8")))
    return texts


def score(scorer: str, args: list[str], rows: list[Prediction], workdir: Path, name: str) -> dict[str, float]:
    """Run a shared scorer on `rows`; its F1 per level."""
    pred = workdir / f"{name}.jsonl"
    pred.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SCORING / scorer), *args[:1], str(pred), *args[1:]],
        capture_output=True, text=True, check=True, cwd=SCORING,
    )  # fmt: skip
    f1 = {}
    for line in done.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[-3].startswith("F1="):
            f1[parts[0]] = float(parts[-3][3:])
        elif "F1=" in line:
            level = parts[0]
            f1[level] = float(line.split("F1=")[1].split()[0])
    return f1


def compare(
    title: str,
    texts: list[tuple[str, str]],
    scorer: Callable[[list[Prediction], str], dict[str, float]],
    levels: list[str],
    predict: Callable[[list[tuple[str, str]]], tuple[list[Prediction], float]] = podium_predictions,
) -> None:
    ours, ours_s = predict(texts)
    theirs, theirs_s = quantulum_predictions(texts)
    ours_f1, theirs_f1 = scorer(ours, "podium"), scorer(theirs, "quantulum3")
    print(f"{title}: {len(texts)} texts")
    print(f"  time: podium {ours_s * 1000:.0f} ms, quantulum3 {theirs_s * 1000:.0f} ms ({theirs_s / ours_s:.0f}x)")
    for level in levels:
        label = LEVEL_LABELS.get(level, level)
        print(f"  {label:28s} F1: podium {ours_f1.get(level, float('nan')):5.1f}   quantulum3 {theirs_f1.get(level, float('nan')):5.1f}")


# NewsQuant's own convention names a count by the noun counted ("12 people" is unit "people"), so
# its strict value+unit is scored on podium's quantities stage with that naming; the scorer's
# value+unit over extract_text, where a count is unitless, and its lenient level stay beside it.
LEVEL_LABELS = {"value+unit": "value+unit, counts unitless", "value+unit~count": "value+unit~count (lenient)"}
STRICT_LABEL = "value+unit strict"


def newsquant_part(part: str, workdir: Path, *, with_quantulum: bool) -> None:
    gold = newsquant_gold(part, workdir)
    texts = newsquant_texts(part)

    def scorer(rows: list[Prediction], name: str) -> dict[str, float]:
        return score("score_newsquant.py", [str(gold), "--units", str(CQE_UNITS)], rows, workdir, f"nq-{part}-{name}")

    title = "NewsQuant" if part == "all" else f"NewsQuant {part} half ({'even' if part == 'tune' else 'odd'} sentences)"
    if with_quantulum:
        compare(title, texts, scorer, ["value", "value+unit", "value+unit~count"])
    else:
        ours_f1 = scorer(podium_predictions(texts)[0], "podium")
        print(f"{title}: {len(texts)} texts")
        for level in ["value", "value+unit", "value+unit~count"]:
            print(f"  {LEVEL_LABELS.get(level, level):28s} F1: podium {ours_f1.get(level, float('nan')):5.1f}")
    named_f1 = scorer(podium_newsquant_predictions(texts)[0], "named")
    print(f"  {STRICT_LABEL:28s} F1: podium {named_f1.get('value+unit', float('nan')):5.1f}   (quantities stage; a count named by its counted noun, NewsQuant's convention)")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    part = args[args.index("--part") + 1] if "--part" in args else "every"
    if not (NEWSQUANT.is_file() and MEASEVAL.is_dir()):
        print(f"skipped: {BENCH} is absent (../shared is not beside this checkout)")
        return 0
    warnings.filterwarnings("ignore")  # quantulum3 warns that its optional classifier is absent
    from quantulum3 import parser

    parser.parse("warm up 5 km")  # both tools load their tables before timing
    from podium.quantities import extract_text

    extract_text("warm up 5 km")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for half in {"every": ("tune", "held"), "all": ()}.get(part, (part,)):
            newsquant_part(half, workdir, with_quantulum=False)
        if part not in ("every", "all"):
            return 0
        newsquant_part("all", workdir, with_quantulum=True)
        print(f"  value+unit F1 published for CQE: {CQE_PUBLISHED_VALUE_UNIT}")
        compare(
            "MeasEval (trial + train + eval)",
            measeval_texts(),
            lambda rows, name: score("score_measeval.py", [str(MEASEVAL)], rows, workdir, "me-" + name),
            ["span-overlap", "value", "value+unit-text", "value+unit-lex"],
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
