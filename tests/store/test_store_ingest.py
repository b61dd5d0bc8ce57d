"""Ingest: discovery of files, idempotence by content, replacement of changed files, failures
reported per file while the rest go on, the same result with or without the process pool."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from podium.model import Briefing
from podium.store import Corpus
from podium.store import ingest as ingest_module
from podium.store.ingest import Outcome, Parsed, discover, ingest

from .conftest import assert_whole, transcript, write_transcripts


def test_discover_walks_directories_and_expands_globs(tmp_path: Path) -> None:
    txt = write_transcripts(tmp_path / "a", 2)
    md = write_transcripts(tmp_path / "a" / "deeper", 1, start=5, suffix=".md")
    write_transcripts(tmp_path / "a" / ".hidden", 1, start=9)
    (tmp_path / "a" / "notes.odt").write_bytes(b"PK\x03\x04")
    (tmp_path / "a" / ".draft.txt").write_text(transcript(8))
    assert list(discover([tmp_path / "a"])) == [*txt, *md]
    assert list(discover([str(tmp_path / "**" / "*.md")])) == md
    assert list(discover([txt[0], tmp_path / "a", txt[0]])) == [txt[0], txt[1], *md]  # each once
    assert list(discover([tmp_path / "a" / "notes.odt"])) == [tmp_path / "a" / "notes.odt"]  # named: tried
    assert list(discover([tmp_path / "missing-*.txt"])) == [tmp_path / "missing-*.txt"]  # reported, not lost


@pytest.mark.parametrize("jobs", [1, 2])
def test_ingest_stores_every_file_once(tmp_path: Path, jobs: int) -> None:
    paths = write_transcripts(tmp_path / "in", 12)
    seen: list[Outcome] = []
    with Corpus(tmp_path / "c.db") as corpus:
        summary = ingest(corpus, [tmp_path / "in"], jobs=jobs, on_outcome=seen.append)
        again = ingest(corpus, [tmp_path / "in"], jobs=jobs)
        stored = {b["source"]: b for b in corpus.briefings()}
    assert (summary.files, summary.added, summary.failures) == (12, 12, [])
    assert sorted(o.path for o in seen) == sorted(str(p) for p in paths)
    assert summary.figures == sum(b["n_figures"] for b in stored.values()) > 0
    assert (again.added, again.unchanged, again.figures) == (0, 12, 0)
    assert set(stored) == {str(p) for p in paths}
    assert assert_whole(tmp_path / "c.db") == 12


def test_a_changed_file_replaces_its_old_version(tmp_path: Path) -> None:
    (path,) = write_transcripts(tmp_path / "in", 1)
    with Corpus(tmp_path / "c.db") as corpus:
        ingest(corpus, [path], jobs=1)
        path.write_text(transcript(1) + "\nAna Ruiz:\n\nOne more thing about exports.\n")
        summary = ingest(corpus, [path], jobs=1)
        assert (summary.replaced, summary.added) == (1, 0)
        assert len(corpus) == 1
        assert corpus.search("exports")[0]["briefing_id"] == corpus.briefing_ids()[0]


def test_failing_files_are_named_and_the_rest_go_on(tmp_path: Path) -> None:
    good = write_transcripts(tmp_path / "in", 3)
    empty = tmp_path / "in" / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "in" / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    with Corpus(tmp_path / "c.db") as corpus:
        summary = ingest(corpus, [tmp_path / "in", tmp_path / "absent.txt"], jobs=2)
    failed = {Path(o.path).name: o.error.code for o in summary.failures}
    assert failed == {"empty.txt": "E003", "binary.txt": "E002", "absent.txt": "E001"}
    assert summary.added == len(good) and summary.files == len(good) + 3
    assert assert_whole(tmp_path / "c.db") == len(good)


def test_replace_parses_again_even_when_unchanged(tmp_path: Path) -> None:
    write_transcripts(tmp_path / "in", 2)
    with Corpus(tmp_path / "c.db") as corpus:
        ingest(corpus, [tmp_path / "in"], jobs=1)
        summary = ingest(corpus, [tmp_path / "in"], jobs=1, replace=True)
    assert (summary.replaced, summary.unchanged) == (2, 0)
    assert assert_whole(tmp_path / "c.db") == 2


real_parse_file = ingest_module.parse_file


def parse_or_die(path: str) -> Parsed:
    """parse_file, except that a worker given a file named "crash" dies as an out-of-memory kill would."""
    if "crash" in Path(path).name:
        os._exit(9)
    return real_parse_file(path)


def test_a_dying_parser_fails_its_file_and_the_run_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = write_transcripts(tmp_path / "in", 8)
    crash = tmp_path / "in" / "crash.txt"
    crash.write_text(transcript(99))
    monkeypatch.setattr(ingest_module, "parse_file", parse_or_die)
    with Corpus(tmp_path / "c.db") as corpus:
        summary = ingest(corpus, [tmp_path / "in"], jobs=2)
    failed = {Path(o.path).name: o.error for o in summary.failures}
    assert "died" in failed["crash.txt"].reason and failed["crash.txt"].code == "E005"
    assert summary.files == len(good) + 1 and summary.added == len(good) + 1 - len(failed)
    assert assert_whole(tmp_path / "c.db") == summary.added
    monkeypatch.undo()
    crash.unlink()
    with Corpus(tmp_path / "c.db") as corpus:  # the same command again stores what the crash took with it
        again = ingest(corpus, [tmp_path / "in"], jobs=2)
    assert (again.added, again.unchanged, again.failures) == (len(failed) - 1, summary.added, [])


def test_a_parser_bug_fails_only_its_own_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = write_transcripts(tmp_path / "in", 3)
    odd = tmp_path / "in" / "odd.txt"
    odd.write_text(transcript(50))
    real_run = ingest_module.run

    def buggy_run(briefing: Briefing, *args: Any) -> Briefing:
        if briefing.source.endswith("odd.txt"):
            raise KeyError("a stage's bug")
        return real_run(briefing, *args)

    monkeypatch.setattr(ingest_module, "run", buggy_run)
    with Corpus(tmp_path / "c.db") as corpus:
        summary = ingest(corpus, [tmp_path / "in"], jobs=1)
    (failure,) = summary.failures
    assert failure.path == str(odd) and failure.error.code == "E005"
    assert "KeyError" in failure.error.reason and "bug" in failure.error.reason
    assert summary.added == len(good)
