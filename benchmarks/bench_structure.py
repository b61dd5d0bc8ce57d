"""Median time to read and structure the 48 KB Xinjiang transcript (aim: under 5 ms on one core).

Reading and structuring are timed together and apart, so a regression points at its stage."""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

TRANSCRIPT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "scio-2024-05-21-xinjiang.txt"
ROUNDS = 200
TARGET_MS = 5.0


def median_ms(fn: Callable[[], object], rounds: int = ROUNDS) -> float:
    fn()  # warm caches: word tables and compiled patterns load once per process
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    if not TRANSCRIPT.is_file():
        print(f"skipped: {TRANSCRIPT} is absent (../shared is not beside this checkout)")
        return 0
    from podium.pipeline import briefing_from_document, run
    from podium.read import read_path

    text = TRANSCRIPT.read_text(encoding="utf-8")
    # The anchor: one pass of a word regex over the same text, so the ratio travels across machines.
    anchor = median_ms(lambda: re.findall(r"\w+", text))
    read_only = median_ms(lambda: read_path(TRANSCRIPT))
    doc = read_path(TRANSCRIPT)
    structure_only = median_ms(lambda: run(briefing_from_document(doc), ["structure.v1"]))
    both = median_ms(lambda: run(briefing_from_document(read_path(TRANSCRIPT)), ["structure.v1"]))
    corpus = sorted(TRANSCRIPT.parent.glob("*.txt"))
    whole = median_ms(lambda: [run(briefing_from_document(read_path(p)), ["structure.v1"]) for p in corpus], rounds=10)
    size_kb = TRANSCRIPT.stat().st_size / 1024
    print(f"transcript: {TRANSCRIPT.name} ({size_kb:.0f} KB), {ROUNDS} rounds, median")
    print(f"  read:              {read_only:7.2f} ms")
    print(f"  structure.v1:      {structure_only:7.2f} ms")
    print(f"  read + structure:  {both:7.2f} ms  (target under {TARGET_MS:.0f} ms: {'met' if both < TARGET_MS else 'NOT met'})")
    print(f"  anchor (word regex over the text): {anchor:5.2f} ms; read + structure = {both / anchor:.1f}x anchor")
    print(f"  whole corpus ({len(corpus)} files, read + structure): {whole:7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
