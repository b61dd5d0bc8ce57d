"""podium: official press conferences turned into data people can check."""

from podium.errors import PodiumError
from podium.model import Briefing, Quantity
from podium.pipeline import parse

__all__ = ["parse", "open", "Briefing", "Quantity", "PodiumError"]
__version__ = "0.1.0"


def open(path: str = "podium.db"):  # noqa: A001 - mirrors sqlite3.connect / builtins.open on purpose
    """Open a corpus store (a SQLite file) and return a Corpus; a dataset folder (written by
    `podium ingest --dataset`) opens as a read-only Dataset with the same read methods."""
    from podium.dataset import open_store

    return open_store(path)
