"""A store's deadline (StoredRows.deadline): a query still running when it passes is stopped by the
engine's own interrupt, a SQLite file's and a dataset's alike, raised as TimeoutError; the same
connection answers afterwards, and a query made outside the block is not stopped."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import EXAMPLE

pytest.importorskip("duckdb")
pytest.importorskip("tantivy")
pytest.importorskip("distributed")

import podium  # noqa: E402
from podium.dataset.read import Dataset  # noqa: E402
from podium.dataset.write import ingest_dataset  # noqa: E402
from podium.store import Corpus  # noqa: E402
from podium.store.corpus import StoredRows  # noqa: E402

# Real work that no clock of its own ends: SQLite counts for ever, DuckDB for tens of seconds
# (long past any limit here, yet a store that failed to interrupt fails the test rather than hangs it).
ENDLESS = {
    Corpus: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
    Dataset: "SELECT count(*) FROM range(3000000000) AS t(x) WHERE hash(x) % 7 = 3",
}
LIMIT = 0.5


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example briefing as a SQLite file and as a dataset (one local worker)."""
    base = tmp_path_factory.mktemp("deadline")
    with Corpus(base / "corpus.db") as corpus:
        corpus.add(podium.parse(EXAMPLE))
    assert ingest_dataset([EXAMPLE], base / "corpus.parquet", workers=1).added == 1
    return base


@pytest.fixture(params=["corpus.db", "corpus.parquet"])
def store(request: pytest.FixtureRequest, folder: Path) -> Iterator[StoredRows]:
    path = folder / request.param
    opened: StoredRows = Dataset(path) if request.param.endswith(".parquet") else Corpus(path, readonly=True)
    with opened:  # type: ignore[attr-defined]
        yield opened


def test_a_query_past_the_deadline_is_interrupted_and_the_connection_answers_after(store: StoredRows) -> None:
    endless = ENDLESS[type(store)]  # type: ignore[index]
    before = store.briefings()
    start = time.monotonic()
    with pytest.raises(TimeoutError) as raised, store.deadline(LIMIT):
        store._all(endless, [])
    took = time.monotonic() - start
    assert LIMIT <= took < LIMIT + 1.5
    assert "interrupt" in str(raised.value).lower() or "memory" in str(raised.value).lower()
    # The same connection, afterwards: the same rows, and no interrupt left over for a new query.
    assert store.briefings() == before and len(before) == 1
    assert store.count_figures() == len(store.figures()) > 0


def test_queries_inside_the_limit_are_answered_and_errors_keep_their_kind(store: StoredRows) -> None:
    with store.deadline(30.0):
        assert len(store.figures(kind="growth")) == store.count_figures(kind="growth")
    with pytest.raises(TypeError), store.deadline(30.0):
        store.figures(nonsense="x")  # type: ignore[arg-type]
    with store.deadline(None):
        assert len(store.briefings()) == 1


class GaveUp(BaseException):
    """As asyncio's cancellation: not an Exception, the caller stops waiting."""


def test_a_block_its_caller_gives_up_on_stops_the_query_running_in_another_thread(store: StoredRows) -> None:
    record: dict[str, str] = {}

    def query() -> None:
        record["started"] = "yes"
        try:
            store._all(ENDLESS[type(store)], [])  # type: ignore[index]
        except Exception as exc:
            record["error"] = type(exc.__context__ or exc).__name__

    worker = threading.Thread(target=query)
    with pytest.raises(GaveUp), store.deadline(30.0):
        worker.start()
        while "started" not in record:
            time.sleep(0.01)
        time.sleep(0.2)  # the query is running
        raise GaveUp
    worker.join(timeout=10)
    assert not worker.is_alive() and record["error"] in ("OperationalError", "InterruptException", "MemoryError")
    with pytest.raises(TimeoutError):
        store.briefings()  # abandoned: nothing more starts on it
    with store.deadline(30.0):
        assert len(store.briefings()) == 1  # a new block answers
