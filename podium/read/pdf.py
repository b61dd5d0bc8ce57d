"""A PDF's text layer, in reading order, without running headers and footers, with words
hyphenated across line ends made whole; `metadata["pages"]` holds each page's start offset.

pypdf (pure Python, BSD, no dependencies of its own) in its layout mode: it places text by its
position on the page, so a header the writer drew last still comes first, and a bold label drawn
apart from its line stays on that line. pdfplumber read the test transcripts as well but took
about 25 times as long and brings pdfminer.six, pypdfium2 and Pillow; PyMuPDF is AGPL. Layout
mode lays a page out as one grid, so two text columns would interleave line by line; transcripts
are set in one column. Scans (no text layer) are refused: podium does no OCR."""

from __future__ import annotations

import io
from typing import Any

from podium.errors import PodiumError
from podium.read.document import Document
from podium.read.pages import drop_running_lines, join_hyphenated, join_pages, tidy_lines

SUFFIXES = (".pdf",)
FORMAT = "pdf"
MAGIC = b"%PDF-"
_MAGIC_WINDOW = 1024  # the PDF spec lets a few bytes of junk come before the header


def sniff(raw: bytes, suffix: str) -> bool:
    return MAGIC in raw[:_MAGIC_WINDOW]


def read(raw: bytes, name: str) -> Document:
    reader = _open(raw, name)
    pages = [tidy_lines(text) for text in _page_texts(reader, name)]
    if not any(line for page in pages for line in page):
        raise PodiumError(
            "E003",
            f"the PDF's {len(pages)} page(s) have no text layer (a scan?); podium does no OCR, so run OCR on it first",
            name,
        )
    pages, running = drop_running_lines(pages)
    pages, joined = join_hyphenated(pages)
    text, offsets = join_pages(["\n".join(page) for page in pages])
    metadata: dict[str, Any] = {
        "pages": offsets,
        "page_count": len(pages),
        "running_lines_removed": running,
        "hyphenations_joined": joined,
    }
    return Document(text=text + "\n", source=name, format=FORMAT, title=_title(reader), metadata=metadata)


def _open(raw: bytes, name: str) -> Any:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise PodiumError("E005", "the PDF is encrypted with a password", name)
        return reader
    except PdfReadError as exc:
        raise PodiumError("E002", f"not a readable PDF ({exc})", name) from None


def _page_texts(reader: Any, name: str) -> list[str]:
    from pypdf.errors import DependencyError, PdfReadError

    try:
        return [page.extract_text(extraction_mode="layout") for page in reader.pages]
    except DependencyError as exc:  # e.g. AES encryption without the optional cryptography package
        raise PodiumError("E005", f"cannot decrypt the PDF ({exc})", name) from None
    except (PdfReadError, ValueError, KeyError) as exc:
        raise PodiumError("E002", f"a damaged PDF ({type(exc).__name__}: {exc})", name) from None


def _title(reader: Any) -> str | None:
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:  # noqa: BLE001 - a broken info dictionary loses only the title
        return None
    return " ".join(str(title).split()) or None if title else None
