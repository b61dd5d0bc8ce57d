"""The align command: every figure of one briefing in two languages, paired across the translation."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated, Any

import typer

from podium.cli.app import app, die, warn
from podium.cli.output import Format, choose, emit
from podium.cli.quantities import _parse_any
from podium.errors import PodiumError
from podium.read import Document, read_path

TABLE_COLUMNS: tuple[str, ...] = ("first", "second", "same", "note")


def sides_of(first: Path, second: Path | None) -> tuple[Any, Any]:
    """The two language versions as read: two files, or one interleaved bilingual file split by
    the script of each paragraph (offsets stay offsets into that file)."""
    from podium.align import Side, language_code, split_by_language

    if second is not None:
        docs = [read_path(first), read_path(second)]
        sides = [_side(doc, language_code(doc.text)) for doc in docs]
        if sides[0].lang == sides[1].lang:
            raise PodiumError("E030", f"both files are in one language ({sides[0].lang}): align needs two languages", str(second))
        return sides[0], sides[1]
    doc = read_path(first)
    shares = split_by_language(doc.text)
    if len(shares) < 2:
        raise PodiumError("E030", "one language only: align FILE needs paragraphs in two languages", str(first))
    langs = sorted(shares, key=lambda lang: (lang != "zh", lang))[:2]
    return tuple(_side(dataclasses.replace(doc, text=shares[lang]), lang) for lang in langs)  # type: ignore[return-value]


def _side(doc: Document, lang: str) -> Any:
    from podium.align import Side

    briefing = _parse_any(doc)
    warn(f"{doc.source} ({lang})", briefing.warnings)
    return Side(lang=lang, text=doc.text, quantities=list(briefing.quantities))


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
    from podium.align import align, records

    try:
        a, b = sides_of(first, second)
    except PodiumError as exc:
        raise die(exc) from None
    rows = records(a, b, align(a, b))
    fmt = choose(jsonl=jsonl, csv_=csv_)
    columns = tuple(rows[0]) if rows else (a.lang, b.lang, "same", "note")
    if fmt is Format.table:
        rows = [{**row, "first": (row[a.lang] or {}).get("text"), "second": (row[b.lang] or {}).get("text")} for row in rows]
        columns = TABLE_COLUMNS
    emit(rows, fmt=fmt, columns=columns, title=f"{a.lang} | {b.lang}")
