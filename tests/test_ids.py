"""Stable ids for figures, findings and commitments (podium/ids.py), in the model and the store."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from conftest import EXAMPLE

import podium
from podium.ids import item_id, numbered, stamp_ids
from podium.model import Briefing
from podium.store import Corpus
from podium.store.db import MIGRATIONS

HEX16 = re.compile(r"[0-9a-f]{16}")


def every_id(briefing: Briefing) -> list[str]:
    return [x.id for x in (*briefing.quantities, *briefing.findings, *briefing.commitments)]


def test_every_item_of_a_parsed_briefing_has_a_distinct_id() -> None:
    briefing = podium.parse(EXAMPLE)
    ids = every_id(briefing)
    assert briefing.quantities and briefing.findings and briefing.commitments
    assert all(HEX16.fullmatch(i) for i in ids)
    assert len(set(ids)) == len(ids)
    assert briefing.to_dict()["quantities"][0]["id"] == briefing.quantities[0].id


def test_the_same_text_parsed_again_gives_the_same_ids() -> None:
    assert every_id(podium.parse(EXAMPLE)) == every_id(podium.parse(EXAMPLE))


def test_an_id_depends_on_the_text_not_on_the_list_order() -> None:
    briefing = podium.parse(EXAMPLE)
    before = {q.text + str(q.start): q.id for q in briefing.quantities}
    briefing.quantities.reverse()
    stamp_ids(briefing)
    assert {q.text + str(q.start): q.id for q in briefing.quantities} == before


def test_another_text_gives_other_ids() -> None:
    briefing = podium.parse(EXAMPLE)
    changed = podium.parse(EXAMPLE.read_text(encoding="utf-8") + "\nThank you.\n")
    assert not set(every_id(briefing)) & set(every_id(changed))


def test_repeated_keys_are_numbered_in_order() -> None:
    assert numbered(["a", "b", "a", "a"]) == ["a", "b", "a#1", "a#2"]
    assert item_id("figure", "0" * 16, "1-2") != item_id("finding", "0" * 16, "1-2")


def test_the_store_keeps_and_returns_the_ids(tmp_path: Path) -> None:
    briefing = podium.parse(EXAMPLE)
    with Corpus(tmp_path / "c.db") as corpus:
        ident = corpus.add(briefing)
        stored = corpus.briefing(ident)
        assert stored is not None and every_id(stored) == every_id(briefing)
        assert [row["id"] for row in corpus.findings(briefing=ident)] == [f.id for f in briefing.findings]
        figure = corpus.figure(briefing.quantities[3].id)
        assert figure is not None and figure["start"] == briefing.quantities[3].start


def test_the_migration_gives_rows_stored_before_ids_the_ids_podium_gives(tmp_path: Path) -> None:
    briefing = podium.parse(EXAMPLE)
    # A repeated key (the same figure twice) must be numbered in SQL as in Python.
    briefing.quantities.append(briefing.quantities[0].__class__(**{**vars(briefing.quantities[0]), "id": ""}))
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add(briefing)
    expected = every_id(briefing)
    script = (MIGRATIONS / "0006_item_ids.sql").read_text(encoding="utf-8")
    updates = [s.strip() for s in script.split(";") if s.strip().startswith("UPDATE")]
    with Corpus(tmp_path / "c.db") as corpus:  # opened through podium: its SQL functions are registered
        conn: sqlite3.Connection = corpus.conn
        for table in ("quantities", "findings", "commitments"):
            conn.execute(f"UPDATE {table} SET id = NULL")
        for update in updates:
            conn.execute(update)
        conn.commit()
        stored = corpus.briefing(next(iter([r["id"] for r in corpus.briefings()])))
    assert stored is not None and every_id(stored) == expected
    assert len(set(expected)) == len(expected)


def test_the_export_tables_carry_the_ids(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    briefing = podium.parse(EXAMPLE)
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add(briefing)
        for table, items in (("quantities", briefing.quantities), ("findings", briefing.findings), ("commitments", briefing.commitments)):
            assert corpus.to_arrow(table).column("id").to_pylist() == [x.id for x in items], table
