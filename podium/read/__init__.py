"""Readers: a path or bytes become a `Document` (text + metadata).

Offsets everywhere in podium index `Document.text`, the text exactly as a reader returns it. A
reader is a module in this package with `FORMAT`, `sniff(raw, suffix) -> bool` and
`read(raw, path) -> Document`; add one to `READERS` and nothing else changes.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from podium.errors import PodiumError
from podium.model import Caveat
from podium.read import html, markdown, text
from podium.read.document import Document

MAX_BYTES = 50 * 1024 * 1024  # a transcript is rarely over 1 MB; larger is a mistake, not a briefing

# Formats a reader may come for later; until then they get a clear refusal, not "binary data".
_UNSUPPORTED = ((b"%PDF", "PDF"), (b"PK\x03\x04", "ZIP (DOCX or other Office)"), (b"\xd0\xcf\x11\xe0", "legacy Office"))

# Order matters: the first reader whose sniff accepts the input wins; plain text takes the rest.
READERS = (markdown, html, text)

__all__ = ["Document", "read_path", "read_bytes", "READERS", "MAX_BYTES"]


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


def read_bytes(raw: bytes, *, name: str = "<bytes>") -> Document:
    if len(raw) > MAX_BYTES:
        raise PodiumError("E004", f"{len(raw):,} bytes, over the {MAX_BYTES:,}-byte limit", name)
    if not raw or raw.isspace():  # the test of raw.strip(), without copying the file
        raise PodiumError("E003", "the file is empty", name)
    for magic, kind in _UNSUPPORTED:
        if raw.startswith(magic):
            raise PodiumError("E005", f"a {kind} file; podium reads text, HTML and Markdown", name)
    suffix = Path(name).suffix.lower()
    decoded, encoding, repairs = text.decode(raw, name=name)
    for reader in READERS:
        if reader.sniff(decoded, suffix):
            doc = reader.read(decoded, name)
            doc.metadata.setdefault("encoding", encoding)
            doc.warnings += [Caveat("decoding", repair) for repair in repairs]
            if not doc.text or doc.text.isspace():
                raise PodiumError("E003", "no text after reading it as " + reader.FORMAT, name)
            return doc
    raise PodiumError("E005", "no reader accepts it", name)  # unreachable: text accepts all
