"""`podium ingest PATH... --dataset DIR`: files parsed on a Dask cluster (a local one of N worker
processes, or an existing one by its scheduler's address), each task a partition of files written
as one Parquet file per table under DIR/<table>/part-<key>.parquet. The rows are the store's own
(podium.store.rows), under the SQLite tables' column names, so the same SQL reads both.

Incremental and safe to rerun: files whose content hash is already in the dataset are skipped;
each table's file is written beside its final name and renamed into place, briefings last, so a
partition counts (its briefings are known) only once every table of it is whole. A partition's
key is a hash of its briefings' ids, so a rerun after a crash rewrites the same names.

The workers write to DIR themselves: on N machines DIR is a folder they all see (NFS, a shared
volume); the client only gathers each file's outcome."""

from __future__ import annotations

import hashlib
import json
import math
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from podium.dataset import MARKER, require
from podium.errors import PodiumError
from podium.store import rows
from podium.store.ingest import Outcome, Summary, discover, parse_file, remember_known

# The stored tables and where each one's rows come from (turn_spans: the turns, text left out).
TABLES = ("briefings", "participants", "turn_spans", "exchanges", "quantities", "findings", "commitments")
ARROW_TYPES = {"TEXT": "string", "INTEGER": "int64", "REAL": "float64"}
FILES_PER_PARTITION = 500  # at most; fewer when that leaves a worker idle
FORMAT = 1


@lru_cache(maxsize=None)
def columns() -> dict[str, list[tuple[str, str]]]:
    """Each stored table's columns and Arrow types, read from the SQLite schema itself (schema.sql
    and its migrations), so the dataset can never drift from the file."""
    from podium.store import db

    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        db.migrate(conn)
        return {
            table: [(r[1], ARROW_TYPES.get(r[2].upper(), "string")) for r in conn.execute(f"PRAGMA table_info({table})")]
            for table in TABLES
        }
    finally:
        conn.close()


def known_ids(out: Path) -> frozenset[str]:
    """The briefings already in the dataset (whole partitions only)."""
    import pyarrow.parquet as pq

    found: set[str] = set()
    for path in sorted((out / "briefings").glob("part-*.parquet")):
        found.update(pq.read_table(path, columns=["id"]).column("id").to_pylist())
    return frozenset(found)


def write_partition(paths: list[str], out: str, known: frozenset[str]) -> list[Outcome]:
    """Parse `paths` and write their rows as one partition; each file's outcome. Runs on a worker."""
    remember_known(known)
    try:
        parsed = [parse_file(p) for p in paths]
    finally:
        remember_known(frozenset())
    outcomes: list[Outcome] = []
    tables: dict[str, list[tuple[Any, ...]]] = {table: [] for table in TABLES}
    seen: set[str] = set()
    for item in parsed:
        if item.error is not None:
            outcomes.append(Outcome(item.path, "failed", error=item.error))
            continue
        if item.known_id is not None:
            outcomes.append(Outcome(item.path, "unchanged", id=item.known_id))
            continue
        assert item.briefing is not None
        briefing, ident = item.briefing, rows.briefing_id(item.briefing)
        if ident in seen:  # the same text twice in one run
            outcomes.append(Outcome(item.path, "unchanged", id=ident))
            continue
        try:
            rows.check_turn_spans(briefing)
        except PodiumError as exc:
            outcomes.append(Outcome(item.path, "failed", error=exc))
            continue
        seen.add(ident)
        tables["briefings"].append(rows.briefing_row(briefing, ident))
        for table, found in rows.child_rows(briefing, ident).items():
            tables["turn_spans" if table == "turns" else table] += [r[:-1] for r in found] if table == "turns" else found
        outcomes.append(Outcome(item.path, "added", id=ident, n_figures=len(briefing.quantities), warnings=briefing.warnings))
    if seen:
        key = hashlib.sha256("\n".join(sorted(seen)).encode()).hexdigest()[:16]
        for table in (*TABLES[1:], "briefings"):  # briefings last: then the partition is whole
            write_table(Path(out) / table / f"part-{key}.parquet", table, tables[table])
    return outcomes


def write_table(path: Path, table: str, found: list[tuple[Any, ...]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    spec = columns()[table]
    schema = pa.schema([(name, kind) for name, kind in spec])
    data = pa.table({name: [row[i] for row in found] for i, (name, _) in enumerate(spec)}, schema=schema)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(data, temporary, compression="zstd")
    os.replace(temporary, path)


def partitions(paths: list[str], workers: int) -> list[list[str]]:
    size = max(1, min(FILES_PER_PARTITION, math.ceil(len(paths) / (workers * 4))))
    return [paths[i : i + size] for i in range(0, len(paths), size)]


@contextmanager
def client(*, workers: int | None, scheduler: str | None) -> Iterator[Any]:
    """A Dask client: of the cluster at `scheduler`, or of a local one of `workers` processes
    (one thread each: parsing is Python, so threads would share one core) on 127.0.0.1 only."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as connected:
            yield connected
        return
    with LocalCluster(
        n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
        host="127.0.0.1", dashboard_address=None,
    ) as cluster, Client(cluster) as connected:  # fmt: skip
        yield connected


def ingest_dataset(
    targets: Iterable[str | Path],
    out: str | Path,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    on_start: Callable[[int], None] | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    summary: Summary | None = None,
) -> Summary:
    """Parse every file under `targets` on a cluster into the dataset at `out`, then bring its
    search index up to date. `summary`, when given, is the running count the caller reads if the
    run is interrupted."""
    import time

    require()
    from distributed import as_completed

    from podium.dataset.search import update_index

    started = time.perf_counter()
    out = Path(out)
    mark(out)
    paths = [str(p) for p in discover(targets)]
    if on_start:
        on_start(len(paths))
    summary = summary if summary is not None else Summary()
    known = known_ids(out)
    with client(workers=workers, scheduler=scheduler) as connected:
        chunks = partitions(paths, max(1, len(connected.scheduler_info()["workers"])))
        # The known ids go to each worker once, not with every task (in a list: scatter would
        # otherwise spread a set's items as separate values).
        shared = connected.scatter([known], broadcast=True)[0]
        futures = {connected.submit(write_partition, chunk, str(out), shared, pure=False): chunk for chunk in chunks}
        for future in as_completed(futures):
            for outcome in _outcomes(future, futures[future]):
                summary.count(outcome)
                if on_outcome:
                    on_outcome(outcome)
    update_index(out)
    summary.seconds = time.perf_counter() - started
    return summary


def _outcomes(future: Any, chunk: list[str]) -> list[Outcome]:
    try:
        return list(future.result())
    except Exception as exc:  # noqa: BLE001 - a worker lost with its partition fails only those files
        reason = f"the worker parsing it failed ({type(exc).__name__}: {exc})"
        return [Outcome(path, "failed", error=PodiumError("E005", reason, path)) for path in chunk]


def mark(out: Path) -> None:
    """Make `out` a dataset folder (or check it is one)."""
    if out.exists() and not out.is_dir():
        raise PodiumError("E010", "a dataset is a folder, and this is a file", str(out))
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise PodiumError("E010", "this folder holds other files; a dataset needs a folder of its own", str(out))
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text(json.dumps({"format": FORMAT, "tables": list(TABLES)}) + "\n", encoding="utf-8")
