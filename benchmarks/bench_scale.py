"""Parse time and memory against size: 1, 10 and 50 MB of real transcript text.

The input is the transcripts of ../shared/corpus joined until each size is reached; from the
second round on each copy's digits are rotated and it opens with a line of its own, so copies are
not dropped as pages printed twice and every copy's figures are read. Each size is parsed in a
child process that first parses a small transcript (patterns compiled, tables loaded), so the
figures compare the parse alone. Linear growth keeps seconds per MB flat: the target is at most
1.2 times the 1 MB rate at 10 and 50 MB. Peak memory is the child's maximum resident set."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SIZES_MB = (1, 10, 50)
TARGET = 1.2

CHILD = r"""
import json, resource, sys, time
import podium
podium.parse(sys.argv[2])
start = time.perf_counter()
briefing = podium.parse(sys.argv[1])
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": seconds, "peak": peak, "figures": len(briefing.quantities), "turns": len(briefing.turns)}))
"""


def joined_corpus(megabytes: int) -> bytes:
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]
    target = megabytes * 1024 * 1024 - 1024
    parts, size, index = [], 0, 0
    while size < target:
        copy, text = divmod(index, len(texts))
        text = texts[text]
        if copy:
            rotated = "".join(str((digit + copy) % 10) for digit in range(10))
            text = f"Copy {copy}.\n\n" + text.translate(str.maketrans("0123456789", rotated))
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
        index += 1
    return "\n\n".join(parts).encode("utf-8")[:target].decode("utf-8", "ignore").encode("utf-8")


def measure(path: Path, warm: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", CHILD, str(path), str(warm)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main() -> int:
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent (../shared is not beside this checkout)")
        return 0
    warm = sorted(CORPUS.glob("*.txt"))[0]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in SIZES_MB:
            path = Path(folder) / f"joined-{megabytes}mb.txt"
            path.write_bytes(joined_corpus(megabytes))
            result = measure(path, warm)
            rows.append((megabytes, result))
            path.unlink()
    base_rate = rows[0][1]["seconds"] / rows[0][0]
    for megabytes, result in rows:
        growth = (result["seconds"] / megabytes) / base_rate
        verdict = "met" if growth <= TARGET else "NOT met"
        print(
            f"  {megabytes:3d} MB: {result['seconds']:7.2f} s, {result['seconds'] / megabytes:.2f} s/MB "
            f"({growth:.2f}x the 1 MB rate, target {TARGET}x: {verdict}), peak memory {result['peak'] / 2**20:.0f} MB, "
            f"{result['figures']:.0f} figures, {result['turns']:.0f} turns"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
