"""Spoken-English briefings: podium's figures against the held-out gold in tests/data/spoken.

Every `tests/data/spoken/NAME.quantities.jsonl` (annotated before podium ran on these files; see
tests/data/spoken/FIRST_RUN.md) is scored by podium's own evaluator (`podium eval`'s scoring) at its
six levels, per file and pooled (micro-average: true positives, predictions and gold summed over
files) for each part and for the whole. Parts: the first batch's files sorted by name alternate
`tuning` / `held-out` (SOURCES.md); every file of tests/data/spoken/batch2 is the part `batch2`, a
second held-out batch (batch2/SOURCES.md), every file of batch3 the part `batch3`, a third
(batch3/SOURCES.md), and every file of batch4 the part `batch4`, a fourth (batch4/SOURCES.md).
A file podium refuses (a PodiumError) counts every gold mention as missed.

The briefing date is podium's own when it finds one, else the event date the file name ends with
('given'), so periods are scored against the same calendar either way.

Run: .venv/bin/python benchmarks/bench_spoken.py [--errors] [--part tuning|held-out|batch2|batch3|batch4]"""

from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path
from typing import Any

from podium.errors import PodiumError
from podium.model import Briefing
from podium.pipeline import parse as parse_briefing

ROOT = Path(__file__).resolve().parent.parent
SPOKEN = ROOT / "tests" / "data" / "spoken"
LEVELS = ("span", "value+unit", "qualifier", "kind", "period", "subject")
HALVES = ("tuning", "held-out")
BATCHES = ("batch2", "batch3", "batch4")  # later held-out batches, each a folder and a part of its own
PARTS = (*HALVES, *BATCHES)
DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")

Record = dict[str, Any]
UNLABELLED_STAGES = ("quantities.v1", "coverage.v1")  # what `podium quantities` runs on unlabelled text


@dataclasses.dataclass
class Parsed:
    quantities: list[Record]
    date_how: str


def parse(transcript: Path) -> Parsed:
    """As `podium quantities` reads a file: the full parse, or for text with no speaker label
    (E003) the text as one unlabelled turn."""
    try:
        briefing = _parse_any(transcript, None)
        how = "found"
        if not briefing.date:
            found = DATE_IN_NAME.search(transcript.stem)
            briefing = _parse_any(transcript, found.group(1) if found else None)
            how = "given"
    except PodiumError:
        return Parsed([], "REFUSED")
    return Parsed([dataclasses.asdict(q) for q in briefing.quantities], how)


def _parse_any(transcript: Path, date: str | None) -> Briefing:
    try:
        return parse_briefing(transcript, date=date)
    except PodiumError as exc:
        if exc.code != "E003":
            raise
    return parse_briefing(transcript, date=date, stages=UNLABELLED_STAGES)


def half_of(index: int) -> str:
    return HALVES[index % 2]


def parts() -> list[tuple[str, Path]]:
    """Every gold transcript with its part: the first batch alternating by name, then each later batch."""
    first = [(half_of(i), t) for i, t in enumerate(sorted(SPOKEN.glob("*.txt")))]
    return first + [(batch, t) for batch in BATCHES for t in sorted((SPOKEN / batch).glob("*.txt"))]


def main(argv: list[str]) -> int:
    from podium.quantities.evaluate import Score, read_jsonl, score

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_accuracy import errors as figure_errors
    from bench_accuracy import print_reports

    show_errors = "--errors" in argv
    flag = "--part" if "--part" in argv else "--half"
    only = argv[argv.index(flag) + 1] if flag in argv else None
    transcripts = parts()
    if not transcripts:
        print(f"skipped: no spoken gold in {SPOKEN}")
        return 0
    header = f"{'half':<8} {'file':<30} {'gold':>4} {'pred':>4} {'date':>7} " + " ".join(f"{lv:>10}" for lv in LEVELS)
    print("Figures: tests/data/spoken (spoken English, held out from ../shared)")
    print(header)
    print("-" * len(header))
    totals = {h: {lv: [0, 0, 0] for lv in LEVELS} for h in PARTS}
    reports = []
    for half, transcript in transcripts:
        if only and half != only:
            continue
        gold = read_jsonl(transcript.with_name(f"{transcript.stem}.quantities.jsonl"))
        parsed = parse(transcript)
        scores = score(gold, parsed.quantities, LEVELS)
        for s in scores:
            for slot, n in enumerate((s.true_positives, s.predicted, s.gold)):
                totals[half][s.level][slot] += n
        print(
            f"{half:<8} {transcript.stem[:30]:<30} {len(gold):>4} {len(parsed.quantities):>4} {parsed.date_how:>7} "
            + " ".join(f"{s.f1:>10.3f}" for s in scores)
        )
        reports.append((transcript.stem, figure_errors(gold, parsed.quantities)))
    print("-" * len(header))
    groups = [(h, [h]) for h in PARTS if not only or h == only]
    groups += [] if only else [("batch1", list(HALVES)), ("all", list(PARTS))]
    for name, halves in groups:
        pooled = [Score(lv, *(sum(totals[h][lv][i] for h in halves) for i in range(3))) for lv in LEVELS]
        counts = f"{'pooled ' + name:<39} {pooled[0].gold:>4} {pooled[0].predicted:>4}"
        for measure, label in (("f1", "F1"), ("precision", "P"), ("recall", "R")):
            print(f"{counts:<48} {label:>7} " + " ".join(f"{getattr(s, measure):>10.3f}" for s in pooled))
            counts = ""
    if show_errors:
        print_reports(reports)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
