"""Findings and commitments through the API (/api/v1/findings, /api/v1/commitments) and the
Commitments page, against a real temporary corpus: the example briefing plus invented ones."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import EXAMPLE
from fastapi.testclient import TestClient

from podium.store.queries import COMMITMENT_COLUMNS, FINDING_COLUMNS
from podium.web import create_app

from .conftest import BASE_URL, WebCorpus, build_corpus

PROMISE = """Briefing on tourism

Date: January 10, 2024

Host:

Welcome.

Lin Bo:

In 2023, tourist arrivals reached 85 million. We will strive to make tourist arrivals reach 90 million by 2024.
"""
RESULT = """Briefing on tourism results

Date: January 12, 2025

Host:

Welcome.

Lin Bo:

In 2024, tourist arrivals reached 95 million.
"""


# Markup in what was said must reach the page as text: here in an undertaking's subject and sentence.
HOSTILE = """Briefing on a museum

Date: February 1, 2024

Host:

Welcome.

Lin Bo:

The new museum <script>alert("said")</script> will be completed and opened to the public this year.
"""


@pytest.fixture(scope="module")
def checks_corpus(tmp_path_factory: pytest.TempPathFactory) -> WebCorpus:
    built = build_corpus(tmp_path_factory.mktemp("checks") / "podium.db", [EXAMPLE], texts=(PROMISE, RESULT, HOSTILE))
    if not all(b.quantities for b in built.briefings.values() if b.text in (PROMISE, RESULT)):
        pytest.skip("the quantity extractor finds nothing here yet")
    return built


@pytest.fixture(scope="module")
def api(checks_corpus: WebCorpus) -> Iterator[TestClient]:
    with TestClient(create_app(checks_corpus.db), base_url=BASE_URL) as client:
        yield client


def id_of(corpus: WebCorpus, text: str) -> str:
    return next(i for i, b in corpus.briefings.items() if b.text == text)


def promise_id(corpus: WebCorpus) -> str:
    return id_of(corpus, PROMISE)


def stored_findings(corpus: WebCorpus) -> list[tuple[str, str, str]]:
    return [(i, f.check, f.verdict) for i, b in corpus.briefings.items() for f in b.findings]


# --- findings ---------------------------------------------------------------------------------


def test_findings_lists_every_stored_finding_with_its_spans(api: TestClient, checks_corpus: WebCorpus) -> None:
    response = api.get("/api/v1/findings", params={"limit": 1000})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    rows = response.json()
    expected = stored_findings(checks_corpus)
    assert expected, "the example briefing should give findings"
    assert sorted((r["briefing_id"], r["check"], r["verdict"]) for r in rows) == sorted(expected)
    assert int(response.headers["X-Total-Count"]) == len(expected)
    for row in rows:
        text = checks_corpus.briefings[row["briefing_id"]].text
        assert all(text[q["start"] : q["end"]] == q["text"] for q in row["quantities"])


def test_findings_filter_by_check_verdict_and_briefing(api: TestClient, checks_corpus: WebCorpus) -> None:
    expected = stored_findings(checks_corpus)
    ident, check, verdict = expected[0]
    rows = api.get("/api/v1/findings", params={"check": check, "verdict": verdict, "briefing": ident[:6]}).json()
    assert rows and all((r["briefing_id"], r["check"], r["verdict"]) == (ident, check, verdict) for r in rows)
    assert len(rows) == expected.count((ident, check, verdict))
    assert api.get("/api/v1/findings", params={"briefing": promise_id(checks_corpus)}).json() == []


def test_findings_page_like_figures(api: TestClient, checks_corpus: WebCorpus) -> None:
    total = len(stored_findings(checks_corpus))
    if total < 2:
        pytest.skip("needs two findings to page through")
    first = api.get("/api/v1/findings", params={"limit": 1})
    second = api.get("/api/v1/findings", params={"limit": 1, "offset": 1})
    assert len(first.json()) == 1 and first.json() != second.json()
    assert 'rel="next"' in first.headers["Link"] and "offset=1" in first.headers["Link"]
    assert int(second.headers["X-Total-Count"]) == total


def test_findings_as_csv(api: TestClient, checks_corpus: WebCorpus) -> None:
    response = api.get("/api/v1/findings", params={"format": "csv", "limit": 1000})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    reader = csv.DictReader(io.StringIO(response.text))
    assert tuple(reader.fieldnames or ()) == FINDING_COLUMNS
    assert len(list(reader)) == len(stored_findings(checks_corpus))


def test_an_unknown_verdict_is_refused(api: TestClient) -> None:
    response = api.get("/api/v1/findings", params={"verdict": "wrong"})
    assert response.status_code == 422
    assert "verdict" in response.json()["error"]


# --- commitments ------------------------------------------------------------------------------


def test_commitments_come_back_resolved_against_later_briefings(api: TestClient, checks_corpus: WebCorpus) -> None:
    rows = api.get("/api/v1/commitments", params={"briefing": promise_id(checks_corpus)}).json()
    (row,) = rows
    # Stored as open at ingest; the later briefing's 95 million settles the 90 million target.
    assert (row["subject"], row["deadline"], row["value"], row["status"]) == ("tourist arrivals", "2024", 90e6, "met")
    assert api.get("/api/v1/commitments", params={"status": "met"}).json() == rows


def test_commitments_filter_by_status_and_speaker(api: TestClient, checks_corpus: WebCorpus) -> None:
    every = api.get("/api/v1/commitments", params={"limit": 1000}).json()
    total = sum(len(b.commitments) for b in checks_corpus.briefings.values())
    assert len(every) == total
    opened = api.get("/api/v1/commitments", params={"status": "open", "limit": 1000})
    assert int(opened.headers["X-Total-Count"]) == sum(r["status"] == "open" for r in every)
    by_speaker = api.get("/api/v1/commitments", params={"speaker": "lin b"}).json()
    said_by = [c for b in checks_corpus.briefings.values() for c in b.commitments if c.speaker == "Lin Bo"]
    assert len(said_by) >= 2 and len(by_speaker) == len(said_by)
    assert {r["speaker"] for r in by_speaker} == {"Lin Bo"}
    assert api.get("/api/v1/commitments", params={"status": "late"}).status_code == 422


def test_commitments_page_and_csv(api: TestClient) -> None:
    every = api.get("/api/v1/commitments", params={"limit": 1000}).json()
    if len(every) < 2:
        pytest.skip("needs two commitments to page through")
    second = api.get("/api/v1/commitments", params={"limit": 1, "offset": 1})
    assert second.json() == every[1:2]
    assert 'rel="prev"' in second.headers["Link"]
    response = api.get("/api/v1/commitments", params={"format": "csv", "limit": 1000})
    reader = csv.DictReader(io.StringIO(response.text))
    assert tuple(reader.fieldnames or ()) == COMMITMENT_COLUMNS
    assert [r["status"] for r in reader] == [r["status"] for r in every]


# --- the Commitments page -----------------------------------------------------------------------


def test_commitments_page_links_each_to_its_sentence_and_escapes_it(api: TestClient, checks_corpus: WebCorpus) -> None:
    response = api.get("/commitments", params={"limit": 1000})
    assert response.status_code == 200
    html = response.text
    ident = promise_id(checks_corpus)
    start = PROMISE.index("90 million")
    assert f'href="/briefings/{ident}#q-{start}"' in html
    # The link lands on a figure the briefing page marks.
    assert f'id="q-{start}"' in api.get(f"/briefings/{ident}").text
    # An undertaking without a figure lands on the turn that holds it.
    hostile = id_of(checks_corpus, HOSTILE)
    turn = checks_corpus.briefings[hostile].turn_at(HOSTILE.index("The new museum"))
    assert turn is not None and f'href="/briefings/{hostile}#t-{turn.id}"' in html
    assert f'id="t-{turn.id}"' in api.get(f"/briefings/{hostile}").text
    assert '<script>alert("said")</script>' not in html
    assert html.count("&lt;script&gt;alert(&#34;said&#34;)&lt;/script&gt;") == 2  # subject and sentence


def test_commitments_page_has_a_json_twin_and_a_nav_link(api: TestClient) -> None:
    data = api.get("/commitments.json", params={"status": "open"}).json()
    assert data["filters"] == {"status": "open"}
    assert all(c["status"] == "open" for c in data["commitments"])
    assert data["total"] == len(data["commitments"])
    assert '<a href="/commitments" aria-current="page">Commitments</a>' in api.get("/commitments").text
    assert 'href="/commitments"' in api.get("/").text


def test_commitments_page_refuses_an_unknown_status(api: TestClient) -> None:
    assert api.get("/commitments", params={"status": "late"}).status_code == 422
