"""The typer app every command module registers on, and the one place errors become a line."""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from podium.errors import PodiumError

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


def die(exc: PodiumError) -> typer.Exit:
    fail(exc)
    return typer.Exit(1)


def main() -> None:
    try:
        app()
    except PodiumError as exc:  # the last line of defence; commands normally catch their own
        fail(exc)
        sys.exit(1)
