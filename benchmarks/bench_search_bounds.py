"""Bounded work per search (issue 12): hostile queries answered or refused fast.

A corpus is built from every transcript in ../shared/corpus (or, without it, from invented
transcripts), then each hostile query is run through Corpus.search and through the CLI. The
anchor is a plain two-word search in the same run; the target is every hostile query answered or
refused within 1 s, and within a small multiple of the anchor. For scale, the same shapes are
also run straight through FTS5 (no bounds) at sizes that still finish."""

from __future__ import annotations

import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from podium.errors import PodiumError
from podium.store import Corpus
from podium.store.ingest import ingest

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
TARGET_SECONDS = 1.0
WORD = re.compile(r"[A-Za-z]{4,}")
INVENTED = """Press briefing on trade, number {n}

Ana Ruiz:

Exports of machinery rose by {n}.5 percent this year, and grain output reached {n}00 million tons.

Ben Okoro:

What is the outlook for imports and agricultural prices after briefing {n}?
"""


def build(folder: Path) -> tuple[Path, list[str]]:
    """A corpus database and the words its transcripts use."""
    sources = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    if not sources:
        for n in range(300):
            (folder / f"invented-{n:03d}.txt").write_text(INVENTED.format(n=n), encoding="utf-8")
        sources = sorted(folder.glob("*.txt"))
    db = folder / "bench.db"
    with Corpus(db) as corpus:
        ingest(corpus, sources, jobs=1)
    words = sorted({w.lower() for path in sources for w in WORD.findall(path.read_text(errors="ignore"))})
    return db, words


def timed(run: Callable[[], object], repeat: int = 3) -> tuple[float, str]:
    times, outcome = [], ""
    for _ in range(repeat):
        started = time.perf_counter()
        try:
            outcome = f"{len(run())} hits"  # type: ignore[arg-type]
        except PodiumError as exc:
            outcome = f"refused: {exc.reason[:70]}"
        times.append(time.perf_counter() - started)
    return statistics.median(times), outcome


def hostile(words: list[str]) -> dict[str, str]:
    rng = random.Random(12)
    picked = [rng.choice(words) for _ in range(3_000)]
    return {
        "3,000 words": " ".join(picked),
        "3,000 words OR'd": " OR ".join(picked),
        "3,000 x a*": " ".join(["a*"] * 3_000),
        "3,000 x a* OR'd": " OR ".join(["a*"] * 3_000),
        "333 x a* (1,000 chars)": " ".join(["a*"] * 333),
        "32 words OR'd (the cap)": " OR ".join(picked[:32]),
        "6 one-letter prefixes (the cap)": " OR ".join(f"{c}*" for c in "abcdef"),
        "NOT China": "NOT China",
    }


def raw_fts(db: Path, match: str) -> float:
    """One MATCH straight through FTS5, as search ran before the bounds, for scale."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        started = time.perf_counter()
        conn.execute(
            "SELECT snippet(turns_fts, 0, '[', ']', '…', 24), bm25(turns_fts) FROM turns_fts WHERE turns_fts MATCH ?"
            " ORDER BY bm25(turns_fts) LIMIT 20",
            (match,),
        ).fetchall()
        return time.perf_counter() - started


def cli_seconds(db: Path, query: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "podium", "search", "--db", str(db), "--", query], capture_output=True, check=False)
    return time.perf_counter() - started


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db, words = build(Path(tmp))
        with Corpus(db, readonly=True) as corpus:
            anchor, _ = timed(lambda: corpus.search("growth rate"), repeat=20)
            print(f"anchor: 'growth rate' {anchor * 1000:.1f} ms ({len(words):,} distinct words in the corpus)")
            worst = 0.0
            for name, query in hostile(words).items():
                seconds, outcome = timed(lambda q=query: corpus.search(q))
                worst = max(worst, seconds)
                print(f"  {name:<34} {seconds * 1000:8.1f} ms  {seconds / anchor:7.1f} x anchor  {outcome}")
        print("through the CLI (process start included):")
        cli_anchor = cli_seconds(db, "growth rate")
        cli_long = cli_seconds(db, hostile(words)["3,000 words"])
        print(f"  'growth rate' {cli_anchor:.2f} s; 3,000 words {cli_long:.2f} s ({cli_long / cli_anchor:.2f} x)")
        print("for scale, unbounded FTS5 (what search ran before):")
        for count in (10, 20, 40):
            print(f"  {count} x a*: {raw_fts(db, ' '.join(['a*'] * count)):.2f} s")
        passed = worst < TARGET_SECONDS and cli_long < cli_anchor + TARGET_SECONDS
        print(f"target: every hostile query under {TARGET_SECONDS:.0f} s: {'met' if passed else 'MISSED'} (worst {worst * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
