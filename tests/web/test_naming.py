"""One name per field across the API's listings, and ids matched in any case in filters as in paths."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from .conftest import WebCorpus, longest_word

LISTINGS = ("figures", "findings", "commitments", "search")
OLD_NAMES = {"turn_id", "title", "date", "position"}


def first_row(client: TestClient, name: str, web_corpus: WebCorpus, example_id: str) -> dict:
    params = {"briefing": example_id}
    if name == "search":
        params["q"] = longest_word(web_corpus.briefings[example_id].turns[1].text)
    rows = client.get(f"/api/v1/{name}", params=params).json()
    assert rows, name
    return rows[0]


@pytest.mark.parametrize("name", LISTINGS)
def test_every_listing_names_the_briefing_and_turn_alike(client: TestClient, web_corpus: WebCorpus, example_id: str, name: str) -> None:
    row = first_row(client, name, web_corpus, example_id)
    briefing = web_corpus.briefings[example_id]
    assert (row["briefing_id"], row["briefing_title"], row["briefing_date"]) == (example_id, briefing.title, briefing.date)
    assert not OLD_NAMES & set(row), f"{name} still sends {OLD_NAMES & set(row)}"


def test_search_and_figures_name_the_turn_turn(client: TestClient, web_corpus: WebCorpus, example_id: str) -> None:
    hit = first_row(client, "search", web_corpus, example_id)
    figure = first_row(client, "figures", web_corpus, example_id)
    turns = {t.id for t in web_corpus.briefings[example_id].turns}
    assert hit["turn"] in turns and figure["turn"] in turns


def test_the_documented_models_use_the_same_names(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    for model in ("FigureRow", "FindingRow", "CommitmentRow", "SearchHit"):
        fields = set(schemas[model]["properties"])
        assert {"id" if model != "SearchHit" else "turn", "briefing_id", "briefing_title", "briefing_date"} <= fields, model
        assert not OLD_NAMES & fields, model


@pytest.mark.parametrize("name", LISTINGS)
def test_a_briefing_filter_takes_the_id_in_any_case(client: TestClient, web_corpus: WebCorpus, example_id: str, name: str) -> None:
    params = {"limit": 500} | ({"q": longest_word(web_corpus.briefings[example_id].turns[1].text)} if name == "search" else {})
    lower = client.get(f"/api/v1/{name}", params={**params, "briefing": example_id}).json()
    upper = client.get(f"/api/v1/{name}", params={**params, "briefing": example_id.upper()}).json()
    prefix = client.get(f"/api/v1/{name}", params={**params, "briefing": example_id[:6].upper()}).json()
    assert lower and upper == lower == prefix
