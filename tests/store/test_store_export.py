"""Tables out: Arrow with real types, Parquet read back, CSV and JSON Lines, pandas optional."""

from __future__ import annotations

import builtins
import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from podium.errors import PodiumError
from podium.store import Corpus
from podium.store.export import TABLES

from .conftest import Filled


def test_arrow_tables_have_real_types(filled: Filled) -> None:
    with Corpus(filled.db, readonly=True) as corpus:
        briefings = corpus.to_arrow("briefings")
        figures = corpus.to_arrow("figures")
        exchanges = corpus.to_arrow("exchanges")
    assert briefings.schema.field("date").type == pa.date32()
    assert figures.schema.field("value").type == pa.float64()
    assert figures.schema.field("briefing_date").type == pa.date32()
    assert exchanges.schema.field("question_turns").type == pa.list_(pa.int64())
    by_id = dict(zip(briefings.column("id").to_pylist(), briefings.column("date").to_pylist()))
    assert by_id == {
        filled.economy_id: dt.date.fromisoformat(filled.economy.date),
        filled.trade_id: dt.date.fromisoformat(filled.trade.date),
    }
    assert figures.column("value").to_pylist() == [q.value for q in filled.economy.quantities]


def test_parquet_reads_back_with_the_same_types_and_values(filled: Filled, tmp_path: Path) -> None:
    out = tmp_path / "figures.parquet"
    with Corpus(filled.db, readonly=True) as corpus:
        assert corpus.export("quantities", "parquet", out) == len(filled.economy.quantities)
        expected = corpus.to_arrow("quantities")
    back = pq.read_table(out)
    assert back.schema.field("briefing_date").type == pa.date32()
    assert back.schema.field("value").type == pa.float64()
    assert back.schema.field("value_max").type == pa.float64()
    assert back.equals(expected)
    assert back.column("text").to_pylist() == [q.text for q in filled.economy.quantities]


def test_every_table_exports_in_every_format(filled: Filled, tmp_path: Path) -> None:
    with Corpus(filled.db, readonly=True) as corpus:
        for table in TABLES:
            rows = corpus.to_arrow(table).num_rows
            for fmt in ("jsonl", "csv", "parquet"):
                assert corpus.export(table, fmt, tmp_path / f"{table}.{fmt}") == rows
            assert len((tmp_path / f"{table}.jsonl").read_text().splitlines()) == rows
            assert pq.read_table(tmp_path / f"{table}.parquet").num_rows == rows


def test_csv_and_jsonl_hold_the_values(filled: Filled, tmp_path: Path) -> None:
    with Corpus(filled.db, readonly=True) as corpus:
        corpus.export("briefings", "csv", tmp_path / "b.csv")
        corpus.export("exchanges", "jsonl", tmp_path / "e.jsonl")
    with open(tmp_path / "b.csv", newline="") as handle:
        rows = {r["id"]: r for r in csv.DictReader(handle)}
    assert rows[filled.trade_id]["date"] == filled.trade.date
    assert rows[filled.trade_id]["text"] == filled.trade.text
    exchanges = {e["briefing_id"]: e for e in map(json.loads, (tmp_path / "e.jsonl").read_text().splitlines())}
    assert set(exchanges) == {filled.economy_id, filled.trade_id}
    exchange = exchanges[filled.economy_id]
    stored = filled.economy.exchanges[0]
    assert (exchange["question_turns"], exchange["answered_by"]) == (stored.question_turns, stored.answered_by)


def test_pandas_frame(filled: Filled) -> None:
    pd = pytest.importorskip("pandas")
    with Corpus(filled.db, readonly=True) as corpus:
        frame = corpus.to_pandas("figures")
    assert isinstance(frame, pd.DataFrame)
    assert list(frame["subject"]) == [q.subject for q in filled.economy.quantities]
    assert frame["value"].dtype == "float64"


def test_missing_pandas_is_a_clear_error(filled: Filled, monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_pandas(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with Corpus(filled.db, readonly=True) as corpus, pytest.raises(PodiumError) as caught:
        corpus.to_pandas("briefings")
    assert caught.value.code == "E030" and "pip install" in caught.value.reason


@pytest.mark.parametrize(("table", "fmt"), [("nope", "csv"), ("turns", "xlsx")])
def test_unknown_table_or_format(filled: Filled, tmp_path: Path, table: str, fmt: str) -> None:
    with Corpus(filled.db, readonly=True) as corpus, pytest.raises(PodiumError) as caught:
        corpus.export(table, fmt, tmp_path / "out")
    assert caught.value.code == "E030"


def test_batches_stream_the_table_in_pieces(filled: Filled) -> None:
    from podium.store.export import batches

    with Corpus(filled.db, readonly=True) as corpus:
        whole = corpus.to_arrow("turns")
        pieces = list(batches(corpus.conn, "turns", size=2))
    assert [p.num_rows for p in pieces] == [2] * (whole.num_rows // 2) + ([1] if whole.num_rows % 2 else [])
    assert pa.Table.from_batches(pieces).equals(whole)
