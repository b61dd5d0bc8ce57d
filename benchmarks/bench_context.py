"""Accuracy of the context of each figure (kind, period, subject, modality) on the gold spans.

Quantity objects are built from each gold line's span, value, unit and qualifier, so this
measures `podium.quantities.context.annotate` alone, whatever mention finding does. Also times
annotate on the whole transcript. `-v` lists every miss."""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
TRANSCRIPT = SHARED / "corpus" / "scio-2024-05-21-xinjiang.txt"
GOLD = SHARED / "gold" / "scio-2024-05-21-xinjiang.quantities.jsonl"
DATE = "2024-05-21"  # the file does not say; the briefing was held on this day
FIELDS = ("kind", "period", "subject", "modality")


def main(argv: list[str]) -> int:
    if not GOLD.is_file() or not TRANSCRIPT.is_file():
        print(f"skipped: {GOLD} or {TRANSCRIPT} is absent (../shared is not beside this checkout)")
        return 0
    import podium
    from podium.model import Quantity
    from podium.quantities.context import annotate
    from podium.quantities.subjects import subject_matches

    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    briefing = podium.parse(TRANSCRIPT, date=DATE, stages=["structure.v1"])

    def fresh() -> list[Quantity]:
        keys = ("text", "start", "end", "value", "unit", "qualifier")
        return [Quantity(**{k: g[k] for k in keys}, value_max=g.get("value_max")) for g in gold]

    predicted = fresh()
    annotate(briefing, predicted)
    hits = dict.fromkeys(FIELDS, 0)
    for g, q in zip(gold, predicted, strict=True):
        for field in FIELDS:
            ok = subject_matches(g[field], q.subject) if field == "subject" else g[field] == getattr(q, field)
            hits[field] += ok
            if not ok and "-v" in argv:
                print(f"  {field:8} {g['start']:6} {g['text']!r:32} gold={g[field]!r} pred={getattr(q, field)!r}")
    for field in FIELDS:
        print(f"{field:9} {hits[field] / len(gold):.3f}  ({hits[field]}/{len(gold)})")
    times = []
    for _ in range(50):
        qs = fresh()
        start = time.perf_counter()
        annotate(briefing, qs)
        times.append(time.perf_counter() - start)
    print(f"annotate: {statistics.median(times) * 1000:.2f} ms median for {len(gold)} figures")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
