"""Commands over a corpus store: ingest, briefings, search, figures, export.

Every command takes `--db` (or the PODIUM_DB environment variable); read commands open the file
read-only, so they never change it and never wait on a writer. The columns and the figure filters
are the store's own (podium.store.queries); the store itself is opened only when a command runs."""

from __future__ import annotations

import functools
import inspect
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, get_args

import typer

import typer.core

from podium.cli.app import app, die, err, escape, warn
from podium.cli.output import Format, choose, emit
from podium.errors import PodiumError
from podium.model import Role
from podium.store.export import TABLE_NAMES, TABLES
from podium.store.queries import (
    BRIEFING_COLUMNS,
    BRIEFING_SORTS,
    FIGURE_COLUMNS,
    FIGURE_FILTERS,
    HIT_END,
    HIT_START,
    SEARCH_COLUMNS,
    listed,
)

if TYPE_CHECKING:
    from podium.dataset.read import Dataset
    from podium.store import Corpus
    from podium.store.ingest import Outcome, Summary

DEFAULT_DB = "podium.db"
TIMEOUT_ENV = "PODIUM_DB_TIMEOUT"  # seconds to wait on another writer; tests and scripts shorten it
PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

DbOption = Annotated[
    Path,
    typer.Option("--db", envvar="PODIUM_DB", help="The corpus database (a SQLite file).", show_default=True),
]
JsonOption = Annotated[bool, typer.Option("--json", help="JSON instead of a table.")]
CsvOption = Annotated[bool, typer.Option("--csv", help="CSV instead of a table.")]
LimitOption = Annotated[int, typer.Option("--limit", "-n", min=0, help="At most this many rows (0: all).")]
OffsetOption = Annotated[int, typer.Option("--offset", min=0, help="Skip this many rows first.")]
BriefingOption = Annotated[str | None, typer.Option("--briefing", help="Only this briefing (an id or its start).")]
SpeakerOption = Annotated[str | None, typer.Option("--speaker", help="Speaker name contains this (any case).")]

# A terminal is narrow: tables show what a reader scans for; --json and --csv carry every column.
SEARCH_TABLE_COLUMNS = ("briefing_date", "speaker", "snippet", "briefing_id", "turn")
FIGURE_TABLE_COLUMNS = ("briefing_date", "speaker", "text", "value", "unit", "kind", "direction", "subject", "period", "place", "modality")


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


# --- shared helpers -----------------------------------------------------------------------------


@contextmanager
def opened(db: Path, *, readonly: bool) -> Iterator[Corpus]:
    """The corpus, or one line on stderr and exit 1."""
    from podium.store import Corpus

    try:
        with Corpus(db, readonly=readonly, timeout=_timeout()) as corpus:
            yield corpus
    except PodiumError as exc:
        raise die(exc) from None


@contextmanager
def readable(db: Path) -> Iterator[Corpus | Dataset]:
    """The corpus or, when `db` is a dataset folder (ingest --dataset), the dataset; read-only."""
    from podium.dataset import open_store

    try:
        with open_store(db, readonly=True, timeout=_timeout()) as corpus:
            yield corpus
    except PodiumError as exc:
        raise die(exc) from None


def _timeout() -> float:
    value = os.environ.get(TIMEOUT_ENV, "")
    try:
        return float(value) if value else 5.0
    except ValueError:
        return 5.0


def _limit(limit: int) -> int | None:
    return limit or None


def _check_date(value: str | None, option: str) -> str | None:
    if value and not PARTIAL_DATE.fullmatch(value):
        raise die(PodiumError("E030", f"{option} {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD"))
    return value


def _check_choice(value: str | None, option: str, choices: tuple[str, ...]) -> str | None:
    # An unknown value would match nothing; saying so beats an empty table.
    if value and value not in choices:
        raise die(PodiumError("E030", f"{option} {value!r}: choose one of {', '.join(choices)}"))
    return value


def marked(snippet: str) -> str:
    """A store snippet as Rich markup: the text escaped, the hits bold."""
    return escape(snippet).replace(HIT_START, "[bold yellow]").replace(HIT_END, "[/bold yellow]")


def escaped(row: dict[str, Any]) -> dict[str, Any]:
    # Table cells are Rich markup; a '[' in a transcript must print as itself.
    return {k: escape(v) if isinstance(v, str) else v for k, v in row.items()}


# --- ingest ---------------------------------------------------------------------------------------


