"""Query results become an Arrow table or a pandas DataFrame in one call."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pytest

from podium.model import Briefing
from podium.store import Corpus


def test_figures_as_arrow_keep_real_types(db: Path, economy: Briefing, trade: Briefing) -> None:
    with Corpus(db) as corpus:
        corpus.add(economy)
        corpus.add(trade)
        figures = corpus.figures(subject="gdp")
        table = figures.to_arrow()
    assert table.num_rows == len(figures) == 2
    assert table.schema.field("value").type == pa.float64()
    assert table.schema.field("briefing_date").type == pa.date32()
    assert sorted(table["value"].to_pylist()) == [5.0, 5.2]
    assert set(table["briefing_date"].to_pylist()) == {dt.date(2024, 1, 15)}


def test_briefings_and_search_as_pandas(db: Path, economy: Briefing, trade: Briefing) -> None:
    pytest.importorskip("pandas")
    with Corpus(db) as corpus:
        corpus.add(economy)
        corpus.add(trade)
        frame = corpus.briefings().to_pandas()
        hits = corpus.search("unemployment").to_pandas()
    assert len(frame) == 2
    assert "Press conference on foreign trade" in frame["title"].tolist()
    assert len(hits) >= 2
    assert {"briefing_id", "speaker", "snippet"} <= set(hits.columns)


def test_empty_result_is_an_empty_table(db: Path, economy: Briefing) -> None:
    with Corpus(db) as corpus:
        corpus.add(economy)
        assert corpus.figures(subject="no such subject").to_arrow().num_rows == 0
