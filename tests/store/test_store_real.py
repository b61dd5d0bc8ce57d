"""The real transcripts in ../shared/corpus: every one the pipeline parses is stored and comes back
whole, and each can be found by a word taken from its own longest turn."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import podium
from podium.store import HIT_END, HIT_START, Corpus
from podium.store.ingest import ingest

from .conftest import assert_whole

WORD = re.compile(r"[A-Za-z]{6,}")


@pytest.fixture(scope="module")
def real_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, podium.Briefing]]:
    corpus_dir = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
    if not corpus_dir.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    db = tmp_path_factory.mktemp("real") / "real.db"
    parsed = {}
    for path in sorted(corpus_dir.glob("*.txt")):
        try:
            parsed[str(path.resolve())] = podium.parse(path.resolve())
        except podium.PodiumError:
            continue
    with Corpus(db) as corpus:
        summary = ingest(corpus, [corpus_dir / "*.txt"], jobs=2)
    assert summary.added == len(parsed) and summary.files == len(list(corpus_dir.glob("*.txt")))
    return db, parsed


def test_every_real_briefing_comes_back_whole(real_db: tuple[Path, dict[str, podium.Briefing]]) -> None:
    db, parsed = real_db
    assert assert_whole(db) == len(parsed)
    with Corpus(db, readonly=True) as corpus:
        for row in corpus.briefings():
            back = corpus.briefing(row["id"])
            expected = parsed[row["source"]]
            assert json.loads(json.dumps(back.to_dict())) == json.loads(json.dumps(expected.to_dict()))
            for qty in back.quantities:
                assert back.text[qty.start : qty.end] == qty.text


def test_each_real_briefing_is_found_by_its_own_words(real_db: tuple[Path, dict[str, podium.Briefing]]) -> None:
    db, parsed = real_db
    with Corpus(db, readonly=True) as corpus:
        for source, briefing in parsed.items():
            turns = [t for t in briefing.turns if WORD.search(t.text)]
            if not turns:
                continue
            longest = max(turns, key=lambda t: len(t.text))
            word = max(WORD.findall(longest.text), key=len)
            ident = briefing.content_hash[:16]
            hits = corpus.search(word, briefing=ident, limit=None)
            assert longest.id in {h["turn"] for h in hits}, (source, word)
            assert all(h["briefing_id"] == ident for h in hits)


CJK_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")


def test_real_chinese_turns_are_found_by_a_word_inside_them(real_db: tuple[Path, dict[str, podium.Briefing]]) -> None:
    db, parsed = real_db
    checked = 0
    with Corpus(db, readonly=True) as corpus:
        for briefing in parsed.values():
            turns = [t for t in briefing.turns if CJK_PAIR.search(t.text)]
            if not turns:
                continue
            longest = max(turns, key=lambda t: len(t.text))
            pairs = CJK_PAIR.findall(longest.text)
            word = pairs[len(pairs) // 2]  # from the middle of the speech, never at its edge
            hits = corpus.search(word, briefing=briefing.content_hash[:16], limit=None)
            assert longest.id in {h["turn"] for h in hits}, word
            assert all(f"{HIT_START}{word}{HIT_END}" in h["snippet"] for h in hits)
            checked += 1
    if not checked:
        pytest.skip("no real transcript holds Chinese text")
