"""Checks over a stored corpus: repeated figures across briefings (`podium check --db`) and
commitments settled by later briefings, against real temporary corpora of invented transcripts."""

from __future__ import annotations

import gc
import json
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import podium
from podium.checks.corpus import check_corpus, repeated_across, resolved_commitments
from podium.cli import app
from podium.model import Briefing
from podium.store import Corpus

runner = CliRunner()

BRIEFING = """Briefing on {topic}

Date: {date}

Host:

Welcome.

Lin Bo:

{said}
"""


def transcript(date: str, said: str, topic: str = "tourism") -> str:
    return BRIEFING.format(topic=topic, date=date, said=said)


EARLIER = transcript("January 10, 2024", "In 2023, tourist arrivals reached 85 million. We will strive to make tourist arrivals reach 90 million by 2024.")
CONTRADICTS = transcript("January 12, 2025", "In 2023, tourist arrivals reached 92 million. In 2024, tourist arrivals reached 95 million.")
AGREES = transcript("March 3, 2024", "In 2023, tourist arrivals reached about 85.2 million.")
UNRELATED = transcript("May 5, 2024", "In 2023, grain output reached 40 million tons.", topic="farming")


def build(db: Path, *texts: str) -> dict[str, Briefing]:
    parsed = [podium.parse(text) for text in texts]
    if not all(b.quantities for b in parsed):
        pytest.skip("the quantity extractor finds nothing here yet")
    with Corpus(db) as corpus:
        return {corpus.add(b): b for b in parsed}


def test_a_figure_stated_differently_in_two_stored_briefings_is_inconsistent(tmp_path: Path) -> None:
    stored = build(tmp_path / "c.db", EARLIER, CONTRADICTS, UNRELATED)
    with Corpus(tmp_path / "c.db", readonly=True) as corpus:
        (found,) = check_corpus(corpus)
    assert found.finding.check == "repeated figure"
    assert found.finding.verdict == "inconsistent"
    assert [r.text for r in found.finding.quantities] == ["85 million", "92 million"]
    # Each span indexes its own briefing, named in the same order.
    for ident, ref in zip(found.briefings, found.finding.quantities):
        assert stored[ident].text[ref.start : ref.end] == ref.text
    assert "cannot both hold" in found.finding.explanation
    # Transcripts given as strings have no file name: the explanation names them by id.
    assert found.finding.explanation.startswith(f"across {found.briefings[0]} and {found.briefings[1]}: ")


def test_the_same_figure_restated_with_its_precision_is_consistent(tmp_path: Path) -> None:
    build(tmp_path / "c.db", EARLIER, AGREES)
    with Corpus(tmp_path / "c.db", readonly=True) as corpus:
        (found,) = check_corpus(corpus)
    assert found.finding.verdict == "consistent"
    assert [r.text for r in found.finding.quantities] == ["85 million", "85.2 million"]


def test_one_briefing_alone_has_nothing_to_compare(tmp_path: Path) -> None:
    build(tmp_path / "c.db", EARLIER)
    with Corpus(tmp_path / "c.db", readonly=True) as corpus:
        assert check_corpus(corpus) == []


def test_briefings_are_let_go_one_at_a_time() -> None:
    """The corpus check keeps figures, not transcripts: a briefing already read can be freed
    before the next one is read."""
    texts = [EARLIER, CONTRADICTS, AGREES]
    alive_when_next_read: list[bool] = []

    def stream() -> Iterator[tuple[str, Briefing]]:
        previous: weakref.ref[Briefing] | None = None
        for number, text in enumerate(texts):
            gc.collect()
            if previous is not None:
                alive_when_next_read.append(previous() is not None)
            briefing = podium.parse(text)
            previous = weakref.ref(briefing)
            yield f"b{number}", briefing
            del briefing

    found = repeated_across(stream())
    assert alive_when_next_read == [False, False]
    assert {f.finding.verdict for f in found} == {"consistent", "inconsistent"}


def test_check_db_prints_the_corpus_report(tmp_path: Path) -> None:
    build(tmp_path / "c.db", EARLIER, CONTRADICTS)
    result = runner.invoke(app, ["check", "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 0, result.output
    assert "across 2 briefings: 1 findings (0 consistent, 1 inconsistent" in result.stdout
    assert "repeated figure" in result.stdout


def test_check_json_reads_podium_db_from_the_environment(tmp_path: Path) -> None:
    stored = build(tmp_path / "c.db", EARLIER, CONTRADICTS)
    result = runner.invoke(app, ["check", "--json"], env={"PODIUM_DB": str(tmp_path / "c.db")})
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["briefings"] == 2
    (row,) = data["across"]
    assert set(row["briefings"]) == set(stored)
    assert row["verdict"] == "inconsistent" and row["check"] == "repeated figure"


def test_check_without_files_or_database_says_so(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1
    assert "missing.db" in result.stderr


def test_a_commitment_is_settled_by_a_later_briefing_only(tmp_path: Path) -> None:
    build(tmp_path / "c.db", EARLIER, CONTRADICTS)
    with Corpus(tmp_path / "c.db", readonly=True) as corpus:
        (commitment,) = resolved_commitments(corpus)
        assert (commitment["subject"], commitment["deadline"], commitment["status"]) == ("tourist arrivals", "2024", "met")
        assert resolved_commitments(corpus, status="open") == []
        assert resolved_commitments(corpus, speaker="nobody") == []


def test_a_commitment_without_a_later_figure_is_overdue_once_its_deadline_passed(tmp_path: Path) -> None:
    build(tmp_path / "c.db", EARLIER, UNRELATED)
    with Corpus(tmp_path / "c.db", readonly=True) as corpus:
        assert [(c["status"], c["settled_by"]) for c in resolved_commitments(corpus)] == [("overdue", None)]
