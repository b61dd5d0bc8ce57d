"""The corpus store: many briefings in one SQLite file (schema.sql plus numbered migrations/),
with an FTS5 index over what was said and every figure one query away.

`Corpus` is loaded on first use, so a command that only reads the column and filter tables of
`podium.store.queries` does not open SQLite or load the writer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from podium.store.queries import HIT_END, HIT_START

if TYPE_CHECKING:
    from podium.store.corpus import Corpus

__all__ = ["Corpus", "HIT_START", "HIT_END"]


def __getattr__(name: str) -> Any:
    if name == "Corpus":
        from podium.store.corpus import Corpus

        return Corpus
    raise AttributeError(f"module 'podium.store' has no attribute {name!r}")
