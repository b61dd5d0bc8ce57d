"""Start-up and whole-parse CPU, as ratios measured in this run.

1. `podium quantities SEED --jsonl` in a fresh interpreter against `python -c pass` (the anchor),
   CPU (user + system) medians of interleaved runs. Target: at most 8 times the anchor.
2. The warm whole parse of the seed, CPU median per stage, each round on a text not parsed before
   in the process (the seed with more blank lines at its end) and with the caches of seen phrases
   cleared (as in bench_quantities).

With PODIUM_BASE set to another checkout of podium that has its own .venv (an older commit, say),
both are measured for that build as well, in the same run, and the ratios new/old are printed:
the whole parse, and the stages both builds have (like for like). Target: the whole parse within
10% of the older build's."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent  # this checkout
SHARED = HERE.parent / "shared"
SEED = SHARED / "corpus" / "scio-2024-05-21-xinjiang.txt"
START_RUNS = 21
PARSE_ROUNDS = 40
START_TARGET = 8.0
PARSE_TARGET = 1.10

# Runs `podium ARGS` as the console script does.
CLI = "import sys; from podium.cli import main; sys.argv[0] = 'podium'; main()"

# Prints {"parse": ms, "stages": {name: ms}}: warm CPU medians of the whole parse and of each stage.
# It reads the stage registry of the build it runs in (a build from before podium/stages.py kept it
# in podium.pipeline), so one script times both builds.
PARSE_TIMER = """
import dataclasses, functools, gc, json, statistics, sys, time
import podium
from podium.read import read_path
from podium.pipeline import briefing_from_document
try:
    from podium.stages import DEFAULT_STAGES, STAGES
except ImportError:
    from podium.pipeline import DEFAULT_STAGES, STAGES, _load_stages
    _load_stages()
path, rounds = sys.argv[1], int(sys.argv[2])
doc = read_path(path)
podium.parse(doc)

def forget_seen_phrases():
    for obj in gc.get_objects():
        if isinstance(obj, functools._lru_cache_wrapper) and obj.__module__.startswith("podium"):
            if (obj.cache_parameters()["maxsize"] or 0) >= 1024:
                obj.cache_clear()

whole, stages = [], {name: [] for name in DEFAULT_STAGES}
for round_ in range(rounds):
    # A text not parsed before in this process (one more blank line at its end each round), so
    # that nothing remembered of an earlier round's text stands in for reading it.
    fresh = dataclasses.replace(doc, text=doc.text + "\\n" * (round_ + 1))
    forget_seen_phrases()
    gc.collect()
    start = time.process_time()
    podium.parse(fresh)
    whole.append(time.process_time() - start)
    fresh = dataclasses.replace(doc, text=doc.text + "\\n" * (rounds + round_ + 1))
    forget_seen_phrases()
    gc.collect()
    briefing = briefing_from_document(fresh)
    for name in DEFAULT_STAGES:
        start = time.process_time()
        briefing = STAGES[name](briefing)
        stages[name].append(time.process_time() - start)
ms = lambda values: round(statistics.median(values) * 1000, 3)
print(json.dumps({"parse": ms(whole), "stages": {name: ms(v) for name, v in stages.items()}}))
"""


# As an installed podium runs: with its bytecode cached (a first run writes it), which
# PYTHONDONTWRITEBYTECODE in a developer's shell would forbid, compiling every module each run.
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def child_cpu(cmd: list[str], cwd: Path) -> float:
    """CPU seconds (user + system) of one run of `cmd` in `cwd`; its output is discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, cwd=cwd, env=ENV)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


Build = tuple[Path, str]  # a checkout and its interpreter


def start_up(builds: dict[str, Build]) -> dict[str, float]:
    """Median CPU ms of `python -c pass` (under the first build's interpreter) and of the
    one-file quantities command under each build, the runs interleaved so that a busy moment of
    the machine weighs on all alike. Each runs in its checkout, so `-c` imports its own podium."""
    root, python = next(iter(builds.values()))
    commands = {"python -c pass": ([python, "-c", "pass"], root)}
    commands |= {name: ([python, "-c", CLI, "quantities", str(SEED), "--jsonl"], root) for name, (root, python) in builds.items()}
    for cmd, root in commands.values():
        child_cpu(cmd, root)  # a first run writes bytecode caches
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(START_RUNS):
        for name, (cmd, root) in commands.items():
            times[name].append(child_cpu(cmd, root))
    return {name: statistics.median(values) * 1000 for name, values in times.items()}


def parse_times(root: Path, python: str) -> dict[str, object]:
    done = subprocess.run(
        [python, "-c", PARSE_TIMER, str(SEED), str(PARSE_ROUNDS)],
        capture_output=True, text=True, check=True, cwd=root, env=ENV,
    )  # fmt: skip
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    if not SEED.is_file():
        print(f"skipped: {SEED.name} is absent (../shared is not beside this checkout)")
        return 0
    builds: dict[str, Build] = {"this build": (HERE, sys.executable)}
    base = os.environ.get("PODIUM_BASE")
    if base and (Path(base) / ".venv" / "bin" / "python").is_file():
        builds[f"base ({base})"] = (Path(base), str(Path(base) / ".venv" / "bin" / "python"))
    elif base:
        print(f"PODIUM_BASE={base}: no .venv/bin/python there; comparing nothing")

    cpu = start_up(builds)
    anchor = cpu["python -c pass"]
    print(f"start-up, podium quantities {SEED.name} --jsonl, CPU medians of {START_RUNS} runs:")
    print(f"  anchor python -c pass {anchor:7.1f} ms")
    for name in builds:
        ratio = cpu[name] / anchor
        verdict = "met" if ratio <= START_TARGET else "NOT met"
        print(f"  {name:30s} {cpu[name]:7.1f} ms  {ratio:5.1f}x the anchor (target <= {START_TARGET:.0f}x: {verdict})")

    results = {name: parse_times(*build) for name, build in builds.items()}
    print(f"whole parse of {SEED.name}, warm CPU medians of {PARSE_ROUNDS} rounds (ms):")
    for name, result in results.items():
        stages = result["stages"]
        assert isinstance(stages, dict)
        listed = ", ".join(f"{stage} {ms:.2f}" for stage, ms in stages.items())
        print(f"  {name:30s} parse {result['parse']:6.2f}  ({listed})")
    if len(results) == 2:
        (_, new), (_, old) = results.items()
        new_stages, old_stages = new["stages"], old["stages"]
        assert isinstance(new_stages, dict) and isinstance(old_stages, dict)
        common = [stage for stage in new_stages if stage in old_stages]
        like = sum(new_stages[s] for s in common) / sum(old_stages[s] for s in common)
        whole = float(new["parse"]) / float(old["parse"])  # type: ignore[arg-type]
        verdict = "met" if whole <= PARSE_TARGET else "NOT met"
        print(f"  this build / base: whole parse {whole:.2f}x (target <= {PARSE_TARGET:.2f}x: {verdict});"
              f" the stages both have ({', '.join(common)}) {like:.2f}x")
        for stage in common:
            print(f"    {stage:14s} {new_stages[stage] / old_stages[stage]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
