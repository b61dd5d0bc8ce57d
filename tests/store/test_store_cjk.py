"""Chinese and Japanese text, written without spaces, is found by any word inside a sentence."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from podium.store import HIT_END, HIT_START, Corpus
from podium.store.cjk import phrase_query, spaced, unspaced

from .conftest import Speech, assert_whole, build_briefing

# Invented speeches, one in each language, so each filter has something to tell apart.
CHINESE = "我们的经济增长保持稳定。出口增长了百分之五，GDP 增长也好。"
ENGLISH = "Exports grew steadily while the economy held firm."


@pytest.fixture
def mixed(db: Path) -> str:
    briefing = build_briefing(
        "mixed.txt", [Speech("Lin Hua", "official", CHINESE), Speech("Sam Carter", "journalist", ENGLISH)]
    )
    with Corpus(db) as corpus:
        return corpus.add(briefing)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("经济", " 经  济 "),
        ("GDP增长", "GDP 增  长 "),
        ("plain words", "plain words"),
        ("カタカナ", " カ  タ  カ  ナ "),
    ],
)
def test_spaced_puts_a_space_either_side_of_each_character(text: str, expected: str) -> None:
    assert spaced(text) == expected
    assert unspaced(spaced(text)) == text


def test_unspaced_joins_neighbouring_hits() -> None:
    snippet = f"的 {HIT_START}经{HIT_END}  {HIT_START}济{HIT_END}  增 "
    assert unspaced(snippet) == f"的{HIT_START}经济{HIT_END}增"


def test_phrase_query_keeps_each_term_together() -> None:
    assert phrase_query("经济 growth") == '"经 济" "growth"'
    assert phrase_query('出口"') == '"出 口 """'


def test_a_word_inside_a_sentence_is_found_and_marked(db: Path, mixed: str) -> None:
    with Corpus(db, readonly=True) as corpus:
        (hit,) = corpus.search("经济")
        assert hit["speaker"] == "Lin Hua" and hit["briefing_id"] == mixed
        assert f"{HIT_START}经济{HIT_END}" in hit["snippet"]
        assert hit["snippet"].replace(HIT_START, "").replace(HIT_END, "").strip("…") in CHINESE
        assert [h["speaker"] for h in corpus.search("增长 GDP")] == ["Lin Hua"]
        assert corpus.search("经济", role="journalist") == []
        assert corpus.count_search("经济", briefing=mixed) == 1 and corpus.count_search("经济", briefing="ffff") == 0
        assert [h["speaker"] for h in corpus.search("经济", briefing=mixed[:6])] == ["Lin Hua"]
        assert corpus.search("济经") == []  # the characters must stand side by side, in order
        assert [h["speaker"] for h in corpus.search("economy")] == ["Sam Carter"]


def test_removing_and_replacing_keep_the_index_in_step(db: Path, mixed: str) -> None:
    with Corpus(db) as corpus:
        replacement = build_briefing("mixed.txt", [Speech("Lin Hua", "official", "出口保持稳定。")])
        corpus.add(replacement)
        assert corpus.search("经济") == [] and len(corpus.search("出口")) == 1
    assert assert_whole(db) == 1
    with Corpus(db) as corpus:
        corpus.remove(corpus.briefing_ids()[0])
        assert corpus.search("出口") == []
    assert assert_whole(db) == 0


def test_the_migration_indexes_turns_already_stored(db: Path, mixed: str) -> None:
    with sqlite3.connect(db) as conn:  # as the database was before the character-level index
        conn.executescript(
            # before turn_spans (0008): turns a table holding its text, indexed by its own rowids
            "CREATE TABLE old_turns AS SELECT rowid AS rid, * FROM turns;"
            " DROP TRIGGER turn_spans_fts_insert; DROP TRIGGER turn_spans_fts_delete;"
            " DROP VIEW turns; DROP TABLE turn_spans;"
            " DROP INDEX briefings_newest_first; DROP INDEX briefings_oldest_first;"
            ' CREATE TABLE turns (briefing_id, turn_id, speaker, role, label, start, "end", body_start, text);'
            ' INSERT INTO turns (rowid, briefing_id, turn_id, speaker, role, label, start, "end", body_start, text)'
            ' SELECT rid, briefing_id, turn_id, speaker, role, label, start, "end", body_start, text FROM old_turns;'
            " DROP TABLE old_turns;"
            " DROP VIEW turns_cjk_text;"  # the CJK index's text (0011)
            " DROP TABLE turns_cjk; ALTER TABLE briefings DROP COLUMN warnings;"
            + "".join(f" DROP INDEX {t}_by_id; ALTER TABLE {t} DROP COLUMN id;" for t in ("quantities", "findings", "commitments"))
            # and before the places of figures (0009)
            + " DROP VIEW figures; DROP INDEX quantities_by_place; ALTER TABLE quantities DROP COLUMN place;"
            " ALTER TABLE quantities DROP COLUMN place_source; ALTER TABLE quantities DROP COLUMN entity;"
            " ALTER TABLE commitments DROP COLUMN place;"
            # and before the direction of figures (0010)
            " ALTER TABLE quantities DROP COLUMN direction;"
            " DELETE FROM schema_migrations WHERE version >= 4; PRAGMA user_version = 3;"
        )
    with Corpus(db) as corpus:
        assert [h["speaker"] for h in corpus.search("稳定")] == ["Lin Hua"]
    assert assert_whole(db) == 1


def test_a_plain_sqlite_reader_can_still_search_chinese(db: Path, mixed: str) -> None:
    # The index keeps no copy of its text (0011): what needs podium's function is its text column
    # and snippets; a reader without it (the sqlite3 shell, Datasette) still finds the turns.
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        found = conn.execute(
            "SELECT t.speaker, t.text FROM turns_cjk JOIN turns AS t ON t.rowid = turns_cjk.rowid WHERE turns_cjk MATCH ?",
            (phrase_query("出口"),),
        ).fetchall()
        assert found == [("Lin Hua", CHINESE)]
        with pytest.raises(sqlite3.OperationalError):  # "SQL logic error": the view calls podium_cjk_spaced
            conn.execute("SELECT snippet(turns_cjk, 0, '[', ']', '', 8) FROM turns_cjk WHERE turns_cjk MATCH ?", (phrase_query("出口"),)).fetchall()
