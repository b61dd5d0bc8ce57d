"""Query results: a plain list of dicts that an analyst can turn into Arrow or pandas in one call."""

from __future__ import annotations

from typing import Any

_DATE_COLUMNS = ("date", "briefing_date")


class Rows(list[dict[str, Any]]):
    """A list of result rows (so every list use keeps working) with `.to_arrow()` and
    `.to_pandas()`, e.g. `corpus.figures(subject="grain").to_pandas()`."""

    def to_arrow(self) -> Any:
        import pyarrow as pa
        import pyarrow.compute as pc

        table = pa.Table.from_pylist(list(self))
        for name in _DATE_COLUMNS:
            if name in table.column_names and pa.types.is_string(table.schema.field(name).type):
                # ISO dates as text become real dates, as in the Parquet export.
                index = table.column_names.index(name)
                table = table.set_column(index, name, pc.cast(table[name], pa.date32()))
        for name in table.column_names:
            if pa.types.is_integer(table.schema.field(name).type) and name in ("value", "value_max", "normalized_value"):
                index = table.column_names.index(name)
                table = table.set_column(index, name, pc.cast(table[name], pa.float64()))
        return table

    def to_pandas(self) -> Any:
        try:
            import pandas  # noqa: F401
        except ImportError:
            raise ImportError("pandas is an optional extra: pip install 'podium[pandas]'") from None
        return self.to_arrow().to_pandas()
