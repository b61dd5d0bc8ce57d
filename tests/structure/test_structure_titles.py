"""A title from the text when the metadata has none: a title line, else the first heading, else one
composed from the series, who briefed, the region and the date. Briefings with a title keep it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import podium
from conftest import EXAMPLE
from podium.store import Corpus
from podium.store import db as store_db
from podium.structure.meta import title_from

# Invented names; the host introduces the series as SCIO hosts do.
SERIES_TEXT = """Dana Whitfield:

Good morning. This is the 4th press conference in the series "Building Better Towns." We have invited
Mr. Owen Hale, governor of Larkmoor province, to brief you.

Owen Hale:

Thank you. Output grew by 5.2% in 2023.

Dana Whitfield:

Thank you. Today's press conference is concluded.
"""
HEADING_TEXT = "# Larkmoor economy update\n\n" + SERIES_TEXT


def test_a_series_briefing_without_a_title_is_named_by_its_series() -> None:
    briefing = podium.parse(SERIES_TEXT, stages=["structure.v1"])
    assert (briefing.series, briefing.series_number) == ("Building Better Towns", 4)
    assert briefing.title is not None and briefing.title.startswith("Building Better Towns No. 4")
    assert briefing.metadata["title_source"] == "composed"


def test_the_first_heading_comes_before_a_composed_title() -> None:
    briefing = podium.parse(HEADING_TEXT, stages=["structure.v1"])
    assert briefing.title == "Larkmoor economy update"
    assert briefing.metadata["title_source"] == "heading"


def test_a_title_line_is_kept_and_not_marked() -> None:
    briefing = podium.parse(EXAMPLE, stages=["structure.v1"])
    assert briefing.title == EXAMPLE.read_text(encoding="utf-8").splitlines()[0].strip()
    assert "title_source" not in briefing.metadata


def test_composed_titles_say_what_is_known_and_nothing_else() -> None:
    assert title_from("Building Better Towns", 4, "Owen Hale", "Larkmoor", "2024-05-21") == (
        "Building Better Towns No. 4: Larkmoor, 2024-05-21"
    )
    assert title_from("Building Better Towns", None, None, None, None) == "Building Better Towns"
    assert title_from(None, None, "Owen Hale", None, "2020") == "Briefing by Owen Hale, 2020"
    assert title_from(None, None, None, None, "2019") == "Briefing, 2019"
    assert title_from(None, None, None, None, None) is None


def test_briefings_stored_untitled_get_the_title_a_parse_gives(tmp_path: Path) -> None:
    briefing = podium.parse(SERIES_TEXT)
    db = tmp_path / "c.db"
    with Corpus(db) as corpus:
        ident = corpus.add(briefing)
    with sqlite3.connect(db) as conn:  # as a briefing stored before titles were composed
        conn.execute("UPDATE briefings SET title = NULL, metadata = json_remove(metadata, '$.title_source')")
        conn.execute("DELETE FROM schema_migrations WHERE name LIKE '%composed_titles%'")
    with Corpus(db) as corpus:  # the titles step again, as the migration runner applies it
        number, path = next((n, p) for n, p in store_db.migrations() if "composed_titles" in p.name)
        store_db.register_functions(corpus.conn)
        store_db._apply(corpus.conn, number, path)
        stored = corpus.briefing(ident)
    assert stored is not None
    assert (stored.title, stored.metadata["title_source"]) == (briefing.title, "composed")
