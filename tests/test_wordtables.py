"""The word tables load, a missing one is an error that names it, and a table read once is kept
until it is edited."""

from __future__ import annotations

import datetime
import marshal
import sys
from importlib import resources
from pathlib import Path

import pytest

from podium import wordtables
from podium.errors import PodiumError
from podium.wordtables import lowered, read_table


def test_every_yaml_word_table_is_a_mapping_of_named_tables() -> None:
    names = [f.name for f in resources.files("podium").joinpath("data").iterdir() if f.name.endswith(".yaml")]
    assert names, "podium/data holds no word tables"
    for name in names:
        table = read_table(name)
        assert table, f"{name} is empty"
        assert all(isinstance(key, str) for key in table), f"{name} has a non-text table name"


def test_a_missing_table_names_the_file() -> None:
    with pytest.raises(PodiumError) as caught:
        read_table("no_such_table.yaml")
    assert caught.value.code == "E005"
    assert "no_such_table.yaml" in str(caught.value)


def test_lowered_words() -> None:
    assert lowered(["GDP", "Per Capita", 5]) == ("gdp", "per capita", "5")


def test_every_table_read_through_its_kept_copy_equals_its_yaml() -> None:
    from podium.wordtables import DATA, parsed_table

    for path in sorted(DATA.glob("*.yaml")):
        assert read_table(path.name) == parsed_table(path.read_bytes(), path.name), path.name


def read_in(folder: Path, name: str) -> dict[str, object]:
    """`read_table(name)` with the tables in `folder` and kept in folder/__pycache__, uncached in memory."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(wordtables, "DATA", folder)
        patch.setattr(wordtables, "KEPT", folder / "__pycache__")
        patch.setattr(sys, "dont_write_bytecode", False)
        return wordtables.read_table.__wrapped__(name)


def test_a_table_is_kept_once_read_and_read_again_once_edited(tmp_path: Path) -> None:
    table = tmp_path / "t.yaml"
    table.write_text("words: [growth, output]\n", encoding="utf-8")
    assert read_in(tmp_path, "t.yaml") == {"words": ["growth", "output"]}
    kept = tmp_path / "__pycache__" / ("t.yaml" + wordtables.KEPT_SUFFIX)
    assert marshal.loads(kept.read_bytes()) == (table.read_bytes(), {"words": ["growth", "output"]})

    # The kept copy is what is read while the text is the one it was read from ...
    kept.write_bytes(marshal.dumps((table.read_bytes(), {"words": ["from the kept copy"]})))
    assert read_in(tmp_path, "t.yaml") == {"words": ["from the kept copy"]}
    # ... and an edited table is read from its YAML, and kept anew.
    table.write_text("words: [growth, output, prices]\n", encoding="utf-8")
    assert read_in(tmp_path, "t.yaml") == {"words": ["growth", "output", "prices"]}
    assert marshal.loads(kept.read_bytes())[1] == {"words": ["growth", "output", "prices"]}


def test_a_table_that_cannot_be_kept_is_read_from_its_yaml(tmp_path: Path) -> None:
    (tmp_path / "__pycache__").write_text("a file where the folder would be", encoding="utf-8")
    (tmp_path / "t.yaml").write_text("words: [growth]\nsince: 2024-05-21\n", encoding="utf-8")
    assert read_in(tmp_path, "t.yaml") == {"words": ["growth"], "since": datetime.date(2024, 5, 21)}
    assert read_in(tmp_path, "t.yaml")["words"] == ["growth"]


def test_a_broken_kept_copy_or_broken_table_is_handled(tmp_path: Path) -> None:
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / ("t.yaml" + wordtables.KEPT_SUFFIX)).write_bytes(b"not marshal")
    (tmp_path / "t.yaml").write_text("words: [growth]\n", encoding="utf-8")
    assert read_in(tmp_path, "t.yaml") == {"words": ["growth"]}
    (tmp_path / "t.yaml").write_text("words: [growth\n", encoding="utf-8")
    with pytest.raises(PodiumError) as caught:
        read_in(tmp_path, "t.yaml")
    assert caught.value.code == "E005" and "t.yaml" in str(caught.value)


def test_no_table_is_kept_where_no_bytecode_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "t.yaml").write_text("words: [growth]\n", encoding="utf-8")
    monkeypatch.setattr(wordtables, "DATA", tmp_path)
    monkeypatch.setattr(wordtables, "KEPT", tmp_path / "__pycache__")
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert wordtables.read_table.__wrapped__("t.yaml") == {"words": ["growth"]}
    assert not (tmp_path / "__pycache__").exists()


SHIPPED = sorted(wordtables.DATA.glob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=[path.name for path in SHIPPED])
def test_every_entry_of_a_shipped_word_list_is_read_as_the_word_typed(path: Path) -> None:
    """YAML 1.1 reads a bare no, yes, on, off as a boolean and 12 or 2024-05-21 as a number or a
    date: each word of every shipped list must reach its stage as text."""
    import yaml

    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    assert list(wordtables.entries_not_words(data)) == []
    assert read_table(path.name) == data


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("words: [growth, no, output]\n", "words, entry 2 is read as false (a bare no, off or false)"),
        ("joiners: [of, the, on]\n", "joiners, entry 3 is read as true (a bare yes, on or true)"),
        ("cues:\n  open: [hello, yes]\n", "cues/open, entry 2 is read as true"),
        ("words: [growth, 12]\n", "words, entry 2 is read as a number (12)"),
        ("words: [growth, 2024-05-21]\n", "words, entry 2 is read as a date (2024-05-21)"),
        ("words: [growth, ~]\n", "words, entry 2 is read as nothing (a bare ~ or null)"),
        ("words: [off]\n", "words, entry 1 is read as false"),
        ("sizes: {decade: 10, off: 2}\n", "a key of sizes is read as false"),
    ],
)
def test_an_entry_read_as_other_than_a_word_names_the_file_and_the_entry(tmp_path: Path, text: str, reason: str) -> None:
    (tmp_path / "t.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(PodiumError) as caught:
        read_in(tmp_path, "t.yaml")
    assert caught.value.code == "E005" and caught.value.path == "t.yaml"
    assert caught.value.reason.startswith(reason) and caught.value.reason.endswith("not as a word: quote it")
    assert not (tmp_path / "__pycache__").exists()  # nothing kept: the next read says so again


def test_quoted_words_numbers_alone_and_values_of_names_load_as_written(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text(
        'words: [growth, "no", "on", "12"]\nhalves: [1, 6]\nsizes: {decade: 10}\nstrict: true\n', encoding="utf-8"
    )
    assert read_in(tmp_path, "t.yaml") == {"words": ["growth", "no", "on", "12"], "halves": [1, 6], "sizes": {"decade": 10}, "strict": True}
