"""Rough edges a user meets: units typed as read, /docs code, the findings aside, error-page links,
and search CSV with each hit's place and link."""

from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient

import podium
from podium.store import Corpus
from podium.web import create_app

from .conftest import BASE_URL, WebCorpus, longest_word


@pytest.mark.parametrize(("word", "unit"), [("yuan", "CNY"), ("Yuan", "CNY"), ("percent", "%"), ("per cent", "%")])
def test_the_unit_filter_takes_the_word_a_user_reads(client: TestClient, word: str, unit: str) -> None:
    by_id = client.get("/api/v1/figures", params={"unit": unit, "limit": 1000}).json()
    by_word = client.get("/api/v1/figures", params={"unit": word, "limit": 1000}).json()
    assert by_id and by_word == by_id
    assert {row["unit"] for row in by_word} == {unit}
    page = client.get("/figures", params={"unit": word}).text
    assert by_id[0]["text"] in page


def test_a_unit_nobody_uses_finds_nothing(client: TestClient) -> None:
    answer = client.get("/api/v1/figures", params={"unit": "furlongs"})
    assert answer.status_code == 200 and answer.json() == []


def test_docs_show_backticked_words_as_code(client: TestClient) -> None:
    page = client.get("/docs").text
    assert "<code>X-Total-Count</code>" in page
    prose = re.sub(r"<pre.*?</pre>", "", page, flags=re.S)
    assert "`" not in prose


def test_no_findings_heading_without_findings(tmp_path) -> None:
    text = (
        "Alex Moreno:\n\nWelcome.\n\nJo Park:\n\nWe will raise output to 5 million tons by 2030.\n\n"
        "Alex Moreno:\n\nThank you.\n"
    )
    briefing = podium.parse(text)
    assert briefing.commitments and not briefing.findings
    with Corpus(tmp_path / "c.db") as corpus:
        ident = corpus.add(briefing)
    with TestClient(create_app(tmp_path / "c.db"), base_url=BASE_URL) as client:
        page = client.get(f"/briefings/{ident}").text
    assert ">Findings</h2>" not in page
    assert '<h2 id="commitments-h">Commitments</h2>' in page
    assert 'aria-labelledby="commitments-h"' in page


def test_the_findings_heading_stays_where_there_are_findings(client: TestClient, example_id: str, web_corpus: WebCorpus) -> None:
    assert web_corpus.briefings[example_id].findings
    assert '<h2 id="findings-h">Findings</h2>' in client.get(f"/briefings/{example_id}").text


@pytest.mark.parametrize("url", ["/briefings/0123456789abcdef", "/figures?kind=nonsense"])
def test_error_pages_offer_the_places_a_user_can_go(client: TestClient, url: str) -> None:
    answer = client.get(url, headers={"accept": "text/html"})
    assert answer.status_code >= 400 and answer.headers["content-type"].startswith("text/html")
    links = set(re.findall(r'<main.*?</main>', answer.text, flags=re.S)[0].split('href="')[1:])
    targets = {link.split('"')[0] for link in links}
    assert {"/", "/search", "/figures", "/docs"} <= targets


def test_search_csv_carries_each_hit_place_and_link(client: TestClient, web_corpus: WebCorpus, example_id: str) -> None:
    word = longest_word(web_corpus.briefings[example_id].turns[1].text)
    params = {"q": word, "briefing": example_id}
    hits = client.get("/api/v1/search", params=params).json()
    table = list(csv.DictReader(io.StringIO(client.get("/api/v1/search", params={**params, "format": "csv"}).text)))
    assert hits and [(r["at"], r["url"]) for r in table] == [(str(h["at"]), h["url"]) for h in hits]
    text = web_corpus.briefings[example_id].text
    assert all(text[int(r["at"]) :].lower().startswith(word.lower()) for r in table)
