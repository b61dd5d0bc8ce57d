"""Chinese briefings: podium's figures and turns against hand-written gold, per file and pooled.

Figures: every `tests/data/zh/*.quantities.jsonl` (held-out excerpts, annotated before podium ran on
them; see tests/data/zh/FIRST_RUN.md) is scored by podium's own evaluator
(`podium.quantities.evaluate.score`, the scoring of `podium eval`) at its levels: span, value+unit,
qualifier, kind, period, subject. Pooled = micro-average (true positives, predictions and gold
summed over the files).

Structure: every `*.structure.json` in tests/data/zh and ../shared/gold/zh (transcripts in
tests/data/zh and ../shared/corpus/zh). A gold turn is found when a labelled turn podium gives
overlaps its label span; `who` also needs the same speaker and role. Turn precision divides by
podium's labelled turns. A file podium will not read (a PodiumError) is `refused`: every gold turn
and figure in it counts as missed.

The briefing date is podium's own when it finds one, else the gold structure's date ('given'),
so periods are scored against the same calendar either way.

`--part tuning` scores only the alphabetically first half of tests/data/zh (the files podium's
Chinese reader was tuned on, with ../shared/gold/zh); `--part held-out` only the second half,
held out in the first session (tuned on since); `--part batch2` only tests/data/zh2, seven pages
collected in the second session with gold written before podium ran on them.

Run: .venv/bin/python benchmarks/bench_chinese.py [--errors] [--part tuning|held-out]"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HELD_OUT = ROOT / "tests" / "data" / "zh"
BATCH2 = ROOT / "tests" / "data" / "zh2"
SHARED = ROOT.parent / "shared"
STRUCTURE_SETS = (
    ("held-out", HELD_OUT, HELD_OUT),
    ("batch2", BATCH2, BATCH2),
    ("shared", SHARED / "gold" / "zh", SHARED / "corpus" / "zh"),
)
FIGURE_LEVELS = ("span", "value+unit", "qualifier", "kind", "period", "subject", "direction")

Record = dict[str, Any]
PARTS = ("tuning", "held-out", "batch2")


@dataclasses.dataclass
class Parsed:
    """podium's reading of one transcript, or the reason it refused it."""

    quantities: list[Record]
    turns: list[Record]
    date_how: str
    refused: str | None = None


def in_part(stem: str, part: str | None) -> bool:
    """Whether the tests/data/zh file `stem` is in `part` (None: every file; batch2 holds none)."""
    if part is None:
        return True
    if part == "batch2":
        return False
    stems = sorted(p.name.removesuffix(".txt") for p in HELD_OUT.glob("*.txt"))
    first_half = stems.index(stem) < len(stems) // 2 if stem in stems else False
    return first_half == (part == "tuning")


def parse(transcript: Path, gold_date: str | None) -> Parsed:
    import podium
    from podium.errors import PodiumError

    try:
        briefing = podium.parse(transcript)
        how = "found"
        if not briefing.date and gold_date:
            briefing = podium.parse(transcript, date=gold_date)
            how = "given"
    except PodiumError as exc:
        return Parsed([], [], "-", refused=str(exc))
    turns = [
        {"start": t.start, "end": t.body_start, "speaker": t.speaker, "role": t.role, "label": t.label}
        for t in briefing.turns
        if t.label
    ]
    return Parsed([dataclasses.asdict(q) for q in briefing.quantities], turns, how if briefing.date else "none")


def gold_date(structure: Path) -> str | None:
    return json.loads(structure.read_text(encoding="utf-8")).get("date") if structure.is_file() else None


@dataclasses.dataclass
class TurnScore:
    gold: int
    predicted: int
    found: int
    who: int

    def f1(self, hits: int) -> float:
        if self.gold == 0 and self.predicted == 0:
            return 1.0
        p = hits / self.predicted if self.predicted else 0.0
        r = hits / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def score_turns(gold: list[Record], pred: list[Record]) -> tuple[TurnScore, list[str]]:
    """One-to-one by overlapping label spans, gold turns in order, each taking the first free overlap."""
    used: set[int] = set()
    found = who = 0
    misses = []
    for g in gold:
        match = next(
            (i for i, p in enumerate(pred) if i not in used and min(g["end"], p["end"]) > max(g["start"], p["start"])),
            None,
        )
        if match is None:
            misses.append(f"  MISSED TURN {g['label']!r} @{g['start']} ({g['speaker']}, {g['role']})")
            continue
        used.add(match)
        found += 1
        p = pred[match]
        if (p["speaker"], p["role"]) == (g["speaker"], g["role"]):
            who += 1
        else:
            misses.append(f"  WRONG TURN  {g['label']!r} @{g['start']}: gold ({g['speaker']}, {g['role']}) pred ({p['speaker']}, {p['role']})")
    misses += [f"  EXTRA TURN  {p['label']!r} @{p['start']}" for i, p in enumerate(pred) if i not in used]
    return TurnScore(len(gold), len(pred), found, who), misses


def f1_row(scores: list[Any]) -> dict[str, float]:
    return {s.level: (1.0 if s.gold == 0 and s.predicted == 0 else s.f1) for s in scores}


