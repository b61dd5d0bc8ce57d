"""The schema: schema.sql plus numbered migrations, applied once, in order, each whole; views a
Datasette or DuckDB user can query; foreign keys and the full-text index kept in step."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from podium.errors import PodiumError
from podium.model import Briefing
from podium.store import Corpus
from podium.store.db import BASE_VERSION, SCHEMA, latest_version, migrations

from .conftest import Filled, assert_whole


def objects(db: Path, kind: str) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))}


def test_migrations_are_numbered_after_the_base_without_gaps() -> None:
    numbers = [number for number, _ in migrations()]
    assert numbers == list(range(BASE_VERSION + 1, BASE_VERSION + 1 + len(numbers)))
    assert latest_version() == BASE_VERSION + len(numbers)


def test_an_old_database_is_migrated_on_a_writable_open(tmp_path: Path, economy: Briefing) -> None:
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as conn:  # a database as the first release left it
        conn.executescript(SCHEMA.read_text() + f"\nPRAGMA user_version = {BASE_VERSION};")
    with pytest.raises(PodiumError) as caught:
        Corpus(db, readonly=True)
    assert caught.value.code == "E010" and "migrate" in caught.value.reason
    with Corpus(db) as corpus:
        corpus.add(economy)
    assert {"figures", "speeches", "speakers"} <= objects(db, "view")
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    assert history(db) == list(range(1, latest_version() + 1))


def history(db: Path) -> list[int]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]


def test_a_new_database_records_every_step(filled: Filled) -> None:
    assert history(filled.db) == list(range(1, latest_version() + 1))
    names = ["schema.sql", *(path.name for _, path in migrations())]
    with sqlite3.connect(filled.db) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM schema_migrations ORDER BY version")] == names


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "future.db"
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    with pytest.raises(PodiumError) as caught:
        Corpus(db)
    assert caught.value.code == "E010" and "newer" in caught.value.reason


def test_views_join_figures_and_speeches_to_their_briefing(filled: Filled) -> None:
    with sqlite3.connect(filled.db) as conn:
        figures = conn.execute("SELECT briefing_title, text, value FROM figures ORDER BY position").fetchall()
        speeches = conn.execute("SELECT count(*) FROM speeches").fetchone()[0]
        speakers = dict(conn.execute("SELECT speaker, n_turns FROM speakers").fetchall())
    assert figures == [(filled.economy.title, q.text, q.value) for q in filled.economy.quantities]
    assert speeches == len(filled.economy.turns) + len(filled.trade.turns)
    every_turn = filled.economy.turns + filled.trade.turns
    assert speakers == {name: sum(t.speaker == name for t in every_turn) for name in speakers}


def test_foreign_keys_refuse_orphans(filled: Filled) -> None:
    with sqlite3.connect(filled.db) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO quantities (briefing_id, position, text, start, \"end\", value, unit, qualifier,"
                         " kind, modality) VALUES ('nope', 0, 'x', 0, 1, 1.0, 'u', 'exact', 'level', 'actual')")


def test_removing_a_briefing_removes_its_rows_and_index_entries(filled: Filled) -> None:
    with Corpus(filled.db) as corpus:
        assert corpus.remove(filled.economy_id) is True
        assert corpus.remove(filled.economy_id) is False
        assert corpus.search("retail") == [] and corpus.figures() == []
    assert_whole(filled.db)
    with sqlite3.connect(filled.db) as conn:
        for table in ("participants", "turns", "exchanges", "quantities", "findings", "commitments"):
            assert conn.execute(f"SELECT count(*) FROM {table} WHERE briefing_id = ?", (filled.economy_id,)).fetchone()[0] == 0


def test_a_failing_migration_leaves_the_database_as_it_was(
    filled: Filled, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import podium.store.db as store_db

    folder = tmp_path / "migrations"
    folder.mkdir()
    for _, path in migrations():
        (folder / path.name).write_text(path.read_text())
    broken = latest_version() + 1
    (folder / f"{broken:04d}_broken.sql").write_text("CREATE TABLE half_done (a);\nINSERT INTO no_such_table VALUES (1);\n")
    monkeypatch.setattr(store_db, "MIGRATIONS", folder)
    with pytest.raises(PodiumError) as caught:
        Corpus(filled.db)
    assert caught.value.code == "E010" and "no_such_table" in caught.value.reason
    assert "half_done" not in objects(filled.db, "table")
    assert history(filled.db)[-1] == broken - 1
    monkeypatch.undo()
    assert assert_whole(filled.db) == 2
