"""The lean store: a turn's text is kept once (its briefing's text), the full-text index reads it
through the `turns` view, a page of search hits is ranked inside FTS5, the library's default
listings walk an index, and an ingest commits in batches."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from podium.store import Corpus
from podium.store import ingest as ingest_module
from podium.store.ingest import ingest

from .conftest import Filled, Speech, assert_whole, build_briefing


def test_turn_text_is_kept_once_and_read_back_from_the_briefing(filled: Filled) -> None:
    with sqlite3.connect(filled.db) as conn:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(turn_spans)")]
        stored = [r[0] for r in conn.execute("SELECT text FROM turns WHERE briefing_id = ? ORDER BY turn_id", (filled.economy_id,))]
    assert "text" not in columns
    assert stored == [t.text for t in filled.economy.turns]
    with Corpus(filled.db, readonly=True) as corpus:
        again = corpus.briefing(filled.economy_id)
        assert again is not None and [t.text for t in again.turns] == [t.text for t in filled.economy.turns]
        body = corpus.turn_body(filled.economy_id, filled.economy.turns[0].id)
        assert body == (filled.economy.turns[0].body_start, filled.economy.turns[0].text)


def test_search_pages_rank_inside_the_index_and_agree_with_one_long_page(db: Path) -> None:
    speeches = [Speech("Riley Quinn", "official", "Exports " * (i % 5 + 1) + f"grew in region number {i}.") for i in range(30)]
    with Corpus(db) as corpus:
        corpus.add(build_briefing("exports.txt", speeches))
        whole = corpus.search("exports", limit=30)
        pages = [hit for offset in range(0, 30, 7) for hit in corpus.search("exports", limit=7, offset=offset)]
        filtered = corpus.search("exports", speaker="riley", limit=5)
    assert len(whole) == 30 and [h["turn"] for h in pages] == [h["turn"] for h in whole]
    scores = [h["score"] for h in whole]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]
    assert all("\x02" in h["snippet"] for h in whole)
    assert [h["turn"] for h in filtered] == [h["turn"] for h in whole[:5]]


def test_the_default_listings_walk_an_index(filled: Filled) -> None:
    from podium.store import queries

    with sqlite3.connect(filled.db) as conn:
        for desc in (True, False):
            sql = queries.BRIEFING_SUMMARY + queries.briefing_order("date", desc) + " LIMIT 50"
            plan = " ".join(r[-1] for r in conn.execute("EXPLAIN QUERY PLAN " + sql))
            assert "USING INDEX briefings_" in plan and "TEMP B-TREE" not in plan, plan


def test_ingest_commits_in_batches(tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        text = f"Press briefing {i}\n\nRiley Quinn:\n\nExports grew by {i + 2} percent.\n\nCasey Wong:\n\nWill they grow again?\n"
        (folder / f"b{i}.txt").write_text(text, encoding="utf-8")
    commits: list[int] = []
    real_batch = Corpus.batch

    def counted(self: Corpus):  # type: ignore[no-untyped-def]
        commits.append(1)
        return real_batch(self)

    monkeypatch.setattr(ingest_module, "BATCH", 2)
    monkeypatch.setattr(Corpus, "batch", counted)
    with Corpus(db) as corpus:
        summary = ingest(corpus, [folder], jobs=1)
        assert summary.added == 5 and len(corpus) == 5
    assert len(commits) == 3
    assert_whole(db)
