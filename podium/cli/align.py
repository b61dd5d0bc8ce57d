"""The align command: every figure of one briefing in two languages, paired across the translation."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from podium.cli.app import app, die, warn
from podium.cli.output import Format, choose, emit
from podium.errors import PodiumError

TABLE_COLUMNS: tuple[str, ...] = ("first", "second", "same", "note")


@app.command("align")
def align_(
    first: Annotated[Path, typer.Argument(help="One language version of a briefing, or one interleaved bilingual file.")],
    second: Annotated[Path | None, typer.Argument(help="The other language version (omit for an interleaved file).")] = None,
    *,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per figure.")] = False,
    csv_: Annotated[bool, typer.Option("--csv", help="CSV with a header row.")] = False,
) -> None:
    """Pair every figure of one briefing across its two language versions and say what changed.

    One line per figure: the span on each side (keyed by language code, e.g. zh and en; null where
    a version lacks the figure), same (false where the value, qualifier or stated precision
    differs, or the figure is on one side only), a note saying what changed or whether the other
    text simply ends first, and each side's normalised value and unit. Offsets index each file
    (for one interleaved file, that file).

    Example:
        podium align briefing.zh.txt briefing.en.txt --jsonl
    """
    from podium.align import align, read_sides, records

    try:
        a, b = read_sides(first, second)
    except PodiumError as exc:
        raise die(exc) from None
    for side in (a, b):
        warn(f"{second if second is not None and side is b else first} ({side.lang})", side.warnings)
    rows = records(a, b, align(a, b))
    fmt = choose(jsonl=jsonl, csv_=csv_)
    columns = tuple(rows[0]) if rows else (a.lang, b.lang, "same", "note")
    if fmt is Format.csv:  # one column per span field: a spreadsheet cannot read a JSON cell
        rows = [_flat(row, (a.lang, b.lang)) for row in rows]
        columns = tuple(f"{lang}_{key}" for lang in (a.lang, b.lang) for key in ("text", "start", "end")) + ("same", "note") + tuple(
            f"{lang}_{key}" for lang in (a.lang, b.lang) for key in ("value", "unit")
        )
    if fmt is Format.table:
        rows = [{**row, "first": (row[a.lang] or {}).get("text"), "second": (row[b.lang] or {}).get("text")} for row in rows]
        columns = TABLE_COLUMNS
    emit(rows, fmt=fmt, columns=columns, title=f"{a.lang} | {b.lang}")


def _flat(row: dict[str, Any], langs: tuple[str, str]) -> dict[str, Any]:
    flat = {key: value for key, value in row.items() if key not in langs}
    for lang in langs:
        for key in ("text", "start", "end"):
            flat[f"{lang}_{key}"] = (row[lang] or {}).get(key)
    return flat
