"""The corpus store at scale: ingest throughput, search latency and ingest memory over a synthetic
corpus of PODIUM_BENCH_STORE_N transcripts (default 10,000; set it smaller for a quick run).

How the synthetic corpus is made: every real transcript in ../shared/corpus is parsed once; each
synthetic transcript then takes the title of one real briefing (numbered, so every file's text
and content hash differ), a date drawn from 2011-2025 in YAML front matter, and two runs of 3 to 12
consecutive turns from two real briefings, each written back as a `Speaker:` label line and its
speech. A fixed seed makes the corpus the same on every run.

Targets (issue 4): ingest >= 100 transcripts/s on 2 cores; search p95 <= 30 ms; ingest peak memory
<= 300 MB, measured as the peak of the summed proportional set size (PSS) of the ingest process and
its parser workers, sampled every 20 ms (RSS is shown too; it counts pages the forked workers share
with their parent once per process).

Issue 20's targets: at 10,000 briefings, search p95 <= 20 ms for the 20 commonest topic words and
phrases, the library page p95 <= 30 ms, the database at most twice its text; at 100,000, search
p95 <= 50 ms; for the SQLite file and for the dataset (ingest --dataset, on 1 and on 2 workers).
The 100,000 run: build the corpus once in a folder kept between runs, then time the reads alone:

    PODIUM_BENCH_STORE_N=100000 PODIUM_BENCH_STORE_DIR=/tmp/podium-bench python benchmarks/run.py store
    PODIUM_BENCH_STORE_N=100000 PODIUM_BENCH_STORE_DIR=/tmp/podium-bench PODIUM_BENCH_READS_ONLY=1 \
        python benchmarks/run.py store"""

from __future__ import annotations

import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SIZE = int(os.environ.get("PODIUM_BENCH_STORE_N", "10000"))
# A folder to keep the synthetic corpus and database in between runs (made once, reused after).
KEEP = os.environ.get("PODIUM_BENCH_STORE_DIR")
# The dataset path (ingest --dataset) on 1 and on 2 workers, side by side; 0 leaves it out.
DATASET = os.environ.get("PODIUM_BENCH_DATASET", "1") != "0"
# Time the reads of the database and dataset a previous run left in PODIUM_BENCH_STORE_DIR, not the ingests.
READS_ONLY = os.environ.get("PODIUM_BENCH_READS_ONLY", "0") != "0"
SEED = 20240521
SEARCHES = 300
TARGET_RATE = 100.0
TARGET_P95_MS = 30.0
TARGET_MB = 300.0
RUN = (3, 12)  # consecutive turns taken from one real briefing
WORD = re.compile(r"[A-Za-z]{5,}")
TOPIC_WORD = re.compile(r"[a-z]{4,}")
TOPICS = 20  # the commonest topic words and phrases, as people search a corpus of briefings
RARE = 20
REPEATS = 5
TARGET_TOPIC_P95_MS = 20.0 if SIZE <= 10_000 else 50.0
TARGET_LIBRARY_P95_MS = 30.0
TARGET_SIZE_RATIO = 2.0
# Function words and the furniture of any briefing: never what a user searches a corpus for.
STOP = frozenset(
    "about above after again also among been before being between both could does doing down during each from further"
    " have having here into just more most much must only other over same should some such than that their theirs them"
    " then there these they this those through under until very were what when where which while will with would your"
    " yours said says thank thanks question questions answer please next want well like make made know think going"
    " year years time today very many able will shall because however already still every able first second last ".split()
)


def real_turns() -> tuple[list[str], list[list[tuple[str, str]]]]:
    """Titles and (speaker, speech) turns of every real transcript that has at least two turns."""
    import podium

    titles, briefings = [], []
    for path in sorted(CORPUS.glob("*.txt")):
        try:
            briefing = podium.parse(path)
        except podium.PodiumError:
            continue
        turns = [(t.speaker or "Speaker", t.text.strip()) for t in briefing.turns if t.text.strip()]
        if len(turns) >= 2:
            titles.append((briefing.title or path.stem).replace("\n", " ").replace('"', "'"))
            briefings.append(turns)
    return titles, briefings


def synthetic(n: int, rng: random.Random, titles: list[str], briefings: list[list[tuple[str, str]]]) -> str:
    date = f"{rng.randint(2011, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    lines = ["---", f'title: "{rng.choice(titles)} (synthetic {n})"', f"date: {date}", "---", ""]
    for turns in rng.sample(briefings, 2):
        length = min(len(turns), rng.randint(*RUN))
        first = rng.randrange(0, len(turns) - length + 1)
        for speaker, speech in turns[first : first + length]:
            lines += [f"{speaker}:", "", speech, ""]
    return "\n".join(lines)


