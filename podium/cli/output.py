"""Shared output switches for every command that prints records: table, JSON, JSON Lines, CSV."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Any

from podium.cli.app import out


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def choose(*, json_: bool = False, jsonl: bool = False, csv_: bool = False, default: Format = Format.table) -> Format:
    if json_:
        return Format.json
    if jsonl:
        return Format.jsonl
    if csv_:
        return Format.csv
    return default


def emit(rows: Iterable[dict[str, Any]], *, fmt: Format, columns: Sequence[str], title: str | None = None) -> int:
    """Write rows to stdout in `fmt`; returns how many were written."""
    count = 0
    if fmt is Format.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    elif fmt is Format.json:
        data = list(rows)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        count = len(data)
    elif fmt is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in columns})
            count += 1
    else:
        from rich.table import Table

        table = Table(title=title, show_lines=False)
        for col in columns:
            table.add_column(col, overflow="fold")
        for row in rows:
            table.add_row(*(_text(row.get(c)) for c in columns))
            count += 1
        out().print(table)
    sys.stdout.flush()
    return count


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return f"{value:,.0f}"
    if isinstance(value, float):
        return f"{value:,.6g}"  # a table is for reading; the data formats keep every digit
    return str(_cell(value))
