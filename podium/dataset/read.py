"""A Parquet dataset opened for reading: listings and figures through DuckDB over the Parquet files
(the store's own SQL from podium.store.queries, filters as data), search through the tantivy
index (search.py). The same methods, arguments and rows as podium.store.Corpus's read side."""

from __future__ import annotations

import threading
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from podium.dataset import is_dataset, require, search as index
from podium.errors import PodiumError
from podium.model import Briefing
from podium.store import export, queries, rows as stored
from podium.store.corpus import StoredRows
from podium.store.results import Rows

# SQLite's LIKE ignores the case of ASCII letters; DuckDB's ILIKE does what the store's filters mean.
DIALECT = ((" LIKE ? ESCAPE", " ILIKE ? ESCAPE"), ("CROSS JOIN", "JOIN"), (" LIMIT -1 OFFSET", " OFFSET"))
SQL_TYPES = {"string": "VARCHAR", "int64": "BIGINT", "float64": "DOUBLE"}


class Dataset(StoredRows):
    """A podium dataset folder, read-only. Listings, figures, findings and commitments are the
    store's own methods (StoredRows), their SQL run by DuckDB over views named as the tables.

    Example:
        with Dataset("corpus.parquet") as dataset:
            dataset.figures(subject="GDP", limit=10)
            dataset.search("grain output")
    """

    readonly = True
    search_depth: int | None = None  # tantivy ranks every match

    def __init__(self, path: str | Path) -> None:
        require()
        import duckdb

        self.path = Path(path)
        if not is_dataset(self.path):
            raise PodiumError("E010", "no podium dataset here (ingest with --dataset first)", str(self.path))
        self._index: Any = None
        self._busy = threading.Lock()
        self.conn = duckdb.connect(":memory:")
        # SQLite's order, which the store's ORDER BY clauses were written for: NULL is the smallest value.
        self.conn.execute("SET default_null_order = 'nulls_first_on_asc_last_on_desc'")
        # Every query reads the same Parquet files: their footers (schema, row groups, statistics)
        # are parsed once per open dataset rather than once per query.
        self.conn.execute("SET parquet_metadata_cache = true")
        for table, spec in _columns().items():
            self.conn.execute(f"CREATE VIEW {table} AS {self._source(table, spec)}")
        self.conn.execute(
            "CREATE VIEW turns AS SELECT s.*, substr(b.text, s.body_start + 1, s.\"end\" - s.body_start) AS text"
            " FROM turn_spans AS s JOIN briefings AS b ON b.id = s.briefing_id"
        )

    def _source(self, table: str, spec: list[tuple[str, str]]) -> str:
        files = sorted((self.path / table).glob("part-*.parquet"))
        if not files:  # a table no partition has yet reads as empty, with its columns
            return "SELECT " + ", ".join(f'NULL::{SQL_TYPES[kind]} AS "{name}"' for name, kind in spec) + " WHERE false"
        listed = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files)
        return f"SELECT * FROM read_parquet([{listed}])"

    def close(self) -> None:
        # A request abandoned at its deadline closes its store while the interrupted query may
        # still be ending in another thread; DuckDB refuses to close a busy connection.
        with self._busy:
            self.conn.close()

    def __enter__(self) -> Dataset:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Dataset({str(self.path)!r})"

    def __len__(self) -> int:
        return self._count("SELECT count(*) FROM briefings", [])

    def briefing_ids(self) -> list[str]:
        return [r["id"] for r in self._all("SELECT id FROM briefings ORDER BY date, id", [])]

    def has(self, ident: str) -> bool:
        return bool(self._all("SELECT 1 FROM briefings WHERE id = ?", [ident]))

    def briefing(self, id: str) -> Briefing | None:  # noqa: A002 - the contract's name
        """The full model, read by the store's own reader (rows.read) through the same-named views."""
        return stored.read(_Connection(self), id)  # type: ignore[arg-type]

    def turn_body(self, briefing: str, turn_id: int) -> tuple[int, str] | None:
        found = self._all("SELECT body_start, text FROM turns WHERE briefing_id = ? AND turn_id = ?", [briefing, turn_id])
        return (found[0]["body_start"], found[0]["text"]) if found else None

    # --- listings -------------------------------------------------------------------------------

    def subjects(self, prefix: str = "", limit: int = 20) -> list[tuple[str, int]]:
        # SQLite takes LIMIT -1 as no limit; DuckDB takes NULL.
        sql, params = queries.subjects_query(prefix, limit if limit >= 0 else None)  # type: ignore[arg-type]
        return [(r["subject"], r["n"]) for r in self._all(sql, params)]

    # --- search ---------------------------------------------------------------------------------

    def search(self, query: str, *, limit: int | None = 20, offset: int = 0, **filters: str | None) -> Rows:
        """As Corpus.search, with its filters (speaker, role, since, until, briefing): turns
        matching `query`, best first (tantivy's BM25 as `score`)."""
        queries.search_where(**filters)  # the store's check of the filters' names
        rows = self._hits(query, filters, limit=limit, offset=offset)
        rows.sort(key=lambda r: (r["briefing_id"], r["turn"]))
        rows.sort(key=lambda r: r["briefing_date"] or "", reverse=True)
        rows.sort(key=lambda r: r["score"], reverse=True)
        return Rows({name: r[name] for name in queries.SEARCH_COLUMNS} for r in rows)

    def count_search(self, query: str, **filters: str | None) -> int:
        return len(self._hits(query, filters, limit=None, offset=0, snippets=False))

    def _hits(
        self, query: str, filters: dict[str, str | None], *, limit: int | None, offset: int, snippets: bool = True
    ) -> list[dict[str, Any]]:
        import tantivy

        if not query or not query.strip() or not index.indexed(self.path):
            return []
        field, text = index.query_text(query)
        if not text:
            return []
        if self._index is None:  # opened once, at the first search
            self._index = index.open_index(self.path)
        found = self._index
        searcher = found.searcher()
        parsed = found.parse_query(text, [field])
        filtered = any(filters.values())
        if filtered or limit is None:
            # Filters are read from each hit's stored fields, so a filtered search looks at every hit.
            wanted = searcher.search(parsed, limit=1, count=True).count
        else:
            # Counting would visit every match; the best page alone lets tantivy skip the blocks
            # of matches that cannot reach it.
            wanted = limit + offset
        if not wanted:
            return []
        result = searcher.search(parsed, limit=wanted, count=False)
        generator = tantivy.SnippetGenerator.create(searcher, parsed, found.schema, "text") if snippets else None
        hits = []
        for score, address in result.hits:
            doc = searcher.doc(address)
            hit = {
                "briefing_id": doc["briefing_id"][0], "briefing_title": doc["title"][0] or None,
                "briefing_date": doc["date"][0] or None, "turn": doc["turn_id"][0], "speaker": doc["speaker"][0] or None, "role": doc["role"][0],
                "start": doc["start"][0], "end": doc["end"][0], "score": float(score),
            }  # fmt: skip
            if filtered and not _passes(hit, filters):
                continue
            hits.append((hit, doc))
        page = hits[offset:] if limit is None else hits[offset : offset + limit]
        for hit, doc in page:
            hit["snippet"] = index.snippet(doc["text"][0], generator, doc) if generator else ""
        return [h for h, _ in page]

    # --- for analysts ---------------------------------------------------------------------------

    def to_arrow(self, table: str) -> Any:
        return export.to_arrow(self.conn, table)  # type: ignore[arg-type]

    def export(self, table: str, fmt: str, out: str | Path | IO[Any]) -> int:
        """Write one table as jsonl, csv or parquet, as Corpus.export writes it."""
        return export.export(self.conn, table, fmt, out)  # type: ignore[arg-type]

    # --- plumbing -------------------------------------------------------------------------------

    def _all(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        for old, new in DIALECT:
            sql = sql.replace(old, new)
        self._refuse_when_stopped()
        with self._busy:
            cursor = self.conn.execute(sql, params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]

    def _one(self, sql: str, params: list[Any]) -> dict[str, Any] | None:
        found = self._all(sql, params)
        return found[0] if found else None

    def _count(self, sql: str, params: list[Any]) -> int:
        found = self._all(sql, params)
        return int(next(iter(found[0].values()))) if found else 0

    def _interrupt(self) -> None:
        self.conn.interrupt()


class _Connection:
    """The few calls of a sqlite3 connection the store's row reader (rows.read) makes, answered
    by the dataset's DuckDB views, rows as dicts (read by column name, as sqlite3.Row is)."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.found: list[dict[str, Any]] = []

    def execute(self, sql: str, params: Any = ()) -> _Connection:
        self.found = self.dataset._all(sql, list(params))
        return self

    def fetchone(self) -> dict[str, Any] | None:
        return self.found[0] if self.found else None

    def fetchall(self) -> list[dict[str, Any]]:
        return self.found


def _columns() -> dict[str, list[tuple[str, str]]]:
    from podium.dataset.write import columns

    return columns()


def _passes(hit: dict[str, Any], filters: dict[str, str | None]) -> bool:
    """The store's search filters (queries.search_where), on one hit."""
    speaker, role, since, until, briefing = (filters.get(k) for k in ("speaker", "role", "since", "until", "briefing"))
    date = hit["briefing_date"] or ""
    return (
        (not speaker or speaker.casefold() in (hit["speaker"] or "").casefold())
        and (not role or hit["role"] == role)
        and (not since or (bool(date) and date >= since))
        and (not until or (bool(date) and date <= until + "\uffff"))
        and (not briefing or hit["briefing_id"].startswith(briefing.lower()))
    )