@app.command()
def ingest(
    targets: Annotated[list[str], typer.Argument(help="Files, directories (searched recursively), glob patterns or web addresses.")],
    db: DbOption = Path(DEFAULT_DB),
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Parser processes (0: one per core).")] = 0,
    replace: Annotated[bool, typer.Option("--replace", help="Parse again and replace briefings already stored.")] = False,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Show a progress bar.")] = True,
    refresh: Annotated[bool, typer.Option("--refresh", help="Fetch web addresses again even when the local cache holds them.")] = False,
    dataset: Annotated[Path | None, typer.Option("--dataset", help="Write a Parquet dataset in this folder instead, parsed on a Dask cluster.")] = None,
    workers: Annotated[int, typer.Option("--workers", min=0, help="With --dataset: worker processes of a local cluster (0: one per core).")] = 0,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="With --dataset: the address of a running Dask scheduler to use instead.")] = None,
) -> None:
    """Parse transcripts and store them in the corpus, committed in batches of briefings.

    Files already stored (same text) are skipped; a changed file replaces its old version. Each
    failing file is named with its reason and the rest go on; the exit code is 1 if any failed.
    Web addresses are fetched once and kept in the local cache ($PODIUM_CACHE, else ~/.cache/podium).
    With --dataset the files are parsed on a Dask cluster into a partitioned Parquet dataset
    (briefings, turn_spans, quantities, findings, commitments, ...) that briefings, figures, search
    and export read through --db DIR; files already in it (same text) are skipped.

    Example:
        podium ingest ./transcripts '**/*.md' https://example.org/briefing.htm --db briefings.db
    """
    if dataset is not None:
        summary = _run_dataset_ingest(dataset, targets, workers=workers or None, scheduler=scheduler, progress=progress)
        _print_summary(summary, dataset)
    else:
        with opened(db, readonly=False) as corpus:
            summary = _run_ingest(corpus, targets, jobs=jobs or None, replace=replace, refresh=refresh, progress=progress)
        _print_summary(summary, db)
    if summary.failures:
        raise typer.Exit(1)


def _run_dataset_ingest(out: Path, targets: list[str], *, workers: int | None, scheduler: str | None, progress: bool) -> Summary:
    from podium.dataset.write import ingest_dataset

    def run(on_start: Callable[[int], None], on_outcome: Callable[[Outcome], None], summary: Summary) -> Summary:
        return ingest_dataset(targets, out, workers=workers, scheduler=scheduler, on_start=on_start, on_outcome=on_outcome, summary=summary)

    return _with_progress(run, out, progress=progress)


def _run_ingest(corpus: Corpus, targets: list[str], *, jobs: int | None, replace: bool, refresh: bool, progress: bool) -> Summary:
    from podium.store.ingest import ingest as ingest_files

    def run(on_start: Callable[[int], None], on_outcome: Callable[[Outcome], None], summary: Summary) -> Summary:
        return ingest_files(
            corpus, targets, jobs=jobs, replace=replace, refresh=refresh, on_start=on_start, on_outcome=on_outcome, summary=summary
        )

    return _with_progress(run, corpus.path, progress=progress)


def _with_progress(
    run: Callable[[Callable[[int], None], Callable[[Outcome], None], Summary], Summary], where: Path, *, progress: bool = True
) -> Summary:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

    from podium.store.ingest import Summary

    bar = Progress(
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files · {task.fields[rate]:.1f} files/s · {task.fields[figures]} figures · {task.fields[errors]} errors"),
        TimeElapsedColumn(),
        console=err(),
        disable=not progress,
        transient=False,
    )
    tally = Summary()
    task: TaskID = bar.add_task("ingest", total=None, rate=0.0, figures=0, errors=0)

    def on_start(total: int) -> None:
        bar.update(task, total=total)

    def on_outcome(outcome: Outcome) -> None:
        # `tally` is counted by the ingest itself as each batch commits; this only tells.
        if outcome.error is not None:
            bar.console.print(f"[red]error:[/red] {escape(outcome.error.message)}", highlight=False)
        warn(outcome.path, outcome.warnings, console=bar.console)
        tally.seconds = bar.tasks[0].elapsed or 0.0
        bar.update(task, advance=1, rate=tally.files_per_second, figures=tally.figures, errors=len(tally.failures))

    with bar:
        try:
            return run(on_start, on_outcome, tally)
        except PodiumError as exc:
            bar.stop()
            _print_summary(tally, where, stopped=True)
            raise die(exc) from None
        except KeyboardInterrupt:
            bar.stop()
            _print_summary(tally, where, stopped=True)
            raise typer.Exit(130) from None


