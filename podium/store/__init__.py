"""The corpus store: many briefings in one SQLite file (schema.sql plus numbered migrations/),
with an FTS5 index over what was said and every figure one query away."""

from podium.store.corpus import Corpus
from podium.store.queries import HIT_END, HIT_START

__all__ = ["Corpus", "HIT_START", "HIT_END"]
