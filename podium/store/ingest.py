"""Ingest many files: find them, parse them across a process pool, store each briefing in its own
transaction. A file that fails is reported with its reason and the rest go on; nothing is printed
here, the caller gets one Outcome per file through `on_outcome`."""

from __future__ import annotations

import glob
import hashlib
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Literal

from podium.errors import PodiumError
from podium.model import Briefing, Caveat
from podium.pipeline import briefing_from_document, run
from podium.read import Document, read_path
from podium.store.corpus import Corpus
from podium.store.rows import ID_LENGTH, check_turn_spans

# What a directory contributes; a file named explicitly is always tried, whatever its suffix.
TRANSCRIPT_SUFFIXES: frozenset[str] = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"})
GLOB_CHARACTERS = frozenset("*?[")
IN_FLIGHT_PER_WORKER = 4  # enough to keep workers busy; few enough that results never pile up
# Briefings stored per transaction: an interrupted run loses at most this many, and the next run
# redoes only them (the rest are skipped by content hash).
BATCH = 200

Status = Literal["added", "replaced", "unchanged", "failed"]


@dataclass
class Outcome:
    """What became of one file."""

    path: str
    status: Status
    id: str | None = None
    n_figures: int = 0
    error: PodiumError | None = None
    warnings: list[Caveat] = field(default_factory=list)  # what parsing it repaired or could not read


@dataclass
class Summary:
    """Counts for a whole run; `failures` names every file that failed."""

    files: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    figures: int = 0
    seconds: float = 0.0
    failures: list[Outcome] = field(default_factory=list)

    def count(self, outcome: Outcome) -> None:
        self.files += 1
        if outcome.status == "failed":
            self.failures.append(outcome)
            return
        setattr(self, outcome.status, getattr(self, outcome.status) + 1)
        if outcome.status != "unchanged":
            self.figures += outcome.n_figures

    @property
    def files_per_second(self) -> float:
        return self.files / self.seconds if self.seconds else 0.0


# --- finding files ----------------------------------------------------------------------------


