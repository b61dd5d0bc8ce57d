"""Bounded ranking: search scores only the newest SEARCH_DEPTH matching turns. A query matching
fewer is ranked in full (the same hits and scores as bm25 over every match); one matching more
gets the best of the newest SEARCH_DEPTH, while count_search, the web page and the API still say
how many match. The depth is lowered here so that a small corpus crosses it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from podium.cli import app
from podium.store import Corpus, queries
from podium.web import create_app

from .conftest import Speech, build_briefing

# Turns saying "harvest" a different number of times, so bm25 orders them apart.
SAYINGS = [
    "The harvest came in late this year after the rains in the hills.",
    "Harvest after harvest, the harvest kept getting better for the farms.",
    "Prices held while the harvest was stored in the northern granaries.",
    "A good harvest and another harvest next year: that is the plan.",
]


@pytest.fixture
def farms(db: Path) -> Path:
    """Three briefings of four turns each, all saying "harvest", plus one turn that does not."""
    with Corpus(db) as corpus:
        for n, date in enumerate(("2024-01-10", "2024-02-10", "2024-03-10")):
            speeches = [Speech("Ana Ruiz", "official", f"{text} In region{' and more' * n}.") for text in SAYINGS]  # no ties
            speeches.append(Speech("Ben Okoro", "journalist", f"What about rice in region {n}?"))
            corpus.add(build_briefing(f"farm{n}.txt", speeches, title=f"Farm briefing {n}", date=date))
    return db


def every_match(db: Path, query: str) -> list[tuple[int, float]]:
    """(rowid, bm25) of every matching turn, scored over the whole index: the reference."""
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT rowid, bm25(turns_fts) FROM turns_fts WHERE turns_fts MATCH ?", (query,)).fetchall()


def keys(db: Path, rowids: list[int]) -> list[tuple[str, int]]:
    with sqlite3.connect(db) as conn:
        found = dict(conn.execute(f"SELECT rowid, briefing_id || ':' || turn_id FROM turn_spans WHERE rowid IN ({','.join(map(str, rowids))})"))
    return [(found[r].split(":")[0], int(found[r].split(":")[1])) for r in rowids]


def hit_keys(hits: list[dict]) -> list[tuple[str, int]]:
    return [(h["briefing_id"], h["turn"]) for h in hits]


def test_under_the_depth_the_ranking_is_the_full_one(farms: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reference = every_match(farms, "harvest")
    assert len(reference) == 12
    monkeypatch.setattr(queries, "SEARCH_DEPTH", 12)  # exactly as many as match
    with Corpus(farms, readonly=True) as corpus:
        hits = corpus.search("harvest", limit=None)
        assert corpus.count_search("harvest") == 12
    # The reference order is search's own: score, then the newer briefing, then id and turn.
    scored = sorted(reference, key=lambda r: r[1])
    assert sorted(h["score"] for h in hits) == sorted(-score for _, score in scored)
    assert set(hit_keys(hits)) == set(keys(farms, [rowid for rowid, _ in reference]))
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert hits[0]["turn"] == 1  # "harvest" three times in a short turn


def test_over_the_depth_the_newest_matches_are_ranked(farms: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reference = every_match(farms, "harvest")
    monkeypatch.setattr(queries, "SEARCH_DEPTH", 5)
    newest = sorted(reference, reverse=True)[:5]  # the five highest rowids: the last stored
    with Corpus(farms, readonly=True) as corpus:
        hits = corpus.search("harvest", limit=None)
        assert corpus.count_search("harvest") == 12  # every match is still counted
        assert corpus.search("harvest", limit=20, offset=5) == []
        page = corpus.search("harvest", limit=2, offset=2)
    assert set(hit_keys(hits)) == set(keys(farms, [rowid for rowid, _ in newest]))
    # Their scores are the full index's bm25 (the same IDF), best first.
    assert sorted(h["score"] for h in hits) == sorted(-score for _, score in newest)
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert hit_keys(page) == hit_keys(hits)[2:4]


def test_filters_apply_before_the_window(farms: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queries, "SEARCH_DEPTH", 5)
    with Corpus(farms, readonly=True) as corpus:
        first = corpus.search("harvest", until="2024-01-31", limit=None)
        oldest = corpus.search("harvest", limit=None)
    # The oldest briefing's four matching turns are not among the newest five of the corpus, but
    # they are all the matches the date filter leaves, so they are all ranked.
    assert len(first) == 4 and {h["briefing_date"] for h in first} == {"2024-01-10"}
    assert "2024-01-10" not in {h["briefing_date"] for h in oldest}


def test_the_web_page_and_the_api_say_how_many_match_and_how_many_are_ranked(
    farms: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queries, "SEARCH_DEPTH", 5)
    with TestClient(create_app(farms), base_url="http://127.0.0.1:8000") as client:
        page = client.get("/search", params={"q": "harvest", "limit": 5})
        api = client.get("/api/v1/search", params={"q": "harvest", "limit": 5})
        under = client.get("/api/v1/search", params={"q": "rice"})
    assert page.status_code == 200
    assert "12 turns match “harvest”; the newest 5 are ranked here" in page.text
    assert 'rel="next"' not in page.text  # the five ranked fill the page: nothing further to page to
    assert api.status_code == 200 and len(api.json()) == 5
    assert (api.headers["X-Match-Count"], api.headers["X-Total-Count"]) == ("12", "5")
    assert "Link" not in api.headers
    assert (under.headers["X-Match-Count"], under.headers["X-Total-Count"]) == ("3", "3")


def test_the_cli_help_says_how_search_ranks() -> None:
    result = CliRunner().invoke(app, ["search", "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert f"When more than {queries.SEARCH_DEPTH:,} turns match" in " ".join(result.output.split())


def test_a_search_in_one_briefing_finds_its_turns_only(farms: Path) -> None:
    with Corpus(farms, readonly=True) as corpus:
        ids = {b["date"]: b["id"] for b in corpus.briefings()}
        middle = ids["2024-02-10"]  # its turns' rowids lie between the other two briefings'
        everywhere = corpus.search("harvest", limit=None)
        inside = corpus.search("harvest", briefing=middle, limit=None)
        assert corpus.search("harvest", briefing=middle[:5].upper(), limit=None) == inside  # the start of an id, any case
        assert corpus.count_search("harvest", briefing=middle) == 4
        assert corpus.search("harvest", briefing="zz", limit=None) == [] and corpus.count_search("harvest", briefing="zz") == 0
    assert [h for h in everywhere if h["briefing_id"] == middle] == inside
    assert len(inside) == 4
