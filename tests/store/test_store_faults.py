"""Bad input and faults, through `podium ingest`: each gives a clear message naming the file, a
non-zero exit where something failed, and a database that is whole and correct afterwards."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from podium.cli import app
from podium.read import MAX_BYTES

from .conftest import assert_whole, transcript, write_transcripts

runner = CliRunner()
MANY = 300  # "a directory of many files": the 10,000-file run is benchmarks/bench_store.py


def ingest(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    return runner.invoke(app, ["ingest", "--no-progress", *map(str, args)], env=env)


def stored(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM briefings").fetchone()[0]


@pytest.fixture
def good(tmp_path: Path) -> list[Path]:
    return write_transcripts(tmp_path / "in", 3)


def test_empty_file(tmp_path: Path, good: list[Path]) -> None:
    empty = tmp_path / "in" / "empty.txt"
    empty.write_bytes(b"")
    result = ingest(tmp_path / "in", "--db", tmp_path / "c.db")
    assert result.exit_code == 1
    assert f"{empty}: no transcript in the file: the file is empty [E003]" in result.stderr
    assert "3 added" in result.stderr and "1 failed" in result.stderr
    assert assert_whole(tmp_path / "c.db") == len(good)


def test_binary_file(tmp_path: Path, good: list[Path]) -> None:
    binary = tmp_path / "in" / "image.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    result = ingest(tmp_path / "in", "--db", tmp_path / "c.db")
    assert result.exit_code == 1
    assert f"{binary}: not a text transcript" in result.stderr and "[E002]" in result.stderr
    assert assert_whole(tmp_path / "c.db") == len(good)


def test_a_200_mb_file_is_refused_without_reading_it(tmp_path: Path, good: list[Path]) -> None:
    huge = tmp_path / "in" / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: costs no disk and no time
    assert huge.stat().st_size > MAX_BYTES
    result = ingest(tmp_path / "in", "--db", tmp_path / "c.db")
    assert result.exit_code == 1
    assert f"{huge}: file too large: 209,715,200 bytes" in result.stderr and "[E004]" in result.stderr
    assert assert_whole(tmp_path / "c.db") == len(good)


def test_non_utf8_text_is_decoded_and_stored(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    text = transcript(1).replace("Good morning.", "Good morning, señores. Café prices, déjà vu, naïve façade.")
    latin.write_bytes(text.encode("latin-1"))
    result = ingest(latin, "--db", tmp_path / "c.db")
    assert result.exit_code == 0, result.stderr
    assert "1 added" in result.stderr
    with sqlite3.connect(tmp_path / "c.db") as conn:
        (stored_text,) = conn.execute("SELECT text FROM briefings").fetchone()
    assert "Good morning" in stored_text and "Grain output rose" in stored_text
    assert assert_whole(tmp_path / "c.db") == 1


def test_truncated_html_keeps_what_is_there(tmp_path: Path) -> None:
    page = tmp_path / "cut.html"
    page.write_text(
        "<html><head><title>Press briefing</title></head><body><p>Ana Ruiz:</p>"
        "<p>Good morning. Grain output rose by 7.5 percent.</p><p>Ben Okoro:</p><p>What is the tar"
    )
    result = ingest(page, "--db", tmp_path / "c.db")
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(tmp_path / "c.db") as conn:
        speakers = [r[0] for r in conn.execute("SELECT speaker FROM turns ORDER BY turn_id")]
        (stored_text,) = conn.execute("SELECT text FROM briefings").fetchone()
    assert "<p>" not in stored_text and stored_text.rstrip().endswith("What is the tar")
    assert speakers == ["Ana Ruiz", "Ben Okoro"]
    assert assert_whole(tmp_path / "c.db") == 1


def test_a_directory_of_many_files(tmp_path: Path) -> None:
    write_transcripts(tmp_path / "many", MANY)
    result = ingest(tmp_path / "many", "--db", tmp_path / "c.db", "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    assert f"ingested {MANY} files" in result.stderr and f"{MANY} added" in result.stderr
    assert assert_whole(tmp_path / "c.db") == MANY


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through file permissions")
def test_a_read_only_file_by_permission(tmp_path: Path, good: list[Path]) -> None:
    db = tmp_path / "c.db"
    assert ingest(good[0], "--db", db).exit_code == 0
    db.chmod(0o444)
    result = ingest(tmp_path / "in", "--db", db)
    assert result.exit_code == 1 and "database is read-only" in result.stderr and "[E012]" in result.stderr
    assert assert_whole(db) == 1


def test_a_read_only_database(tmp_path: Path, good: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "c.db"
    assert ingest(good[0], "--db", db).exit_code == 0
    before = db.read_bytes()
    real_access = os.access
    # As the operating system answers for a file without write permission (root ignores chmod).
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == db and mode & os.W_OK else real_access(p, mode))
    result = ingest(tmp_path / "in", "--db", db)
    assert result.exit_code == 1
    assert f"{db}: database is read-only: the file is not writable" in result.stderr and "[E012]" in result.stderr
    assert db.read_bytes() == before
    assert assert_whole(db) == 1
    search = runner.invoke(app, ["search", "grain", "--db", str(db), "--json"])  # reading still works
    assert search.exit_code == 0 and '"speaker": "Ana Ruiz"' in search.stdout


HOLD_LOCK = """
import sys, time
from podium.store import Corpus
corpus = Corpus(sys.argv[1])
corpus.conn.execute("BEGIN IMMEDIATE")
print("holding", flush=True)
time.sleep(60)
"""


def test_a_database_locked_by_another_podium(tmp_path: Path, good: list[Path]) -> None:
    db = tmp_path / "c.db"
    assert ingest(good[0], "--db", db).exit_code == 0
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        result = ingest(tmp_path / "in", "--db", db, env={"PODIUM_DB_TIMEOUT": "0.2"})
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 1
    assert f"{db}: database is locked by another process" in result.stderr and "[E011]" in result.stderr
    assert "stopped after" in result.stderr
    assert assert_whole(db) == 1
    retry = ingest(tmp_path / "in", "--db", db)  # the lock gone, the same command finishes the job
    assert retry.exit_code == 0 and "2 added, 0 replaced, 1 unchanged" in retry.stderr
    assert assert_whole(db) == len(good)


def test_two_ingests_at_once_wait_for_each_other(tmp_path: Path) -> None:
    write_transcripts(tmp_path / "many", MANY // 2)
    db = tmp_path / "c.db"
    assert ingest(tmp_path / "many" / "briefing-00000.txt", "--db", db).exit_code == 0  # the schema exists
    command = [sys.executable, "-m", "podium", "ingest", "--no-progress", "--jobs", "1", str(tmp_path / "many")]
    both = [subprocess.Popen([*command, "--db", str(db)], stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [proc.communicate(timeout=120)[1] for proc in both]
    assert [proc.returncode for proc in both] == [0, 0], outputs
    added = [int(re.search(r"(\d+) added", out).group(1)) for out in outputs]
    assert sum(added) == MANY // 2 - 1  # each file stored once, by one or the other
    assert assert_whole(db) == MANY // 2


def test_kill_9_mid_ingest_loses_nothing_committed(tmp_path: Path) -> None:
    write_transcripts(tmp_path / "many", MANY)
    db = tmp_path / "c.db"
    command = [sys.executable, "-m", "podium", "ingest", "--no-progress", "--jobs", "2", str(tmp_path / "many")]
    proc = subprocess.Popen([*command, "--db", str(db)], start_new_session=True, stderr=subprocess.DEVNULL)
    try:
        committed = wait_for_briefings(db, at_least=10, proc=proc)
        assert proc.poll() is None, "the ingest finished before it could be killed"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the parser workers too
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    survivors = assert_whole(db)
    assert committed <= survivors < MANY
    retry = ingest(tmp_path / "many", "--db", db)
    assert retry.exit_code == 0, retry.stderr
    assert f"{MANY - survivors} added, 0 replaced, {survivors} unchanged" in retry.stderr
    assert assert_whole(db) == MANY


def test_ctrl_c_mid_ingest_stops_cleanly(tmp_path: Path) -> None:
    write_transcripts(tmp_path / "many", MANY)
    db = tmp_path / "c.db"
    command = [sys.executable, "-m", "podium", "ingest", "--no-progress", "--jobs", "2", str(tmp_path / "many")]
    proc = subprocess.Popen(
        [*command, "--db", str(db)], start_new_session=True, stderr=subprocess.PIPE, text=True
    )
    try:
        wait_for_briefings(db, at_least=10, proc=proc)
        os.killpg(proc.pid, signal.SIGINT)  # as the terminal sends it, to the parser workers too
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    survivors = assert_whole(db)
    assert proc.returncode == 130 and "Traceback" not in stderr
    counted = int(re.search(r"stopped after (\d+) files", stderr).group(1))
    # Every briefing counted is committed; the signal may land between a commit and its count.
    assert counted <= survivors <= counted + 1 and f"{counted} added" in stderr


def wait_for_briefings(db: Path, *, at_least: int, proc: subprocess.Popen, seconds: float = 60) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
                    count = conn.execute("SELECT count(*) FROM briefings").fetchone()[0]
            except sqlite3.OperationalError:  # the schema is still being created
                count = 0
            if count >= at_least:
                return count
        time.sleep(0.01)
    raise AssertionError(f"fewer than {at_least} briefings appeared")
