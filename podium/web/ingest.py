"""Uploads: check what arrived, parse it in memory, store it. Nothing is written to disk but the
database; the uploaded name is only a label (and a hint to the reader about the format)."""

from __future__ import annotations

import re
from pathlib import Path, PurePath

from podium.errors import PodiumError
from podium.model import Briefing
from podium.pipeline import parse
from podium.read import read_bytes
from podium.store import Corpus
from podium.store.corpus import Status

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MULTIPART_ENVELOPE_BYTES = 64 * 1024  # boundaries and part headers around the file itself
ACCEPTED_SUFFIXES: tuple[str, ...] = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx")
ACCEPTED_TYPES: tuple[str, ...] = (
    "text/plain",
    "text/markdown",
    "text/x-markdown",
    "text/html",
    "application/xhtml+xml",
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
# Browsers label files they do not recognise (often .md) as octet-stream; the suffix decides then.
GENERIC_TYPES: tuple[str, ...] = ("", "application/octet-stream")
UNSAFE_NAME_CHARS = re.compile(r"[^\w.\- ]+")


def upload_name(filename: str | None) -> str:
    """The uploaded file's base name, stripped of any directories and odd characters."""
    base = PurePath((filename or "").replace("\\", "/")).name
    cleaned = UNSAFE_NAME_CHARS.sub("_", base).strip(" .")[:120]
    return cleaned or "upload.txt"


def check_upload(name: str, content_type: str | None, size: int) -> None:
    """Refuse, with a coded error, a file that is too large or not text, HTML, Markdown, PDF or DOCX."""
    if size > MAX_UPLOAD_BYTES:
        raise PodiumError("E004", f"{size:,} bytes, over the {MAX_UPLOAD_BYTES:,}-byte upload limit", name)
    suffix = PurePath(name).suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        raise PodiumError("E005", f"only {', '.join(ACCEPTED_SUFFIXES)} files are accepted", name)
    media_type = (content_type or "").split(";")[0].strip().lower()
    if media_type not in ACCEPTED_TYPES and media_type not in GENERIC_TYPES:
        raise PodiumError("E005", f"content type {media_type!r} is not text, HTML, Markdown, PDF or DOCX", name)


def parse_upload(raw: bytes, name: str, content_type: str | None) -> Briefing:
    """Check and parse one uploaded transcript (the part that takes time)."""
    check_upload(name, content_type, len(raw))
    return parse(read_bytes(raw, name=name))


def parse_url(url: str) -> Briefing:
    """Fetch (or take from the cache) and parse the page at `url`. Only a user's explicit request
    reaches here: the web app fetches nothing on its own."""
    from podium.read.url import is_url, read_url

    if not is_url(url):
        raise PodiumError("E030", "the address must start with http:// or https://", url)
    return parse(read_url(url))


def store_briefing(briefing: Briefing, db: Path) -> tuple[str, Status]:
    """Store a parsed upload; its id and whether it was new (`added`), `replaced` an earlier
    version, or there already (`unchanged`)."""
    with Corpus(db) as corpus:
        return corpus.put(briefing)
