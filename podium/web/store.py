"""How routes reach the corpus: read-only for every GET, writable only for an upload. The corpus
is a SQLite file or a Parquet dataset folder (podium ingest --dataset), which is read-only."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from fastapi import HTTPException, Request

from podium.dataset import is_dataset, open_store
from podium.store import Corpus
from podium.web.limits import deadline_of, interrupt_at

# Briefing ids are 16-hex content-hash prefixes, and so are the ids of figures, findings and
# commitments (podium/ids.py); anything else is refused before the store sees it.
BRIEFING_ID = re.compile(r"[0-9a-f]{16}")
READ_ONLY_DATASET = "this corpus is a read-only dataset; add transcripts with podium ingest PATH --dataset DIR"


def ensure_corpus(db: Path) -> None:
    """Create the database when missing, so that read-only opens afterwards find a schema; check
    its integrity either way (a damaged file stops the app at start, named). A file the app may
    not write is served read-only; a dataset folder is opened once, so that a missing extra or a
    folder that is no dataset stops the app at start."""
    if is_dataset(db):
        with open_read(db):
            return
    writable = not db.exists() or (os.access(db, os.W_OK) and os.access(db.parent, os.W_OK))
    with Corpus(db, readonly=not writable):
        pass


def read_corpus(request: Request) -> Iterator[Corpus]:
    """A FastAPI dependency: the corpus opened read-only for the length of one request, its
    queries interrupted at the request's deadline (a SQLite file's and a dataset's alike). The
    file was checked at start; a query that meets damage since then fails as E013."""
    with open_read(request.app.state.db) as corpus, interrupt_at(corpus, deadline_of(request)):
        yield corpus


def open_read(db: Path) -> Corpus:
    """The SQLite file, or the dataset at `db` (the same read methods: podium.dataset.read.Dataset)."""
    return open_store(db, readonly=True, verify=False)  # type: ignore[return-value]


def is_read_only_dataset(request: Request) -> bool:
    return bool(request.app.state.read_only_dataset)


def checked_id(briefing_id: str, *, what: str = "briefing") -> str:
    """The id in the store's spelling (lower case, as filters take it), or 404."""
    if not BRIEFING_ID.fullmatch(briefing_id.lower()):
        raise HTTPException(404, f"no {what} {briefing_id!r}")
    return briefing_id.lower()
