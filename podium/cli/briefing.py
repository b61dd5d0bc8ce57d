"""Commands on single transcripts: parse, show."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from podium.cli.app import app, err, fail, out
from podium.errors import PodiumError
from podium.model import Briefing
from podium.pipeline import parse as parse_briefing

DateOption = Annotated[str | None, typer.Option("--date", help="The briefing's date (YYYY-MM-DD), overriding what is found.")]


def parse_each(files: list[Path], *, date: str | None = None):
    """Yield (path, Briefing or None); a failing file is reported on stderr and skipped."""
    for path in files:
        try:
            yield path, parse_briefing(Path(path), date=date)
        except PodiumError as exc:
            fail(exc)
            yield path, None


@app.command()
def parse(
    files: Annotated[list[Path], typer.Argument(help="Transcript files (text, HTML, Markdown).")],
    *,
    json_: Annotated[bool, typer.Option("--json", help="JSON (the default; kept for clarity).")] = True,
    text: Annotated[bool, typer.Option("--text/--no-text", help="Include the transcript text.")] = True,
    date: DateOption = None,
) -> None:
    """Parse transcripts and print each Briefing as JSON (JSON Lines for several files).

    Example:
        podium parse briefing.txt > briefing.json
    """
    failed = False
    several = len(files) > 1
    for _path, briefing in parse_each(files, date=date):
        if briefing is None:
            failed = True
            continue
        data = briefing.to_dict(include_text=text)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=None if several else 2) + "\n")
    if failed:
        raise typer.Exit(1)


@app.command()
def show(
    files: Annotated[list[Path], typer.Argument(help="Transcript files.")],
    *,
    date: DateOption = None,
) -> None:
    """Print a readable summary: title, date, participants, and each exchange.

    Example:
        podium show briefing.txt
    """
    failed = False
    for _path, briefing in parse_each(files, date=date):
        if briefing is None:
            failed = True
            continue
        print_summary(briefing)
    if failed:
        raise typer.Exit(1)


def print_summary(briefing: Briefing) -> None:
    out.rule(f"[bold]{briefing.title or briefing.source}[/bold]")
    out.print(f"source: {briefing.source}", highlight=False)
    if briefing.date:
        out.print(f"date: {briefing.date} ({briefing.date_source})", highlight=False)
    elif briefing.inferred_year:
        out.print(f"date: unknown; year {briefing.inferred_year} inferred ({briefing.year_evidence})", highlight=False)
    else:
        out.print("date: unknown", highlight=False)
    if briefing.series:
        number = f" no. {briefing.series_number}" if briefing.series_number else ""
        out.print(f"series: {briefing.series}{number}", highlight=False)
    out.print(f"turns: {len(briefing.turns)}  exchanges: {len(briefing.exchanges)}  figures: {len(briefing.quantities)}")
    out.print("[bold]participants[/bold]")
    for person in briefing.participants:
        extra = person.title or person.outlet or ""
        out.print(f"  {person.role:<10} {person.name}" + (f" - {extra}" if extra else ""), highlight=False)
    if briefing.exchanges:
        out.print("[bold]exchanges[/bold]")
    turns = {t.id: t for t in briefing.turns}
    for ex in briefing.exchanges:
        first = turns[ex.question_turns[0]].text.strip().split("\n")[0] if ex.question_turns else ""
        if len(first) > 100:
            first = first[:97] + "..."
        asker = ex.asked_by or "(unnamed)"
        answerers = ", ".join(ex.answered_by) or "(no answer)"
        out.print(f"  {ex.id:>2}. {asker} -> {answerers}", highlight=False)
        if first:
            out.print(f"      {first}", highlight=False, style="dim")
