"""Every CLI command is documented: it has help text and its docstring ends with an example."""

from __future__ import annotations

from typer.testing import CliRunner

from podium.cli import app
from podium.cli.app import all_commands


def _commands():
    return None, sorted(all_commands().items())


def test_every_command_has_help_and_example() -> None:
    _group, commands = _commands()
    assert commands, "the CLI registers no commands"
    for name, command in commands:
        assert command.help, f"podium {name} has no help text"
        assert "Example:" in command.help, f"podium {name}: the docstring must end with an Example:"


def test_every_command_answers_help() -> None:
    runner = CliRunner()
    _group, commands = _commands()
    for name, _command in commands:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, f"podium {name} --help failed: {result.output}"
        assert "Usage" in result.output


def test_cli_reference_is_fresh() -> None:
    """docs/cli.md is generated from the commands; regenerate it with
    `python -m podium.cli.reference > docs/cli.md`."""
    from pathlib import Path

    from podium.cli.reference import render

    committed = (Path(__file__).resolve().parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == render()
