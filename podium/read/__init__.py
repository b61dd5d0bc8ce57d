"""Readers: a path or bytes become a `Document` (text + metadata).

Offsets everywhere in podium index `Document.text`, the text exactly as a reader returns it. A
reader is a module in this package with `FORMAT`, `sniff(raw, suffix) -> bool` and
`read(raw, path) -> Document`; add one to `READERS` and nothing else changes. Binary formats (PDF,
DOCX) have the same three names but take the raw bytes; they sit in `BINARY_READERS`.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from podium.errors import PodiumError
from podium.model import Caveat
from podium.read import docx, html, markdown, pdf, text
from podium.read.document import Document

MAX_BYTES = 50 * 1024 * 1024  # a transcript is rarely over 1 MB; larger is a mistake, not a briefing

# Formats a reader may come for later; until then they get a clear refusal, not "binary data".
_UNSUPPORTED = ((b"PK\x03\x04", "ZIP (not a Word DOCX)"), (b"\xd0\xcf\x11\xe0", "legacy Office (.doc)"))

# Order matters: the first reader whose sniff accepts the input wins; plain text takes the rest.
READERS = (markdown, html, text)
BINARY_READERS = (pdf, docx)  # sniffed on the bytes, before any decoding

__all__ = ["Document", "read_path", "read_bytes", "READERS", "BINARY_READERS", "MAX_BYTES"]


def read_path(path: str | Path) -> Document:
    path = Path(path)
    try:
        info = path.stat()  # one stat answers every question below, before anything is opened
        _check_regular(info.st_mode, path)
        size = info.st_size
        if size > MAX_BYTES:
            raise PodiumError("E004", f"{size:,} bytes, over the {MAX_BYTES:,}-byte limit", str(path))
        raw = _read_regular(path)
    except FileNotFoundError:
        raise PodiumError("E001", "no such file", str(path)) from None
    except PermissionError:
        raise PodiumError("E001", "permission denied", str(path)) from None
    except IsADirectoryError:
        raise PodiumError("E001", "is a directory", str(path)) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise PodiumError("E001", "a symbolic link that loops back on itself", str(path)) from None
        raise PodiumError("E001", exc.strerror or str(exc), str(path)) from None
    return read_bytes(raw, name=str(path))


def _check_regular(mode: int, path: Path) -> None:
    """Only a regular file is read: opening a FIFO waits for a writer forever, a device may never
    end or may act on being opened, and a socket cannot be opened at all."""
    if stat.S_ISDIR(mode):
        raise PodiumError("E001", "is a directory", str(path))
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _SPECIAL if test(mode)), "a special file")
        raise PodiumError("E001", f"{kind}, not a regular file: skipped without opening it", str(path))


_SPECIAL = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _read_regular(path: Path) -> bytes:
    # Non-blocking, so that a file swapped for a FIFO after the stat above cannot hang the open;
    # the descriptor's own stat then settles what was opened.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as handle:
        _check_regular(os.fstat(fd).st_mode, path)
        return handle.read()


def read_bytes(raw: bytes, *, name: str = "<bytes>", suffix: str | None = None) -> Document:
    """`suffix` is the format hint where `name` carries none (a web address, whose content type
    says what it is)."""
    if len(raw) > MAX_BYTES:
        raise PodiumError("E004", f"{len(raw):,} bytes, over the {MAX_BYTES:,}-byte limit", name)
    if not raw or raw.isspace():  # the test of raw.strip(), without copying the file
        raise PodiumError("E003", "the file is empty", name)
    suffix = Path(name).suffix.lower() if suffix is None else suffix
    for binary in BINARY_READERS:
        if binary.sniff(raw, suffix):
            return _with_text(binary.read(raw, name), binary.FORMAT, name)
        if suffix in binary.SUFFIXES:  # read as text it would be a page of garbage, or a disguise
            raise PodiumError("E002", f"named {suffix} but its bytes are not a {binary.FORMAT.upper()} file", name)
    for magic, kind in _UNSUPPORTED:
        if raw.startswith(magic):
            raise PodiumError("E005", f"a {kind} file; podium reads text, HTML, Markdown, PDF and DOCX", name)
    decoded, encoding, repairs = text.decode(raw, name=name)
    for reader in READERS:
        if reader.sniff(decoded, suffix):
            doc = reader.read(decoded, name)
            doc.metadata.setdefault("encoding", encoding)
            doc.warnings += [Caveat("decoding", repair) for repair in repairs]
            return _with_text(doc, reader.FORMAT, name)
    raise PodiumError("E005", "no reader accepts it", name)  # unreachable: text accepts all


def _with_text(doc: Document, format_: str, name: str) -> Document:
    if not doc.text or doc.text.isspace():
        raise PodiumError("E003", "no text after reading it as " + format_, name)
    return doc
