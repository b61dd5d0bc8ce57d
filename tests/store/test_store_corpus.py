"""Corpus: adding is idempotent by content, a changed source replaces its old version, and every
read (briefing, briefings, figures, subjects, findings, commitments) returns what was stored."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

import podium
from podium.errors import PodiumError
from podium.model import Briefing
from podium.store import Corpus

from .conftest import Filled, assert_whole, economy_briefing


def table_counts(db: Path) -> dict[str, int]:
    tables = ("briefings", "participants", "turns", "exchanges", "quantities", "findings", "commitments", "turns_fts")
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def as_json(briefing: Briefing) -> dict:
    # The store keeps JSON, so tuples in metadata come back as lists: compare the JSON forms.
    return json.loads(json.dumps(briefing.to_dict()))


def test_add_returns_the_content_hash_prefix(db: Path, economy: Briefing) -> None:
    with Corpus(db) as corpus:
        assert corpus.add(economy) == economy.content_hash[:16]
        assert corpus.briefing_ids() == [economy.content_hash[:16]]


def test_the_same_content_twice_changes_nothing(db: Path, economy: Briefing) -> None:
    with Corpus(db) as corpus:
        first = corpus.add(economy)
    before = table_counts(db)
    with Corpus(db) as corpus:
        assert corpus.put(economy_briefing()) == (first, "unchanged")
    assert table_counts(db) == before
    assert before["briefings"] == 1 and before["turns"] == len(economy.turns) == before["turns_fts"]


def test_changed_content_from_the_same_source_replaces_the_old(db: Path) -> None:
    old, new = economy_briefing(), economy_briefing(extra=" And trade.")
    with Corpus(db) as corpus:
        old_id = corpus.add(old)
        new_id, status = corpus.put(new)
        assert status == "replaced" and new_id != old_id
        assert corpus.briefing_ids() == [new_id]
        assert corpus.briefing(old_id) is None
        assert corpus.search("trade")[0]["briefing_id"] == new_id
    assert table_counts(db)["turns_fts"] == len(new.turns)


def test_replace_rewrites_a_reparsed_briefing(db: Path, economy: Briefing) -> None:
    with Corpus(db) as corpus:
        ident = corpus.add(economy)
        reparsed = replace(economy, quantities=economy.quantities[:1])
        assert corpus.put(reparsed, replace=True) == (ident, "replaced")
        assert len(corpus.briefing(ident).quantities) == 1


def test_a_briefing_comes_back_whole(filled: Filled) -> None:
    with Corpus(filled.db, readonly=True) as corpus:
        assert as_json(corpus.briefing(filled.economy_id)) == as_json(filled.economy)
        assert as_json(corpus.briefing(filled.trade_id)) == as_json(filled.trade)
        assert corpus.briefing("0" * 16) is None


def test_briefings_are_summaries_sorted_and_filtered(filled: Filled) -> None:
    with Corpus(filled.db, readonly=True) as corpus:
        rows = corpus.briefings()
        assert [r["id"] for r in rows] == [filled.economy_id, filled.trade_id]  # newest first
        assert rows[0] == {
            "id": filled.economy_id,
            "source": filled.economy.source,
            "title": filled.economy.title,
            "date": filled.economy.date,
            "series": None,
            "series_number": None,
            "organisation": filled.economy.organisation,
            "n_turns": len(filled.economy.turns),
            "n_exchanges": len(filled.economy.exchanges),
            "n_figures": len(filled.economy.quantities),
        }
        assert [r["id"] for r in corpus.briefings(desc=False)] == [filled.trade_id, filled.economy_id]
        assert [r["id"] for r in corpus.briefings(sort="n_figures", desc=False)] == [filled.trade_id, filled.economy_id]
        assert [r["id"] for r in corpus.briefings(q=filled.trade.organisation.upper())] == [filled.trade_id]
        assert [r["id"] for r in corpus.briefings(limit=1, offset=1)] == [filled.trade_id]
        assert corpus.briefings(q="100%_") == []  # LIKE wildcards in q are literal
        assert corpus.count_briefings() == 2 and corpus.count_briefings(q="trade") == 1
        assert corpus.count_briefings(q="100%_") == 0


def test_briefings_refuses_an_unknown_sort(filled: Filled) -> None:
    with Corpus(filled.db, readonly=True) as corpus, pytest.raises(PodiumError) as caught:
        corpus.briefings(sort="id; DROP TABLE briefings")
    assert caught.value.code == "E030"


def test_figures_carry_the_quantity_and_its_briefing(filled: Filled) -> None:
    with Corpus(filled.db, readonly=True) as corpus:
        rows = corpus.figures()
    assert len(rows) == len(filled.economy.quantities)
    for row, qty in zip(rows, filled.economy.quantities):
        assert filled.economy.text[row["start"] : row["end"]] == row["text"] == qty.text
        assert (row["value"], row["unit"], row["subject"], row["period"]) == (qty.value, qty.unit, qty.subject, qty.period)
        assert (row["kind"], row["modality"], row["qualifier"]) == (qty.kind, qty.modality, qty.qualifier)
        assert (row["turn"], row["speaker"]) == (qty.turn, qty.speaker)
        assert (row["normalized_value"], row["normalized_unit"]) == (qty.normalized_value, qty.normalized_unit)
        assert (row["briefing_id"], row["briefing_title"], row["briefing_date"]) == (
            filled.economy_id,
            filled.economy.title,
            filled.economy.date,
        )


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"subject": "gdp"}, ["5.2 percent", "5 percent"]),  # substring, any case
        ({"subject": "rate"}, ["5.5 percent"]),
        ({"unit": "CNY"}, ["120 billion yuan"]),
        ({"kind": "growth"}, ["5.2 percent", "5 percent"]),
        ({"period": "2024"}, ["5.2 percent", "120 billion yuan"]),  # prefix
        ({"period": "Q1"}, []),  # a prefix, not a substring
        ({"modality": "target"}, ["5.5 percent", "5 percent"]),
        ({"speaker": "lee"}, ["5.2 percent", "120 billion yuan", "5.5 percent", "5 percent"]),
        ({"speaker": "Moreno"}, []),
        ({"subject": "GDP", "modality": "actual"}, ["5.2 percent"]),
        ({"subject": "%"}, []),  # wildcards are literal
    ],
)
def test_figure_filters(filled: Filled, filters: dict[str, str], expected: list[str]) -> None:
    with Corpus(filled.db, readonly=True) as corpus:
        assert [r["text"] for r in corpus.figures(**filters)] == expected
        assert corpus.count_figures(**filters) == len(expected)


def test_figures_by_briefing_and_pages(filled: Filled) -> None:
    with Corpus(filled.db, readonly=True) as corpus:
        assert corpus.figures(briefing=filled.trade_id) == []
        assert len(corpus.figures(briefing=filled.economy_id[:6])) == len(filled.economy.quantities)
        everything = [r["text"] for r in corpus.figures()]
        assert [r["text"] for r in corpus.figures(limit=2, offset=1)] == everything[1:3]
        assert corpus.count_figures(briefing=filled.economy_id) == len(everything)


def test_subjects_suggest_by_prefix_most_figures_first(filled: Filled) -> None:
    with Corpus(filled.db, readonly=True) as corpus:
        assert corpus.subjects() == [("GDP", 2), ("retail sales", 1), ("unemployment rate", 1)]
        assert corpus.subjects("UN") == [("unemployment rate", 1)]
        assert corpus.subjects(limit=1) == [("GDP", 2)]


def test_findings_and_commitments_are_tables(filled: Filled) -> None:
    with Corpus(filled.db, readonly=True) as corpus:
        findings = corpus.findings()
        commitments = corpus.commitments()
        assert corpus.findings(briefing=filled.trade_id) == []
        assert corpus.commitments(status="met") == []
        assert corpus.commitments(status="open") == commitments
    (finding,) = filled.economy.findings
    assert [(f["briefing_id"], f["check"], f["verdict"], f["tolerance"]) for f in findings] == [
        (filled.economy_id, finding.check, finding.verdict, finding.tolerance)
    ]
    assert findings[0]["quantities"] == [{"start": r.start, "end": r.end, "text": r.text} for r in finding.quantities]
    assert [(c["subject"], c["value"], c["deadline"], c["briefing_id"]) for c in commitments] == [
        (c.subject, c.value, c.deadline, filled.economy_id) for c in filled.economy.commitments
    ]


def test_readonly_refuses_to_write_and_needs_a_file(filled: Filled, tmp_path: Path, economy: Briefing) -> None:
    with Corpus(filled.db, readonly=True) as corpus, pytest.raises(PodiumError) as caught:
        corpus.add(economy)
    assert caught.value.code == "E012"
    with pytest.raises(PodiumError) as missing:
        Corpus(tmp_path / "absent.db", readonly=True)
    assert missing.value.code == "E010" and not (tmp_path / "absent.db").exists()


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are notes, not a database\n" * 100)
    with pytest.raises(PodiumError) as caught:
        Corpus(path)
    assert caught.value.code == "E013" and "if it is a podium database" in caught.value.reason and "ingest again" in caught.value.reason


def test_podium_open_returns_a_corpus(filled: Filled) -> None:
    with podium.open(str(filled.db)) as corpus:
        assert isinstance(corpus, Corpus)
        assert len(corpus) == 2


def test_wal_mode_and_schema_version(filled: Filled) -> None:
    from podium.store.db import latest_version

    with sqlite3.connect(filled.db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()


def test_the_model_objects_themselves(filled: Filled) -> None:
    with Corpus(filled.db, readonly=True) as corpus:
        assert [as_json(b) for b in corpus] == [as_json(filled.trade), as_json(filled.economy)]  # oldest first
        assert corpus.quantities() == filled.economy.quantities
        assert corpus.quantities(subject="gdp", modality="target") == [
            q for q in filled.economy.quantities if q.subject == "GDP" and q.modality == "target"
        ]


def test_texts_without_a_file_never_replace_each_other(db: Path) -> None:
    first, second = economy_briefing("<text>"), economy_briefing("<text>", extra=" More.")
    with Corpus(db) as corpus:
        assert corpus.put(first)[1] == corpus.put(second)[1] == "added"
        assert len(corpus) == 2


def test_a_briefing_that_cannot_be_stored_leaves_nothing_behind(filled: Filled) -> None:
    broken = economy_briefing("broken.txt", extra=" Again.")
    broken.turns[1].id = broken.turns[0].id  # two turns with one id break the turns key halfway in
    before = table_counts(filled.db)
    with Corpus(filled.db) as corpus, pytest.raises(PodiumError) as caught:
        corpus.add(broken)
    assert caught.value.code == "E010" and "UNIQUE" in caught.value.reason
    assert table_counts(filled.db) == before
    assert assert_whole(filled.db) == 2
