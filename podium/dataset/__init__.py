"""A corpus as a partitioned Parquet dataset, for corpora beyond one machine: parsed on a Dask
cluster (write.py), read through DuckDB and searched through a tantivy index (read.py)."""

from __future__ import annotations

from pathlib import Path

MARKER = "podium-dataset.json"  # in a dataset's folder: what tells it from any other folder


def is_dataset(path: str | Path) -> bool:
    return (Path(path) / MARKER).is_file()
