"""A corpus as a partitioned Parquet dataset, for corpora beyond one machine: parsed on a Dask
cluster (write.py), read through DuckDB and searched through a tantivy index (read.py)."""

from __future__ import annotations

from pathlib import Path

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
