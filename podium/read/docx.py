"""A Word (.docx) file through python-docx: its body's paragraphs and tables in document order, a
blank line between paragraphs, each table row one line with its cells between ` | `.

A speaker label set in bold at a paragraph's start and followed by a colon comes out as
`Name: text`, the form structure reads, however the runs split the colon and the spaces (`Name:`
glued to the speech gets its space). A bold lead without a colon is left as written: bold is also
plain emphasis, and a colon podium invented would be text no one wrote. Headers, footers and
comments are not the transcript and are left out."""

from __future__ import annotations

import io
from typing import Any

from podium.errors import PodiumError
from podium.read.document import Document

SUFFIXES = (".docx",)
FORMAT = "docx"
MAGIC = b"PK\x03\x04"
CELL_SEPARATOR = " | "
LABEL_MAX_WORDS = 8  # a bold run longer than this is emphasis, not a name
_COLONS = (":", "：")


def sniff(raw: bytes, suffix: str) -> bool:
    if not raw.startswith(MAGIC):
        return False
    import zipfile  # only a file that opens as a ZIP archive is looked into

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def read(raw: bytes, name: str) -> Document:
    document = _open(raw, name)
    blocks = [_block_text(item) for item in document.iter_inner_content()]
    text = "\n\n".join(block for block in blocks if block.strip())
    title = (document.core_properties.title or "").strip() or None
    return Document(text=text + "\n" if text else "", source=name, format=FORMAT, title=title)


def _open(raw: bytes, name: str) -> Any:
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise PodiumError("E002", f"not a readable Word file ({type(exc).__name__}: {exc})", name) from None


def _block_text(item: Any) -> str:
    from docx.table import Table

    if isinstance(item, Table):
        return _table_text(item)
    return _paragraph_text(item)


def _paragraph_text(paragraph: Any) -> str:
    from docx.text.run import Run

    # Runs and hyperlinks alike: `paragraph.runs` would miss the text inside a link.
    parts = [(item.text, isinstance(item, Run) and _is_bold(item)) for item in paragraph.iter_inner_content()]
    split = 0
    while split < len(parts) and (parts[split][1] or not parts[split][0].strip()):
        split += 1
    whole = "".join(text for text, _ in parts).strip()
    lead = "".join(text for text, _ in parts[:split]).strip()
    if not lead or len(lead.split()) > LABEL_MAX_WORDS:
        return whole
    return _labelled(lead, "".join(text for text, _ in parts[split:]).strip()) or whole


def _labelled(lead: str, body: str) -> str | None:
    """A bold lead and what follows it as `Name: text`; None when it is not a label."""
    if lead.endswith(_COLONS):
        return f"{lead} {body}".rstrip()
    if body.startswith(_COLONS):
        return f"{lead}{body[0]} {body[1:].strip()}".rstrip()
    return None


def _is_bold(run: Any) -> bool:
    if run.bold is not None:
        return bool(run.bold)
    style = run.style
    return bool(style is not None and style.font is not None and style.font.bold)


def _table_text(table: Any) -> str:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is listed once per grid column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            lines.append(CELL_SEPARATOR.join(cells))
    return "\n".join(lines)
