"""Commands on single transcripts: parse, show, and schema (the JSON Schema of their output)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from podium.cli.app import app, escape, fail, out, stage_progress, warn
from podium.errors import PodiumError
from podium.model import Briefing, json_schema
from podium.read import Document
from podium.pipeline import parse as parse_briefing
from podium.stages import DEFAULT_STAGES

DateOption = Annotated[
    str | None, typer.Option("--date", help="The briefing's date (YYYY-MM-DD), overriding what is found.")
]
RefreshOption = Annotated[
    bool, typer.Option("--refresh", help="Fetch web addresses again even when the local cache holds them.")
]
SCHEMA_PATH = Path("schema") / "briefing.schema.json"


def check_date(date: str | None) -> str | None:
    """The --date value, or a PodiumError when it is not a real YYYY-MM-DD day."""
    if date is None:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(date).isoformat()
    except ValueError:
        raise PodiumError("E030", f"--date {date!r} is not a date in the form YYYY-MM-DD") from None


def parse_each(
    files: list[str], *, date: str | None = None, refresh: bool = False
) -> Iterator[tuple[str, Briefing | None]]:
    """Yield (path or address, Briefing or None); a failing one is reported on stderr and the rest go on."""
    for target in files:
        try:
            source = _source(target, refresh=refresh)
            with stage_progress(target, source, len(DEFAULT_STAGES)) as on_stage:
                briefing = parse_briefing(source, date=date, on_stage=on_stage)
        except PodiumError as exc:
            fail(exc)
            yield target, None
            continue
        warn(target, briefing.warnings)
        yield target, briefing


def _source(target: str, *, refresh: bool) -> Path | Document:
    """A file's path, or the Document a web address reads as (fetched, or from the cache)."""
    from podium.read.url import is_url, read_url

    return read_url(target, refresh=refresh) if is_url(target) else Path(target)


def _date_or_exit(date: str | None) -> str | None:
    try:
        return check_date(date)
    except PodiumError as exc:
        fail(exc)
        raise typer.Exit(2) from None


@app.command()
def parse(
    files: Annotated[
        list[str], typer.Argument(help="Transcript files (text, HTML, Markdown, PDF, DOCX) or web addresses.")
    ],
    *,
    json_: Annotated[bool, typer.Option("--json", help="JSON (the default; kept for clarity).")] = True,
    text: Annotated[bool, typer.Option("--text/--no-text", help="Include the transcript text.")] = True,
    date: DateOption = None,
    refresh: RefreshOption = False,
) -> None:
    """Parse transcripts and print each Briefing as JSON (JSON Lines for several files).

    A web address (http:// or https://) is fetched once and kept in the local cache
    ($PODIUM_CACHE, else ~/.cache/podium); an article split over several pages is joined. A file
    or address that cannot be read, is not text or holds no transcript gets one line on stderr;
    the others are still printed, and the exit code is 1.

    Example:
        podium parse briefing.pdf https://example.org/briefing.htm > briefings.jsonl
    """
    date = _date_or_exit(date)
    failed = False
    several = len(files) > 1
    for _path, briefing in parse_each(files, date=date, refresh=refresh):
        if briefing is None:
            failed = True
            continue
        data = briefing.to_dict(include_text=text)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=None if several else 2) + "\n")
        sys.stdout.flush()
    if failed:
        raise typer.Exit(1)


@app.command()
def show(
    files: Annotated[list[str], typer.Argument(help="Transcript files or web addresses.")],
    *,
    date: DateOption = None,
    refresh: RefreshOption = False,
) -> None:
    """Print a readable summary: title, date, participants, and each exchange.

    Example:
        podium show briefing.txt
    """
    date = _date_or_exit(date)
    failed = False
    for _path, briefing in parse_each(files, date=date, refresh=refresh):
        if briefing is None:
            failed = True
            continue
        print_summary(briefing)
    if failed:
        raise typer.Exit(1)


@app.command()
def schema(
    *,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=f"Write here (e.g. {SCHEMA_PATH}) instead of stdout.")
    ] = None,
) -> None:
    """Print the JSON Schema of `podium parse` output, generated from the data model.

    Example:
        podium schema --output schema/briefing.schema.json
    """
    text = schema_text()
    if output is None:
        sys.stdout.write(text)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")


def schema_text() -> str:
    """The schema file's exact content: what the freshness test compares against."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def print_summary(briefing: Briefing) -> None:
    out().rule(f"[bold]{escape(briefing.title or briefing.source)}[/bold]")
    out().print(f"source: {briefing.source}", highlight=False, markup=False)
    out().print(_date_line(briefing), highlight=False, markup=False)
    if briefing.series:
        number = f" no. {briefing.series_number}" if briefing.series_number else ""
        out().print(f"series: {briefing.series}{number}", highlight=False, markup=False)
    if briefing.organisation:
        out().print(f"organisation: {briefing.organisation}", highlight=False, markup=False)
    out().print(
        f"turns: {len(briefing.turns)}  exchanges: {len(briefing.exchanges)}  figures: {len(briefing.quantities)}",
        highlight=False,
    )
    out().print("[bold]participants[/bold]")
    for person in briefing.participants:
        extra = person.title or (person.outlet if person.outlet != person.name else "") or ""
        line = f"  {person.role:<10} {person.name}" + (f" - {extra}" if extra else "")
        out().print(line, highlight=False, markup=False)
    if briefing.exchanges:
        out().print("[bold]exchanges[/bold]")
    turns = {t.id: t for t in briefing.turns}
    for ex in briefing.exchanges:
        asker = ex.asked_by or "(unnamed)"
        answerers = ", ".join(ex.answered_by) or "(no named answer)"
        out().print(f"  {ex.id + 1:>2}. {asker} -> {answerers}", highlight=False, markup=False)
        first = _first_line(turns[ex.question_turns[0]].text) if ex.question_turns else ""
        if first:
            out().print(f"      {first}", highlight=False, markup=False, style="dim")


def _date_line(briefing: Briefing) -> str:
    if briefing.date:
        return f"date: {briefing.date} ({briefing.date_source})"
    if briefing.inferred_year:
        return f"date: unknown; year {briefing.inferred_year} inferred ({briefing.year_evidence})"
    return "date: unknown"


def _first_line(text: str) -> str:
    first = text.strip().split("\n")[0].strip()
    return first[:97] + "..." if len(first) > 100 else first
