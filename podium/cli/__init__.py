"""The `podium` command. Each module below registers its commands on the one app."""

from podium.cli import align, briefing, checks, corpus, quantities, web  # noqa: F401  (registers commands)
from podium.cli.app import app, main

__all__ = ["app", "main"]
