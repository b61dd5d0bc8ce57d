"""`make bench`: run every benchmarks/bench_*.py in turn; each prints its own figures.

Speed targets are ratios against an anchor measured in the same run, never absolute times."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    selected = set(argv)
    for script in sorted(HERE.glob("bench_*.py")):
        if selected and script.stem not in selected and script.stem.removeprefix("bench_") not in selected:
            continue
        print(f"\n=== {script.stem} ===", flush=True)
        runpy.run_path(str(script), run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