def write_corpus(folder: Path, size: int) -> int:
    """Files in subfolders of 1,000, as an archive would keep them; the bytes written."""
    titles, briefings = real_turns()
    rng = random.Random(SEED)
    written = 0
    for n in range(size):
        sub = folder / f"{n // 1000:03d}"
        sub.mkdir(exist_ok=True)
        text = synthetic(n, rng, titles, briefings)
        (sub / f"synthetic-{n:05d}.md").write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
    return written


def memory_kb(pids: list[int], field: str) -> int:
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith(field + ":"):
                        total += int(line.split()[1])
        except OSError:
            continue
    return total


def family(pid: int) -> list[int]:
    """The process and every descendant (the parser workers)."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            with open(f"/proc/{current}/task/{current}/children") as handle:
                queue += [int(c) for c in handle.read().split()]
        except OSError:
            continue
    return found


class PeakMemory(threading.Thread):
    """Samples the summed PSS and RSS of a process tree until stopped; peaks in MB."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.stop = pid, threading.Event()
        self.pss_mb = self.rss_mb = self.single_rss_mb = 0.0

    def run(self) -> None:
        while not self.stop.wait(0.02):
            pids = family(self.pid)
            self.pss_mb = max(self.pss_mb, memory_kb(pids, "Pss") / 1024)
            self.rss_mb = max(self.rss_mb, memory_kb(pids, "Rss") / 1024)
            self.single_rss_mb = max([self.single_rss_mb, *(memory_kb([p], "Rss") / 1024 for p in pids)])


def time_ingest(folder: Path, db: Path) -> tuple[float, PeakMemory, str]:
    command = [sys.executable, "-m", "podium", "ingest", "--no-progress", str(folder), "--db", str(db)]
    started = time.perf_counter()
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    sampler = PeakMemory(proc.pid)
    sampler.start()
    _, stderr = proc.communicate()
    seconds = time.perf_counter() - started
    sampler.stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"ingest failed ({proc.returncode}):\n{stderr[-2000:]}")
    return seconds, sampler, stderr.strip().splitlines()[-1]


def search_queries(db: Path, rng: random.Random) -> list[tuple[str, dict[str, str]]]:
    """Words drawn from the stored turns: single words, pairs, phrases, some with filters."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        texts = [r[0] for r in conn.execute("SELECT text FROM turns ORDER BY random() LIMIT 2000")]
        speakers = [r[0] for r in conn.execute("SELECT DISTINCT speaker FROM turns WHERE speaker IS NOT NULL")]
    words = sorted({w.lower() for text in texts for w in WORD.findall(text)})
    queries = []
    for i in range(SEARCHES):
        text = rng.choice(texts)
        found = WORD.findall(text)
        shape = i % 4
        if shape == 0 or len(found) < 2:
            query = rng.choice(words)
        elif shape == 1:
            query = " ".join(rng.sample(words, 2))
        elif shape == 2:
            at = rng.randrange(len(found) - 1)
            query = f'"{found[at]} {found[at + 1]}"'
        else:
            query = rng.choice(words)
        filters = {"speaker": rng.choice(speakers)} if i % 10 == 9 else ({"since": "2020-01-01"} if i % 10 == 8 else {})
        queries.append((query, filters))
    return queries


def topic_queries(db: Path, rng: random.Random) -> tuple[list[str], list[str]]:
    """The corpus's commonest topic words and two-word phrases (function words left out), and
    rare words found in a handful of turns: what people type, at both ends of the cost range."""
    import sqlite3
    from collections import Counter

    with sqlite3.connect(db) as conn:
        # A seeded sample of turns, so every run (and the dataset's) times the same queries.
        last = conn.execute("SELECT max(rowid) FROM turn_spans").fetchone()[0]
        chosen = rng.sample(range(1, last + 1), min(3000, last))
        texts = [r[0] for r in conn.execute(f"SELECT text FROM turns WHERE rowid IN ({','.join(map(str, chosen))})")]
    words: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for text in texts:
        found = [w for w in TOPIC_WORD.findall(text.lower())]
        content = [w if w not in STOP else "" for w in found]
        words.update(w for w in content if w)
        pairs.update(f'"{a} {b}"' for a, b in zip(content, content[1:]) if a and b)
    topics = [w for w, _ in words.most_common(TOPICS - TOPICS // 3)] + [p for p, _ in pairs.most_common(TOPICS // 3)]
    rare = sorted(w for w, n in words.items() if n == 1 and len(w) >= 6)
    return topics[:TOPICS], rng.sample(rare, min(RARE, len(rare)))


def opened(path: Path) -> Any:
    """The SQLite file read-only, or the dataset folder."""
    from podium.dataset import is_dataset
    from podium.dataset.read import Dataset
    from podium.store import Corpus

    return Dataset(path) if is_dataset(path) else Corpus(path, readonly=True)


def time_query_set(db: Path, queries: list[str]) -> list[float]:
    times = []
    with opened(db) as corpus:
        corpus.search("warm")
        for _ in range(REPEATS):
            for query in queries:
                start = time.perf_counter()
                corpus.search(query, limit=20)
                times.append((time.perf_counter() - start) * 1000)
    return times


def time_library(db: Path) -> list[float]:
    """The web's library page: the newest 50 briefings and the count, first page and a deep one."""
    times = []
    with opened(db) as corpus:
        corpus.briefings(limit=50)
        for i in range(40):
            start = time.perf_counter()
            corpus.briefings(limit=50, offset=(i % 4) * 50, desc=i % 8 != 7)
            corpus.count_briefings()
            times.append((time.perf_counter() - start) * 1000)
    return times


