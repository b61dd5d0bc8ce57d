"""The library and search name each briefing by its title (composed from the text when it has
none), never as "untitled" and never by its file name."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from markupsafe import escape

from .conftest import WebCorpus, longest_word


def test_every_stored_briefing_has_a_title(client: TestClient, web_corpus: WebCorpus) -> None:
    rows = client.get("/api/v1/briefings").json()
    assert {row["id"]: row["title"] for row in rows} == {i: b.title for i, b in web_corpus.briefings.items()}
    assert all(row["title"] for row in rows)


def test_the_library_shows_titles_not_file_names(client: TestClient, web_corpus: WebCorpus) -> None:
    page = client.get("/").text
    for briefing in web_corpus.briefings.values():
        assert str(escape(briefing.title)) in page
        name = Path(briefing.source).name
        assert f">{escape(name)}</a>" not in page


def test_search_names_each_hit_by_its_title(client: TestClient, web_corpus: WebCorpus) -> None:
    for ident, briefing in web_corpus.briefings.items():
        word = longest_word(briefing.turns[-1].text)
        page = client.get("/search", params={"q": word, "briefing": ident}).text
        assert str(escape(briefing.title)) in page, word
        assert "untitled briefing" not in page
