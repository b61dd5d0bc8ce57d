"""Readers: encodings, HTML paragraphs, Markdown front matter, and bad input."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

import podium.read
from podium.errors import PodiumError
from podium.read import read_bytes, read_path

SAMPLE = "寿小丽:\n\n女士们、先生们,上午好!Welcome – café, 5.2%.\n\nShou Xiaoli:\n\nGood morning.\n"


@pytest.mark.parametrize(
    "raw",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        SAMPLE.encode("utf-16"),  # with its BOM
        codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
        SAMPLE.encode("gb18030"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "gb18030"],
)
def test_text_in_any_common_encoding_reads_the_same(raw: bytes) -> None:
    doc = read_bytes(raw, name="briefing.txt")
    assert doc.text == SAMPLE
    assert doc.format == "text"


def test_short_gb18030_with_latin_text_is_not_taken_for_korean() -> None:
    text = "Bai Lan:\n\nWelcome, 欢迎 – café.\n"
    assert read_bytes(text.encode("gb18030"), name="b.txt").text == text


def test_offsets_index_the_text_as_read() -> None:
    doc = read_bytes(codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), name="b.txt")
    assert doc.text.index("Shou Xiaoli:") == SAMPLE.index("Shou Xiaoli:")


def test_html_keeps_paragraph_breaks_and_drops_navigation() -> None:
    raw = (
        b"<html><head><title>Press  briefing</title></head><body><nav>Home | Press Room</nav>"
        b"<article><p>Bai Lan:</p><p>Hello <b>there</b>.<br>Next line</p><div>Tan Wei:</div></article></body></html>"
    )
    doc = read_bytes(raw, name="page.html")
    assert doc.text == "Bai Lan:\n\nHello there.\n\nNext line\n\nTan Wei:\n"
    assert doc.title == "Press briefing"


def test_truncated_html_keeps_what_it_has() -> None:
    raw = b"<html><body><article><p>Bai Lan:</p><p>Welcome to this press conference.</p><p>Tan Wei:</p><p>Thank you for the que"
    doc = read_bytes(raw, name="cut.html")
    assert doc.text == "Bai Lan:\n\nWelcome to this press conference.\n\nTan Wei:\n\nThank you for the que\n"


def test_html_without_text_is_no_transcript() -> None:
    with pytest.raises(PodiumError) as caught:
        read_bytes(b"<html><body><script>var x = 1;</script></body></html>", name="empty.html")
    assert caught.value.code == "E003" and caught.value.path == "empty.html"


def test_front_matter_gives_title_date_and_body_start() -> None:
    text = "---\ntitle: \"Press Briefing by\u00a0Someone\"\ndate: '2023-02-01'\n---\n\nMS. DOE:  Hello.\n"
    doc = read_bytes(text.encode("utf-8"), name="b.md")
    assert (doc.title, doc.date) == ("Press Briefing by Someone", "2023-02-01")
    assert doc.text == text
    assert doc.text[doc.body_start :] == "\nMS. DOE:  Hello.\n"


def test_front_matter_after_a_bom_and_a_broken_header() -> None:
    doc = read_bytes(codecs.BOM_UTF8 + b"---\ndate: 2023-02-01\n---\nBody\n", name="b.md")
    assert doc.date == "2023-02-01" and doc.text[doc.body_start :] == "Body\n"
    broken = read_bytes(b"---\ntitle: [unclosed\n---\nBody\n", name="b.md")
    assert broken.title is None and broken.text[broken.body_start :] == "Body\n"


def test_empty_file_is_no_transcript(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n\n")
    with pytest.raises(PodiumError) as caught:
        read_path(path)
    assert caught.value.code == "E003" and caught.value.path == str(path)
    assert str(path) in str(caught.value)


def test_binary_file_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(PodiumError) as caught:
        read_path(path)
    assert caught.value.code == "E002" and "binary" in caught.value.reason


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(podium.read.MAX_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(PodiumError) as caught:
        read_path(path)
    assert caught.value.code == "E004" and caught.value.path == str(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(PodiumError) as missing:
        read_path(tmp_path / "nope.txt")
    assert missing.value.code == "E001" and "no such file" in missing.value.reason
    with pytest.raises(PodiumError) as directory:
        read_path(tmp_path)
    assert directory.value.code == "E001"


def test_errors_pickle_intact() -> None:
    import pickle

    error = PodiumError("E002", "binary data", "x.txt")
    assert pickle.loads(pickle.dumps(error)) == error


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom(encoding: str) -> None:
    text = "Bai Lan:\n\nWelcome to this press conference. Output grew 5% in 2023.\n\nTan Wei:\n\nThank you.\n"
    assert read_bytes(text.encode(encoding), name="b.txt").text == text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_file_cut_mid_character_keeps_its_text(encoding: str) -> None:
    text = SAMPLE + "欢迎"
    raw = text.encode(encoding)[:-1]  # the last character loses a byte
    doc = read_bytes(raw, name="cut.txt")
    assert doc.text == text[:-1] + "\ufffd"
    assert doc.metadata["encoding"] == encoding


@pytest.mark.parametrize(
    ("raw", "code", "kind"), [(b"%PDF-1.7\n%\xe2\xe3", "E002", "PDF"), (b"PK\x03\x04\x14\x00", "E005", "DOCX")]
)
def test_a_broken_pdf_or_docx_is_refused_by_name(raw: bytes, code: str, kind: str) -> None:
    with pytest.raises(PodiumError) as caught:
        read_bytes(raw + bytes(200), name="briefing.bin")
    assert caught.value.code == code and kind in caught.value.reason


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Mr. Müller said the café's résumé was naïve.\n", "latin-1"),
        ("\u201cWe\u2019re on track,\u201d she said \u2013 growth was 5%.\n", "cp1252"),
        ("Q: Señor Pérez, ¿qué opina? A: Está bien, gracias. Très bien.\n", "cp1252"),
    ],
)
def test_western_single_byte_text_is_not_taken_for_a_chinese_or_baltic_code(text: str, encoding: str) -> None:
    doc = read_bytes(text.encode(encoding), name="western.txt")
    assert doc.text == text


def test_control_characters_over_one_percent_mark_binary() -> None:
    prose = "女士们 Good morning, 5.2%.\n" * 40  # multi-byte characters are no control characters
    few = prose[:500] + "\x07" * 3 + prose[500:]
    assert read_bytes(few.encode("utf-8"), name="a.txt").text == few
    many = prose[:500] + "\x07\x1b" * 20 + prose[500:]
    with pytest.raises(PodiumError) as caught:
        read_bytes(many.encode("utf-8"), name="a.txt")
    assert caught.value.code == "E002" and "control characters" in caught.value.reason


def test_a_directory_is_named_as_one(tmp_path: Path) -> None:
    with pytest.raises(PodiumError) as caught:
        read_path(tmp_path)
    assert caught.value.code == "E001" and caught.value.reason == "is a directory"