def text_bytes(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT sum(length(CAST(text AS BLOB))) FROM briefings").fetchone()[0])


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1]


def time_searches(db: Path) -> list[float]:
    from podium.store import Corpus

    queries = search_queries(db, random.Random(SEED))
    times = []
    with Corpus(db, readonly=True) as corpus:
        corpus.search("warm")  # the first query pages the index in
        for query, filters in queries:
            start = time.perf_counter()
            corpus.search(query, **filters, limit=20)
            times.append((time.perf_counter() - start) * 1000)
    return times


def time_figures(db: Path) -> dict[str, float]:
    """Median ms of the figure queries a page of the web app makes (a page of 50, and its count)."""
    from podium.store import Corpus

    with Corpus(db, readonly=True) as corpus:
        subjects = [s for s, _ in corpus.subjects(limit=5)]
        calls = {
            "page of 50": lambda: corpus.figures(limit=50),
            "count": lambda: corpus.count_figures(),
            "subject page": lambda: [corpus.figures(subject=s[:4], limit=50) for s in subjects],
            "subject count": lambda: [corpus.count_figures(subject=s[:4]) for s in subjects],
            "briefings page of 50": lambda: corpus.briefings(limit=50),
            "briefings count": lambda: corpus.count_briefings(),
            "every briefing": lambda: corpus.briefings(),
        }
        timings = {}
        for name, call in calls.items():
            call()
            runs = []
            for _ in range(10):
                start = time.perf_counter()
                call()
                runs.append((time.perf_counter() - start) * 1000 / (len(subjects) if "subject" in name else 1))
            timings[name] = statistics.median(runs)
    return timings


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> int:
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent (../shared is not beside this checkout)")
        return 0
    with tempfile.TemporaryDirectory(prefix="podium-bench-store-") as tmp:
        base = Path(KEEP) if KEEP else Path(tmp)
        folder, db = base / f"corpus-{SIZE}", base / f"bench-{SIZE}.db"
        if not folder.is_dir():
            folder.mkdir(parents=True)
            made = time.perf_counter()
            size_bytes = write_corpus(folder, SIZE)
            print(f"synthetic corpus: {SIZE:,} transcripts, {size_bytes / 1e6:.0f} MB, made in {time.perf_counter() - made:.1f} s")
        dataset = base / f"dataset-{SIZE}-2"
        if READS_ONLY:
            if not db.is_file() or (DATASET and not dataset.is_dir()):
                raise SystemExit(f"PODIUM_BENCH_READS_ONLY: no {db} or {dataset} from an earlier run")
            print(f"  reads of {db} and {dataset} as an earlier run left them (ingest not timed)")
        else:
            for stale in base.glob(db.name + "*"):
                stale.unlink()
            seconds, memory, summary = time_ingest(folder, db)
            report_store(db, seconds, memory, summary)
            again, _, _ = time_ingest(folder, db)
            print(f"  again:   {again:7.1f} s, {SIZE / again:7.1f} transcripts/s (nothing changed: read and hash only)")
        report_space(db)
        topics = report_reads(db)
        if DATASET:
            if not READS_ONLY:
                report_dataset_ingest(folder, base)
            report_dataset_reads(dataset, topics)
    return 0


