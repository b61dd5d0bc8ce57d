"""The CLI reference (docs/cli.md), generated from the commands themselves so it cannot drift.

Regenerate with `python -m podium.cli.reference > docs/cli.md`; tests/test_docs.py checks it."""

from __future__ import annotations

import inspect

from typing import Any

from podium.cli.app import all_commands


def _param_line(param: Any) -> str:
    # Duck-typed: typer carries its own copy of click, whose classes are not click's.
    if param.param_type_name == "argument":
        name = (param.metavar or param.name).upper()
        return f"- `{name}`{' ...' if param.nargs == -1 else ''}: {getattr(param, 'help', '') or ''}".rstrip(": ")
    flags = ", ".join(f"`{opt}`" for opt in [*param.opts, *param.secondary_opts])
    help_text = getattr(param, "help", "") or ""
    envvar = getattr(param, "envvar", None)
    if envvar:
        help_text += f" (env: `{envvar}`)"
    return f"- {flags}: {help_text}".rstrip(": ")


def render() -> str:
    lines = ["# podium CLI reference", "", "Generated from the commands by `python -m podium.cli.reference`.", ""]
    for name, command in sorted(all_commands().items()):
        # A blank line makes the indented example a code block in Markdown.
        help_text = inspect.cleandoc(command.help or "").replace("Example:\n", "Example:\n\n")
        lines += [f"## podium {name}", "", help_text, ""]
        params = [p for p in command.params if p.name != "help"]
        if params:
            lines += [_param_line(p) for p in params] + [""]
    return "\n".join(lines)


if __name__ == "__main__":
    print(render(), end="")
