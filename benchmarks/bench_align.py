"""Figures aligned across languages: pair F1 against alignment gold, and planted changes.

A predicted pair is right when both of its spans overlap the spans of one gold pair (each gold
pair counted once). Gold sets are scored separately: ../shared/gold/align (tuned on) and
tests/data/align (held out). Planted changes: copies of a pair with one figure's value altered in
the English, a qualifier the Chinese states and the English lacks, and one English figure deleted;
each must be reported on the line of the figure changed.

    .venv/bin/python benchmarks/bench_align.py [DIR ...]
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devset_score import prf  # noqa: E402  (the one precision/recall/F1 of the benchmarks)

ROOT = Path(__file__).resolve().parent.parent
GOLD_SETS = (ROOT.parent / "shared" / "gold" / "align", ROOT / "tests" / "data" / "align")


class Score(Counter[str]):
    """Counts by name: gold, predicted and right pairs; one-sided gold lines and those found;
    right pairs whose `same` flag is the gold's (same_agrees). Scores of cases add up."""

    def __getattr__(self, name: str) -> int:
        return self[name]

    @property
    def f1(self) -> float:
        return prf(self["right"], self["predicted"], self["gold"])[2]


def cases(folder: Path) -> list[str]:
    return sorted(p.name[: -len(".align.jsonl")] for p in folder.glob("*.align.jsonl"))


def align_files(zh: Path, en: Path) -> list[dict[str, Any]]:
    from podium.align import align, read_sides, records

    a, b = read_sides(zh, en)
    return records(a, b, align(a, b))


def _overlaps(p: dict[str, Any] | None, g: dict[str, Any] | None) -> bool:
    return p is not None and g is not None and p["start"] < g["end"] and g["start"] < p["end"]


