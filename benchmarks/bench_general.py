"""podium against quantulum3 on text that is not a briefing: NewsQuant (news) and MeasEval (science).

Both tools run in this process on the same sentences and paragraphs; their predictions are scored
by the scorers in ../shared/benchmarks/scoring (standard library scripts, run as they are).
CQE's published value+unit F1 on NewsQuant (85.6) is printed beside them as the anchor. A second
NewsQuant line runs podium's whole quantities stage (context included) and names a count's unit by
the counted noun of its subject, NewsQuant's own convention."""

from __future__ import annotations

import json
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

# podium's unit ids under the names the NewsQuant scorer knows (its own alias table does the rest).
NEWSQUANT_UNITS = {
    "%": "percentage", "USD": "dollar", "CNY": "chinese yuan", "EUR": "euro", "GBP": "pound sterling",
    "JPY": "japanese yen", "count": "-", "t": "metric ton", "kg": "kilogram", "km": "kilometre", "m": "metre",
    "m2": "square metre", "km2": "square kilometre", "m3": "cubic metre", "ha": "hectare", "kWh": "kilowatt hour",
    "kW": "kilowatt", "MW": "megawatt", "bp": "basis point", "pp": "percentage point", "inch": "inch",
    "ft": "foot", "yard": "yard", "mile": "mile", "mph": "mile per hour", "kph": "kilometre per hour",
    "hp": "horsepower", "g": "gram", "mg": "milligram", "lb": "pound-mass", "L": "litre", "mL": "millilitre",
    "gallon": "gallon", "GB": "gigabyte", "MB": "megabyte", "TB": "terabyte", "Hz": "hertz", "GHz": "gigahertz",
    "degree": "degree", "degC": "celsius", "degF": "fahrenheit", "point": "point", "cent": "cent",
    "AUD": "australian dollar", "CAD": "canadian dollar", "HKD": "hong kong dollar", "INR": "indian rupee",
    "ILS": "shekel", "KRW": "south korean won", "RUB": "russian ruble", "s": "second", "second": "second",
    "ms": "millisecond", "minute": "minute", "hour": "hour", "mm": "millimetre", "cm": "centimetre",
    "um": "micrometre", "nm": "nanometre", "ug": "microgram", "barrel": "barrel",
}  # fmt: skip

Prediction = dict[str, Any]


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
        for qty in found:
            row = {"doc": doc, "start": qty.start, "end": qty.end, "text": qty.text, "value": qty.value,
                   "unit": NEWSQUANT_UNITS.get(qty.unit, qty.unit), "unit_surfaces": [qty.unit, *surfaces.get(qty.unit, ())]}  # fmt: skip
            if qty.value_max is not None:
                row.update(value_min=qty.value, value_max=qty.value_max)
            rows.append(row)
    return rows, elapsed


def _singular(word: str) -> str:
    for plural, single in (("ies", "y"), ("sses", "ss"), ("shes", "sh"), ("ches", "ch"), ("xes", "x")):
        if word.endswith(plural):
            return word[: -len(plural)] + single
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def counted_noun(subject: str) -> str | None:
    """NewsQuant names the counted noun as the unit ('people', 'home'); podium keeps it in the
    subject, whose last word is the noun counted."""
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
        for qty in briefing.quantities:
            unit = NEWSQUANT_UNITS.get(qty.unit, qty.unit)
            if qty.unit == "count" and qty.subject:
                unit = counted_noun(qty.subject) or unit
            row = {"doc": doc, "start": qty.start, "end": qty.end, "text": qty.text, "value": qty.value, "unit": unit}
            if qty.value_max is not None:
                row.update(value_min=qty.value, value_max=qty.value_max)
            rows.append(row)
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


def newsquant_texts() -> list[tuple[str, str]]:
    data = json.loads(NEWSQUANT.read_text(encoding="utf-8"))
    return [(str(i), row["text"]) for i, row in enumerate(data)]


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
        print(f"  {level:17s} F1: podium {ours_f1.get(level, float('nan')):5.1f}   quantulum3 {theirs_f1.get(level, float('nan')):5.1f}")


def main() -> int:
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
        compare(
            "NewsQuant",
            newsquant_texts(),
            lambda rows, name: score("score_newsquant.py", [str(NEWSQUANT), "--units", str(CQE_UNITS)], rows, workdir, "nq-" + name),
            ["value", "value+unit", "value+unit~count"],
        )
        named, _ = podium_newsquant_predictions(newsquant_texts())
        named_f1 = score("score_newsquant.py", [str(NEWSQUANT), "--units", str(CQE_UNITS)], named, workdir, "nq-named")
        print(f"  value+unit        F1: podium {named_f1.get('value+unit', float('nan')):5.1f}   (counts named by their noun, NewsQuant's convention)")
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
