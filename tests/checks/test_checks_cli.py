"""`podium check` and `podium commitments`: output, exit codes, and resolution across a corpus."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planted import DATA
from podium import parse
from podium.cli import app
from podium.model import Briefing, Commitment, Quantity

runner = CliRunner()


def _needs_quantities(result_json: dict) -> None:
    if not result_json["findings"]:
        pytest.skip("the quantity extractor finds nothing here yet")


def test_check_json_lists_findings_with_spans() -> None:
    result = runner.invoke(app, ["check", str(DATA / "units-planted.txt"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    _needs_quantities(data)
    text = (DATA / "units-planted.txt").read_text(encoding="utf-8")
    conversions = [f for f in data["findings"] if f["check"] == "conversion"]
    assert {f["verdict"] for f in conversions} == {"consistent", "inconsistent"}
    assert all(text[r["start"] : r["end"]] == r["text"] for f in conversions for r in f["quantities"])


def test_check_report_is_readable() -> None:
    result = runner.invoke(app, ["check", str(DATA / "trade-planted.txt")])
    assert result.exit_code == 0, result.output
    assert "trade-planted.txt:" in result.stdout
    assert "inconsistent" in result.stdout and "four" in result.stdout


def test_check_goes_on_after_a_bad_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path / "gone.txt"), str(DATA / "mixed-planted.txt"), "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [d["source"] for d in data["files"]] == [str(DATA / "mixed-planted.txt")]
    assert "gone.txt" in result.stderr


def test_check_compares_figures_across_files(tmp_path: Path) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("Host:\n\nWelcome.\n\nLin Bo:\n\nIn 2023, tourist arrivals reached 85 million.\n", encoding="utf-8")
    second.write_text("Host:\n\nWelcome.\n\nLin Bo:\n\nIn 2023, tourist arrivals reached 92 million.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(first), str(second), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    if not parse(first).quantities:
        pytest.skip("the quantity extractor finds nothing here yet")
    (row,) = data["across"]
    assert row["verdict"] == "inconsistent"
    assert [r["text"] for r in row["quantities"]] == ["85 million", "92 million"]
    report = runner.invoke(app, ["check", str(first), str(second)])
    assert "across the files: 1 findings" in report.stdout


def _briefing(text: str, date: str, *, quantities: list[Quantity], commitments: list[Commitment]) -> Briefing:
    return Briefing(
        source=f"{date}.txt", text=text, date=date, content_hash=hashlib.sha256(text.encode()).hexdigest(),
        quantities=quantities, commitments=commitments,
    )


@pytest.fixture
def corpus_db(tmp_path: Path) -> Path:
    from podium.store import Corpus

    promise = "This year, grain output will increase by at least 2 billion jin, and cotton output will exceed 5 million tons."
    grain = Commitment(subject="grain output", text=promise, start=49, end=62, deadline="2024", speaker="A", value=2e9, unit="jin", qualifier="min")
    cotton = Commitment(subject="cotton output", text=promise, start=95, end=109, deadline="2024", speaker="A", value=5e6, unit="t", qualifier="min")
    later = "In 2024, grain output increased by 2.3 billion jin."
    actual = Quantity(text="2.3 billion jin", start=35, end=50, value=2.3e9, unit="jin", subject="grain output", period="2024")
    path = tmp_path / "corpus.db"
    with Corpus(path) as corpus:
        corpus.add(_briefing(promise, "2024-05-21", quantities=[], commitments=[grain, cotton]))
        corpus.add(_briefing(later, "2025-01-17", quantities=[actual], commitments=[]))
    return path


def test_commitments_are_resolved_by_later_briefings(corpus_db: Path) -> None:
    result = runner.invoke(app, ["commitments", "--db", str(corpus_db), "--json"])
    assert result.exit_code == 0, result.output
    rows = {r["subject"]: r["status"] for r in json.loads(result.stdout)}
    # No 2024 figure for cotton output came, and 2024 is over.
    assert rows == {"grain output": "met", "cotton output": "overdue"}


def test_commitments_filter_by_status(corpus_db: Path) -> None:
    result = runner.invoke(app, ["commitments", "--db", str(corpus_db), "--status", "overdue", "--json"])
    assert [r["subject"] for r in json.loads(result.stdout)] == ["cotton output"]


def test_commitments_refuse_a_bad_status_and_a_missing_database(tmp_path: Path, corpus_db: Path) -> None:
    bad = runner.invoke(app, ["commitments", "--db", str(corpus_db), "--status", "late"])
    assert bad.exit_code == 1 and "E030" in bad.stderr
    missing = runner.invoke(app, ["commitments", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "E010" in missing.stderr
