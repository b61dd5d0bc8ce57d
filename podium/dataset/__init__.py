"""A corpus as a partitioned Parquet dataset, for corpora beyond one machine: parsed on a Dask
cluster (write.py), read through DuckDB and searched through a tantivy index (read.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from podium.dataset.read import Dataset
    from podium.store import Corpus

MARKER = "podium-dataset.json"  # in a dataset's folder: what tells it from any other folder


def require() -> None:
    """A clear error, rather than an ImportError deep inside, where the dataset extra is missing."""
    from importlib.util import find_spec

    from podium.errors import PodiumError

    missing = [name for name in ("distributed", "duckdb", "tantivy", "pyarrow") if find_spec(name) is None]
    if missing:
        raise PodiumError("E030", f"datasets need {', '.join(missing)}: pip install 'podium[dataset]'")


def is_dataset(path: str | Path) -> bool:
    return (Path(path) / MARKER).is_file()


def open_store(path: str | Path, **corpus_options: Any) -> Corpus | Dataset:
    """The corpus at `path`: a dataset folder opens as a read-only Dataset, anything else as the
    SQLite Corpus with `corpus_options` (readonly, verify, timeout). The one place that tells them
    apart, for the library, the CLI and the web app."""
    if is_dataset(path):
        from podium.dataset.read import Dataset

        return Dataset(path)
    from podium.store import Corpus

    return Corpus(path, **corpus_options)
