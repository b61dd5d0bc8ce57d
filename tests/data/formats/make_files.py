"""How the files beside this script were made, once, from ../shared/corpus; the tests read the
committed files, so they need neither this script nor its tools (reportlab is not a podium
dependency: `pip install reportlab python-docx` to run it again).

The source is the Federal Reserve's transcript of Chair Powell's press conference of 2022-06-15 (a
US government work, public domain), the first part of it: its page furniture (`June 15, 2022 ...
FINAL`, `Page N of 27`) taken out, so the `.txt` is the briefing as text. The PDF sets that text
again the way a press office would: paragraphs reflowed to a narrower measure, long words
hyphenated across line ends, a running header at the top of every page and `Page N of M` at the
bottom, and the header drawn last on each page (after the body), as some PDF writers do, so the
order of the content stream is not the reading order. The DOCX holds the same paragraphs, each
speaker label a bold run, and a small table. `scanned.pdf` is one page holding only an image.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parents[2].parent / "shared" / "corpus" / "fomc-2022-06-15.txt"
STEM = "fomc-2022-06-15-excerpt"
LAST_LINE = 304  # through the third question's answer: opening statement plus a few exchanges
FURNITURE = re.compile(r"^(June 15, 2022\s+Chair Powell.s Press Conference\s+FINAL|Page \d+ of \d+)\s*$")
LABEL = re.compile(r"^([A-Z][A-Z’'-]+(?: [A-Z][A-Z’'-]+)+\.)\s+")  # CHAIR POWELL.
HEADER = "June 15, 2022    Chair Powell’s Press Conference    FINAL"
TABLE = [("Projection (median)", "2022", "2023", "2024"), ("Unemployment rate", "3.7", "3.9", "4.1")]


def clean_lines() -> list[str]:
    lines = SOURCE.read_text(encoding="utf-8").splitlines()[:LAST_LINE]
    kept = [line.rstrip() for line in lines if not FURNITURE.match(line)]
    return [line for line in kept if line.strip()]


def paragraphs(lines: list[str]) -> list[str]:
    """A paragraph ends at a short line or before a speaker label."""
    out: list[list[str]] = [[]]
    for line in lines:
        if LABEL.match(line) and out[-1]:
            out.append([])
        out[-1].append(line.strip())
        if len(line) < 70:
            out.append([])
    return [" ".join(p) for p in out if p]


def wrap(text: str, width: float, measure) -> list[str]:
    """Greedy lines; a long word that does not fit is hyphenated when both halves keep 3 letters."""
    lines, line = [], ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if measure(candidate) <= width:
            line = candidate
            continue
        head = _hyphen_head(word, width - measure(line + " ") if line else width, measure)
        if head:
            lines.append(f"{line} {head}-" if line else head + "-")
            line = word[len(head):]
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _hyphen_head(word: str, room: float, measure) -> str:
    if not re.fullmatch(r"[a-z]{7,}[,.;:]?", word) or "-" in word:
        return ""
    letters = word.rstrip(",.;:")
    for cut in range(len(letters) - 3, 2, -1):
        if measure(letters[:cut] + "-") <= room:
            return letters[:cut]
    return ""


def make_pdf(paras: list[str]) -> None:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    font, size, leading = "Times-Roman", 12, 15
    left, right, top, bottom = 72, letter[0] - 72, letter[1] - 100, 90
    measure = lambda s: stringWidth(s, font, size)  # noqa: E731
    pages: list[list[tuple[float, str, str]]] = [[]]
    y = top
    for para in paras:
        label = LABEL.match(para)
        indent = 0 if label else 36
        for i, line in enumerate(wrap(para, right - left - (indent if True else 0), measure)):
            if y < bottom:
                pages.append([])
                y = top
            pages[-1].append((left + (indent if i == 0 else 0), y, line))
            y -= leading
    pdf = canvas.Canvas(str(HERE / f"{STEM}.pdf"), pagesize=letter, invariant=1)
    pdf.setTitle("Transcript of Chair Powell’s Press Conference")
    for number, lines in enumerate(pages, 1):
        pdf.setFont(font, size)
        for x, y, line in lines:
            label = LABEL.match(line)
            if label:  # bold label as the Fed sets it
                pdf.setFont("Times-Bold", size)
                pdf.drawString(x, y, label.group(1))
                pdf.setFont(font, size)
                pdf.drawString(x + stringWidth(label.group(1) + "  ", "Times-Bold", size), y, line[label.end():])
            else:
                pdf.drawString(x, y, line)
        pdf.setFont(font, 10)
        pdf.drawCentredString(letter[0] / 2, 50, f"Page {number} of {len(pages)}")
        pdf.drawString(left, letter[1] - 50, HEADER)  # drawn last: stream order is not reading order
        pdf.showPage()
    pdf.save()


def make_docx(paras: list[str]) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = "Transcript of Chair Powell’s Press Conference"
    for para in paras:
        label = LABEL.match(para)
        paragraph = document.add_paragraph()
        if label:
            paragraph.add_run(label.group(1)).bold = True
            paragraph.add_run("  " + para[label.end():])
        else:
            paragraph.add_run(para)
    table = document.add_table(rows=0, cols=len(TABLE[0]))
    for row in TABLE:
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = value
    document.save(str(HERE / f"{STEM}.docx"))


def make_scanned() -> None:
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    from PIL import Image

    rng = random.Random(19)
    image = Image.new("L", (200, 260), 255)
    for y in range(20, 240, 8):  # grey strokes where a scan's lines of print would be
        for x in range(20, rng.randint(120, 180)):
            image.putpixel((x, y), rng.randint(0, 90))
    pdf = canvas.Canvas(str(HERE / "scanned.pdf"), pagesize=letter, invariant=1)
    pdf.drawImage(ImageReader(image), 72, 300, width=400, height=520)
    pdf.showPage()
    pdf.save()


def main() -> None:
    lines = clean_lines()
    text = "\n".join(lines) + "\n"
    (HERE / f"{STEM}.txt").write_text(text, encoding="utf-8")
    paras = paragraphs(lines)
    make_pdf(paras)
    make_docx(paras)
    make_scanned()
    print(f"{len(paras)} paragraphs", file=sys.stderr)


if __name__ == "__main__":
    main()
