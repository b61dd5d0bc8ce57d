"""The typer app every command module registers on, and the one place errors become a line.

A command imports what it uses when it runs (the store, rich, the checks, the web app), so a
one-file command does not pay for the corpus commands: only typer is loaded for every command."""

from __future__ import annotations

import sys
from collections.abc import Iterable
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


def die(exc: PodiumError) -> typer.Exit:
    fail(exc)
    return typer.Exit(1)


def main() -> None:
    try:
        app()
    except PodiumError as exc:  # the last line of defence; commands normally catch their own
        fail(exc)
        sys.exit(1)
