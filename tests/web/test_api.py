"""The REST API under /api/v1, through the ASGI test client, against a real temporary corpus."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from conftest import EXAMPLE
from fastapi.testclient import TestClient

import podium
from podium.model import Briefing
from podium.store.queries import FIGURE_COLUMNS

from .conftest import WebCorpus, longest_word


def all_quantities(web_corpus: WebCorpus) -> list[tuple[str, Any]]:
    return [(i, q) for i, b in web_corpus.briefings.items() for q in b.quantities]


def test_briefings_lists_every_stored_id_with_a_total(client: TestClient, web_corpus: WebCorpus) -> None:
    response = client.get("/api/v1/briefings", params={"limit": 1000})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    rows = response.json()
    assert isinstance(rows, list)
    assert {row["id"] for row in rows} == set(web_corpus.briefings)
    assert int(response.headers["X-Total-Count"]) == len(web_corpus.briefings)


def test_briefings_pages_with_limit_and_offset(client: TestClient, web_corpus: WebCorpus) -> None:
    first = client.get("/api/v1/briefings", params={"limit": 1})
    second = client.get("/api/v1/briefings", params={"limit": 1, "offset": 1})
    assert len(first.json()) == 1 and len(second.json()) == 1
    assert first.json()[0]["id"] != second.json()[0]["id"]
    assert 'rel="next"' in first.headers["Link"]
    assert "offset=1" in first.headers["Link"]
    assert int(second.headers["X-Total-Count"]) == len(web_corpus.briefings)


def test_briefing_is_the_full_model(client: TestClient, web_corpus: WebCorpus, example_id: str) -> None:
    response = client.get(f"/api/v1/briefings/{example_id}")
    assert response.status_code == 200
    data = response.json()
    assert data["id"] == example_id
    parsed = web_corpus.briefings[example_id]
    served = Briefing.from_dict(data)
    assert served.text == parsed.text
    assert [p.name for p in served.participants] == [p.name for p in parsed.participants]
    assert [(t.start, t.end) for t in served.turns] == [(t.start, t.end) for t in parsed.turns]
    assert [(q.start, q.end, q.value) for q in served.quantities] == [(q.start, q.end, q.value) for q in parsed.quantities]


@pytest.mark.parametrize("bad_id", ["0123456789abcdef", "not-an-id", "..%2F..%2Fetc%2Fpasswd"])
def test_unknown_briefing_is_a_json_404(client: TestClient, bad_id: str) -> None:
    response = client.get(f"/api/v1/briefings/{bad_id}")
    assert response.status_code == 404
    assert response.json()["status"] == 404


def test_figures_total_matches_every_parsed_figure(client: TestClient, web_corpus: WebCorpus) -> None:
    expected = all_quantities(web_corpus)
    assert expected, "the example briefing has figures; the quantities stage found none"
    response = client.get("/api/v1/figures", params={"limit": 5})
    assert int(response.headers["X-Total-Count"]) == len(expected)
    assert len(response.json()) == min(5, len(expected))


def test_figures_filter_by_kind_and_briefing(client: TestClient, web_corpus: WebCorpus, example_id: str) -> None:
    quantities = web_corpus.briefings[example_id].quantities
    assert quantities
    kind = quantities[0].kind
    response = client.get("/api/v1/figures", params={"kind": kind, "briefing": example_id, "limit": 1000})
    rows = response.json()
    assert rows and all(row["kind"] == kind and row["briefing_id"] == example_id for row in rows)
    assert sorted(row["start"] for row in rows) == sorted(q.start for q in quantities if q.kind == kind)


def test_figures_rows_point_at_their_text(client: TestClient, web_corpus: WebCorpus) -> None:
    for row in client.get("/api/v1/figures", params={"limit": 200}).json():
        text = web_corpus.briefings[row["briefing_id"]].text
        assert text[row["start"] : row["end"]] == row["text"]


def test_figures_csv_holds_the_same_rows_as_json(client: TestClient) -> None:
    params = {"limit": 7, "offset": 1}
    as_json = client.get("/api/v1/figures", params=params).json()
    response = client.get("/api/v1/figures", params={**params, "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    reader = csv.DictReader(io.StringIO(response.text))
    assert tuple(reader.fieldnames or ()) == FIGURE_COLUMNS
    rows = list(reader)
    assert [r["text"] for r in rows] == [r["text"] for r in as_json]
    assert [int(r["start"]) for r in rows] == [r["start"] for r in as_json]


def test_figures_reject_an_unknown_kind(client: TestClient) -> None:
    response = client.get("/api/v1/figures", params={"kind": "no-such-kind"})
    assert response.status_code == 422
    assert "kind" in response.json()["error"]


def test_search_finds_a_word_a_speaker_said(client: TestClient, web_corpus: WebCorpus, example_id: str) -> None:
    turn = max(web_corpus.briefings[example_id].turns, key=lambda t: len(t.text))
    word = longest_word(turn.text)
    response = client.get("/api/v1/search", params={"q": word, "briefing": example_id})
    hits = response.json()
    assert hits, f"no hit for {word!r}"
    assert all(word.lower() in hit["snippet"].lower() for hit in hits)
    assert all("\x02" not in hit["snippet"] for hit in hits)
    assert any(f"<mark>{word.lower()}</mark>" in hit["snippet_html"].lower() for hit in hits)


def test_search_html_snippets_are_escaped(client: TestClient, hostile_id: str) -> None:
    hits = client.get("/api/v1/search", params={"q": "script", "briefing": hostile_id}).json()
    assert hits
    for hit in hits:
        assert "<script" not in hit["snippet_html"]
        assert "&lt;" in hit["snippet_html"]


def test_search_needs_words(client: TestClient) -> None:
    assert client.get("/api/v1/search").status_code == 422


def test_openapi_lists_the_api_and_docs_work_offline(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/v1/briefings", "/api/v1/briefings/{briefing_id}", "/api/v1/figures", "/api/v1/search"):
        assert path in schema["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/api/v1/figures" in docs.text
    assert "/api/v1/briefings/{briefing_id}" in docs.text


def test_upload_through_the_api_stores_and_returns_the_id(fresh_client: TestClient) -> None:
    response = fresh_client.post("/api/v1/briefings", files={"file": ("example.txt", EXAMPLE.read_bytes(), "text/plain")})
    assert response.status_code == 201
    briefing_id = response.json()["id"]
    assert response.headers["Location"].endswith(f"/api/v1/briefings/{briefing_id}")
    assert [row["id"] for row in fresh_client.get("/api/v1/briefings").json()] == [briefing_id]
    stored = fresh_client.get(f"/api/v1/briefings/{briefing_id}").json()
    parsed = podium.parse(EXAMPLE)
    assert stored["text"] == parsed.text
    assert len(stored["quantities"]) == len(parsed.quantities)


def test_an_accept_header_asks_for_csv(client: TestClient) -> None:
    response = client.get("/api/v1/briefings", headers={"Accept": "text/csv"})
    assert response.headers["content-type"].startswith("text/csv")
    ids = [row["id"] for row in csv.DictReader(io.StringIO(response.text))]
    assert ids == [row["id"] for row in client.get("/api/v1/briefings").json()]
    forced = client.get("/api/v1/briefings", params={"format": "json"}, headers={"Accept": "text/csv"})
    assert forced.headers["content-type"].startswith("application/json")
