"""Processes and special files: parser workers die with their parent (kill -9 included); FIFOs,
devices and sockets are named and never opened; a symlink loop fails its own file only. Commands
that could hang run in a subprocess with a timeout, so a regression fails instead of hanging."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from podium.errors import PodiumError
from podium.read import read_path

from .conftest import assert_whole, write_transcripts

PODIUM = [sys.executable, "-m", "podium"]
SPECIAL = "not a regular file: skipped without opening it [E001]"


def podium(*args: str | Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*PODIUM, *map(str, args)], capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "x.txt"
    path.parent.mkdir()
    os.mkfifo(path)
    return path


def test_show_refuses_a_fifo_without_waiting(fifo: Path) -> None:
    result = podium("show", fifo, timeout=30)
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: {fifo}: cannot read the file: a named pipe (FIFO), {SPECIAL}"


def test_ingest_skips_a_fifo_in_a_folder_and_takes_the_rest(fifo: Path, tmp_path: Path) -> None:
    good = write_transcripts(fifo.parent, 2)
    db = tmp_path / "c.db"
    result = podium("ingest", "--no-progress", "--jobs", "1", fifo.parent, "--db", db, timeout=60)
    assert result.returncode == 1
    assert f"{fifo}: cannot read the file: a named pipe (FIFO), {SPECIAL}" in result.stderr
    assert f"{len(good)} added" in result.stderr and "1 failed" in result.stderr
    assert assert_whole(db) == len(good)


def test_sockets_and_devices_are_named_not_opened(tmp_path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "s.txt"))
        with pytest.raises(PodiumError) as caught:
            read_path(tmp_path / "s.txt")
    assert caught.value.reason == f"a socket, {SPECIAL.removesuffix(' [E001]')}"
    with pytest.raises(PodiumError) as device:
        read_path("/dev/zero")  # would never end if it were read
    assert device.value.code == "E001" and device.value.reason.startswith("a character device, not a regular file")


def test_symlink_loops_fail_alone(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    good = write_transcripts(folder, 3)
    (folder / "self.txt").symlink_to("self.txt")
    (folder / "a.txt").symlink_to("b.txt")
    (folder / "b.txt").symlink_to("a.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..")  # a folder loop: os.walk does not follow it
    db = tmp_path / "c.db"
    result = podium("ingest", "--no-progress", folder, "--db", db)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    for name in ("self.txt", "a.txt", "b.txt"):
        assert f"{folder / name}: cannot read the file: a symbolic link that loops back on itself [E001]" in result.stderr
    assert f"{len(good)} added" in result.stderr and "3 failed" in result.stderr
    assert assert_whole(db) == len(good)


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def running(pid: int) -> bool:
    """Still a live process: neither gone nor a zombie waiting for its new parent to reap it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads the process tree from /proc")
def test_workers_die_when_the_ingest_is_killed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_transcripts(folder, 400)
    command = [*PODIUM, "ingest", "--no-progress", "--jobs", "2", str(folder), "--db", str(tmp_path / "c.db")]
    parent = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and parent.poll() is None and time.monotonic() < deadline:
            workers = children(parent.pid)
            time.sleep(0.02)
        assert len(workers) == 2 and all(running(w) for w in workers), "the ingest ended before its workers were seen"
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 5
    while any(running(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.02)
    left = [w for w in workers if running(w)]
    for pid in left:  # leave no orphan behind even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert left == [], f"workers {left} outlived their killed parent"
