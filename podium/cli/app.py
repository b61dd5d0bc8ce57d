"""The typer app every command module registers on, and the one place errors become a line.

A command imports what it uses when it runs (the store, rich, the checks, the web app), so a
one-file command does not pay for the corpus commands: only typer is loaded for every command."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from podium.errors import PodiumError
from podium.model import Caveat

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    name="podium",
    help="Turn press-conference transcripts into data people can check.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def out() -> Console:
    """The console for data: stdout. Made at each use, as the terminal is then (its width)."""
    from rich.console import Console

    return Console(soft_wrap=True)


def err() -> Console:
    """The console for messages: stderr."""
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True)


def escape(text: str) -> str:
    """`text` as rich markup that prints as itself (a '[' in a transcript stays a '[')."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def fail(exc: PodiumError) -> None:
    """Print one line naming the file and the reason; the caller decides the exit code."""
    err().print(f"[red]error:[/red] {exc.message}", markup=True, highlight=False)


def warn(source: str, warnings: Iterable[Caveat], *, console: Console | None = None) -> None:
    """One line on stderr (or on `console`) per thing podium repaired or could not read in a briefing."""
    warnings = list(warnings)
    if not warnings:
        return  # no console made, so a clean run never loads rich
    console = console or err()
    for caveat in warnings:
        console.print(f"[yellow]warning:[/yellow] {escape(source)}: {escape(caveat.message)}", markup=True, highlight=False)


# A file this large takes seconds in each stage: a progress bar says which stage is running.
LARGE_BYTES = 5 * 1024 * 1024


@contextmanager
def stage_progress(name: str, source: object, stages: int) -> Iterator[Callable[[str], None] | None]:
    """A progress bar on stderr over the stages of one large file (`source`: a path or a read
    Document); None, and nothing shown, for the usual small one."""
    size = source.stat().st_size if isinstance(source, Path) and source.is_file() else len(getattr(source, "text", ""))
    if size < LARGE_BYTES:
        yield None
        return
    from rich.progress import Progress

    with Progress(console=err(), transient=True) as bar:
        task = bar.add_task(name, total=stages)
        started: list[str] = []

        def on_stage(stage: str) -> None:
            bar.update(task, description=f"{name}: {stage}", completed=len(started))
            started.append(stage)

        yield on_stage


def die(exc: PodiumError) -> typer.Exit:
    fail(exc)
    return typer.Exit(1)


def main() -> None:
    try:
        app()
    except PodiumError as exc:  # the last line of defence; commands normally catch their own
        fail(exc)
        sys.exit(1)
