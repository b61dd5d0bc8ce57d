"""Tables out of the store as Arrow record batches with real types (dates as dates, values as
float64, JSON lists as lists), and from there to Parquet, CSV or JSON Lines, streamed in batches so
an export never holds the whole corpus in memory."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from podium.errors import PodiumError

BATCH_ROWS = 5_000
# Rows that carry a whole transcript come in smaller batches: 5,000 long transcripts would be
# hundreds of megabytes in one batch.
TEXT_BATCH_ROWS = {"briefings": 100, "turns": 2_000}
FORMATS = ("jsonl", "csv", "parquet")

Convert = Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


def _date(value: str | None) -> date | None:
    # Only a full ISO date becomes a date; anything partial stays out rather than being guessed.
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _timestamp(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _json(value: str | None) -> Any:
    return json.loads(value) if value else None


def _bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


# Arrow types by name, resolved only when a table is built: importing pyarrow costs every CLI
# command a tenth of a second, and most never export.
STRING, INT, FLOAT, DATE, BOOL, TIMESTAMP = "string", "int64", "float64", "date32", "bool", "timestamp"
STRINGS, INTS, REFS = "list<string>", "list<int64>", "list<ref>"


def arrow_type(name: str) -> Any:
    import pyarrow as pa

    ref = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
    types = {
        STRING: pa.string(),
        INT: pa.int64(),
        FLOAT: pa.float64(),
        DATE: pa.date32(),
        BOOL: pa.bool_(),
        TIMESTAMP: pa.timestamp("s", tz="UTC"),
        STRINGS: pa.list_(pa.string()),
        INTS: pa.list_(pa.int64()),
        REFS: pa.list_(ref),
    }
    return types[name]


# table -> (SQL, [(column, arrow type name, converter)]); the SQL's columns are in the same order.
Column = tuple[str, str, Convert]
TABLES: dict[str, tuple[str, list[Column]]] = {
    "briefings": (
        "SELECT id, content_hash, source, title, date, date_source, inferred_year, year_evidence, series,"
        " series_number, organisation, n_turns, n_exchanges, n_figures, schema_version, metadata, ingested_at,"
        " text FROM briefings ORDER BY date, id",
        [
            ("id", STRING, _same),
            ("content_hash", STRING, _same),
            ("source", STRING, _same),
            ("title", STRING, _same),
            ("date", DATE, _date),
            ("date_source", STRING, _same),
            ("inferred_year", INT, _same),
            ("year_evidence", STRING, _same),
            ("series", STRING, _same),
            ("series_number", INT, _same),
            ("organisation", STRING, _same),
            ("n_turns", INT, _same),
            ("n_exchanges", INT, _same),
            ("n_figures", INT, _same),
            ("schema_version", STRING, _same),
            ("metadata", STRING, _same),
            ("ingested_at", TIMESTAMP, _timestamp),
            ("text", STRING, _same),
        ],
    ),
    "participants": (
        "SELECT briefing_id, position, name, role, title, outlet, aliases FROM participants"
        " ORDER BY briefing_id, position",
        [
            ("briefing_id", STRING, _same),
            ("position", INT, _same),
            ("name", STRING, _same),
            ("role", STRING, _same),
            ("title", STRING, _same),
            ("outlet", STRING, _same),
            ("aliases", STRINGS, _json),
        ],
    ),
    "turns": (
        'SELECT briefing_id, turn_id, speaker, role, label, start, "end", body_start, text FROM turns'
        " ORDER BY briefing_id, turn_id",
        [
            ("briefing_id", STRING, _same),
            ("turn_id", INT, _same),
            ("speaker", STRING, _same),
            ("role", STRING, _same),
            ("label", STRING, _same),
            ("start", INT, _same),
            ("end", INT, _same),
            ("body_start", INT, _same),
            ("text", STRING, _same),
        ],
    ),
    "exchanges": (
        "SELECT briefing_id, exchange_id, asked_by, answered_by, question_turns, answer_turns FROM exchanges"
        " ORDER BY briefing_id, exchange_id",
        [
            ("briefing_id", STRING, _same),
            ("exchange_id", INT, _same),
            ("asked_by", STRING, _same),
            ("answered_by", STRINGS, _json),
            ("question_turns", INTS, _json),
            ("answer_turns", INTS, _json),
        ],
    ),
    "quantities": (
        "SELECT q.id, q.briefing_id, b.title, b.date, q.position, q.text, q.start, q.\"end\", q.value, q.value_max,"
        " q.unit, q.qualifier, q.kind, q.subject, q.period, q.period_inferred, q.modality, q.turn_id, q.speaker,"
        " q.normalized_value, q.normalized_unit, q.place, q.place_source, q.entity, q.direction FROM quantities AS q JOIN briefings AS b ON b.id = q.briefing_id"
        " ORDER BY b.date, q.briefing_id, q.position",
        [
            ("id", STRING, _same),
            ("briefing_id", STRING, _same),
            ("briefing_title", STRING, _same),
            ("briefing_date", DATE, _date),
            ("position", INT, _same),
            ("text", STRING, _same),
            ("start", INT, _same),
            ("end", INT, _same),
            ("value", FLOAT, _same),
            ("value_max", FLOAT, _same),
            ("unit", STRING, _same),
            ("qualifier", STRING, _same),
            ("kind", STRING, _same),
            ("subject", STRING, _same),
            ("period", STRING, _same),
            ("period_inferred", BOOL, _bool),
            ("modality", STRING, _same),
            ("turn", INT, _same),
            ("speaker", STRING, _same),
            ("normalized_value", FLOAT, _same),
            ("normalized_unit", STRING, _same),
            ("place", STRING, _same),
            ("place_source", STRING, _same),
            ("entity", STRING, _same),
            ("direction", STRING, _same),
        ],
    ),
    "findings": (
        "SELECT id, briefing_id, position, check_name, verdict, explanation, tolerance, quantities FROM findings"
        " ORDER BY briefing_id, position",
        [
            ("id", STRING, _same),
            ("briefing_id", STRING, _same),
            ("position", INT, _same),
            ("check", STRING, _same),
            ("verdict", STRING, _same),
            ("explanation", STRING, _same),
            ("tolerance", FLOAT, _same),
            ("quantities", REFS, _json),
        ],
    ),
    "commitments": (
        'SELECT id, briefing_id, position, subject, text, start, "end", deadline, speaker, value, value_max, unit,'
        " qualifier, modality, status, briefing_ref FROM commitments ORDER BY briefing_id, position",
        [
            ("id", STRING, _same),
            ("briefing_id", STRING, _same),
            ("position", INT, _same),
            ("subject", STRING, _same),
            ("text", STRING, _same),
            ("start", INT, _same),
            ("end", INT, _same),
            ("deadline", STRING, _same),
            ("speaker", STRING, _same),
            ("value", FLOAT, _same),
            ("value_max", FLOAT, _same),
            ("unit", STRING, _same),
            ("qualifier", STRING, _same),
            ("modality", STRING, _same),
            ("status", STRING, _same),
            ("briefing", STRING, _same),
        ],
    ),
}
ALIASES = {"figures": "quantities"}
TABLE_NAMES = tuple(TABLES) + tuple(ALIASES)


def spec(table: str) -> tuple[str, list[Column]]:
    name = ALIASES.get(table, table)
    if name not in TABLES:
        raise PodiumError("E030", f"no table {table!r}; choose one of {', '.join(TABLE_NAMES)}")
    return TABLES[name]


def schema(table: str) -> Any:
    """The pyarrow.Schema of a table."""
    import pyarrow as pa

    _, columns = spec(table)
    return pa.schema([(name, arrow_type(kind)) for name, kind, _ in columns])


def batches(conn: sqlite3.Connection, table: str, *, size: int | None = None) -> Iterator[Any]:
    """The table as pyarrow record batches of at most `size` rows, read lazily from a cursor."""
    import pyarrow as pa

    sql, columns = spec(table)
    size = size or TEXT_BATCH_ROWS.get(ALIASES.get(table, table), BATCH_ROWS)
    arrow_schema = schema(table)
    cursor = conn.execute(sql)
    while rows := cursor.fetchmany(size):
        arrays = [
            pa.array([convert(row[i]) for row in rows], type=arrow_schema.field(i).type)
            for i, (_, _, convert) in enumerate(columns)
        ]
        yield pa.RecordBatch.from_arrays(arrays, schema=arrow_schema)


def to_arrow(conn: sqlite3.Connection, table: str) -> Any:
    import pyarrow as pa

    return pa.Table.from_batches(list(batches(conn, table)), schema=schema(table))


def to_pandas(conn: sqlite3.Connection, table: str) -> Any:
    try:
        import pandas  # noqa: F401  (only to say clearly that it is missing)
    except ImportError:
        raise PodiumError("E030", "pandas is not installed: pip install 'podium[pandas]'") from None
    return to_arrow(conn, table).to_pandas()


def export(conn: sqlite3.Connection, table: str, fmt: str, out: str | Path | IO[Any]) -> int:
    """Write `table` to `out` (a path, or an open file for jsonl/csv) in `fmt`; the number of rows."""
    if fmt not in FORMATS:
        raise PodiumError("E030", f"no format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        return _parquet(conn, table, out)
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as handle:
            return _text(conn, table, fmt, handle)
    return _text(conn, table, fmt, out)


def _parquet(conn: sqlite3.Connection, table: str, out: str | Path | IO[Any]) -> int:
    import pyarrow.parquet as pq

    count = 0
    with pq.ParquetWriter(out, schema(table)) as writer:
        for batch in batches(conn, table):
            writer.write_batch(batch)
            count += batch.num_rows
    return count


def _text(conn: sqlite3.Connection, table: str, fmt: str, handle: IO[str]) -> int:
    names = schema(table).names
    writer = csv.DictWriter(handle, fieldnames=names, lineterminator="\n") if fmt == "csv" else None
    if writer:
        writer.writeheader()
    count = 0
    for batch in batches(conn, table):
        for row in batch.to_pylist():
            if writer:
                writer.writerow({k: _csv_cell(v) for k, v in row.items()})
            else:
                handle.write(json.dumps(row, ensure_ascii=False, default=_jsonable) + "\n")
            count += 1
    return count


def _csv_cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=_jsonable)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return "" if value is None else value


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
