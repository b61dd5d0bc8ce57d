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


@pytest.mark.parametrize("url", ["/", "/api/v1/briefings", "/api/v1/figures?limit=3", "/static/podium.css", "/figures.csv"])
def test_head_answers_where_get_does_without_a_body(client: TestClient, url: str) -> None:
    got = client.get(url)
    head = client.head(url)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]


@pytest.mark.parametrize("url", ["/", "/api/v1/briefings", "/api/v1/figures?limit=3", "/static/podium.css", "/index.json"])
def test_a_matching_if_none_match_is_answered_304(client: TestClient, url: str) -> None:
    first = client.get(url)
    etag = first.headers["etag"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    stale = client.get(url, headers={"If-None-Match": '"something-else"'})
    assert stale.status_code == 200 and stale.content == first.content


def test_a_different_answer_has_a_different_etag(client: TestClient) -> None:
    one = client.get("/api/v1/figures", params={"limit": 1}).headers["etag"]
    two = client.get("/api/v1/figures", params={"limit": 2}).headers["etag"]
    assert one != two


def test_large_answers_are_gzipped_when_asked(client: TestClient) -> None:
    response = client.get("/api/v1/figures", params={"limit": 200}, headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert int(response.headers["content-length"]) < len(response.content)  # httpx has inflated it
    plain = client.get("/api/v1/figures", params={"limit": 200}, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.json() == response.json()


def test_subjects_page_with_offset_and_format(client: TestClient) -> None:
    everything = client.get("/api/v1/subjects", params={"limit": 1000})
    subjects = everything.json()
    total = int(everything.headers["X-Total-Count"])
    assert total == len(subjects) > 3
    second = client.get("/api/v1/subjects", params={"limit": 2, "offset": 2}).json()
    assert second == subjects[2:4]
    as_csv = client.get("/api/v1/subjects", params={"limit": 2, "format": "csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert [row["subject"] for row in csv.DictReader(io.StringIO(as_csv.text))] == [s["subject"] for s in subjects[:2]]


def test_search_sends_its_total_and_links_each_hit_to_its_word(client: TestClient, web_corpus: WebCorpus, example_id: str) -> None:
    word = "the"
    response = client.get("/api/v1/search", params={"q": word, "limit": 2})
    total = int(response.headers["X-Total-Count"])
    everything = client.get("/api/v1/search", params={"q": word, "limit": 1000}).json()
    assert total == len(everything) > 2
    for hit in everything:
        text = web_corpus.briefings[hit["briefing_id"]].text
        assert text[hit["at"] : hit["at"] + len(word)].lower() == word
        assert hit["start"] <= hit["at"] < hit["end"]
        assert hit["url"] == f"/briefings/{hit['briefing_id']}?at={hit['at']}&hl={word}#hit"


@pytest.mark.parametrize(("since", "status"), [("garbage", 422), ("2024-13-45", 422), ("2024-02-30", 422), ("2024", 200), ("2024-02", 200), ("2024-02-29", 200), ("", 200)])
def test_search_dates_are_checked(client: TestClient, since: str, status: int) -> None:
    response = client.get("/api/v1/search", params={"q": "the", "since": since})
    assert response.status_code == status
    page = client.get("/search", params={"q": "the", "since": since})
    assert page.status_code == status


def test_since_and_until_narrow_the_hits(client: TestClient, web_corpus: WebCorpus) -> None:
    dates = sorted({b.date for b in web_corpus.briefings.values() if b.date})
    hits = client.get("/api/v1/search", params={"q": "the", "since": dates[-1], "limit": 1000}).json()
    assert hits and all(hit["briefing_date"] >= dates[-1] for hit in hits)
    none = client.get("/api/v1/search", params={"q": "the", "until": "1900-01-01"})
    assert none.json() == [] and none.headers["X-Total-Count"] == "0"


def test_briefing_ids_are_case_insensitive_in_paths(client: TestClient, example_id: str) -> None:
    upper = client.get(f"/api/v1/briefings/{example_id.upper()}")
    assert upper.status_code == 200 and upper.json()["id"] == example_id


def test_a_chinese_upload_in_big5_is_read_stored_and_its_figures_listed(fresh_client: TestClient) -> None:
    text = "[中國日報]請問一季度情況怎麼樣?\n[黃明]今年一季度我國進出口值約為1.45萬億元,增長5.5個百分點。\n"
    response = fresh_client.post("/api/v1/briefings", files={"file": ("zh.txt", text.encode("big5"), "text/plain")})
    assert response.status_code == 201
    stored = fresh_client.get(f"/api/v1/briefings/{response.json()['id']}").json()
    assert [t["speaker"] for t in stored["turns"]] == ["中國日報", "黃明"]
    assert [(q["text"], q["value"], q["unit"]) for q in stored["quantities"]] == [("1.45萬億元", 1.45e12, "CNY"), ("5.5個百分點", 5.5, "pp")]
    assert stored["warnings"] == []
