"""Commands on findings and commitments: `podium check` and `podium commitments`.

The checks, the store and rich are imported by the commands that use them, when they run."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from podium.cli.app import app, die, fail, out, warn
from podium.cli.output import Format, choose, emit
from podium.errors import PodiumError
from podium.model import Briefing, Commitment, Finding
from podium.pipeline import parse as parse_briefing
from podium.store.queries import COMMITMENT_COLUMNS

VERDICT_STYLE = {"consistent": "green", "inconsistent": "bold red", "implausible": "bold magenta"}
QUOTE_WORDS = 80
# A terminal is narrow: the table shows what a reader scans for; --json, --nl and --csv carry every column.
COMMITMENT_TABLE_COLUMNS = ("deadline", "status", "subject", "value", "unit", "qualifier", "modality", "speaker", "briefing_date", "text")


def _quote(briefing: Briefing, finding: Finding) -> str:
    """The sentences a finding rests on, for the reader to see it in place (long ones cut)."""
    start = briefing.layout.sentence(min(r.start for r in finding.quantities)).start
    end = briefing.layout.sentence(max(r.end for r in finding.quantities) - 1).end
    words = briefing.text[start:end].split()
    return " ".join(words) if len(words) <= QUOTE_WORDS else " ".join(words[:QUOTE_WORDS]) + " …"


def _report(briefing: Briefing, path: Path) -> None:
    from rich.table import Table
    from rich.text import Text

    counts = {v: sum(f.verdict == v for f in briefing.findings) for v in VERDICT_STYLE}
    summary = ", ".join(f"{n} {v}" for v, n in counts.items())
    out().print(Text(f"{path}: {len(briefing.findings)} findings ({summary}), {len(briefing.commitments)} commitments", style="bold"))
    for item in briefing.findings:
        line = Text("  ")
        line.append(f"{item.verdict:<12}", style=VERDICT_STYLE[item.verdict])
        line.append(f" {item.check}: ", style="bold")
        line.append(item.explanation)
        out().print(line)
        out().print(Text(f"      {_quote(briefing, item)}", style="dim"))
    if briefing.commitments:
        table = Table(title="commitments", show_lines=False)
        for column in ("deadline", "subject", "target", "speaker"):
            table.add_column(column, overflow="fold")
        for c in briefing.commitments:
            table.add_row(c.deadline, c.subject, _target(c), c.speaker or "")
        out().print(table)


def _target(commitment: Commitment) -> str:
    from podium.checks.findings import amount

    if commitment.value is None:
        return "(undertaking)"
    words = {"min": "at least ", "max": "at most ", "approx": "about "}.get(commitment.qualifier or "", "")
    return f"{words}{amount(commitment.value, commitment.unit or 'count')}"


@app.command()
def check(
    files: Annotated[list[Path] | None, typer.Argument(help="Transcript files (text, HTML, Markdown); none checks the corpus at --db.")] = None,
    *,
    db: Annotated[Path | None, typer.Option("--db", envvar="PODIUM_DB", help="With no files: the corpus database (or dataset folder) to check across.")] = None,
    json_: Annotated[bool, typer.Option("--json", help="Print findings and commitments as JSON.")] = False,
) -> None:
    """Check the figures of transcripts: conversions, repeats, derived figures, spans, lists.

    Prints each finding with its verdict (consistent, inconsistent, implausible) and the arithmetic
    behind it, then the commitments made. With several files, figures repeated across them are
    compared too (JSON: {"files": [...], "across": [...]}). With no files, the figures repeated
    across the briefings stored at --db are compared (JSON: {"db": ..., "across": [...]}). A file
    that cannot be read gets one line on stderr; the exit code is then 1.

    Example:
        podium check briefing.txt --json
    """
    if not files:
        _check_corpus(db or Path("podium.db"), json_=json_)
        return
    failed = False
    results: list[dict[str, Any]] = []
    briefings: list[Briefing] = []
    for path in files:
        try:
            briefing = parse_briefing(Path(path))
        except PodiumError as exc:
            fail(exc)
            failed = True
            continue
        warn(str(path), briefing.warnings)
        briefings.append(briefing)
        if json_:
            data = briefing.to_dict(include_text=False)
            results.append(
                {"source": str(path), "findings": data["findings"], "commitments": data["commitments"], "warnings": data["warnings"]}
            )
        else:
            _report(briefing, path)
    from podium.checks.repeats import across as repeated_across

    across = repeated_across(briefings) if len(briefings) > 1 else []
    if json_:
        if len(files) > 1:
            payload: Any = {"files": results, "across": [_across_row(a.source, b.source, f) for a, b, f in across]}
        else:
            payload = results[0] if results else {}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif across:
        _report_across("across the files", [f for _a, _b, f in across])
    if failed:
        raise typer.Exit(1)


def _check_corpus(db: Path, *, json_: bool) -> None:
    """The repeated-figure check across the briefings stored at `db`."""
    from podium.checks.corpus import check_corpus

    try:
        with stored_corpus(db) as corpus:
            found, stored = check_corpus(corpus), len(corpus)
    except PodiumError as exc:
        raise die(exc) from None
    if json_:
        payload = {"db": str(db), "briefings": stored, "across": [item.to_dict() for item in found]}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    _report_across(f"{db}: across {stored} briefings", [item.finding for item in found])


@contextmanager
def stored_corpus(db: Path) -> Iterator[Any]:
    """The SQLite file or the dataset folder at `db`, read-only; a clear error when it is neither."""
    from podium.cli.corpus import readable
    from podium.dataset import is_dataset

    if not db.is_file() and not is_dataset(db):
        raise die(PodiumError("E010", "no corpus database or dataset here; build one with podium ingest", str(db)))
    with readable(db) as corpus:
        yield corpus


def _across_row(first: str, second: str, item: Finding) -> dict[str, Any]:
    return {"sources": [first, second], **dataclasses.asdict(item)}


def _report_across(heading: str, findings: list[Finding]) -> None:
    from rich.text import Text

    counts = ", ".join(f"{sum(f.verdict == v for f in findings)} {v}" for v in VERDICT_STYLE)
    out().print(Text(f"{heading}: {len(findings)} findings ({counts})", style="bold"))
    for item in findings:
        line = Text("  ")
        line.append(f"{item.verdict:<12}", style=VERDICT_STYLE[item.verdict])
        line.append(f" {item.check}: ", style="bold")
        line.append(item.explanation)
        out().print(line)


@app.command()
def commitments(
    *,
    db: Annotated[Path, typer.Option("--db", envvar="PODIUM_DB", help="The corpus database, or a dataset folder (ingest --dataset).")] = Path("podium.db"),
    status: Annotated[str | None, typer.Option("--status", help="Only commitments that are met, missed or open.")] = None,
    json_: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
    jsonl: Annotated[bool, typer.Option("--nl", help="JSON Lines.")] = False,
    csv_: Annotated[bool, typer.Option("--csv", help="CSV.")] = False,
) -> None:
    """List the commitments made across a corpus, each resolved against later briefings' figures.

    A target is `met` or `missed` once a later briefing states the actual figure for the same
    subject and period, and `open` until then.

    Example:
        podium commitments --db podium.db --status open
    """
    if status is not None and status not in ("met", "missed", "open", "overdue"):
        raise die(PodiumError("E030", f"--status {status!r} is not one of met, missed, open"))
    from podium.checks.corpus import resolved_commitments

    try:
        with stored_corpus(db) as corpus:
            rows = resolved_commitments(corpus, status=status)
    except PodiumError as exc:
        raise die(exc) from None
    fmt = choose(json_=json_, jsonl=jsonl, csv_=csv_, default=Format.table)
    columns = COMMITMENT_TABLE_COLUMNS if fmt is Format.table else COMMITMENT_COLUMNS
    emit(rows, fmt=fmt, columns=columns, title="commitments")
