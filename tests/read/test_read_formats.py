"""PDF and DOCX: the same briefing as its text gives the same words, turns and figures; page
offsets, running headers, hyphenation, labels and tables; scans and broken files refused clearly.

The committed files in tests/data/formats/ were made once from a Federal Reserve transcript (see
make_files.py there), so these tests need neither ../shared nor any PDF writer."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest

from podium.errors import PodiumError
from podium.model import Briefing
from podium.pipeline import parse
from podium.read import read_bytes, read_path
from podium.read.pages import drop_running_lines, join_hyphenated, join_pages, page_of, tidy_lines

from conftest import CORPUS

FORMATS = Path(__file__).resolve().parent.parent / "data" / "formats"
STEM = "fomc-2022-06-15-excerpt"
TEXT, PDF, DOCX = (FORMATS / f"{STEM}.{suffix}" for suffix in ("txt", "pdf", "docx"))
TABLE_LINES = ("Projection (median) | 2022 | 2023 | 2024", "Unemployment rate | 3.7 | 3.9 | 4.1")


def speakers(briefing: Briefing) -> list[str | None]:
    return [turn.speaker for turn in briefing.turns]


def figures(briefing: Briefing) -> list[tuple[float | None, str | None]]:
    return [(qty.value, qty.unit) for qty in briefing.quantities]


@pytest.fixture(scope="module")
def as_text() -> Briefing:
    return parse(read_path(TEXT))


@pytest.fixture(scope="module")
def as_pdf() -> Briefing:
    return parse(read_path(PDF))


# --- PDF ------------------------------------------------------------------------------------------


def test_pdf_reads_the_same_words_as_the_text() -> None:
    doc = read_path(PDF)
    assert doc.format == "pdf"
    assert doc.text.split() == read_path(TEXT).text.split()
    assert doc.title == "Transcript of Chair Powell’s Press Conference"


def test_pdf_gives_the_same_turns_and_figures_as_the_text(as_text: Briefing, as_pdf: Briefing) -> None:
    assert len(as_text.turns) > 10 and len(as_text.quantities) > 30
    assert speakers(as_pdf) == speakers(as_text)
    assert figures(as_pdf) == figures(as_text)


def test_pdf_spans_index_the_text_as_read(as_pdf: Briefing) -> None:
    for qty in as_pdf.quantities:
        assert as_pdf.text[qty.start : qty.end] == qty.text


def test_pdf_running_header_and_page_footer_are_removed_and_named() -> None:
    doc = read_path(PDF)
    assert "FINAL" not in doc.text and not re.search(r"Page \d+ of \d+", doc.text)
    removed = doc.metadata["running_lines_removed"]
    assert any("Press Conference" in line and "FINAL" in line for line in removed)
    assert any(re.fullmatch(r"Page \d+ of 7", line) for line in removed)
    # The header is drawn last on each page, yet the text starts with the page's first line.
    assert doc.text.startswith("Transcript of Chair Powell’s Press Conference\nJune 15, 2022\nCHAIR POWELL.")


def test_pdf_words_broken_across_lines_are_joined() -> None:
    raw_text = "\n".join(page.extract_text() for page in pypdf.PdfReader(PDF).pages)
    broken = re.findall(r"([a-z]+)-\n([a-z]+)", raw_text)
    assert len(broken) > 20  # the file really hyphenates
    doc = read_path(PDF)
    assert doc.metadata["hyphenations_joined"] == len(broken)
    for head, tail in broken:
        assert head + tail in doc.text
    assert not re.search(r"[a-z]-\n[a-z]", doc.text)


def test_pdf_page_offsets_say_where_a_figure_is(as_pdf: Briefing) -> None:
    starts = as_pdf.metadata["pages"]
    assert len(starts) == as_pdf.metadata["page_count"] == len(pypdf.PdfReader(PDF).pages) == 7
    assert starts[0] == 0 and starts == sorted(starts)
    # Each page as pypdf reads it on its own, line-end hyphens closed up.
    pages = [re.sub(r"([a-z])-\n([a-z])", r"\1\2", page.extract_text()) for page in pypdf.PdfReader(PDF).pages]
    pages = [" ".join(page.split()) for page in pages]
    for qty in as_pdf.quantities:
        number = page_of(as_pdf.metadata, qty.start)
        assert number is not None
        context = " ".join(as_pdf.text[max(qty.start - 30, starts[number - 1]) : qty.end].split())
        assert context in pages[number - 1], (qty.text, number)
    assert {page_of(as_pdf.metadata, q.start) for q in as_pdf.quantities} >= {1, 2, 3}


def test_a_scanned_pdf_is_refused_saying_why() -> None:
    with pytest.raises(PodiumError) as caught:
        read_path(FORMATS / "scanned.pdf")
    assert caught.value.code == "E003"
    assert "no text layer" in caught.value.reason and "OCR" in caught.value.reason
    assert caught.value.path and caught.value.path.endswith("scanned.pdf")


def test_a_damaged_pdf_is_refused_naming_it() -> None:
    with pytest.raises(PodiumError) as caught:
        read_bytes(b"%PDF-1.7\n%\xe2\xe3" + bytes(200), name="broken.pdf")
    assert caught.value.code == "E002" and "PDF" in caught.value.reason and caught.value.path == "broken.pdf"


# --- pages: running lines, hyphens, offsets ---------------------------------------------------------


def test_running_lines_need_most_pages_and_a_page_edge() -> None:
    pages = [
        ["Ministry briefing", "Bai Lan: Growth was 5%.", "Thank you.", "- 1 -"],
        ["Ministry briefing", "Thank you.", "Tan Wei: Exports rose.", "- 2 -"],
        ["Ministry briefing", "Bai Lan: Next question.", "Thank you.", "more text", "and more", "- 3 -"],
    ]
    kept, removed = drop_running_lines(pages)
    assert removed == ["Ministry briefing", "- 1 -"]
    assert kept[0] == ["Bai Lan: Growth was 5%.", "Thank you."]
    assert kept[1] == ["Thank you.", "Tan Wei: Exports rose."]  # top edge, but on too few pages
    assert kept[2] == ["Bai Lan: Next question.", "Thank you.", "more text", "and more"]
    assert drop_running_lines([["Ministry briefing", "Text."]]) == ([["Ministry briefing", "Text."]], [])


def test_hyphens_a_typesetter_added_go_and_real_compounds_stay() -> None:
    pages = [
        ["the longer-term outlook and busi-", "nesses in the longer-", "term view, 2023-"],
        ["24 budget; a soft\u00ad", "ware upgrade. And Mr-", "Smith spoke"],
    ]
    joined, count = join_hyphenated(pages)
    assert joined == [
        ["the longer-term outlook and businesses", "in the longer-term", "view, 2023-"],
        ["24 budget; a software", "upgrade. And Mr-", "Smith spoke"],
    ]
    assert count == 3  # digits and a capital after the hyphen are left alone


def test_page_starts_and_page_of() -> None:
    text, starts = join_pages(["one\ntwo", "three", "four"])
    assert text == "one\ntwo\nthree\nfour" and starts == [0, 8, 14]
    meta = {"pages": starts}
    assert [page_of(meta, text.index(word)) for word in ("two", "three", "four")] == [1, 2, 3]
    assert page_of({}, 5) is None


def test_tidy_lines_narrows_layout_gaps_and_blank_runs() -> None:
    assert tidy_lines("   \n  CHAIR POWELL.          Good afternoon.  \n\n\n\n   Next   \n\n") == [
        "CHAIR POWELL.  Good afternoon.",
        "",
        "Next",
    ]


# --- DOCX -----------------------------------------------------------------------------------------


def test_docx_gives_the_same_words_turns_and_figures_as_the_text(as_text: Briefing) -> None:
    doc = read_path(DOCX)
    assert doc.format == "docx" and doc.title == "Transcript of Chair Powell’s Press Conference"
    body, _, table = doc.text.rstrip("\n").rpartition("\n\n")
    assert table.split("\n") == list(TABLE_LINES)
    assert body.split() == read_path(TEXT).text.split()
    briefing = parse(doc)
    assert speakers(briefing) == speakers(as_text)
    in_body = [(q.value, q.unit) for q in briefing.quantities if q.start < len(body)]
    assert in_body == figures(as_text)
    in_table = [q.value for q in briefing.quantities if q.start >= len(body)]
    assert {3.7, 3.9, 4.1} <= set(in_table)


def docx_bytes(paragraphs: list[list[tuple[str, bool]]], table: list[list[str]] | None = None) -> bytes:
    document = docx.Document()
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for text, bold in runs:
            paragraph.add_run(text).bold = bold or None
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table):
            for cell, value in zip(row.cells, values):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_bold_labels_come_out_as_name_colon_text() -> None:
    raw = docx_bytes(
        [
            [("Bai Lan:", True), ("Good morning. Growth was 5.2% in the first quarter.", False)],
            [("Tan Wei", True), (": Thank you. Exports rose 3%.", False)],
            [("Important", True), (" figures follow: 7 percent.", False)],
            [("Bai Lan", True), ("：", True), ("Next question.", False)],
        ],
        table=[["Indicator", "Value"], ["GDP growth", "5.2%"]],
    )
    doc = read_bytes(raw, name="briefing.docx")
    assert doc.text == (
        "Bai Lan: Good morning. Growth was 5.2% in the first quarter.\n\n"
        "Tan Wei: Thank you. Exports rose 3%.\n\n"
        "Important figures follow: 7 percent.\n\n"
        "Bai Lan： Next question.\n\n"
        "Indicator | Value\nGDP growth | 5.2%\n"
    )
    briefing = parse(doc)
    assert speakers(briefing)[:2] == ["Bai Lan", "Tan Wei"]


def test_docx_merged_cells_are_written_once() -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "Quarterly figures"
    for cell, value in zip(table.rows[1].cells, ("Q1", "5.3%", "5.0%")):
        cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    assert read_bytes(buffer.getvalue(), name="t.docx").text == "Quarterly figures\nQ1 | 5.3% | 5.0%\n"


def test_an_empty_docx_has_no_transcript() -> None:
    with pytest.raises(PodiumError) as caught:
        read_bytes(docx_bytes([[("   ", False)]]), name="empty.docx")
    assert caught.value.code == "E003" and "docx" in caught.value.reason


def test_a_zip_that_is_not_docx_and_a_legacy_doc_are_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", "<office/>")
    with pytest.raises(PodiumError) as caught:
        read_bytes(buffer.getvalue(), name="notes.odt")
    assert caught.value.code == "E005" and "not a Word DOCX" in caught.value.reason
    with pytest.raises(PodiumError) as caught:
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), name="old.doc")
    assert caught.value.code == "E005" and "legacy Office" in caught.value.reason


@pytest.mark.skipif(not (CORPUS / "scio-2024-05-21-xinjiang.txt").is_file(), reason="../shared/corpus is absent")
def test_a_shared_briefing_saved_as_word_reads_as_its_text() -> None:
    """A real briefing whose `Name:` label paragraphs become bold runs at the start of the speech."""
    source = read_path(CORPUS / "scio-2024-05-21-xinjiang.txt")
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", source.text) if p.strip()]
    runs: list[list[tuple[str, bool]]] = []
    label: str | None = None
    for paragraph in paragraphs:
        if re.fullmatch(r"[^\n.?!]{2,60}:", paragraph):
            label = paragraph
            continue
        runs.append([(label, True), (paragraph, False)] if label else [(paragraph, False)])
        label = None
    as_word = parse(read_bytes(docx_bytes(runs), name="xinjiang.docx"))
    as_text = parse(source)
    assert len(as_text.turns) > 10
    assert speakers(as_word) == speakers(as_text)
    assert figures(as_word) == figures(as_text)


@pytest.mark.parametrize("name", ["briefing.pdf", "briefing.docx"])
def test_text_named_as_a_pdf_or_docx_is_refused_not_read_as_text(name: str) -> None:
    with pytest.raises(PodiumError) as caught:
        read_bytes(b"Bai Lan:\n\nGrowth was 5%.\n", name=name)
    assert caught.value.code == "E002" and "not a" in caught.value.reason and caught.value.path == name