def figure_gold(part: str | None) -> list[Path]:
    """The figure gold files of `part`: a half of tests/data/zh, batch 2 (tests/data/zh2), or both folders."""
    first = [p for p in sorted(HELD_OUT.glob("*.quantities.jsonl")) if in_part(p.name.removesuffix(".quantities.jsonl"), part)]
    second = sorted(BATCH2.glob("*.quantities.jsonl")) if part in (None, "batch2") else []
    return first + second


def figures(errors: bool, part: str | None = None) -> None:
    from podium.quantities.evaluate import Score, read_jsonl, score

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_accuracy import errors as figure_errors

    header = f"{'file':<46} {'gold':>4} {'pred':>4} {'date':>5} " + " ".join(f"{lv:>10}" for lv in FIGURE_LEVELS)
    print(f"Figures: {'tests/data/zh2' if part == 'batch2' else 'tests/data/zh'} ({part or 'every file, and tests/data/zh2'})")
    print(header)
    print("-" * len(header))
    totals = {level: [0, 0, 0] for level in FIGURE_LEVELS}
    reports = []
    for gold_path in figure_gold(part):
        stem = gold_path.name.removesuffix(".quantities.jsonl")
        folder = gold_path.parent
        gold = read_jsonl(gold_path)
        parsed = parse(folder / f"{stem}.txt", gold_date(folder / f"{stem}.structure.json"))
        scores = score(gold, parsed.quantities, FIGURE_LEVELS)
        for s in scores:
            totals[s.level][0] += s.true_positives
            totals[s.level][1] += s.predicted
            totals[s.level][2] += s.gold
        row = f1_row(scores)
        how = "REFUSED" if parsed.refused else parsed.date_how
        print(f"{stem[:46]:<46} {len(gold):>4} {len(parsed.quantities):>4} {how:>5} " + " ".join(f"{row[lv]:>10.3f}" for lv in FIGURE_LEVELS))
        reports.append((stem, figure_errors(gold, parsed.quantities)))
    pooled = [Score(level, *totals[level]) for level in FIGURE_LEVELS]
    print("-" * len(header))
    n_gold, n_pred = totals["span"][2], totals["span"][1]
    print(f"{'pooled (micro)':<46} {n_gold:>4} {n_pred:>4} {'':>5} " + " ".join(f"{s.f1:>10.3f}" for s in pooled))
    print(f"{'  precision':<62} " + " ".join(f"{s.precision:>10.3f}" for s in pooled))
    print(f"{'  recall':<62} " + " ".join(f"{s.recall:>10.3f}" for s in pooled))
    if errors:
        for stem, lines in reports:
            print(f"\n{stem}")
            print("\n".join(lines) if lines else "  (no errors)")


def structure(errors: bool, part: str | None = None) -> None:
    header = f"{'set':<8} {'file':<52} {'gold':>4} {'pred':>4} {'found':>5} {'turn F1':>8} {'who F1':>7}  refused"
    print("\nStructure: turns")
    print(header)
    print("-" * len(header))
    reports = []
    for set_name, gold_dir, text_dir in STRUCTURE_SETS:
        if part in ("held-out", "batch2") and set_name != part:
            continue  # ../shared/gold/zh was tuned on; each held-out part is scored alone
        if part == "tuning" and gold_dir == BATCH2:
            continue
        if not gold_dir.is_dir():
            print(f"{set_name:<8} skipped: {gold_dir} is absent")
            continue
        pooled = TurnScore(0, 0, 0, 0)
        refused = files = 0
        for path in sorted(gold_dir.glob("*.structure.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            stem = path.name.removesuffix(".structure.json")
            if gold_dir == HELD_OUT and not in_part(stem, part):
                continue
            parsed = parse(text_dir / f"{stem}.txt", gold.get("date"))
            result, lines = score_turns(gold["turns"], parsed.turns)
            files += 1
            refused += bool(parsed.refused)
            for name in ("gold", "predicted", "found", "who"):
                setattr(pooled, name, getattr(pooled, name) + getattr(result, name))
            print(
                f"{set_name:<8} {stem[:52]:<52} {result.gold:>4} {result.predicted:>4} {result.found:>5} "
                f"{result.f1(result.found):>8.3f} {result.f1(result.who):>7.3f}  {parsed.refused or ''}"
            )
            reports.append((stem, lines))
        print(
            f"{set_name:<8} {'pooled (micro), ' + str(files) + ' files':<52} {pooled.gold:>4} {pooled.predicted:>4} "
            f"{pooled.found:>5} {pooled.f1(pooled.found):>8.3f} {pooled.f1(pooled.who):>7.3f}  {refused} refused"
        )
    if errors:
        for stem, lines in reports:
            print(f"\n{stem}")
            print("\n".join(lines) if lines else "  (no errors)")


def main(argv: list[str]) -> int:
    if not any(HELD_OUT.glob("*.quantities.jsonl")):
        print(f"skipped: no Chinese gold in {HELD_OUT}")
        return 0
    part = argv[argv.index("--part") + 1] if "--part" in argv else None
    if part is not None and part not in PARTS:
        print(f"--part takes one of {', '.join(PARTS)}, not {part!r}")
        return 2
    figures("--errors" in argv, part)
    structure("--errors" in argv, part)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
