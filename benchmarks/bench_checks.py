"""Precision and recall of the checks on the planted-error test set (tests/data/checks), from the
annotated quantities and through the whole pipeline, plus the time the checks take on Xinjiang.

A flag (verdict inconsistent or implausible) is right when it matches a planted error by check name
and one quantity's text; a planted error is found when some flag matches it."""

from __future__ import annotations

import importlib.util
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
XINJIANG = ROOT.parent / "shared" / "corpus" / "scio-2024-05-21-xinjiang.txt"
ROUNDS = 20


def _planted() -> ModuleType:
    spec = importlib.util.spec_from_file_location("planted", ROOT / "tests" / "checks" / "planted.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["planted"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def _report(label: str, score: object) -> None:
    print(
        f"{label:<11} planted {score.planted:>3}  found {score.found:>3}  flags {score.flagged:>3}  "
        f"recall {score.recall:.3f}  precision {score.precision:.3f}"
    )
    for miss in score.misses:
        print(f"    missed: {miss}")
    for alarm in score.false_alarms:
        print(f"    false alarm: {alarm}")


def _time_checks_ms() -> float | None:
    if not XINJIANG.is_file():
        return None
    from podium import parse
    from podium.checks import find

    briefing = parse(XINJIANG)
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        find(briefing.text, briefing.quantities)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    from podium import parse
    from podium.checks import find

    planted = _planted()
    cases = planted.cases()
    annotated, pipeline = planted.Score(), planted.Score()
    for case in cases:
        planted.score(case, find(case.text, case.quantities), annotated)
        planted.score(case, parse(planted.DATA / f"{case.name}.txt").findings, pipeline)
    clean = sum(not c.planted for c in cases)
    print(f"{len(cases)} transcripts ({clean} clean), {sum(len(c.planted) for c in cases)} planted errors")
    _report("annotated", annotated)
    _report("pipeline", pipeline)
    elapsed = _time_checks_ms()
    if elapsed is not None:
        print(f"checks on the Xinjiang transcript: {elapsed:.2f} ms (median of {ROUNDS})")
    return 0 if min(annotated.recall, annotated.precision) >= 0.9 else 1


if __name__ == "__main__":
    sys.exit(main())
