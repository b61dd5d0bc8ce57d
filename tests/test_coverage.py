"""Say what was lost: decoding repairs, a language podium does not read yet and figures it
skipped are warnings on the Briefing, in JSON, on stderr from the CLI, stored with the briefing,
and on its page and in the API. Every transcript here is invented for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import podium
from podium.cli import app
from podium.model import Briefing, Caveat
from podium.read import read_bytes
from podium.store import Corpus
from podium.web import create_app

runner = CliRunner()

ENGLISH = """Alex Moreno:

Good afternoon. Exports grew by 5.2 percent in the first quarter, and café owners are hiring.

Sam Carter:

What about imports this year?
"""
CHINESE = """王明:

今天我们介绍今年前三季度国民经济运行情况。总的看，经济稳中向好，就业形势总体稳定。

李华:

请问下一步政策如何安排？
"""
JAPANESE = """王明:

今日は日本の経済についてお話しします。ありがとうございます。

李华:

来年の見通しはどうですか？
"""
HUGE = "Alex Moreno:\n\nExports reached " + "9" * 400 + " yuan last year, and imports rose 3 percent.\n"


def kinds(briefing: Briefing) -> list[str]:
    return [w.kind for w in briefing.warnings]


def write(tmp_path: Path, name: str, raw: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(raw)
    return path


# --- decoding -----------------------------------------------------------------------------------


def test_a_character_cut_off_at_the_end_is_said() -> None:
    raw = ENGLISH.encode("utf-8") + "中".encode("utf-8")[:2]
    doc = read_bytes(raw, name="cut.txt")
    assert doc.text == ENGLISH + "\ufffd"
    assert doc.warnings == [
        Caveat("decoding", f"it ends inside a character (cut off while saving?): its last 2 byte(s) became U+FFFD at character {len(ENGLISH):,}")
    ]


def test_stray_bytes_in_utf8_become_replacements_and_are_said() -> None:
    head, tail = CHINESE[:20], CHINESE[20:]
    doc = read_bytes(head.encode("utf-8") + b"\xff\xfe" + tail.encode("utf-8"), name="stray.txt")
    assert doc.metadata["encoding"] == "utf-8"
    assert doc.text == head + "\ufffd\ufffd" + tail
    assert [w.kind for w in doc.warnings] == ["decoding"]
    assert doc.warnings[0].message == "2 run(s) of bytes that are not valid UTF-8 became U+FFFD, the first at character 20"


def test_clean_files_and_single_byte_encodings_carry_no_decoding_warning() -> None:
    assert read_bytes(ENGLISH.encode("utf-8"), name="a.txt").warnings == []
    western = read_bytes(ENGLISH.encode("cp1252"), name="b.txt")
    assert western.metadata["encoding"] == "cp1252" and "café" in western.text and western.warnings == []
    literal = read_bytes(ENGLISH.encode("utf-8") + "\ufffd\n".encode("utf-8"), name="c.txt")
    assert literal.warnings == []  # a U+FFFD the file holds is no repair


# --- languages and figures ------------------------------------------------------------------------


def test_a_chinese_transcript_is_read_with_no_language_warning() -> None:
    briefing = podium.parse(CHINESE.replace("就业形势总体稳定", "城镇新增就业1022万人"))
    assert briefing.warnings == []
    assert [(t.speaker, t.label) for t in briefing.turns] == [("王明", "王明:"), ("李华", "李华:")]
    assert [(q.text, q.value, q.unit) for q in briefing.quantities] == [("1022万", 10220000.0, "count")]


def test_a_japanese_transcript_is_said_to_be_unread() -> None:
    briefing = podium.parse(JAPANESE)
    assert briefing.quantities == []
    assert briefing.warnings == [
        Caveat(
            "language",
            "the text is mostly Japanese (100% of its letters), which podium does not read yet: 0 figure(s) found;"
            " speakers, figures and checks in it may be missing",
        )
    ]


def test_an_english_transcript_has_no_warnings() -> None:
    briefing = podium.parse(ENGLISH)
    assert briefing.quantities and briefing.warnings == []


def test_a_bilingual_transcript_mostly_english_is_not_flagged() -> None:
    assert podium.parse(ENGLISH * 3 + CHINESE.replace("王明:", "").replace("李华:", "")).warnings == []


def test_a_figure_too_large_to_hold_is_skipped_and_said() -> None:
    briefing = podium.parse(HUGE)
    assert [q.text for q in briefing.quantities] == ["3 percent"]
    assert kinds(briefing) == ["figures"]
    assert briefing.warnings[0].message.startswith("1 figure(s) skipped, their numbers too large to hold: '999")
    json.dumps(briefing.to_dict(), allow_nan=False)  # strict JSON: no Infinity left anywhere


# --- where warnings show --------------------------------------------------------------------------


def test_the_cli_prints_warnings_on_stderr_and_in_json(tmp_path: Path) -> None:
    path = write(tmp_path, "ja.txt", JAPANESE.encode("utf-8"))
    parsed = runner.invoke(app, ["parse", str(path)])
    assert parsed.exit_code == 0
    assert json.loads(parsed.stdout)["warnings"] == [vars(w) for w in podium.parse(path).warnings]
    assert f"warning: {path}: the text is mostly Japanese" in parsed.stderr
    for command in (["show", str(path)], ["check", str(path)], ["quantities", str(path)]):
        result = runner.invoke(app, command)
        assert result.exit_code == 0 and f"warning: {path}: the text is mostly Japanese" in result.stderr, command
    checked = runner.invoke(app, ["check", str(path), "--json"])
    assert json.loads(checked.stdout)["warnings"][0]["kind"] == "language"


def test_ingest_prints_each_files_warnings(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    cut = write(folder, "cut.txt", ENGLISH.encode("utf-8") + "中".encode("utf-8")[:1])
    write(folder, "fine.txt", ENGLISH.replace("5.2", "6.1").encode("utf-8"))
    result = runner.invoke(app, ["ingest", "--no-progress", str(folder), "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [f"warning: {cut}: it ends inside a character (cut off while saving?): its last 1 byte(s) became U+FFFD at character {len(ENGLISH):,}"]


def test_warnings_are_stored_and_served(tmp_path: Path) -> None:
    briefing = podium.parse(HUGE)
    db = tmp_path / "c.db"
    with Corpus(db) as corpus:
        ident = corpus.add(briefing)
        assert corpus.briefing(ident).warnings == briefing.warnings  # type: ignore[union-attr]
    with TestClient(create_app(db), base_url="http://127.0.0.1:8000") as client:
        api = client.get(f"/api/v1/briefings/{ident}").json()
        page = client.get(f"/briefings/{ident}").text
    assert api["warnings"] == [vars(w) for w in briefing.warnings]
    assert "What podium could not read" in page and "their numbers too large to hold" in page


@pytest.mark.parametrize("text", [ENGLISH])
def test_a_page_without_warnings_has_no_warning_section(tmp_path: Path, text: str) -> None:
    with Corpus(tmp_path / "c.db") as corpus:
        ident = corpus.add(podium.parse(text))
    with TestClient(create_app(tmp_path / "c.db"), base_url="http://127.0.0.1:8000") as client:
        assert "What podium could not read" not in client.get(f"/briefings/{ident}").text
