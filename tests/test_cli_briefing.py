"""`podium parse`, `podium show`, `podium schema`: output, errors per file, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from podium.cli import app

DATA = Path(__file__).resolve().parent / "data" / "structure"
runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    no_transcript = tmp_path / "words.txt"
    no_transcript.write_text("a shopping list\n")
    return {"empty": empty, "binary": binary, "none": no_transcript, "missing": tmp_path / "gone.txt"}


def test_parse_one_file_prints_indented_json() -> None:
    result = invoke("parse", str(DATA / "inline.txt"))
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [t["speaker"] for t in data["turns"]] == ["Valley Times", "Zhou Yi", "Harbour Radio", "Zhou Yi"]
    assert data["text"].startswith("Regular Press Conference")
    assert result.stdout.startswith("{\n")


def test_parse_several_files_prints_json_lines_without_text() -> None:
    result = invoke("parse", "--no-text", str(DATA / "inline.txt"), str(DATA / "qa.txt"))
    assert result.exit_code == 0
    lines = result.stdout.strip().split("\n")
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert [Path(r["source"]).name for r in records] == ["inline.txt", "qa.txt"]
    assert all("text" not in r for r in records)


def test_date_override_reaches_the_briefing() -> None:
    result = invoke("parse", "--date", "2021-06-03", str(DATA / "inline.txt"))
    data = json.loads(result.stdout)
    assert (data["date"], data["date_source"]) == ("2021-06-03", "override")


def test_a_bad_date_is_refused() -> None:
    result = invoke("parse", "--date", "2021-02-30", str(DATA / "inline.txt"))
    assert result.exit_code == 2
    assert "2021-02-30" in result.stderr and result.stdout == ""


def test_bad_files_get_one_line_each_and_the_good_one_is_printed(bad_files: dict[str, Path]) -> None:
    paths = [str(p) for p in bad_files.values()]
    result = invoke("parse", "--no-text", paths[0], str(DATA / "qa.txt"), *paths[1:])
    assert result.exit_code == 1
    errors = result.stderr.strip().split("\n")
    assert len(errors) == 4
    for path, line in zip(paths, errors):
        assert path in line
    assert "empty" in errors[0] and "E003" in errors[0]
    assert "binary" in errors[1] and "E002" in errors[1]
    assert "warning" in errors[2] and "words.txt" in errors[2] and "no speaker labels" in errors[2]
    assert "no such file" in errors[3]
    parsed = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(b["source"]).name for b in parsed] == ["qa.txt", "words.txt"]


def test_a_text_without_labels_is_one_turn_in_parse_and_show(bad_files: dict[str, Path]) -> None:
    parsed = invoke("parse", str(bad_files["none"]))
    assert parsed.exit_code == 0 and "no speaker labels" in parsed.stderr
    data = json.loads(parsed.stdout)
    assert [(t["text"], t["speaker"], t["role"]) for t in data["turns"]] == [("a shopping list", None, "unknown")]
    assert [w["kind"] for w in data["warnings"]] == ["structure"]
    shown = invoke("show", str(bad_files["none"]))
    assert shown.exit_code == 0 and "no speaker labels" in shown.stderr


def test_show_prints_participants_and_exchanges() -> None:
    result = invoke("show", str(DATA / "name-alone.txt"))
    assert result.exit_code == 0
    out = result.stdout
    assert "date: 2023-03-03 (header)" in out
    assert "series: Building Better Towns no. 5" in out
    assert "host       Bai Lan - spokesperson of the Information Office" in out
    assert "1. (unnamed) -> Lo Ming" in out
    assert "3. Lakeshire Evening News -> Lo Ming, Tan Wei" in out
    assert "What is the budget?" in out


def test_show_reports_an_inferred_year_and_a_failed_file(bad_files: dict[str, Path]) -> None:
    result = invoke("show", str(DATA / "gap.txt"), str(bad_files["binary"]))
    assert result.exit_code == 1
    assert "date: unknown; year 2022 inferred" in result.stdout
    assert str(bad_files["binary"]) in result.stderr


def test_schema_prints_the_model_schema(tmp_path: Path) -> None:
    result = invoke("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "Briefing"
    target = tmp_path / "out" / "briefing.schema.json"
    assert invoke("schema", "--output", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8") == result.stdout
