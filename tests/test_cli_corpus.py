"""`podium ingest`, `briefings`, `search`, `figures`, `export`: exit codes, output, the arguments
handed to the store, and --db / PODIUM_DB on every command."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import Result
from typer.testing import CliRunner

from podium.cli import app
from podium.store import HIT_END, HIT_START, Corpus
from podium.store.export import TABLES

runner = CliRunner()

# Invented briefings: two offices, two dates, figures the pipeline can find.
TRANSCRIPTS = {
    "farm.md": """---
title: Press briefing on farm output
date: 2024-05-16
---

Ana Ruiz:

Good morning. Grain output rose by 7.5 percent this year, reaching 300 million tons.

Ben Okoro:

What is the harvest outlook, and will [bold]prices[/bold] fall?

Ana Ruiz:

We aim for harvest growth of about 2 percent in 2025.
""",
    "ports.md": """---
title: Press conference on ports
date: 2023-03-02
---

Lee Park:

Container traffic fell by 3 percent while the harvest season kept rail busy.

Cho Min:

How many ships arrived?

Lee Park:

About 1,200 ships arrived in February.
""",
}


def invoke(*args: Any, env: dict[str, str] | None = None) -> Result:
    return runner.invoke(app, [str(a) for a in args], env=env)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in TRANSCRIPTS.items():
        (folder / name).write_text(text)
    return folder


@pytest.fixture
def db(tmp_path: Path, folder: Path) -> Path:
    db = tmp_path / "c.db"
    result = invoke("ingest", "--no-progress", folder, "--db", db)
    assert result.exit_code == 0, result.stderr
    return db


class Recorder:
    """Wraps one Corpus method, keeping the arguments of each call."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
        self.calls: list[dict[str, Any]] = []
        real = getattr(Corpus, name)

        def recorded(corpus: Corpus, *args: Any, **kwargs: Any) -> Any:
            self.calls.append({"args": args, **kwargs})
            return real(corpus, *args, **kwargs)

        monkeypatch.setattr(Corpus, name, recorded)


def test_ingest_reports_a_summary_and_is_idempotent(tmp_path: Path, folder: Path) -> None:
    db = tmp_path / "c.db"
    first = invoke("ingest", "--no-progress", folder, "--db", db)
    second = invoke("ingest", "--no-progress", str(folder / "f*.md"), folder / "ports.md", "--db", db)
    assert first.exit_code == second.exit_code == 0
    assert "ingested 2 files" in first.stderr and "2 added, 0 replaced, 0 unchanged, 0 failed" in first.stderr
    assert "0 added, 0 replaced, 2 unchanged, 0 failed" in second.stderr
    assert first.stdout == ""  # messages go to stderr
    with Corpus(db, readonly=True) as corpus:
        assert len(corpus) == 2
        assert f"; {corpus.count_figures()} figures" in first.stderr


def test_ingest_shows_progress_with_files_rate_figures_errors(tmp_path: Path, folder: Path) -> None:
    (folder / "empty.txt").write_text("")
    result = invoke("ingest", folder, "--db", tmp_path / "c.db")
    assert result.exit_code == 1
    assert "3/3" in result.stderr and "files/s" in result.stderr and "1 errors" in result.stderr
    assert "empty.txt: no transcript in the file" in result.stderr


def test_ingest_passes_jobs_and_replace(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, folder: Path) -> None:
    import podium.store.ingest as store_ingest  # the command imports it when it runs

    calls: list[dict[str, Any]] = []
    real = store_ingest.ingest
    monkeypatch.setattr(store_ingest, "ingest", lambda corpus, targets, **kw: calls.append(kw) or real(corpus, targets, **kw))
    result = invoke("ingest", "--no-progress", "-j", 1, "--replace", folder, "--db", tmp_path / "c.db")
    assert result.exit_code == 0
    assert (calls[0]["jobs"], calls[0]["replace"]) == (1, True)