def score_case(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> Score:
    gold_pairs = [g for g in gold if g["zh"] and g["en"]]
    pred_pairs = [p for p in pred if p["zh"] and p["en"]]
    used: set[int] = set()
    right = same_agrees = 0
    for p in pred_pairs:
        for k, g in enumerate(gold_pairs):
            if k not in used and _overlaps(p["zh"], g["zh"]) and _overlaps(p["en"], g["en"]):
                used.add(k)
                right += 1
                same_agrees += p["same"] == g["same"]
                break
    one_sided = [g for g in gold if not (g["zh"] and g["en"])]
    found = sum(
        1
        for g in one_sided
        if any((p["zh"] is None) == (g["zh"] is None) and (_overlaps(p["zh"], g["zh"]) or _overlaps(p["en"], g["en"])) for p in pred)
    )
    return Score(gold=len(gold_pairs), predicted=len(pred_pairs), right=right, one_sided_gold=len(one_sided), one_sided_found=found, same_agrees=same_agrees)


def score_dir(folder: Path) -> tuple[Score, dict[str, Score]]:
    total, each = Score(), {}
    for name in cases(folder):
        gold = [json.loads(line) for line in (folder / f"{name}.align.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
        score = score_case(gold, align_files(folder / f"{name}.zh.txt", folder / f"{name}.en.txt"))
        each[name] = score
        total.update(score)
    return total, each


# --- planted changes -------------------------------------------------------------------------

DIGIT = re.compile(r"\d")


@dataclass
class Planted:
    change: str
    reported: bool
    line: dict[str, Any] | None


def plant_all(zh: Path, en: Path, work: Path) -> list[Planted]:
    """Each planted change on a copy of the pair, and whether the alignment reports it on the
    line of the figure changed. The figure changed is the middle one of the pairs that align."""
    base = [row for row in align_files(zh, en) if row["zh"] and row["en"] and row["same"]]
    if not base:
        return []
    target = base[len(base) // 2]
    zh_text, en_text = zh.read_text(encoding="utf-8"), en.read_text(encoding="utf-8")
    zs, es = target["zh"], target["en"]
    found: list[Planted] = []

    # a value altered: the last digit of the English figure moved by 3 (no rounding of the other)
    digits = [m.start() for m in DIGIT.finditer(es["text"])]
    if digits:
        at = es["start"] + digits[-1]
        altered = en_text[:at] + str((int(en_text[at]) + 3) % 10) + en_text[at + 1 :]
        line = _line_of(_run(work, "value", zh_text, altered), "zh", zs["start"])
        found.append(Planted("value altered", bool(line and line["en"] and not line["same"] and "value differs" in line["note"]), line))

    # a qualifier dropped: the Chinese says 超过 (more than) before the figure, the English does not
    with_qualifier = zh_text[: zs["start"]] + "超过" + zh_text[zs["start"] :]
    line = _line_of(_run(work, "qualifier", with_qualifier, en_text), "zh", zs["start"] + 2)
    found.append(Planted("qualifier dropped", bool(line and line["en"] and not line["same"] and "qualifier dropped" in line["note"]), line))

    # a direction turned round: the English direction word before a figure swapped for an opposite
    # one, on the first pair whose two versions both state a direction
    turned = next(((row, t) for row in base if (t := _direction_turned(zh_text, en_text, row)) is not None), None)
    if turned is not None:
        line = _line_of(_run(work, "direction", zh_text, turned[1]), "zh", turned[0]["zh"]["start"])
        found.append(Planted("direction turned", bool(line and line["en"] and not line["same"] and "direction differs" in line["note"]), line))

    # a figure deleted from the English
    deleted = en_text[: es["start"]] + en_text[es["end"] :]
    line = _line_of(_run(work, "deleted", zh_text, deleted), "zh", zs["start"])
    found.append(Planted("figure deleted", bool(line and line["en"] is None and "dropped in translation" in line["note"]), line))
    return found


def _direction_turned(zh_text: str, en_text: str, row: dict[str, Any]) -> str | None:
    """The English with the direction word just before the pair's figure replaced by the first
    word of the other direction; None where either version states no direction (then a change
    could not be judged)."""
    from podium.quantities.direction import CLAUSE_END, WORD, direction_words, stated_direction

    if stated_direction(zh_text, row["zh"]["start"], row["zh"]["end"], "zh") is None:
        return None
    start = row["en"]["start"]
    words = direction_words("en")["before"]
    before = en_text[max(0, start - 200) : start]
    clause_start = max((m.end() for m in CLAUSE_END.finditer(before)), default=0)
    for match in reversed(list(WORD.finditer(before, clause_start))):
        for way, other in (("up", "down"), ("down", "up")):
            if match.group().lower() in words[way]:
                at = max(0, start - 200) + match.start()
                return en_text[:at] + words[other][0] + en_text[at + len(match.group()) :]
    return None


def _run(work: Path, tag: str, zh_text: str, en_text: str) -> list[dict[str, Any]]:
    zh, en = work / f"{tag}.zh.txt", work / f"{tag}.en.txt"
    zh.write_text(zh_text, encoding="utf-8")
    en.write_text(en_text, encoding="utf-8")
    return align_files(zh, en)


def _line_of(rows: list[dict[str, Any]], lang: str, start: int) -> dict[str, Any] | None:
    return next((row for row in rows if row[lang] and row[lang]["start"] <= start < row[lang]["end"]), None)


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or [f for f in GOLD_SETS if f.is_dir()]
    for folder in folders:
        total, each = score_dir(folder)
        print(f"{folder}: pair F1 {total.f1:.3f} (right {total.right}, predicted {total.predicted}, gold {total.gold}); one-sided found {total.one_sided_found}/{total.one_sided_gold}; same flag agrees on {total.same_agrees}/{total.right} right pairs")
        for name, score in each.items():
            print(f"  {name}: pair F1 {score.f1:.3f} ({score.right}/{score.predicted}/{score.gold}); one-sided {score.one_sided_found}/{score.one_sided_gold}")
        with tempfile.TemporaryDirectory() as tmp:
            for name in cases(folder):
                for planted in plant_all(folder / f"{name}.zh.txt", folder / f"{name}.en.txt", Path(tmp)):
                    note = planted.line["note"] if planted.line else "no line"
                    print(f"  planted {name}: {planted.change}: {'reported' if planted.reported else 'MISSED'} ({note})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
