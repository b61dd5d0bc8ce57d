"""The dataset's tantivy index: a partition the index holds but its list does not (a run that
crashed after tantivy's commit, before partitions.json was written) is dropped and indexed again
whole, never twice; no deprecated tantivy call is made on the way."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from conftest import EXAMPLE

pytest.importorskip("duckdb")
pytest.importorskip("tantivy")
pytest.importorskip("distributed")

from podium.dataset import search as index  # noqa: E402
from podium.dataset.read import Dataset  # noqa: E402
from podium.dataset.write import ingest_dataset  # noqa: E402


def test_a_partition_indexed_again_replaces_its_turns(tmp_path: Path) -> None:
    out = tmp_path / "corpus.parquet"
    assert ingest_dataset([EXAMPLE], out, workers=1).added == 1
    with Dataset(out) as dataset:
        before = [dataset.count_search(word) for word in ("growth", "employment", "the")]
        hits = dataset.search("growth", limit=None)
    assert before[0] > 0 and before[2] > before[0]
    listed = out / index.INDEX / index.DONE
    keys = json.loads(listed.read_text(encoding="utf-8"))
    listed.write_text("[]", encoding="utf-8")  # the crash: committed, not listed
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        assert index.update_index(out) == len(keys)
    assert json.loads(listed.read_text(encoding="utf-8")) == keys
    with Dataset(out) as dataset:
        assert [dataset.count_search(word) for word in ("growth", "employment", "the")] == before
        assert dataset.search("growth", limit=None) == hits
