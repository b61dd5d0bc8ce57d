"""The typer app every command module registers on, and the one place errors become a line.

A command imports what it uses when it runs (the store, rich, the checks, the web app), so a
one-file command does not pay for the corpus commands: only typer is loaded for every command.
The same holds for the commands themselves: the module of a command is imported, and the command
built, when that command is run (click's lazily loaded group); `--help` lists them all."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
import typer.core
import typer.main

from podium.errors import PodiumError
from podium.model import Caveat

if TYPE_CHECKING:
    from rich.console import Console

# Each command and the module that registers it on `app`, in the order `--help` lists them.
COMMAND_MODULES: dict[str, str] = {
    "align": "podium.cli.align",
    "parse": "podium.cli.briefing",
    "show": "podium.cli.briefing",
    "schema": "podium.cli.briefing",
    "check": "podium.cli.checks",
    "commitments": "podium.cli.checks",
    "ingest": "podium.cli.corpus",
    "briefings": "podium.cli.corpus",
    "search": "podium.cli.corpus",
    "figures": "podium.cli.corpus",
    "export": "podium.cli.corpus",
    "quantities": "podium.cli.quantities",
    "eval": "podium.cli.quantities",
    "serve": "podium.cli.web",
}


class LazyCommands(typer.core.TyperGroup):
    """The podium group: a command is built from its registration on `app` when it is first asked
    for, after its module (COMMAND_MODULES) is imported."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            import_module(COMMAND_MODULES[cmd_name])
            for info in app.registered_commands:
                if info.callback is not None and (info.name or typer.main.get_command_name(info.callback.__name__)) == cmd_name:
                    self.commands[cmd_name] = typer.main.get_command_from_info(
                        info, pretty_exceptions_short=app.pretty_exceptions_short, rich_markup_mode=app.rich_markup_mode
                    )
        return self.commands.get(cmd_name)

    def list_commands(self, ctx: Any) -> list[str]:
        return [name for name in COMMAND_MODULES if self.get_command(ctx, name) is not None]

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] not in COMMAND_MODULES:
            self.list_commands(ctx)  # a misspelt command is answered with the names it is near
        return super().resolve_command(ctx, args)


app = typer.Typer(
    name="podium",
    help="Turn press-conference transcripts into data people can check.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=LazyCommands,
)


@app.callback()
def podium() -> None:
    # The group's own callback: podium takes no options of its own. Typer makes a group of an app
    # with a callback even before any command module has registered its commands.
    pass


def all_commands() -> dict[str, Any]:
    """Every command of podium by name, each module imported and each command built (the CLI
    reference, the tests)."""
    group = typer.main.get_command(app)
    assert isinstance(group, LazyCommands)
    ctx = typer.Context(group)
    built = {name: group.get_command(ctx, name) for name in group.list_commands(ctx)}
    return {name: command for name, command in built.items() if command is not None}


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
