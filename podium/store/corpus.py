"""Corpus: many briefings in one SQLite file, added idempotently, searched and queried."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Literal

from podium.errors import PodiumError
from podium.model import Briefing, Quantity
from podium.store import cjk, db, export, fts, queries, rows
from podium.store.results import Rows

Status = Literal["added", "replaced", "unchanged"]
# Once past a deadline the interrupt is repeated this often (seconds) until the block ends: both
# engines forget an interrupt that lands between two queries, so a query begun after it must be
# stopped by the next one.
INTERRUPT_EVERY = 0.05


class StoredRows:
    """The read methods a SQLite file and a Parquet dataset (podium.dataset.read.Dataset) share:
    the store's SQL (queries.py), run by whichever engine `_all`, `_one` and `_count` reach, its
    rows read by column name."""

    def _all(self, sql: str, params: list[Any]) -> list[Any]:
        raise NotImplementedError

    def _one(self, sql: str, params: list[Any]) -> Any:
        raise NotImplementedError

    def _count(self, sql: str, params: list[Any]) -> int:
        raise NotImplementedError

    def _interrupt(self) -> None:
        """Stop the query running now; called from another thread."""
        raise NotImplementedError

    _stopped = False  # past the deadline of the block in force, or its caller gave up on it

    def _refuse_when_stopped(self) -> None:
        """Called before each query: none starts once the deadline has passed."""
        if self._stopped:
            raise TimeoutError("the deadline has passed")

    @contextmanager
    def deadline(self, seconds: float | None) -> Iterator[None]:
        """Queries made in the block stop `seconds` from now (None: no limit). Past it, the
        engine's own interrupt stops the query running then, no query starts after it, and what
        the interrupted query raises comes out as TimeoutError; the store answers again after the
        block. A search of a dataset (tantivy) is not stopped; its DuckDB queries are.

        Example:
            with corpus.deadline(5.0):
                corpus.figures(subject="grain")
        """
        if seconds is None:
            yield
            return
        ended = threading.Event()

        def stop() -> None:
            self._stopped = True
            self._interrupt()

        def stop_when_due() -> None:
            if ended.wait(max(0.0, seconds)):
                return
            stop()
            while not ended.wait(INTERRUPT_EVERY):
                self._interrupt()

        self._stopped = abandoned = False
        watcher = threading.Thread(target=stop_when_due, name="podium-deadline", daemon=True)
        watcher.start()
        try:
            yield
        except Exception as exc:
            if self._stopped:  # SQLite says "interrupted" (or, under load, out of memory); DuckDB "Interrupted!"
                raise TimeoutError(f"stopped after {seconds:g} s: {exc}") from exc
            raise
        except BaseException:
            # The caller gave up on the block (a request cancelled at its deadline) while its query
            # may still run in another thread: nothing waits for that query now.
            abandoned = True
            stop()
            raise
        finally:
            ended.set()
            watcher.join()  # before the connection can close under it
            self._stopped = abandoned

    def briefings(
        self,
        *,
        q: str | None = None,
        sort: str = "date",
        desc: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> Rows:
        """Summary rows: id, source, title, date, series, series_number, organisation, n_turns,
        n_exchanges, n_figures. `q` is a case-insensitive substring of title, source, organisation
        or series."""
        where = queries.briefing_where(q)
        tail, paging = queries.page(limit, offset)
        sql = queries.BRIEFING_SUMMARY + where.sql() + queries.briefing_order(sort, desc) + tail
        return Rows(dict(r) for r in self._all(sql, where.params + paging))

    def count_briefings(self, *, q: str | None = None) -> int:
        """How many briefings `briefings(q=q)` lists, for pagination without fetching them all."""
        where = queries.briefing_where(q)
        return self._count("SELECT count(*) FROM briefings" + where.sql(), where.params)

    def figures(self, *, limit: int | None = None, offset: int = 0, **filters: str | None) -> Rows:
        """One dict per quantity (queries.FIGURE_COLUMNS), newest briefing first, filtered by
        queries.FIGURE_FILTERS: `subject` and `speaker` match a case-insensitive substring,
        `period` a prefix, `briefing` an id or its start, `unit`, `kind` and `modality` exactly."""
        where = queries.figure_where(filters)
        tail, paging = queries.page(limit, offset)
        sql = queries.FIGURES + where.sql() + queries.FIGURES_ORDER + tail
        return Rows(_figure(r) for r in self._all(sql, where.params + paging))

    def figure(self, ident: str) -> dict[str, Any] | None:
        """One figure by its stable id (podium/ids.py), as `figures` gives it."""
        found = self._one(queries.FIGURES + " WHERE q.id = ?", [ident])
        return _figure(found) if found else None

    def count_figures(self, **filters: str | None) -> int:
        """How many figures `figures(**filters)` lists, without fetching them."""
        where = queries.figure_where(filters)
        return self._count(queries.FIGURES_COUNT + where.sql(), where.params)

    def quantities(self, **filters: Any) -> list[Quantity]:
        """The figures `figures(**filters)` finds, as Quantity objects (offsets index each one's
        own briefing)."""
        names = [f.name for f in dataclasses.fields(Quantity)]
        return [Quantity(**{name: row[name] for name in names}) for row in self.figures(**filters)]

    def findings(
        self,
        briefing: str | None = None,
        *,
        check: str | None = None,
        verdict: str | None = None,
        ident: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Rows:
        """Stored findings, briefing by briefing in the order they were found; `check`,
        `verdict` and `ident` (a finding's stable id) match exactly."""
        where = queries.finding_where(briefing=briefing, check=check, verdict=verdict, ident=ident)
        tail, paging = queries.page(limit, offset)
        sql = queries.FINDINGS + where.sql() + queries.FINDINGS_ORDER + tail
        return Rows({**dict(r), "quantities": json.loads(r["quantities"])} for r in self._all(sql, where.params + paging))

    def count_findings(self, briefing: str | None = None, *, check: str | None = None, verdict: str | None = None) -> int:
        where = queries.finding_where(briefing=briefing, check=check, verdict=verdict)
        return self._count("SELECT count(*) FROM findings AS f" + where.sql(), where.params)

    def commitments(
        self, *, briefing: str | None = None, status: str | None = None, speaker: str | None = None, ident: str | None = None
    ) -> Rows:
        """Stored commitments, soonest deadline first. `status` is the one stored at ingest (always
        `open`); podium.checks.commitments.resolve_rows settles them against later briefings.
        `speaker` matches a case-insensitive substring; `ident` is a commitment's stable id."""
        where = queries.commitment_where(briefing=briefing, status=status, speaker=speaker, ident=ident)
        sql = queries.COMMITMENTS + where.sql() + queries.COMMITMENTS_ORDER
        return Rows(dict(r) for r in self._all(sql, where.params))

    def figures_due(self, deadlines: set[str]) -> Rows:
        """Actual figures that can settle a commitment due in one of `deadlines`: their period is
        the deadline or ends in it ("2021/2025"), so resolving never reads every figure."""
        if not deadlines:
            return Rows()
        where = queries.due_where(deadlines)
        sql = queries.FIGURES + where.sql() + queries.FIGURES_ORDER
        params = where.params
        return Rows(_figure(r) for r in self._all(sql, params))


class Corpus(StoredRows):
    """A corpus store. Writable opens create and migrate the schema; read-only opens never write.

    Example:
        with Corpus("podium.db") as corpus:
            corpus.add(podium.parse("briefing.txt"))
            corpus.search("growth rate")
    """

    def __init__(
        self,
        path: str | Path = "podium.db",
        *,
        readonly: bool = False,
        timeout: float = db.DEFAULT_TIMEOUT,
        verify: bool = True,
    ) -> None:
        """`verify=False` skips the integrity check of a read-only open (a writable one always
        checks), for a server that checked the file once at start and opens it per request."""
        self.path = Path(path)
        self.readonly = readonly
        self.conn = db.connect(self.path, readonly=readonly, timeout=timeout, verify=verify)
        self._batched = False

    # --- lifecycle ----------------------------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.readonly else "writable"
        return f"Corpus({str(self.path)!r}, {mode})"

    # --- writing ------------------------------------------------------------------------------

    def add(self, briefing: Briefing, *, replace: bool = False) -> str:
        """Store one briefing in one transaction; its id. The same content again changes nothing
        (unless `replace`, for a re-parse); new content from the same source replaces the old."""
        return self.put(briefing, replace=replace)[0]

    def put(self, briefing: Briefing, *, replace: bool = False) -> tuple[str, Status]:
        """As `add`, also saying what happened: "added", "replaced" or "unchanged"."""
        ident = rows.briefing_id(briefing)
        if self._batched:
            return ident, self._store(briefing, ident, replace=replace)
        with self._transaction():
            status = self._store(briefing, ident, replace=replace)
        return ident, status

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Every `put` inside goes into one transaction, committed whole when the block ends or
        rolled back whole: for ingesting many briefings, each commit's journal work is paid once."""
        with self._transaction():
            self._batched = True
            try:
                yield
            finally:
                self._batched = False

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction, committed whole or rolled back whole (Ctrl-C included)."""
        self._require_writable()
        with db.translated(self.path):
            # IMMEDIATE takes the write lock up front, so waiting on another writer happens here
            # (up to the timeout) rather than failing halfway through a briefing.
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    def _store(self, briefing: Briefing, ident: str, *, replace: bool) -> Status:
        exists = self.conn.execute("SELECT 1 FROM briefings WHERE id = ?", (ident,)).fetchone() is not None
        if exists and not replace:
            return "unchanged"
        # Older versions of this source, and this content itself when replacing, go first. A
        # placeholder source such as "<text>" names no file, so it replaces nothing.
        source = None if _is_placeholder(briefing.source) else briefing.source
        stale = self.conn.execute("SELECT id FROM briefings WHERE source = ? OR id = ?", (source, ident)).fetchall()
        for (old,) in stale:
            self._delete(old)
        rows.write(self.conn, briefing, ident)
        return "replaced" if stale else "added"

    def _delete(self, ident: str) -> None:
        # Explicit child deletes keep the full-text index in step through the turns trigger;
        # the CJK index has no trigger (its text comes from Python), so it goes first by hand.
        rows.unindex_cjk(self.conn, ident)
        for table in ("turn_spans", "participants", "exchanges", "quantities", "findings", "commitments"):
            self.conn.execute(f"DELETE FROM {table} WHERE briefing_id = ?", (ident,))
        self.conn.execute("DELETE FROM briefings WHERE id = ?", (ident,))

    def remove(self, ident: str) -> bool:
        """Delete one briefing and everything found in it; whether it was there."""
        with self._transaction():
            found = self.conn.execute("SELECT 1 FROM briefings WHERE id = ?", (ident,)).fetchone() is not None
            self._delete(ident)
        return found

    def has(self, ident: str) -> bool:
        return self._one("SELECT 1 FROM briefings WHERE id = ?", [ident]) is not None

    def _require_writable(self) -> None:
        if self.readonly:
            raise PodiumError("E012", "opened read-only", str(self.path))

    # --- briefings ----------------------------------------------------------------------------

    def briefing_ids(self) -> list[str]:
        return [r[0] for r in self._all("SELECT id FROM briefings ORDER BY date, id")]

    def briefing(self, id: str) -> Briefing | None:  # noqa: A002 - the contract's name
        with db.translated(self.path):
            return rows.read(self.conn, id)

    def __iter__(self) -> Iterator[Briefing]:
        """Every briefing as the full model, oldest first, read one at a time."""
        for ident in self.briefing_ids():
            found = self.briefing(ident)
            if found is not None:  # removed by another process since the ids were read
                yield found

    def __len__(self) -> int:
        return self._count("SELECT count(*) FROM briefings", [])

    # --- search -------------------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        speaker: str | None = None,
        role: str | None = None,
        since: str | None = None,
        until: str | None = None,
        briefing: str | None = None,
        limit: int | None = 20,
        offset: int = 0,
    ) -> Rows:
        """Turns matching `query`, best first (BM25; `score` higher is better). When more than
        `search_depth` (1,000) turns match, the newest 1,000 (the last stored, filters applied)
        are the ones ranked: pages past them are empty, and a query matching fewer is ranked in
        full. count_search still counts every match. Hits in `snippet`
        are wrapped in "\\x02" and "\\x03". FTS5 syntax works, and `-word` excludes a word as NOT
        does; a query FTS5 rejects is taken as plain words, and so is a query holding Chinese or
        Japanese characters (see cjk.py). A query too long, or of excluded words only, raises
        PodiumError E030 (limits in fts.py)."""
        if not query or not query.strip():
            return Rows()
        prepared = fts.prepare(query)
        where = queries.search_where(speaker=speaker, role=role, since=since, until=until, briefing=briefing)
        tail, paging = queries.page(limit, offset)
        if cjk.has_cjk(query):
            return self._search_cjk(query, where, tail, paging)
        if not prepared.match:
            return Rows()
        sql = queries.search_sql(where, tail)
        with db.translated(self.path):
            try:
                found = self.conn.execute(sql, queries.search_args(prepared.match, where, paging)).fetchall()
            except sqlite3.OperationalError:
                # A user's stray quote, bracket or operator is not an error to show them.
                words = prepared.plain
                found = self.conn.execute(sql, queries.search_args(words, where, paging)).fetchall() if words else []
        return Rows(dict(r) for r in found)

    def _search_cjk(self, query: str, where: queries.Where, tail: str, paging: list[int]) -> Rows:
        # Only turns holding CJK characters can match such a query, and they are all in turns_cjk.
        sql = queries.search_sql(where, tail, index="turns_cjk")
        phrase = cjk.phrase_query(query)
        found = self._all(sql, queries.search_args(phrase, where, paging))
        return Rows({**dict(r), "snippet": cjk.unspaced(r["snippet"])} for r in found)

    @property
    def search_depth(self) -> int | None:
        """How many of the newest matching turns `search` ranks (None: all, as a dataset does)."""
        return queries.SEARCH_DEPTH

    def count_search(self, query: str, **filters: str | None) -> int:
        """How many turns match the query and filters (speaker, role, since, until, briefing),
        counted without scoring or snippets: all of them, even past the `search_depth` that
        `search` ranks."""
        if not query or not query.strip():
            return 0
        prepared = fts.prepare(query)  # the same limits and reading of the query as `search`
        where = queries.search_where(**filters)
        if cjk.has_cjk(query):
            cjk_count = (queries.SEARCH_COUNT + where.sql(joiner=" AND ")).replace("turns_fts", "turns_cjk")
            return self._count(cjk_count, [cjk.phrase_query(query), *where.params])
        if not prepared.match:
            return 0
        sql = queries.SEARCH_COUNT + where.sql(joiner=" AND ")
        with db.translated(self.path):
            try:
                return int(self.conn.execute(sql, [prepared.match, *where.params]).fetchone()[0])
            except sqlite3.OperationalError:
                words = prepared.plain  # as `search` falls back
                return self._count(sql, [words, *where.params]) if words else 0

    def turn_body(self, briefing: str, turn_id: int) -> tuple[int, str] | None:
        """Where a stored turn's body starts in its briefing's text, and the body."""
        row = self._one("SELECT body_start, text FROM turns WHERE briefing_id = ? AND turn_id = ?", [briefing, turn_id])
        return (row[0], row[1]) if row else None

    # --- figures ------------------------------------------------------------------------------

    def subjects(self, prefix: str = "", limit: int = 20) -> list[tuple[str, int]]:
        """Subjects starting with `prefix` (any case), most figures first."""
        sql, params = queries.subjects_query(prefix, limit)
        return [(r[0], r[1]) for r in self._all(sql, params)]

    # --- for analysts -------------------------------------------------------------------------

    def to_arrow(self, table: str) -> Any:
        """One table (briefings, participants, turns, exchanges, quantities or figures, findings,
        commitments) as a pyarrow.Table with real types."""
        with db.translated(self.path):
            return export.to_arrow(self.conn, table)

    def to_pandas(self, table: str) -> Any:
        """The same as a pandas DataFrame (pandas is an optional extra)."""
        with db.translated(self.path):
            return export.to_pandas(self.conn, table)

    def export(self, table: str, fmt: str, out: str | Path | IO[Any]) -> int:
        """Write one table as jsonl, csv or parquet; the number of rows written."""
        with db.translated(self.path):
            return export.export(self.conn, table, fmt, out)

    # --- plumbing -----------------------------------------------------------------------------

    def _all(self, sql: str, params: list[Any] | tuple[()] = ()) -> list[sqlite3.Row]:
        self._refuse_when_stopped()
        with db.translated(self.path):
            return self.conn.execute(sql, params).fetchall()

    def _count(self, sql: str, params: list[Any]) -> int:
        """The number a `SELECT count(*)` query gives: such a query always returns one row."""
        row = self._one(sql, params)
        return int(row[0]) if row is not None else 0

    def _one(self, sql: str, params: list[Any] | tuple[()] = ()) -> sqlite3.Row | None:
        self._refuse_when_stopped()
        with db.translated(self.path):
            return self.conn.execute(sql, params).fetchone()

    def _interrupt(self) -> None:
        self.conn.interrupt()


def _is_placeholder(source: str) -> bool:
    return source.startswith("<") and source.endswith(">")


def _figure(row: sqlite3.Row) -> dict[str, Any]:
    figure = dict(row)
    figure["period_inferred"] = bool(figure["period_inferred"])
    return figure