def test_search_table_shows_hits_and_keeps_brackets_literal(db: Path) -> None:
    result = invoke("search", "prices", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert "[bold]prices[/bold]" in result.stdout  # a transcript's brackets are not markup
    assert HIT_START not in result.stdout and HIT_END not in result.stdout
    assert "Ben Okoro" in result.stdout


def test_search_json_passes_every_filter(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    recorder = Recorder(monkeypatch, "search")
    result = invoke(
        "search", "harvest", "--db", db, "--json", "--speaker", "ruiz", "--role", "official",
        "--since", "2024", "--until", "2030-12-31", "--briefing", "", "-n", 5, "--offset", 0,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert recorder.calls == [
        {"args": ("harvest",), "speaker": "ruiz", "role": "official", "since": "2024", "until": "2030-12-31",
         "briefing": "", "limit": 5, "offset": 0}
    ]  # fmt: skip
    hits = json.loads(result.stdout)
    with Corpus(db, readonly=True) as corpus:
        assert hits == corpus.search("harvest", speaker="ruiz", role="official", since="2024", limit=5)
    assert hits and all(h["speaker"] == "Ana Ruiz" for h in hits)
    assert all(f"{HIT_START}harvest{HIT_END}" in h["snippet"].lower() for h in hits)


@pytest.mark.parametrize(
    ("command", "option"),
    [
        (["search", "harvest", "--since", "last week"], "--since"),
        (["search", "harvest", "--until", "2024-5-1"], "--until"),
        (["search", "harvest", "--role", "minister"], "--role"),
        (["figures", "--kind", "size"], "--kind"),
        (["figures", "--modality", "hope"], "--modality"),
    ],
)
def test_bad_option_values_are_refused(db: Path, command: list[str], option: str) -> None:
    result = invoke(*command, "--db", db)
    assert result.exit_code == 1 and "[E030]" in result.stderr and option in result.stderr
    assert result.stdout == ""


def test_search_with_broken_syntax_does_not_crash(db: Path) -> None:
    result = invoke("search", 'harvest AND ("', "--db", db, "--json")
    assert result.exit_code == 0
    with Corpus(db, readonly=True) as corpus:
        assert json.loads(result.stdout) == corpus.search("harvest") != []


def test_figures_json_and_csv_match_the_store(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    recorder = Recorder(monkeypatch, "figures")
    as_json = invoke("figures", "--db", db, "--json", "--unit", "percent", "--kind", "growth", "--period", "20")
    as_csv = invoke("figures", "--db", db, "--csv")
    assert as_json.exit_code == as_csv.exit_code == 0
    assert recorder.calls[0] == {
        "args": (), "subject": None, "unit": "percent", "kind": "growth", "period": "20", "place": None, "speaker": None,
        "modality": None, "direction": None, "briefing": None, "limit": None, "offset": 0,
    }  # fmt: skip
    with Corpus(db, readonly=True) as corpus:
        assert json.loads(as_json.stdout) == corpus.figures(unit="percent", kind="growth", period="20")
        everything = corpus.figures()
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert len(rows) == len(everything) > 0
    assert [(r["text"], float(r["value"]), r["briefing_id"]) for r in rows] == [
        (f["text"], f["value"], f["briefing_id"]) for f in everything
    ]


def test_figures_table(db: Path) -> None:
    result = invoke("figures", "--db", db, "--subject", "", env={"COLUMNS": "300"})
    assert result.exit_code == 0
    with Corpus(db, readonly=True) as corpus:
        texts = [f["text"] for f in corpus.figures()]
    assert texts and all(text in result.stdout for text in texts) and "subject" in result.stdout


def test_briefings_lists_summaries(db: Path) -> None:
    result = invoke("briefings", "--db", db, "--json", "--sort", "date", "--asc")
    assert result.exit_code == 0
    with Corpus(db, readonly=True) as corpus:
        assert json.loads(result.stdout) == corpus.briefings(desc=False)
    bad = invoke("briefings", "--db", db, "--sort", "colour")
    assert bad.exit_code == 1 and "[E030]" in bad.stderr


def test_export_every_table_as_parquet_with_real_types(db: Path, tmp_path: Path) -> None:
    result = invoke("export", "--format", "parquet", tmp_path / "out", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
    briefings = pq.read_table(tmp_path / "out" / "briefings.parquet")
    figures = pq.read_table(tmp_path / "out" / "quantities.parquet")
    assert briefings.schema.field("date").type == pa.date32()
    assert figures.schema.field("value").type == pa.float64()
    with Corpus(db, readonly=True) as corpus:
        assert figures.num_rows == corpus.count_figures() > 0
        assert sorted(str(d) for d in briefings.column("date").to_pylist()) == sorted(str(b["date"]) for b in corpus.briefings())


def test_export_one_table_to_stdout(db: Path) -> None:
    result = invoke("export", "-", "--table", "turns", "--format", "jsonl", "--db", db)
    assert result.exit_code == 0
    turns = [json.loads(line) for line in result.stdout.splitlines()]
    with Corpus(db, readonly=True) as corpus:
        assert len(turns) == corpus.to_arrow("turns").num_rows
    refused = invoke("export", "-", "--table", "turns", "--format", "parquet", "--db", db)
    assert refused.exit_code == 1 and "[E030]" in refused.stderr


@pytest.mark.parametrize(
    "command",
    [["briefings", "--json"], ["search", "harvest", "--json"], ["figures", "--json"], ["export", "-", "-t", "briefings"]],
)
def test_podium_db_environment_variable(db: Path, command: list[str]) -> None:
    with_env = invoke(*command, env={"PODIUM_DB": str(db)})
    with_option = invoke(*command, "--db", db)
    assert with_env.exit_code == 0 and with_env.stdout == with_option.stdout != ""


def test_ingest_honours_podium_db(tmp_path: Path, folder: Path) -> None:
    db = tmp_path / "env.db"
    result = invoke("ingest", "--no-progress", folder, env={"PODIUM_DB": str(db)})
    assert result.exit_code == 0 and db.is_file()


@pytest.mark.parametrize("command", [["briefings"], ["search", "x"], ["figures"], ["export", "-", "-t", "turns"]])
def test_read_commands_on_a_missing_database(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "none.db"
    result = invoke(*command, "--db", missing)
    assert result.exit_code == 1
    assert f"{missing}: database error: no database here" in result.stderr
    assert not missing.exists()  # reading never creates one


def test_every_command_with_a_database_reads_podium_db() -> None:
    from podium.cli.app import all_commands

    with_db = {
        name: param.envvar
        for name, command in all_commands().items()
        for param in command.params
        if "--db" in getattr(param, "opts", [])
    }
    assert {"ingest", "briefings", "search", "figures", "export"} <= set(with_db)
    assert set(with_db.values()) == {"PODIUM_DB"}


def test_figures_series_gives_one_line_per_series_covering_every_figure(db: Path) -> None:
    from podium.quantities.series import SERIES_COLUMNS, series_key

    series = invoke("figures", "--db", db, "--series", "--json")
    every = invoke("figures", "--db", db, "--json")
    assert series.exit_code == every.exit_code == 0
    lines, figures = json.loads(series.stdout), json.loads(every.stdout)
    assert lines and list(lines[0]) == list(SERIES_COLUMNS)
    assert sum(line["figures"] for line in lines) == len(figures)
    assert len(lines) == len({series_key(f) for f in figures})
