"""The dataset path: ../shared/corpus parsed on a local Dask cluster of 2 workers (127.0.0.1 only)
into Parquet finds the same briefings, turns and figures as the SQLite path; a rerun adds
nothing; a partition lost in a crash is written again on the next run."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import podium
from podium.dataset.read import Dataset
from podium.dataset.write import ingest_dataset
from podium.store import Corpus
from podium.store.ingest import ingest

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
TURN_COLUMNS = 'briefing_id, turn_id, speaker, role, label, start, "end", body_start, text'


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    base = tmp_path_factory.mktemp("dataset")
    db, out = base / "corpus.db", base / "corpus.parquet"
    with Corpus(db) as corpus:
        stored = ingest(corpus, [CORPUS], jobs=1)
    written = ingest_dataset([CORPUS], out, workers=2)
    assert written.added == stored.added > 0
    assert sorted(f.path for f in written.failures) == sorted(f.path for f in stored.failures)
    return db, out


def test_the_dataset_holds_the_same_briefings_turns_and_figures(both: tuple[Path, Path]) -> None:
    db, out = both
    with Corpus(db, readonly=True) as corpus, podium.open(str(out)) as dataset:
        assert isinstance(dataset, Dataset)
        assert dataset.briefing_ids() == corpus.briefing_ids()
        assert dataset.briefings() == corpus.briefings()
        assert dataset.figures() == corpus.figures()
        assert dataset.figures(subject="gdp", kind="growth") == corpus.figures(subject="gdp", kind="growth")
        assert dataset.count_figures() == corpus.count_figures() > 0
        sql = f"SELECT {TURN_COLUMNS} FROM turns ORDER BY briefing_id, turn_id"
        assert dataset.conn.execute(sql).fetchall() == [tuple(r) for r in corpus.conn.execute(sql).fetchall()]


def test_search_finds_the_same_turns(both: tuple[Path, Path]) -> None:
    db, out = both
    with Corpus(db, readonly=True) as corpus, Dataset(out) as dataset:
        for query in ("inflation", "unemployment rate", "growth -inflation"):
            found = {(h["briefing_id"], h["turn"]) for h in dataset.search(query, limit=None)}
            assert found == {(h["briefing_id"], h["turn"]) for h in corpus.search(query, limit=None)}, query
            assert dataset.count_search(query) == len(found) > 0
        # Pages are found without counting every match first; they are still the full ranking's.
        for query in ("growth", "economic growth"):
            whole = [(h["briefing_id"], h["turn"]) for h in dataset.search(query, limit=None)]
            pages = [(h["briefing_id"], h["turn"]) for at in (0, 4, 8) for h in dataset.search(query, limit=4, offset=at)]
            assert len(whole) > 12 and pages == whole[:12], query
        hits = dataset.search("inflation", role="official", limit=5)
        assert hits and all(h["role"] == "official" and "\x02" in h["snippet"] for h in hits)
        scores = [h["score"] for h in hits]
        assert scores == sorted(scores, reverse=True)


def test_a_rerun_adds_nothing_and_a_lost_partition_comes_back(both: tuple[Path, Path]) -> None:
    from distributed import LocalCluster

    _, out = both
    with Dataset(out) as dataset:
        before = len(dataset)
    lost = sorted((out / "briefings").glob("part-*.parquet"))[0]
    lost.unlink()  # as a crash between a partition's tables and its briefings leaves it
    with LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None) as cluster:
        again = ingest_dataset([CORPUS], out, scheduler=cluster.scheduler_address)
    assert again.added > 0 and again.added + again.unchanged == before
    assert lost.is_file()
    with Dataset(out) as dataset:
        assert len(dataset) == before
        assert dataset.count_search("inflation") > 0
    final = ingest_dataset([CORPUS], out, workers=1)
    assert final.added == 0 and final.unchanged == before
