"""Web app speed: the anchor briefing's page (aim: at most 100 ms of server time) and the figures
API at p95 (aim: at most 50 ms) over a corpus of PODIUM_BENCH_BRIEFINGS briefings (10,000 unless
set). Requests go through the ASGI test client, so the times are the server's, not a network's.

The corpus is built by storing copies of the parsed transcripts with varied text, dates and values
(so every copy has its own content hash); set PODIUM_BENCH_DB to keep it between runs."""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from podium.model import Briefing

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT.parent / "shared" / "corpus"
ANCHOR = CORPUS_DIR / "scio-2024-05-21-xinjiang.txt"
EXAMPLE = ROOT / "podium" / "examples" / "example-briefing.txt"
PAGE_TARGET_MS = 100.0
API_P95_TARGET_MS = 50.0
PAGE_ROUNDS = 50
API_ROUNDS = 20  # per query shape


def timed_ms(fn: Callable[[], object], rounds: int) -> list[float]:
    fn()  # warm: templates compile and SQLite pages load once per process
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1] if len(times) >= 2 else times[0]


def varied_copy(briefing: Briefing, n: int, rng: random.Random) -> Briefing:
    """A copy with its own text (a numbered closing line, after every span so offsets hold), its
    own date and slightly different values, so it hashes differently and filters see variety."""
    clone = copy.deepcopy(briefing)
    clone.text = briefing.text + f"\n\n[benchmark copy {n}]\n"
    clone.content_hash = hashlib.sha256(clone.text.encode("utf-8")).hexdigest()
    clone.source = f"{Path(briefing.source).stem}-copy-{n}{Path(briefing.source).suffix}"
    year = 2010 + n % 15
    clone.date = f"{year}-{1 + n % 12:02d}-{1 + n % 28:02d}"
    factor = 1 + rng.uniform(-0.2, 0.2)
    clone.quantities = [dataclasses.replace(q, value=q.value * factor) for q in briefing.quantities]
    return clone


def build_corpus(db: Path, size: int) -> None:
    import podium
    from podium.store import Corpus

    sources = [ANCHOR] + sorted(p for p in CORPUS_DIR.glob("*.txt") if p != ANCHOR) if CORPUS_DIR.is_dir() else [EXAMPLE]
    parsed = [podium.parse(path) for path in sources]
    rng = random.Random(5)
    with Corpus(db) as corpus:
        existing = len(corpus.briefing_ids())
        for briefing in parsed[: max(0, size - existing)]:
            corpus.add(briefing)
        for n in range(existing + len(parsed), size):
            corpus.add(varied_copy(parsed[n % len(parsed)], n, rng))


def main() -> int:
    from fastapi.testclient import TestClient

    import podium
    from podium.store import Corpus
    from podium.web import create_app

    size = int(os.environ.get("PODIUM_BENCH_BRIEFINGS", "10000"))
    keep = os.environ.get("PODIUM_BENCH_DB")
    workdir = None if keep else tempfile.TemporaryDirectory(prefix="podium-bench-web-")
    db = Path(keep) if keep else Path(workdir.name) / "bench.db"

    start = time.perf_counter()
    build_corpus(db, size)
    print(f"corpus: {size:,} briefings in {db.name} (built in {time.perf_counter() - start:.1f} s)")

    anchor_source = ANCHOR if ANCHOR.is_file() else EXAMPLE
    with Corpus(db) as corpus:
        anchor_id = corpus.add(podium.parse(anchor_source))  # idempotent: the stored id
        top_subject = next(iter(corpus.subjects(limit=1)), ("", 0))[0]

    with TestClient(create_app(db)) as client:
        baseline = timed_ms(lambda: client.get("/static/podium.css"), PAGE_ROUNDS)
        page = timed_ms(lambda: client.get(f"/briefings/{anchor_id}").raise_for_status(), PAGE_ROUNDS)
        print(f"framework baseline (a static asset): median {statistics.median(baseline):6.2f} ms")
        print(
            f"briefing page ({anchor_source.name}): median {statistics.median(page):6.2f} ms, p95 {p95(page):6.2f} ms "
            f"(target <= {PAGE_TARGET_MS:.0f} ms: {'met' if statistics.median(page) <= PAGE_TARGET_MS else 'NOT met'})"
        )
        shapes = {
            "first page": {},
            "kind=growth": {"kind": "growth"},
            "unit=%": {"unit": "%"},
            "modality=target": {"modality": "target"},
            "period=2023": {"period": "2023"},
            f"subject={top_subject}": {"subject": top_subject},
            "one briefing": {"briefing": anchor_id},
            "deep offset": {"offset": 20000},
            "csv, 200 rows": {"format": "csv", "limit": 200},
        }
        every: list[float] = []
        for label, params in shapes.items():
            times = timed_ms(lambda params=params: client.get("/api/v1/figures", params=params).raise_for_status(), API_ROUNDS)
            every.extend(times)
            print(f"  /api/v1/figures {label:<28} median {statistics.median(times):6.2f} ms, p95 {p95(times):6.2f} ms")
        overall = p95(every)
        print(f"figures API over {size:,} briefings: p95 {overall:6.2f} ms (target <= {API_P95_TARGET_MS:.0f} ms: {'met' if overall <= API_P95_TARGET_MS else 'NOT met'})")
    if workdir:
        workdir.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