def discover(targets: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, files under directories (recursively, transcript suffixes only, hidden ones
    skipped) and files matching glob patterns; each once, in a stable order. A target that names
    nothing is yielded as it is, so that reading it reports the problem."""
    seen: set[Path] = set()
    for target in targets:
        for path in _expand(Path(target)):
            key = _resolved(path)
            if key not in seen:
                seen.add(key)
                yield key


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: reading it reports the loop, for this file alone
        return path.absolute()


def _expand(target: Path) -> Iterator[Path]:
    if target.is_dir():
        yield from _walk(target)
    elif not target.exists() and GLOB_CHARACTERS & set(str(target)):
        matches = sorted(glob.glob(str(target), recursive=True))
        for match in matches:
            yield from _expand(Path(match))
        if not matches:
            yield target  # reading it says "no such file": a pattern that matched nothing is not silent
    else:
        yield target


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in TRANSCRIPT_SUFFIXES:
                yield Path(root, name)


# --- parsing (runs in the workers) ------------------------------------------------------------

_KNOWN: frozenset[str] = frozenset()


@dataclass
class Parsed:
    """A worker's answer: a briefing, or the id of one the store already holds, or an error."""

    path: str
    briefing: Briefing | None = None
    known_id: str | None = None
    error: PodiumError | None = None


def remember_known(known: frozenset[str]) -> None:
    """The ids already stored: parse_file skips the stages for their files (set in each worker)."""
    global _KNOWN
    _KNOWN = known


def _start_worker(known: frozenset[str], lifeline: int, parent_end: int) -> None:
    remember_known(known)
    # Ctrl-C reaches the whole process group; the parent alone decides how to stop, so a worker
    # finishes its file quietly instead of printing a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.close(parent_end)  # the write end stays open in the parent alone, so its death closes it
    threading.Thread(target=_die_with_parent, args=(lifeline,), name="podium-lifeline", daemon=True).start()


def _die_with_parent(lifeline: int) -> None:
    """Block on the lifeline pipe; it reads end-of-file once the parent is gone, however it died
    (kill -9 included: the kernel closes a dead process's descriptors). A worker left waiting on
    the pool's queue would otherwise live on as an orphan. A pipe rather than polling getppid()
    or Linux's PR_SET_PDEATHSIG: it costs no wake-ups, acts at once, and works on every POSIX
    system that has fork."""
    os.read(lifeline, 1)
    os._exit(1)


def parse_file(path: str, *, refresh: bool = False) -> Parsed:
    """Read and parse one file (or web address); skip the stages when its text is already stored."""
    try:
        doc = _read_target(path, refresh=refresh)
        ident = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()[:ID_LENGTH]
        if ident in _KNOWN:
            return Parsed(path, known_id=ident)
        return Parsed(path, briefing=run(briefing_from_document(doc)))
    except PodiumError as exc:
        return Parsed(path, error=exc)
    except RecursionError:
        return Parsed(path, error=PodiumError("E005", "too deeply nested to parse", path))
    except Exception as exc:  # noqa: BLE001 - the fault boundary of one file
        # A parser bug on one odd file must not end the run; it is reported with the file.
        return Parsed(path, error=internal_error(exc, path))


def _read_target(target: str, *, refresh: bool) -> Document:
    from podium.read.url import is_url, read_url

    return read_url(target, refresh=refresh) if is_url(target) else read_path(target)


def internal_error(exc: BaseException, path: str) -> PodiumError:
    return PodiumError("E005", f"podium failed on it, a bug worth reporting ({type(exc).__name__}: {exc})", path)


# --- the run ----------------------------------------------------------------------------------


def ingest(
    corpus: Corpus,
    targets: Iterable[str | Path],
    *,
    jobs: int | None = None,
    replace: bool = False,
    refresh: bool = False,
    on_start: Callable[[int], None] | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    summary: Summary | None = None,
) -> Summary:
    """Parse and store every file under `targets`, committed BATCH briefings at a time, so an
    interrupted run keeps every batch it finished. Database errors (locked, read-only) stop the run.
    `summary`, when given, is the running count the caller reads if the run is interrupted.

    Web addresses among `targets` are fetched (or taken from the cache, unless `refresh`) and
    parsed here, one after another, before the files go to the pool."""
    from podium.read.url import is_url

    started = time.perf_counter()
    targets = list(targets)
    urls = list(dict.fromkeys(str(t) for t in targets if is_url(str(t))))
    paths = [str(p) for p in discover(t for t in targets if not is_url(str(t)))]
    if on_start:
        on_start(len(urls) + len(paths))
    summary = summary if summary is not None else Summary()
    known = frozenset() if replace else frozenset(corpus.briefing_ids())
    workers = max(1, min(jobs or os.cpu_count() or 1, len(paths)))
    fetched = (_parse_known(url, known=known, refresh=refresh) for url in urls)
    stream = chain(fetched, _parse_all(paths, workers=workers, known=known))
    while chunk := list(islice(stream, BATCH)):
        with corpus.batch():
            outcomes = [_store(corpus, parsed, replace=replace) for parsed in chunk]
        # Counted the moment the batch is committed, before anything is told: a Ctrl-C while
        # the outcomes are printed must not leave committed briefings out of the count.
        for outcome in outcomes:
            summary.count(outcome)
        summary.seconds = time.perf_counter() - started
        if on_outcome:
            for outcome in outcomes:
                on_outcome(outcome)
    summary.seconds = time.perf_counter() - started
    return summary


def _parse_known(url: str, *, known: frozenset[str], refresh: bool) -> Parsed:
    remember_known(known)
    try:
        return parse_file(url, refresh=refresh)
    finally:
        remember_known(frozenset())


def _parse_all(paths: list[str], *, workers: int, known: frozenset[str]) -> Iterator[Parsed]:
    if workers == 1:
        remember_known(known)
        try:
            yield from (parse_file(p) for p in paths)
        finally:
            remember_known(frozenset())
        return
    yield from _parse_in_pool(paths, workers=workers, known=known)


def _parse_in_pool(paths: list[str], *, workers: int, known: frozenset[str]) -> Iterator[Parsed]:
    """Results as workers finish them, never more than a few per worker in flight, so memory
    stays flat however many files there are. A worker that dies fails its own files only."""
    # Running no stage still loads every stage package: forked workers inherit them, loaded once.
    run(Briefing(source="", text=""), ())
    queue = list(reversed(paths))
    while queue:
        context = get_context("fork")
        lifeline, parent_end = os.pipe()
        try:
            with ProcessPoolExecutor(
                workers, mp_context=context, initializer=_start_worker, initargs=(known, lifeline, parent_end)
            ) as pool:
                yield from _drain(pool, queue, limit=workers * IN_FLIGHT_PER_WORKER)
        finally:  # after the pool's shutdown has joined its workers
            os.close(lifeline)
            os.close(parent_end)


def _drain(pool: ProcessPoolExecutor, queue: list[str], *, limit: int) -> Iterator[Parsed]:
    in_flight: dict[Future[Parsed], str] = {}
    while queue or in_flight:
        while queue and len(in_flight) < limit:
            path = queue.pop()
            in_flight[pool.submit(parse_file, path)] = path
        done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
        for future in done:
            path = in_flight.pop(future)
            try:
                parsed = future.result()
            except BrokenProcessPool:
                # Which of the in-flight files killed the worker is unknown; each is failed
                # with the reason, and the rest of the queue goes on in a fresh pool.
                yield Parsed(path, error=PodiumError("E005", "the parser process died on it (out of memory?)", path))
                yield from (_salvage(f, other) for f, other in in_flight.items())
                return
            except Exception as exc:  # noqa: BLE001 - e.g. a result that would not unpickle
                parsed = Parsed(path, error=internal_error(exc, path))
            yield parsed


def _salvage(future: Future[Parsed], path: str) -> Parsed:
    """What a broken pool still holds for one file: its result if it finished, else the failure."""
    if future.done() and not future.cancelled() and future.exception() is None:
        return future.result()
    return Parsed(path, error=PodiumError("E005", "the parser process died on it or beside it", path))


def _store(corpus: Corpus, parsed: Parsed, *, replace: bool) -> Outcome:
    if parsed.error is not None:
        return Outcome(parsed.path, "failed", error=parsed.error)
    if parsed.known_id is not None:
        return Outcome(parsed.path, "unchanged", id=parsed.known_id)
    assert parsed.briefing is not None
    try:
        check_turn_spans(parsed.briefing)  # before the batch's transaction, which must not fail on it
    except PodiumError as exc:
        return Outcome(parsed.path, "failed", error=exc)
    ident, status = corpus.put(parsed.briefing, replace=replace)
    return Outcome(parsed.path, status, id=ident, n_figures=len(parsed.briefing.quantities), warnings=parsed.briefing.warnings)
