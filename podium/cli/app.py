"""The typer app every command module registers on, and the one place errors become a line."""

from __future__ import annotations

import sys
from collections.abc import Iterable

import typer
from rich.console import Console
from rich.markup import escape

from podium.errors import PodiumError
from podium.model import Caveat

app = typer.Typer(
    name="podium",
    help="Turn press-conference transcripts into data people can check.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)  # data: stdout
err = Console(stderr=True, soft_wrap=True)  # messages: stderr


def fail(exc: PodiumError) -> None:
    """Print one line naming the file and the reason; the caller decides the exit code."""
    err.print(f"[red]error:[/red] {exc.message}", markup=True, highlight=False)


def warn(source: str, warnings: Iterable[Caveat], *, console: Console = err) -> None:
    """One line on stderr per thing podium repaired or could not read in a briefing."""
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
