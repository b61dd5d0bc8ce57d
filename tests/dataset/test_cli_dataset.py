"""`podium ingest --dataset` and the read commands given the dataset as --db, on two small
transcripts written here (a local cluster of one worker on 127.0.0.1)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from podium.cli import app

runner = CliRunner()

TRANSCRIPTS = {
    "jobs.md": "---\ntitle: Briefing on jobs\ndate: 2024-03-01\n---\n\nRiley Quinn:\n\nUrban employment grew by 1.2 million in the first quarter.\n\nCasey Wong:\n\nWill employment keep growing?\n",
    "trade.md": "---\ntitle: Briefing on trade\ndate: 2023-05-02\n---\n\nRiley Quinn:\n\nExports rose 7 percent in April.\n\nCasey Wong:\n\nAnd imports?\n",
}


def test_ingest_to_a_dataset_and_read_it_from_the_cli(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "corpus.parquet"
    folder.mkdir()
    for name, text in TRANSCRIPTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    made = runner.invoke(app, ["ingest", str(folder), "--dataset", str(out), "--workers", "1", "--no-progress"])
    assert made.exit_code == 0, made.output
    assert "2 added" in made.output and "dataset" in made.output
    listed = json.loads(runner.invoke(app, ["briefings", "--db", str(out), "--json"]).stdout)
    assert [b["title"] for b in listed] == ["Briefing on jobs", "Briefing on trade"]
    hits = json.loads(runner.invoke(app, ["search", "employment", "--db", str(out), "--json"]).stdout)
    assert sorted((h["briefing_title"], h["speaker"]) for h in hits) == [("Briefing on jobs", "Casey Wong"), ("Briefing on jobs", "Riley Quinn")]
    assert all("\x02employment\x03" in h["snippet"].lower() for h in hits)
    figures = json.loads(runner.invoke(app, ["figures", "--db", str(out), "--json", "--unit", "%"]).stdout)
    assert [f["text"] for f in figures] == ["7 percent"]
    again = runner.invoke(app, ["ingest", str(folder), "--dataset", str(out), "--workers", "1", "--no-progress"])
    assert "0 added" in again.output and "2 unchanged" in again.output