def _kind(path: Path) -> str:
    from podium.dataset import is_dataset

    return "dataset" if is_dataset(path) else "database"


def _print_summary(summary: Summary, db: Path, *, stopped: bool = False) -> None:
    verb = "stopped after" if stopped else "ingested"
    err().print(
        f"{verb} {summary.files} files in {summary.seconds:.1f} s ({summary.files_per_second:.1f} files/s): "
        f"{summary.added} added, {summary.replaced} replaced, {summary.unchanged} unchanged, "
        f"{len(summary.failures)} failed; {summary.figures} figures; {_kind(db)} {escape(str(db))}",
        highlight=False,
    )
    if stopped:
        err().print("every briefing counted above is committed; run the same command again to go on", highlight=False)


# --- briefings ------------------------------------------------------------------------------------


@app.command()
def briefings(
    db: DbOption = Path(DEFAULT_DB),
    q: Annotated[str | None, typer.Option("--q", "-q", help="Title, source, organisation or series contains this.")] = None,
    sort: Annotated[str, typer.Option("--sort", help=f"{listed(tuple(BRIEFING_SORTS))}.")] = "date",
    asc: Annotated[bool, typer.Option("--asc", help="Ascending (the default is descending).")] = False,
    limit: LimitOption = 0,
    offset: OffsetOption = 0,
    json_: JsonOption = False,
    csv_: CsvOption = False,
) -> None:
    """List the briefings in the corpus, newest first.

    Example:
        podium briefings --q statistics --sort n_figures --json
    """
    with readable(db) as corpus:
        try:
            rows = corpus.briefings(q=q, sort=sort, desc=not asc, limit=_limit(limit), offset=offset)
        except PodiumError as exc:
            raise die(exc) from None
    fmt = choose(json_=json_, csv_=csv_)
    emit(rows if fmt is not Format.table else map(escaped, rows), fmt=fmt, columns=BRIEFING_COLUMNS)


# --- search ---------------------------------------------------------------------------------------

DASH_WORD = re.compile(r"-[^\W\d_][\w-]*")  # "-grain": a word to leave out, or a mistyped option


