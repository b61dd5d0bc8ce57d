"""A damaged database is named and never used (every command exits 1 with one line saying how to
recover, the web app will not start over it), and a database in a folder podium may not write is
still read by every read command."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from podium.cli import app
from podium.errors import PodiumError
from podium.store import Corpus
from podium.web import create_app

from .conftest import write_transcripts

runner = CliRunner()
NOBODY = 65534
READ_COMMANDS = [
    ["search", "grain"],
    ["briefings"],
    ["figures"],
    ["figures", "--json"],
    ["export", "-", "--table", "quantities"],
    ["commitments"],
    ["check"],
]


def real_database(folder: Path, count: int = 30) -> Path:
    db = folder / "corpus.db"
    write_transcripts(folder / "in", count)
    result = runner.invoke(app, ["ingest", "--no-progress", str(folder / "in"), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    return db


def garble_table(db: Path, table: str) -> None:
    """Random bytes over the first page of `table` (its b-tree root), as a crash or a bad disk
    would leave it; every other page stays as it was."""
    with sqlite3.connect(db) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    conn.close()
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0
    with db.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(random.Random(12).randbytes(page_size))


def damaged_line(stderr: str, db: Path) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert "Traceback" not in stderr
    line = next(line for line in lines if "[E013]" in line)
    assert line.startswith(f"error: {db}: database is damaged:")
    assert "move it aside" in line and "ingest again" in line
    return line


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    db = real_database(tmp_path)
    garble_table(db, "quantities")
    return db


def test_opening_finds_the_damage(damaged: Path) -> None:
    for readonly in (False, True):
        with pytest.raises(PodiumError) as caught:
            Corpus(damaged, readonly=readonly)
        assert caught.value.code == "E013" and caught.value.path == str(damaged)
        assert "malformed" in caught.value.reason and "ingest again" in caught.value.reason


def test_quick_check_finds_a_damaged_index(tmp_path: Path) -> None:
    # Listings that do not read the index would answer; the check at open does not let them.
    db = real_database(tmp_path)
    garble_table(db, "briefings_by_date")
    with pytest.raises(PodiumError) as caught:
        Corpus(db, readonly=True)
    assert caught.value.code == "E013"
    assert caught.value.reason.startswith("SQLite's quick_check fails (Page ")
    assert "btreeInitPage() returns error code 11" in caught.value.reason and "\n" not in caught.value.reason


def test_ingest_adds_nothing_to_a_damaged_file(damaged: Path, tmp_path: Path) -> None:
    before = damaged.read_bytes()
    extra = write_transcripts(tmp_path / "more", 1, start=500)
    result = runner.invoke(app, ["ingest", "--no-progress", str(extra[0]), "--db", str(damaged)])
    assert result.exit_code == 1
    damaged_line(result.stderr, damaged)
    assert "added" not in result.stderr
    assert damaged.read_bytes() == before


@pytest.mark.parametrize("command", READ_COMMANDS, ids=" ".join)
def test_every_read_command_refuses_a_damaged_file(damaged: Path, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--db", str(damaged)])
    assert result.exit_code == 1, result.stdout
    damaged_line(result.stderr, damaged)


def test_a_query_that_meets_damage_says_so(damaged: Path) -> None:
    # Unchecked at open (as the web app opens per request), the damage shows when a query reads it.
    with Corpus(damaged, readonly=True, verify=False) as corpus:
        assert len(corpus.briefings()) == 30  # the briefings table is whole
        with pytest.raises(PodiumError) as caught:
            corpus.figures()
    assert caught.value.code == "E013" and "malformed" in caught.value.reason and "ingest again" in caught.value.reason


def test_a_file_that_is_all_garbage(tmp_path: Path) -> None:
    db = real_database(tmp_path, 3)
    db.write_bytes(random.Random(3).randbytes(db.stat().st_size))
    for command in (["search", "grain"], ["briefings"], ["ingest", "--no-progress", str(tmp_path / "in")]):
        result = runner.invoke(app, [*command, "--db", str(db)])
        assert result.exit_code == 1
        assert "file is not a database" in damaged_line(result.stderr, db)


def test_the_web_app_will_not_start_over_a_damaged_file(damaged: Path) -> None:
    with pytest.raises(PodiumError) as caught:
        create_app(damaged)
    assert caught.value.code == "E013"
    served = subprocess.run(
        [sys.executable, "-m", "podium", "serve", "--db", str(damaged), "--port", "9"], capture_output=True, text=True, timeout=60
    )
    assert served.returncode == 1 and "serving" not in served.stderr
    assert served.stderr.count("\n") == 1 and damaged_line(served.stderr, damaged)


def test_the_web_app_answers_503_when_damage_appears_while_it_runs(tmp_path: Path) -> None:
    db = real_database(tmp_path, 5)
    with TestClient(create_app(db), base_url="http://127.0.0.1:8000") as client:
        assert client.get("/api/v1/figures").status_code == 200
        garble_table(db, "quantities")
        response = client.get("/api/v1/figures")
    assert response.status_code == 503
    assert response.json()["detail"] == {"code": "E013"} and "ingest again" in response.json()["error"]


# --- read-only folders ------------------------------------------------------------------------


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder any user may enter (pytest's own temporary folders are private to root), so the
    commands below can run as an unprivileged user, for whom file permissions hold."""
    folder = Path(tempfile.mkdtemp(prefix="podium-readonly-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in (folder, *folder.rglob("*")):
            path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(folder)


def as_reader(args: list[str]) -> subprocess.CompletedProcess[str]:
    """`args` run by a user who may not write the folder: root writes through permissions, so as
    root they run as nobody, through util-linux's setpriv (which drops every capability)."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot drop to a user file permissions bind")
        prefix = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    return subprocess.run([*prefix, *args], capture_output=True, text=True, timeout=120, cwd="/")


def test_read_commands_work_in_a_read_only_folder(open_folder: Path) -> None:
    db = real_database(open_folder, 3)
    (open_folder / "in").chmod(0o755)
    db.chmod(0o444)
    open_folder.chmod(0o555)
    touch = as_reader(["touch", str(open_folder / "probe")])
    assert touch.returncode != 0 and "Permission denied" in touch.stderr  # the folder is read-only to this user
    podium = [sys.executable, "-m", "podium"]
    search = as_reader([*podium, "search", "grain", "--db", str(db), "--json"])
    assert search.returncode == 0, search.stderr
    assert '"speaker": "Ana Ruiz"' in search.stdout
    listing = as_reader([*podium, "briefings", "--db", str(db), "--csv"])
    assert listing.returncode == 0 and len(listing.stdout.strip().splitlines()) == 1 + 3
    figures = as_reader([*podium, "figures", "--db", str(db), "--json"])
    assert figures.returncode == 0 and '"text": "2.5 percent"' in figures.stdout
    assert sorted(p.name for p in open_folder.iterdir()) == ["corpus.db", "in"]  # no -wal, no -shm left behind
    writing = as_reader([*podium, "ingest", "--no-progress", str(open_folder / "in"), "--db", str(db)])
    assert writing.returncode == 1 and "[E012]" in writing.stderr and "Traceback" not in writing.stderr
