"""The `podium` command. Each command module registers its commands on the one app; a command's
module is imported when the command runs (podium.cli.app.COMMAND_MODULES)."""

from podium.cli.app import app, main

__all__ = ["app", "main"]
