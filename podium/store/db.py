"""Opening the SQLite file: read-only or writable, WAL, migrations, an integrity check, and sqlite3
errors as coded PodiumErrors (E010 database, E011 locked, E012 read-only, E013 damaged)."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from podium.errors import PodiumError

HERE = Path(__file__).resolve().parent
SCHEMA = HERE / "schema.sql"
MIGRATIONS = HERE / "migrations"
MIGRATION_NAME = re.compile(r"(\d{4})_[\w-]+\.sql")
BASE_VERSION = 1  # schema.sql; migrations/NNNN_*.sql take it from there
HISTORY_VERSION = 3  # from this step on, the runner records each step in schema_migrations
DEFAULT_TIMEOUT = 5.0  # seconds to wait for another writer before reporting the lock
# SQLite's primary result codes for a file whose pages do not parse, or that is no database at all.
DAMAGED_CODES = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})
RECOVERY = "move it aside (e.g. rename it to .damaged) and run podium ingest again to rebuild it from the transcripts"


def migrations() -> list[tuple[int, Path]]:
    """The numbered migrations after the base schema, in order."""
    found = []
    for path in MIGRATIONS.glob("*.sql"):
        match = MIGRATION_NAME.fullmatch(path.name)
        if match:
            found.append((int(match.group(1)), path))
    return sorted(found)


def latest_version() -> int:
    return max([BASE_VERSION, *(number for number, _ in migrations())])


def connect(
    path: Path, *, readonly: bool, timeout: float = DEFAULT_TIMEOUT, verify: bool = True
) -> sqlite3.Connection:
    """A connection with the schema current; read-only opens never write, not even a migration.
    A writable open always checks the file's integrity first (nothing is added to a damaged
    file); a read-only one does when `verify`."""
    if readonly:
        conn = _connect_readonly(path, timeout)
        with closed_on_error(conn):
            if verify:
                check_integrity(conn, path)
            _check_readonly_schema(conn, path)
            register_functions(conn)  # the CJK index reads its text through podium_cjk_spaced
        return conn
    _check_writable(path)
    with translated(path):
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    with closed_on_error(conn), translated(path):
        _configure(conn)
        conn.execute("PRAGMA journal_mode = WAL")
        check_integrity(conn, path)
        migrate(conn)
    return conn


@contextmanager
def closed_on_error(conn: sqlite3.Connection) -> Iterator[None]:
    try:
        yield
    except BaseException:
        conn.close()
        raise


def check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    """PRAGMA quick_check (every page and index structure, in one pass over the file; not the
    slower cross-check of every index entry): a damaged file is named, never used."""
    with translated(path):
        problems = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    if problems != ["ok"]:
        # One row may hold many lines under a "*** in database main ***" heading.
        lines = [line.strip() for row in problems for line in str(row).splitlines() if line.strip()]
        lines = [line for line in lines if not line.startswith("***")] or ["no answer"]
        more = f" and {len(lines) - 1:,} more" if len(lines) > 1 else ""
        raise PodiumError("E013", f"SQLite's quick_check fails ({lines[0]}{more}); {RECOVERY}", str(path))


def _connect_readonly(path: Path, timeout: float) -> sqlite3.Connection:
    if not path.is_file():
        raise PodiumError("E010", "no database here (ingest something first)", str(path))
    with translated(path):
        conn = sqlite3.connect(_readonly_uri(path), uri=True, timeout=timeout, isolation_level=None, check_same_thread=False)
    with closed_on_error(conn), translated(path):
        _configure(conn)
    return conn


def _readonly_uri(path: Path) -> str:
    """mode=ro; and immutable where the folder is read-only and no write-ahead log waits beside
    the file. A WAL database needs its shared-memory file (-shm) beside it even to read, which a
    read-only folder cannot hold; with no -wal to merge, the file alone is the whole database and
    nobody can write it (a writer needs the folder too), so SQLite may read it without locks."""
    resolved = path.resolve()
    uri = f"file:{quote(str(resolved))}?mode=ro"
    wal = resolved.with_name(resolved.name + "-wal")
    if not os.access(resolved.parent, os.W_OK) and not (wal.exists() and wal.stat().st_size):
        uri += "&immutable=1"
    return uri


def _check_writable(path: Path) -> None:
    # SQLite would open a read-only file and fail only at the first write; say so up front.
    if path.exists() and not os.access(path, os.W_OK):
        raise PodiumError("E012", "the file is not writable (open it read-only to query it)", str(path))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise PodiumError("E010", f"no such directory {folder}", str(path))
    if not os.access(folder, os.W_OK):
        raise PodiumError("E012", "its directory is not writable (WAL needs a journal beside it)", str(path))


def _configure(conn: sqlite3.Connection) -> None:
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    # In WAL mode NORMAL keeps every commit atomic and durable across a crash of the process;
    # only a power cut may lose the last commits, never corrupt the file.
    conn.execute("PRAGMA synchronous = NORMAL")


def _check_readonly_schema(conn: sqlite3.Connection, path: Path) -> None:
    with translated(path):
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version != latest_version():
        conn.close()
        raise PodiumError(
            "E010",
            f"schema version {version}, this podium needs {latest_version()}: open it writable once to migrate",
            str(path),
        )


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema to the latest version, each step in its own transaction; the version."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > latest_version():
        raise PodiumError("E010", f"schema version {version} is newer than this podium knows ({latest_version()})")
    register_functions(conn)
    steps = [(BASE_VERSION, SCHEMA)] if version == 0 else []
    steps += [(number, path) for number, path in migrations() if number > max(version, BASE_VERSION)]
    for number, path in steps:
        _apply(conn, number, path)
    return latest_version()


def register_functions(conn: sqlite3.Connection) -> None:
    """Python functions a migration may call, and the view turns_cjk_text reads through (they
    exist only while podium holds the connection)."""
    from podium.ids import item_id
    from podium.store import cjk

    conn.create_function("podium_cjk_spaced", 1, cjk.spaced, deterministic=True)
    conn.create_function("podium_has_cjk", 1, cjk.has_cjk, deterministic=True)
    conn.create_function("podium_item_id", 3, item_id, deterministic=True)
    conn.create_function("podium_composed_title", 5, _composed_title, deterministic=True)


def _composed_title(*fields: Any) -> str | None:
    """podium.structure.meta.title_from for migration 0007, its word forms loaded only if a
    stored briefing lacks a title."""
    from podium.structure.meta import title_from

    return title_from(*fields)


def _apply(conn: sqlite3.Connection, number: int, path: Path) -> None:
    script = path.read_text(encoding="utf-8")
    if number >= HISTORY_VERSION:
        script += (
            f"\nINSERT INTO schema_migrations (version, name, applied_at)"
            f" VALUES ({number}, '{path.name}', datetime('now'));"
        )
    # executescript commits first, so the BEGIN is inside the script: a step applies whole or not at all.
    try:
        conn.executescript(f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
    except sqlite3.Error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


@contextmanager
def translated(path: Path) -> Iterator[None]:
    """sqlite3 errors become PodiumErrors naming the file."""
    try:
        yield
    except sqlite3.Error as exc:
        raise database_error(exc, path) from None


def database_error(exc: sqlite3.Error, path: Path) -> PodiumError:
    text = str(exc)
    lowered = text.lower()
    if is_damage(exc):
        return PodiumError("E013", f"{text} (if it is a podium database, it is damaged: {RECOVERY})", str(path))
    if "locked" in lowered or "busy" in lowered:
        return PodiumError("E011", f"{text}; another podium is writing to it, wait or use another --db", str(path))
    if "readonly" in lowered or "read-only" in lowered:
        return PodiumError("E012", text, str(path))
    return PodiumError("E010", text, str(path))


def is_damage(exc: sqlite3.Error) -> bool:
    """The file is damaged or no database at all: SQLITE_CORRUPT (or an extended form such as
    SQLITE_CORRUPT_INDEX) or SQLITE_NOTADB."""
    name = getattr(exc, "sqlite_errorname", "")
    return any(name == code or name.startswith(code + "_") for code in DAMAGED_CODES)
