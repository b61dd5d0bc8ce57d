"""NewsQuant value+unit errors of podium by cause, counted per half (tune: even sentences, held:
odd), for benchmarks/NEWSQUANT_ERRORS.md.

Each gold quantity podium does not match at value+unit, and each prediction left over, is put in
one cause by the rules below (first that applies). The causes are read from the gold and the
prediction, never from a list of sentences, so the same script counts before and after a change.
`--mode strict` scores counts as unitless (the bench's first value+unit line); `--mode named`
names a count by its counted noun (the bench's NewsQuant-convention line). `--show CAUSE` lists
the mentions of one cause (tuning half only unless `--part` says otherwise).

Run: .venv/bin/python benchmarks/newsquant_errors.py [--mode strict|named] [--show CAUSE] [--part tune|held|all]"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_general as bg  # noqa: E402

sys.path.insert(0, str(bg.SCORING))

Gold = dict[str, Any]

_FROM_TO = re.compile(r"\bfrom\b.{0,60}?\bto\b|\bto\b.{0,60}?\bfrom\b", re.IGNORECASE)
_ONE_OF = re.compile(r"\bone of\b", re.IGNORECASE)
_VAGUE = re.compile(r"\b(?:tens|hundreds|thousands|millions|billions|dozens)\b", re.IGNORECASE)
_ADDRESS = re.compile(r"\s+(?:[A-Z][\w.]*\s+){0,3}(?:Road|Rd|Street|St|Avenue|Ave|Way|Lane|Drive|Boulevard|Foch|Code|Row)\b")
_YEAR = re.compile(r"^(?:1[5-9]|20|21)\d\d$")
_LABEL_BEFORE = re.compile(r"(?:[A-Z][\w&]*|[a-z]+[A-Z]\w*|sp)\s*$")


def _lexicon() -> set[str]:
    return {k.lower() for k in json.loads(bg.CQE_UNITS.read_text(encoding="utf-8"))}


def miss_cause(gold: Gold, pred: dict[str, Any] | None, text: str, lexicon: set[str]) -> str:
    """The cause of one gold quantity podium does not match at value+unit; `pred` is the
    prediction with its value, if any."""
    unit = gold["unit"]
    noun_unit = unit not in lexicon and unit != "-"
    if unit.startswith("% "):
        return "fraction of a group (NewsQuant names it '% <noun>')"
    if pred is None:
        if gold["lo"] != gold["hi"] and _FROM_TO.search(text):
            return "change 'from A to B' (NewsQuant: one range; podium: two figures)"
        if gold["lo"] == gold["hi"] == 1 and _ONE_OF.search(text):
            return "'one of the ...' not read as a figure"
        if _VAGUE.search(text) and gold["lo"] != gold["hi"]:
            return "vague amount ('tens of thousands') not read as a range"
        return "figure missed (value not found)"
    predicted = bg_norm(pred.get("unit"))
    if noun_unit:
        return "count: unit is the counted noun" if predicted == "-" else "count: counted noun named otherwise"
    if pred.get("podium_unit") == "count" and unit != "-":
        predicted = "-"  # a count named by its noun where NewsQuant has a unit: the unit was not read
    if " of age" in unit:
        return "age not recognised"
    if " per " in unit:
        return "rate per unit ('$3 a gallon') not named"
    if predicted == "-":
        return "unit missing (number found, unit not read)"
    return "unit named otherwise (wrong unit)"


def extra_cause(pred: dict[str, Any], text: str, range_texts: bool) -> str:
    """The cause of one prediction left over after matching."""
    surface = str(pred.get("text", ""))
    if range_texts:
        return "end of a 'from A to B' change (NewsQuant: one range)"
    if _ADDRESS.match(text, int(pred["end"])):
        return "not a figure: address, code or seat number"
    if _YEAR.match(surface):
        return "not a figure: a year"
    if bg_norm(pred.get("unit")) not in ("-",) or not surface.replace(",", "").replace(".", "").isdigit():
        return "figure NewsQuant does not annotate (or value/unit differs from gold)"
    if _LABEL_BEFORE.search(text, 0, int(pred["start"])):
        return "not a figure: label or product number ('S&P 500', '737 Max')"
    return "bare number NewsQuant does not annotate"


def bg_norm(unit: object) -> str:
    from score_newsquant import norm_unit

    return str(norm_unit(unit))


def classify(mode: str) -> list[tuple[int, str, str, str]]:
    """(sentence index, 'miss' or 'extra', cause, description) for every error."""
    from qscore import greedy_match, value_match
    from score_newsquant import gold_value

    data = json.loads(bg.NEWSQUANT.read_text(encoding="utf-8"))
    lexicon = _lexicon()
    predict = bg.podium_predictions if mode == "strict" else bg.podium_newsquant_predictions
    rows, _ = predict(bg.newsquant_texts())
    preds: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for row in rows:
        preds[row["doc"]].append(row)
    found = []
    for i, item in enumerate(data):
        text = item["text"]
        golds = []
        for q in item["quantities"]:
            lo, hi = gold_value(q["value"])
            golds.append({"lo": lo, "hi": hi, "unit": bg_norm(q["normalized_unit"]), "surface": q["unit"], "value": q["value"]})
        ps = preds.get(str(i), [])
        pairs = greedy_match(golds, ps, lambda g, p: value_match(g["lo"], g["hi"], p) and bg_norm(p.get("unit")) == g["unit"])
        left_g = [k for k in range(len(golds)) if k not in {a for a, _ in pairs}]
        left_p = [k for k in range(len(ps)) if k not in {b for _, b in pairs}]
        by_value = greedy_match([golds[k] for k in left_g], [ps[k] for k in left_p], lambda g, p: value_match(g["lo"], g["hi"], p))
        value_of = {left_g[a]: left_p[b] for a, b in by_value}
        ranges_missed = any(golds[k]["lo"] != golds[k]["hi"] and k not in value_of for k in left_g) and _FROM_TO.search(text)
        for k in left_g:
            g = golds[k]
            pred = ps[value_of[k]] if k in value_of else None
            said = f"gold {g['value']} {g['unit']!r}; podium {pred['text']!r} {bg_norm(pred['unit'])!r}" if pred else f"gold {g['value']} {g['unit']!r}"
            found.append((i, "miss", miss_cause(g, pred, text, lexicon), said))
        for k in left_p:
            if k in value_of.values():
                continue
            p = ps[k]
            found.append((i, "extra", extra_cause(p, text, bool(ranges_missed)), f"podium {p['text']!r} {bg_norm(p['unit'])!r}"))
    return found


def table(found: list[tuple[int, str, str, str]]) -> str:
    counts: collections.Counter[tuple[str, str, str]] = collections.Counter()
    for i, kind, cause, _ in found:
        counts[(kind, cause, "tune" if i % 2 == 0 else "held")] += 1
    causes = sorted({(k, c) for k, c, _ in counts}, key=lambda kc: (kc[0] != "miss", -counts[(*kc, "tune")] - counts[(*kc, "held")]))
    lines = ["| error | cause | tune | held | all |", "|---|---|---:|---:|---:|"]
    for kind, cause in causes:
        t, h = counts[(kind, cause, "tune")], counts[(kind, cause, "held")]
        lines.append(f"| {kind} | {cause} | {t} | {h} | {t + h} |")
    for kind in ("miss", "extra"):
        t = sum(n for (k, _, half), n in counts.items() if k == kind and half == "tune")
        h = sum(n for (k, _, half), n in counts.items() if k == kind and half == "held")
        lines.append(f"| **{kind} total** | | {t} | {h} | {t + h} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if not bg.NEWSQUANT.is_file():
        print(f"skipped: {bg.BENCH} is absent")
        return 0
    mode = argv[argv.index("--mode") + 1] if "--mode" in argv else "named"
    found = classify(mode)
    if "--show" in argv:
        cause = argv[argv.index("--show") + 1]
        part = argv[argv.index("--part") + 1] if "--part" in argv else "tune"
        data = json.loads(bg.NEWSQUANT.read_text(encoding="utf-8"))
        for i, kind, c, said in found:
            if cause.lower() in c.lower() and (part == "all" or i % 2 == bg.NEWSQUANT_PARTS[part]):
                print(f"{i:4d} {kind:5s} {said} | {data[i]['text'][:160]}")
        return 0
    print(table(found))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