class QueryCommand(typer.core.TyperCommand):
    """A query that starts with '-' reads as an option to the parser: when parsing fails on one,
    the message says how to pass it."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        given = list(args)  # the parser consumes the list it is given
        try:
            return super().parse_args(ctx, args)
        except Exception as exc:  # typer carries its own click, so its UsageError is matched by shape
            if getattr(exc, "exit_code", None) == 2 and isinstance(getattr(exc, "message", None), str):
                before = given[: given.index("--")] if "--" in given else given
                options = {name for param in self.params for name in (*param.opts, *param.secondary_opts)}
                dashed = [arg for arg in before if DASH_WORD.fullmatch(arg) and arg not in options]
                if dashed:
                    exc.message += (  # type: ignore[attr-defined]
                        f". A query that starts with '-' goes after '--', e.g. podium search -- '{dashed[0]} more words'"
                        " ('-word' leaves a word out, as NOT does)"
                    )
            raise


@app.command(cls=QueryCommand)
def search(
    query: Annotated[str, typer.Argument(help="Words to find (Chinese too); FTS5 syntax (\"a phrase\", OR, NOT, prefix*) works; -word leaves a word out.")],
    db: DbOption = Path(DEFAULT_DB),
    speaker: SpeakerOption = None,
    role: Annotated[str | None, typer.Option("--role", help="host, official, journalist or unknown.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Briefings on or after this date (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Briefings on or before this date.")] = None,
    briefing: BriefingOption = None,
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
    json_: JsonOption = False,
) -> None:
    """Find what was said: turns ranked by BM25, with the matching words highlighted.

    In --json the snippet marks each hit with the characters U+0002 before and U+0003 after. A
    query of at most 1,000 characters and 32 terms (6 of them prefix terms) is searched; a longer
    one is refused. A query that starts with '-' goes after '--'.

    When more than 1,000 turns match (filters applied), the newest 1,000 of a SQLite corpus (the
    last stored) are the ones ranked, and --offset reaches no further; a query matching fewer is
    ranked in full. Add words or filters to reach older turns. A dataset (--db DIR) ranks all.

    Example:
        podium search "unemployment rate" --role official --since 2024-01
    """
    since, until = _check_date(since, "--since"), _check_date(until, "--until")
    role = _check_choice(role, "--role", get_args(Role))
    with readable(db) as corpus:
        hits = corpus.search(
            query, speaker=speaker, role=role, since=since, until=until, briefing=briefing, limit=_limit(limit), offset=offset
        )
    if json_:
        emit(hits, fmt=Format.json, columns=SEARCH_COLUMNS)
        return
    rows = [{**escaped(hit), "snippet": marked(hit["snippet"])} for hit in hits]
    emit(rows, fmt=Format.table, columns=SEARCH_TABLE_COLUMNS)
    if not hits:
        err().print(f"no turn matches {escape(query)!r}", highlight=False)


# --- figures --------------------------------------------------------------------------------------


def with_figure_filters(command: Callable[..., None]) -> Callable[..., None]:
    """`command` with an option per figure filter (--subject, --kind, ... from the store's
    FIGURE_FILTERS) where its `filters` parameter stands; it receives their values as that dict."""
    names = [f.field for f in FIGURE_FILTERS]

    @functools.wraps(command)
    def run(**values: Any) -> None:
        command(**{k: v for k, v in values.items() if k not in names}, filters={k: values[k] for k in names})

    signature = inspect.signature(command, eval_str=True)
    params = list(signature.parameters.values())
    at = [p.name for p in params].index("filters")
    options = [
        inspect.Parameter(
            f.field,
            inspect.Parameter.KEYWORD_ONLY,
            default=None,
            annotation=Annotated[str | None, typer.Option(f"--{f.field}", help=f.help)],
        )
        for f in FIGURE_FILTERS
    ]
    run.__signature__ = signature.replace(parameters=[*params[:at], *options, *params[at + 1 :]])  # type: ignore[attr-defined]
    return run


@app.command()
@with_figure_filters
def figures(
    *,
    db: DbOption = Path(DEFAULT_DB),
    filters: dict[str, str | None],
    limit: LimitOption = 0,
    offset: OffsetOption = 0,
    json_: JsonOption = False,
    csv_: CsvOption = False,
    series: Annotated[
        bool, typer.Option("--series", help="One line per series (indicator + place + unit + kind + modality) instead of one per figure.")
    ] = False,
) -> None:
    """Every figure across the corpus, filtered, newest briefing first; or, with --series, one
    line per series of the figures that pass the filters.

    Example:
        podium figures --subject gdp --period 2024 --csv > gdp.csv
        podium figures --subject unemployment --series
    """
    for figure_filter in FIGURE_FILTERS:
        if figure_filter.choices:
            _check_choice(filters[figure_filter.field], f"--{figure_filter.field}", figure_filter.choices)
    with readable(db) as corpus:
        rows = corpus.figures(**filters, limit=_limit(limit), offset=offset)
    fmt = choose(json_=json_, csv_=csv_)
    if series:
        from podium.quantities.series import SERIES_COLUMNS, series_of

        emit(series_of(rows), fmt=fmt, columns=SERIES_COLUMNS)
        return
    if fmt is Format.table:
        emit(map(escaped, rows), fmt=fmt, columns=FIGURE_TABLE_COLUMNS)
    else:
        emit(rows, fmt=fmt, columns=FIGURE_COLUMNS)


# --- export ---------------------------------------------------------------------------------------


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="A directory for every table, or a file with --table ('-': stdout).")],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = ExportFormat.jsonl,
    table: Annotated[str | None, typer.Option("--table", "-t", help=f"One table: {', '.join(TABLE_NAMES)}.")] = None,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Export the corpus tables as JSON Lines, CSV or Parquet (real types: dates, float64 values).

    Without --table every table goes into OUT as <table>.<format>.

    Example:
        podium export --format parquet exports/
    """
    with readable(db) as corpus:
        try:
            written = _export(corpus, out, fmt.value, table)
        except PodiumError as exc:
            raise die(exc) from None
        except OSError as exc:
            raise die(PodiumError("E001", exc.strerror or str(exc), str(out))) from None
    for name, path, count in written:
        err().print(f"{name}: {count} rows -> {escape(path)}", highlight=False)


def _export(corpus: Corpus | Dataset, out: Path, fmt: str, table: str | None) -> list[tuple[str, str, int]]:
    if table is not None:
        if str(out) == "-":
            if fmt == "parquet":
                raise PodiumError("E030", "parquet cannot go to stdout; name a file")
            return [(table, "stdout", corpus.export(table, fmt, sys.stdout))]
        return [(table, str(out), corpus.export(table, fmt, out))]
    out.mkdir(parents=True, exist_ok=True)
    return [(name, str(out / f"{name}.{fmt}"), corpus.export(name, fmt, out / f"{name}.{fmt}")) for name in TABLES]
