"""Full-text search: BM25 order, hit markers, filters, and user syntax that must never crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from podium.store import HIT_END, HIT_START, Corpus

from .conftest import Filled, Speech, build_briefing


OPERATORS = {"AND", "OR", "NOT", "NEAR"}


def marked_words(snippet: str) -> list[str]:
    words = []
    while HIT_START in snippet:
        snippet = snippet.split(HIT_START, 1)[1]
        word, snippet = snippet.split(HIT_END, 1)
        words.append(word)
    return words


def test_hits_carry_their_turn_briefing_and_marked_snippet(filled: Filled) -> None:
    with Corpus(filled.db, readonly=True) as corpus:
        hits = corpus.search("retail")
    assert len(hits) == 1
    hit = hits[0]
    turn = next(t for t in filled.economy.turns if "Retail" in t.text)
    assert (hit["briefing_id"], hit["turn"], hit["speaker"], hit["role"]) == (
        filled.economy_id,
        turn.id,
        turn.speaker,
        turn.role,
    )
    assert (hit["start"], hit["end"], hit["briefing_title"], hit["briefing_date"]) == (
        turn.start,
        turn.end,
        filled.economy.title,
        filled.economy.date,
    )
    assert marked_words(hit["snippet"]) == ["Retail"]
    assert hit["snippet"].replace(HIT_START, "").replace(HIT_END, "").strip("…") in turn.text


def test_better_matches_rank_first(db: Path) -> None:
    # Same length turns: the one saying the word more often is the stronger BM25 match.
    speeches = [
        Speech("Ana Ruiz", "official", "Harvest was fine and the rest was calm this season overall."),
        Speech("Ben Okoro", "official", "Harvest after harvest, the harvest kept getting better for us."),
        Speech("Ana Ruiz", "official", "Prices held while the harvest came in across the north region."),
    ]
    with Corpus(db) as corpus:
        corpus.add(build_briefing("farm.txt", speeches))
        hits = corpus.search("harvest")
    scores = [h["score"] for h in hits]
    assert len(hits) == 3 and scores == sorted(scores, reverse=True) and scores[0] > scores[1]
    assert hits[0]["turn"] == 1


@pytest.mark.parametrize(
    ("filters", "speakers"),
    [
        ({"role": "journalist"}, {"Sam Carter", "Casey Wong"}),
        ({"speaker": "carter"}, {"Sam Carter"}),
        ({"since": "2024-01-01"}, {"Sam Carter", "Jordan Lee"}),
        ({"until": "2023-06-30"}, {"Casey Wong"}),  # the whole last day counts
        ({"until": "2023"}, {"Casey Wong"}),  # so does a bare year
        ({"since": "2023-07", "until": "2024-01-15"}, {"Sam Carter", "Jordan Lee"}),
        ({"role": "host"}, set()),
    ],
)
def test_search_filters(filled: Filled, filters: dict[str, str], speakers: set[str]) -> None:
    with Corpus(filled.db, readonly=True) as corpus:
        assert {h["speaker"] for h in corpus.search("unemployment", **filters)} == speakers


def test_briefing_filter_takes_an_id_or_its_start(filled: Filled) -> None:
    with Corpus(filled.db, readonly=True) as corpus:
        assert {h["briefing_id"] for h in corpus.search("unemployment", briefing=filled.trade_id[:5])} == {filled.trade_id}
        assert corpus.search("unemployment", briefing="%") == []


def test_fts_syntax_works(filled: Filled) -> None:
    with Corpus(filled.db, readonly=True) as corpus:
        assert {h["speaker"] for h in corpus.search('"unemployment rate"')} == {"Jordan Lee"}
        assert {h["speaker"] for h in corpus.search("export*")} == {"Riley Quinn", "Casey Wong"}
        assert {h["speaker"] for h in corpus.search("unemployment NOT target")} == {"Jordan Lee", "Casey Wong"}


@pytest.mark.parametrize("query", ['"unbalanced', "exports AND (", "(", "NEAR(", "jobs -", "col:exports", "*", "AND", '"'])
def test_bad_syntax_falls_back_to_plain_words(filled: Filled, query: str) -> None:
    with Corpus(filled.db, readonly=True) as corpus:
        hits = corpus.search(query)
    words = [w.strip('"()*:-').lower() for w in query.split() if w not in OPERATORS]
    for hit in hits:  # whatever matches holds every word of the query
        text = next(t.text for b in (filled.economy, filled.trade) for t in b.turns if t.start == hit["start"])
        assert all(w in text.lower() for w in words if w.isalnum())


def test_plain_word_fallback_finds_what_the_words_say(filled: Filled) -> None:
    with Corpus(filled.db, readonly=True) as corpus:
        assert {h["speaker"] for h in corpus.search("exports AND (")} == {"Riley Quinn", "Casey Wong"}


def test_blank_queries_and_pages(filled: Filled) -> None:
    with Corpus(filled.db, readonly=True) as corpus:
        assert corpus.search("") == corpus.search("   ") == []
        everything = corpus.search("unemployment")
        assert corpus.search("unemployment", limit=1, offset=1) == everything[1:2]
        assert corpus.search("unemployment", limit=None) == everything
