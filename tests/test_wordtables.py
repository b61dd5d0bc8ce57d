"""The word tables load, and a missing one is an error that names it."""

from __future__ import annotations

from importlib import resources

import pytest

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
