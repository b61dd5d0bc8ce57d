"""Figures, findings and commitments carry stable ids in the API (JSON and CSV) and can be fetched by them."""

from __future__ import annotations

import csv
import io
import re

import pytest
from conftest import EXAMPLE
from fastapi.testclient import TestClient

from .conftest import WebCorpus

HEX16 = re.compile(r"[0-9a-f]{16}")
LISTS = ("figures", "findings", "commitments")


def items(web_corpus: WebCorpus, example_id: str, name: str) -> list:
    briefing = web_corpus.briefings[example_id]
    return {"figures": briefing.quantities, "findings": briefing.findings, "commitments": briefing.commitments}[name]


@pytest.mark.parametrize("name", LISTS)
def test_each_listed_item_has_the_id_the_parse_gave_it(client: TestClient, web_corpus: WebCorpus, example_id: str, name: str) -> None:
    rows = client.get(f"/api/v1/{name}", params={"briefing": example_id, "limit": 500}).json()
    expected = items(web_corpus, example_id, name)
    assert rows and all(HEX16.fullmatch(row["id"]) for row in rows)
    assert sorted(row["id"] for row in rows) == sorted(x.id for x in expected)
    assert all("position" not in row for row in rows)


@pytest.mark.parametrize("name", LISTS)
def test_an_item_is_fetched_by_its_id_in_any_case(client: TestClient, example_id: str, name: str) -> None:
    listed = client.get(f"/api/v1/{name}", params={"briefing": example_id}).json()[0]
    for spelling in (listed["id"], listed["id"].upper()):
        answer = client.get(f"/api/v1/{name}/{spelling}")
        assert answer.status_code == 200
        assert answer.json() == listed


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize("bad", ["0123456789abcdef", "not-an-id"])
def test_an_unknown_item_id_is_a_problem_404(client: TestClient, name: str, bad: str) -> None:
    answer = client.get(f"/api/v1/{name}/{bad}")
    assert answer.status_code == 404
    assert answer.json()["status"] == 404
    assert bad in answer.json()["error"]


@pytest.mark.parametrize("name", LISTS)
def test_csv_carries_the_ids(client: TestClient, example_id: str, name: str) -> None:
    rows = client.get(f"/api/v1/{name}", params={"briefing": example_id, "limit": 500}).json()
    table = list(csv.DictReader(io.StringIO(client.get(f"/api/v1/{name}", params={"briefing": example_id, "format": "csv"}).text)))
    assert [r["id"] for r in table] == [r["id"] for r in rows]


def test_ids_survive_uploading_the_same_text_into_another_corpus(fresh_client: TestClient, client: TestClient, example_id: str) -> None:
    fresh_client.post("/api/v1/briefings", files={"file": (EXAMPLE.name, EXAMPLE.read_bytes(), "text/plain")})
    for name in LISTS:
        before = {r["id"] for r in client.get(f"/api/v1/{name}", params={"briefing": example_id, "limit": 500}).json()}
        after = {r["id"] for r in fresh_client.get(f"/api/v1/{name}", params={"limit": 500}).json()}
        assert before == after, name
