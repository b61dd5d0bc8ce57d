"""Accuracy of the context of each figure (kind, period, subject, modality) on the gold spans.

Quantity objects are built from each gold line's span, value, unit and qualifier, so this
measures `podium.quantities.context.annotate` alone, whatever mention finding does. The Xinjiang
gold comes first, then the team's extra gold (tests/data/gold_extra) as a check on
generalisation. Also times annotate on the Xinjiang transcript. `-v` lists every miss."""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
XINJIANG_GOLD = SHARED / "gold" / "scio-2024-05-21-xinjiang.quantities.jsonl"
EXTRA_GOLD = ROOT / "tests" / "data" / "gold_extra"
# Briefing dates the files do not state (tests/data/gold_extra/README.md gives their sources).
KNOWN_DATES = {"scio-2024-05-21-xinjiang": "2024-05-21", "scio-2024-nbs-august-data-p6": "2024-09-14"}
STEM_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
FIELDS = ("kind", "period", "subject", "modality")


def gold_files() -> list[Path]:
    return [XINJIANG_GOLD, *sorted(EXTRA_GOLD.glob("*.quantities.jsonl"))]


def briefing_date(stem: str) -> str | None:
    found = STEM_DATE.search(stem)
    return KNOWN_DATES.get(stem) or (found.group(0) if found else None)


def score_file(gold_path: Path, *, verbose: bool) -> tuple[dict[str, int], int]:
    import podium
    from podium.model import Quantity
    from podium.quantities.context import annotate
    from podium.quantities.subjects import subject_matches

    stem = gold_path.name.removesuffix(".quantities.jsonl")
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    briefing = podium.parse(CORPUS / f"{stem}.txt", date=briefing_date(stem), stages=["structure.v1"])
    keys = ("text", "start", "end", "value", "unit", "qualifier")
    predicted = [Quantity(**{k: g[k] for k in keys}, value_max=g.get("value_max")) for g in gold]
    annotate(briefing, predicted)
    hits = dict.fromkeys(FIELDS, 0)
    for g, q in zip(gold, predicted, strict=True):
        for field in FIELDS:
            ok = subject_matches(g[field], q.subject) if field == "subject" else g[field] == getattr(q, field)
            hits[field] += ok
            if not ok and verbose:
                print(f"  {stem[:24]:24} {field:8} {g['start']:6} {g['text']!r:28} gold={g[field]!r} pred={getattr(q, field)!r}")
    return hits, len(gold)


def time_annotate() -> tuple[float, float]:
    """Median ms of annotate on the Xinjiang gold spans, and of one word-regex pass over the same
    text (the anchor, so the ratio travels across machines)."""
    import podium
    from podium.model import Quantity
    from podium.quantities.context import annotate

    gold = [json.loads(line) for line in XINJIANG_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    briefing = podium.parse(CORPUS / "scio-2024-05-21-xinjiang.txt", date="2024-05-21", stages=["structure.v1"])
    keys = ("text", "start", "end", "value", "unit", "qualifier")
    times, anchors = [], []
    for _ in range(50):
        quantities = [Quantity(**{k: g[k] for k in keys}) for g in gold]
        start = time.perf_counter()
        annotate(briefing, quantities)
        times.append(time.perf_counter() - start)
        start = time.perf_counter()
        re.findall(r"\w+", briefing.text)
        anchors.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, statistics.median(anchors) * 1000


def main(argv: list[str]) -> int:
    if not XINJIANG_GOLD.is_file() or not CORPUS.is_dir():
        print(f"skipped: {XINJIANG_GOLD} or {CORPUS} is absent (../shared is not beside this checkout)")
        return 0
    verbose = "-v" in argv
    totals = dict.fromkeys(FIELDS, 0)
    count = 0
    print(f"{'gold file':34} {'n':>4} " + " ".join(f"{f:>8}" for f in FIELDS))
    for path in gold_files():
        hits, n = score_file(path, verbose=verbose)
        if not n:
            continue
        count += n if path != XINJIANG_GOLD else 0
        if path != XINJIANG_GOLD:
            totals = {f: totals[f] + hits[f] for f in FIELDS}
        print(f"{path.name.removesuffix('.quantities.jsonl')[:34]:34} {n:4} " + " ".join(f"{hits[f] / n:8.3f}" for f in FIELDS))
    if count:
        print(f"{'extra gold, pooled':34} {count:4} " + " ".join(f"{totals[f] / count:8.3f}" for f in FIELDS))
    annotate_ms, anchor_ms = time_annotate()
    print(f"annotate: {annotate_ms:.2f} ms median on the Xinjiang gold spans ({annotate_ms / anchor_ms:.1f}x a word-regex pass)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