def time_dataset_ingest(folder: Path, out: Path, workers: int) -> tuple[float, str]:
    import shutil

    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "podium", "ingest", "--no-progress", str(folder), "--dataset", str(out), "--workers", str(workers)]
    started = time.perf_counter()
    proc = subprocess.run(command, stderr=subprocess.PIPE, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"dataset ingest failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return time.perf_counter() - started, proc.stderr.strip().splitlines()[-1]


def report_dataset_ingest(folder: Path, base: Path) -> None:
    """ingest --dataset on a local Dask cluster of 1 worker and of 2, side by side."""
    seconds = {}
    for workers in (1, 2):
        out = base / f"dataset-{SIZE}-{workers}"
        seconds[workers], summary = time_dataset_ingest(folder, out, workers)
        print(f"  dataset: {workers} worker(s): {seconds[workers]:7.1f} s, {SIZE / seconds[workers]:7.1f} transcripts/s; {summary}")
    print(f"           2 workers / 1 worker: {seconds[1] / seconds[2]:.2f}x as fast on {os.cpu_count()} cores")


def report_dataset_reads(out: Path, chosen: tuple[list[str], list[str]]) -> None:
    """The SQLite file's reads, on the dataset."""
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    print(f"  dataset: size {size / 1e6:.0f} MB (Parquet, zstd, and the tantivy index)")
    topics, rare = chosen
    for name, queries, target in (("topics", topics, TARGET_TOPIC_P95_MS), ("rare words", rare, TARGET_P95_MS)):
        times = time_query_set(out, queries)
        print(f"           search {name}: p50 {statistics.median(times):6.2f} ms, p95 {p95(times):6.2f} ms "
              f"(target p95 <= {target:.0f}) {verdict(p95(times) <= target)}")
    library = time_library(out)
    print(f"           library page and count: p50 {statistics.median(library):6.2f} ms, p95 {p95(library):6.2f} ms")


def report_store(db: Path, seconds: float, memory: PeakMemory, summary: str) -> None:
    rate = SIZE / seconds
    print(f"  ingest:  {seconds:7.1f} s, {rate:7.1f} transcripts/s on {os.cpu_count()} cores "
          f"(target >= {TARGET_RATE:.0f}) {verdict(rate >= TARGET_RATE)}")
    print(f"           {summary}")
    print(f"  memory:  peak PSS {memory.pss_mb:6.0f} MB for ingest and workers (target <= {TARGET_MB:.0f}) "
          f"{verdict(memory.pss_mb <= TARGET_MB)}; peak RSS summed {memory.rss_mb:.0f} MB, one process {memory.single_rss_mb:.0f} MB")
    size = sum(f.stat().st_size for f in db.parent.glob(db.name + "*"))
    ratio = size / text_bytes(db)
    print(f"  db:      {size / 1e6:7.0f} MB, {ratio:.2f} times the text (target <= {TARGET_SIZE_RATIO:.0f}) "
          f"{verdict(ratio <= TARGET_SIZE_RATIO)}")


def report_space(db: Path) -> None:
    """What takes the room in the file (SQLite's dbstat), as shares of the text."""
    import sqlite3

    text = text_bytes(db)
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        found = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
    top = ", ".join(f"{name} {size / text:.2f}" for name, size in found[:8])
    rest = sum(size for _, size in found[8:]) / text
    print(f"  space:   x the text: {top}, the other {len(found) - 8} {rest:.2f}")


def ranked_share(db: Path, topics: list[str]) -> str:
    """How many turns the topics match, beside how many of them search ranks (SEARCH_DEPTH)."""
    from podium.store import Corpus, queries

    with Corpus(db, readonly=True) as corpus:
        counts = sorted(corpus.count_search(topic) for topic in topics)
    return (f"the topics match {counts[0]:,} to {counts[-1]:,} turns each; search ranks the newest "
            f"{queries.SEARCH_DEPTH:,} matches of a query (every match when fewer)")


def report_reads(db: Path) -> tuple[list[str], list[str]]:
    times = time_searches(db)
    print(f"  search:  random words: p50 {statistics.median(times):6.2f} ms, p95 {p95(times):6.2f} ms, "
          f"max {max(times):6.2f} ms over {len(times)} queries (target p95 <= {TARGET_P95_MS:.0f}) {verdict(p95(times) <= TARGET_P95_MS)}")
    topics, rare = topic_queries(db, random.Random(SEED))
    print(f"           topic queries: {', '.join(topics)}")
    print(f"           {ranked_share(db, topics)}")
    for name, chosen, target in (("topics", topics, TARGET_TOPIC_P95_MS), ("rare words", rare, TARGET_P95_MS)):
        times = time_query_set(db, chosen)
        print(f"           {name}: p50 {statistics.median(times):6.2f} ms, p95 {p95(times):6.2f} ms, max {max(times):6.2f} ms "
              f"({len(chosen)} queries x {REPEATS}; target p95 <= {target:.0f}) {verdict(p95(times) <= target)}")
    library = time_library(db)
    print(f"  library: page of 50 and count: p50 {statistics.median(library):6.2f} ms, p95 {p95(library):6.2f} ms "
          f"(target p95 <= {TARGET_LIBRARY_P95_MS:.0f}) {verdict(p95(library) <= TARGET_LIBRARY_P95_MS)}")
    figures = time_figures(db)
    print("  queries: " + ", ".join(f"{name} {ms:.1f} ms" for name, ms in figures.items()) + " (median)")
    return topics, rare


if __name__ == "__main__":
    sys.exit(main())
