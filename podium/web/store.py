"""How routes reach the corpus: read-only for every GET, writable only for an upload."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from fastapi import HTTPException, Request

from podium.store import Corpus
from podium.web.limits import deadline_of, interrupt_at

# Briefing ids are 16-hex content-hash prefixes, and so are the ids of figures, findings and
# commitments (podium/ids.py); anything else is refused before the store sees it.
BRIEFING_ID = re.compile(r"[0-9a-f]{16}")


def ensure_corpus(db: Path) -> None:
    """Create the database when missing, so that read-only opens afterwards find a schema; check
    its integrity either way (a damaged file stops the app at start, named). A file the app may
    not write is served read-only."""
    writable = not db.exists() or (os.access(db, os.W_OK) and os.access(db.parent, os.W_OK))
    with Corpus(db, readonly=not writable):
        pass


def read_corpus(request: Request) -> Iterator[Corpus]:
    """A FastAPI dependency: the corpus opened read-only for the length of one request, its
    queries interrupted at the request's deadline. The file was checked at start; a query that
    meets damage since then fails as E013."""
    with Corpus(request.app.state.db, readonly=True, verify=False) as corpus:
        interrupt_at(corpus.conn, deadline_of(request))
        yield corpus


def checked_id(briefing_id: str, *, what: str = "briefing") -> str:
    """The id in the store's spelling (lower case, as filters take it), or 404."""
    if not BRIEFING_ID.fullmatch(briefing_id.lower()):
        raise HTTPException(404, f"no {what} {briefing_id!r}")
    return briefing_id.lower()
