"""Precision and recall of the checks on the planted-error test set (tests/data/checks), from the
annotated quantities and through the whole pipeline, plus the time the checks stage takes on Xinjiang
next to the structure stage's on the same transcript (an anchor measured in the same run).

A flag (verdict inconsistent or implausible) is right when it matches a planted error by check name
and one quantity's text; a planted error is found when some flag matches it."""

from __future__ import annotations

import importlib.util
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
XINJIANG = ROOT.parent / "shared" / "corpus" / "scio-2024-05-21-xinjiang.txt"
ROUNDS = 41


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


def _median_ms(run: Callable[[], object]) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _stage_times_ms() -> tuple[float, float] | None:
    """Median times of the checks stage and of the structure stage (the anchor) on the Xinjiang
    transcript, measured in this run; None without ../shared."""
    if not XINJIANG.is_file():
        return None
    from podium.pipeline import briefing_from_document, run
    from podium.stages import STAGES
    from podium.read import read_path

    doc = read_path(XINJIANG)
    checks_input = run(briefing_from_document(doc), ("structure.v1", "quantities.v1"))
    STAGES["checks.v1"](checks_input)  # warm: word tables and patterns load on first use
    # The structure stage fills in a fresh briefing each round; building one is not timed.
    fresh = iter([briefing_from_document(doc) for _ in range(ROUNDS + 1)])
    STAGES["structure.v1"](next(fresh))
    structure = _median_ms(lambda: STAGES["structure.v1"](next(fresh)))
    checks = _median_ms(lambda: STAGES["checks.v1"](checks_input))
    return checks, structure


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
    times = _stage_times_ms()
    if times is None:
        print(f"skipped the stage times: {XINJIANG} not found")
    else:
        checks, structure = times
        print(
            f"Xinjiang transcript, median of {ROUNDS}: checks.v1 {checks:.2f} ms, structure.v1 {structure:.2f} ms "
            f"(anchor); checks / structure = {checks / structure:.2f}"
        )
    return 0 if min(annotated.recall, annotated.precision) >= 0.9 else 1


if __name__ == "__main__":
    sys.exit(main())
