"""Quantity extraction accuracy on every gold file: the Xinjiang gold and the extra gold.

For each `*.quantities.jsonl` in ../shared/gold and tests/data/gold_extra, podium parses the
transcript of the same stem from ../shared/corpus and is scored by podium's own evaluator
(`podium.quantities.evaluate.score`) at its six levels. Printed: F1 per level per file, then the
micro-average over the extra files (true positives, predictions and gold summed across files).

A gold file with no mentions is a real measurement: with no predictions its F1 is 1.0 at every
level; any prediction on it is a false positive (F1 0.0), and counts against the micro-average.

`--errors` also lists, per extra file, every gold mention podium missed, every prediction with no
gold, and every paired mention whose fields disagree. Skips (exit 0) when ../shared is absent.

Run: .venv/bin/python benchmarks/bench_accuracy.py [--errors]"""

from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD_DIRS = (("gold", SHARED / "gold"), ("extra", ROOT / "tests" / "data" / "gold_extra"))
STEM_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
# Briefing dates of gold transcripts whose file name carries none (see tests/data/gold_extra/README.md).
KNOWN_DATES = {"scio-2024-nbs-august-data-p6": "2024-09-14"}
FIELDS = ("value", "value_max", "unit", "qualifier", "kind", "subject", "period", "modality")


def gold_files() -> list[tuple[str, Path, Path]]:
    """(group, gold file, transcript) for every gold file whose transcript exists."""
    found = []
    for group, folder in GOLD_DIRS:
        for gold in sorted(folder.glob("*.quantities.jsonl")):
            transcript = CORPUS / (gold.name.removesuffix(".quantities.jsonl") + ".txt")
            if transcript.is_file():
                found.append((group, gold, transcript))
            else:
                print(f"note: no transcript for {gold.name}, skipped", file=sys.stderr)
    return found


def predict(transcript: Path) -> tuple[list[dict[str, Any]], str]:
    """podium's mentions as records; the date is passed only when the structure stage finds none."""
    import podium

    briefing = podium.parse(transcript)
    how = "found"
    if not briefing.date:
        match = STEM_DATE.search(transcript.name)
        date = match.group(1) if match else KNOWN_DATES.get(transcript.stem)
        if date:
            briefing = podium.parse(transcript, date=date)
            how = "given"
        else:
            how = "none"
    return [dataclasses.asdict(qty) for qty in briefing.quantities], how


def f1s(scores: list[Any]) -> dict[str, float]:
    """F1 per level; gold and predictions both empty is a perfect score."""
    return {s.level: (1.0 if s.gold == 0 and s.predicted == 0 else s.f1) for s in scores}


def errors(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[str]:
    from podium.quantities.evaluate import pair, score

    pairs = pair(gold, pred)
    paired_gold = {id(g) for g, _ in pairs}
    paired_pred = {id(p) for _, p in pairs}
    lines = [f"  MISSED   {g['text']!r} @{g['start']}: {_brief(g)}" for g in gold if id(g) not in paired_gold]
    lines += [f"  EXTRA    {p['text']!r} @{p['start']}: {_brief(p)}" for p in pred if id(p) not in paired_pred]
    for g, p in pairs:
        wrong = [s.level for s in score([g], [p]) if not s.true_positives]
        if g["text"] != p["text"]:
            wrong.insert(0, "span-text")
        if wrong:
            lines.append(f"  WRONG    {g['text']!r} @{g['start']} [{', '.join(wrong)}]")
            lines.append(f"           gold: {_brief(g)}")
            lines.append(f"           pred: {p['text']!r} {_brief(p)}")
    return lines


def _brief(record: dict[str, Any]) -> str:
    return " ".join(f"{name}={record.get(name)!r}" for name in FIELDS if record.get(name) not in (None, ""))


def main(argv: list[str]) -> int:
    if not CORPUS.is_dir():
        print(f"skipped: {SHARED} is absent (no corpus, no gold)")
        return 0
    from podium.quantities.evaluate import LEVELS, Score, read_jsonl, score

    files = gold_files()
    if not files:
        print("skipped: no gold files with transcripts")
        return 0
    header = f"{'file':<34} {'gold':>4} {'pred':>4} {'date':>5} " + " ".join(f"{level:>10}" for level in LEVELS)
    print(header)
    print("-" * len(header))
    totals: dict[str, list[int]] = {level: [0, 0, 0] for level in LEVELS}
    reports: list[tuple[str, list[str]]] = []
    for group, gold_path, transcript in files:
        gold = read_jsonl(gold_path)
        pred, how = predict(transcript)
        scores = score(gold, pred)
        row = f1s(scores)
        name = ("* " if group == "extra" else "  ") + transcript.stem
        print(f"{name[:34]:<34} {len(gold):>4} {len(pred):>4} {how:>5} " + " ".join(f"{row[lv]:>10.3f}" for lv in LEVELS))
        if group == "extra":
            for s in scores:
                totals[s.level][0] += s.true_positives
                totals[s.level][1] += s.predicted
                totals[s.level][2] += s.gold
            reports.append((transcript.stem, errors(gold, pred)))
    micro = f1s([Score(level, *totals[level]) for level in LEVELS])
    n_gold, n_pred = totals["span"][2], totals["span"][1]
    print("-" * len(header))
    print(f"{'micro (* extra files)':<34} {n_gold:>4} {n_pred:>4} {'':>5} " + " ".join(f"{micro[lv]:>10.3f}" for lv in LEVELS))
    print("(* = tests/data/gold_extra; date: 'found' by the structure stage, or 'given' from the file name / KNOWN_DATES)")
    if "--errors" in argv:
        print_reports(reports)
    return 0


def print_reports(reports: list[tuple[str, list[str]]]) -> None:
    """Each file's error lines from `errors`, under its name."""
    for stem, lines in reports:
        print(f"\n{stem}")
        print("\n".join(lines) if lines else "  (no errors)")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
