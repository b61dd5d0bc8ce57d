"""The HTML pages and their .json twins, through the ASGI test client."""

from __future__ import annotations

import csv
import io
import re
from html import unescape

import pytest
from fastapi.testclient import TestClient

from podium.web.render import non_overlapping, period_span

from .conftest import WebCorpus, form_fields, longest_word

PAGES = ["/", "/figures", "/search?q=the", "/indicator", "/add", "/docs"]
MARK = re.compile(r'<mark class="fig( off)?" id="q-(\d+)"')


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_html_and_links_its_json_twin(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    twin = re.search(r'<link rel="alternate" type="application/json" href="([^"]+)"', response.text)
    assert twin, "the page does not link its .json twin"
    twin_response = client.get(unescape(twin.group(1)))
    assert twin_response.status_code == 200
    assert twin_response.headers["content-type"].startswith("application/json")


ASSET = re.compile(r'<(?:script|img|iframe)[^>]*\ssrc="([^"]*)"|<link[^>]*\shref="([^"]*)"')


@pytest.mark.parametrize("url", PAGES)
def test_every_page_loads_assets_only_from_itself(client: TestClient, url: str) -> None:
    html = client.get(url).text
    assets = [src or href for src, href in ASSET.findall(html)]
    assert assets, "the page loads no stylesheet or script at all"
    for asset in assets:
        assert asset.startswith(("/", str(client.base_url))), f"{url} loads {asset} from elsewhere"
        assert client.get(unescape(asset)).status_code == 200


def test_library_lists_every_briefing_with_a_link(client: TestClient, web_corpus: WebCorpus) -> None:
    html = client.get("/").text
    for briefing_id in web_corpus.briefings:
        assert f"/briefings/{briefing_id}" in html
    data = client.get("/index.json").json()
    assert {row["id"] for row in data["briefings"]} == set(web_corpus.briefings)
    assert data["total"] == len(web_corpus.briefings)


def test_library_filter_keeps_only_matching_titles(client: TestClient, web_corpus: WebCorpus, example_id: str) -> None:
    title = web_corpus.briefings[example_id].title
    assert title
    word = max(title.split(), key=len)
    rows = client.get("/index.json", params={"q": word}).json()["briefings"]
    assert example_id in {row["id"] for row in rows}
    assert all(word.lower() in " ".join(str(v) for v in row.values()).lower() for row in rows)


def test_library_sorts_by_figures(client: TestClient) -> None:
    ascending = client.get("/index.json", params={"sort": "n_figures", "desc": "false"}).json()["briefings"]
    counts = [row["n_figures"] for row in ascending]
    assert counts == sorted(counts)


def test_briefing_page_marks_every_figure_once(client: TestClient, web_corpus: WebCorpus, example_id: str) -> None:
    briefing = web_corpus.briefings[example_id]
    html = client.get(f"/briefings/{example_id}").text
    marked = [int(start) for _off, start in MARK.findall(html)]
    assert marked == [q.start for q in non_overlapping(briefing.quantities)]
    for participant in briefing.participants:
        assert str(escape_text(participant.name)) in html
    for exchange in briefing.exchanges:
        first = exchange.question_turns[0]
        assert f'href="#t-{first}"' in html and f'id="t-{first}"' in html


def escape_text(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def test_briefing_kind_switch_marks_the_others_off(client: TestClient, web_corpus: WebCorpus, example_id: str) -> None:
    quantities = non_overlapping(web_corpus.briefings[example_id].quantities)
    assert quantities
    kind = quantities[-1].kind
    html = client.get(f"/briefings/{example_id}", params={"kind": kind}).text
    off = {int(start) for flag, start in MARK.findall(html) if flag}
    assert off == {q.start for q in quantities if q.kind != kind}


def test_briefing_json_twin_is_the_model(client: TestClient, web_corpus: WebCorpus, example_id: str) -> None:
    data = client.get(f"/briefings/{example_id}.json").json()
    assert data["id"] == example_id
    assert data["text"] == web_corpus.briefings[example_id].text


def test_missing_briefing_is_a_404_page_and_a_json_404(client: TestClient) -> None:
    page = client.get("/briefings/ffffffffffffffff")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "Not found" in page.text
    twin = client.get("/briefings/ffffffffffffffff.json")
    assert twin.status_code == 404 and twin.json()["status"] == 404


def test_figures_csv_download_holds_every_figure_the_filters_select(client: TestClient, web_corpus: WebCorpus, example_id: str) -> None:
    kind = web_corpus.briefings[example_id].quantities[0].kind
    params = {"kind": kind, "limit": 3}
    page = client.get("/figures", params=params)
    link = re.search(r'<a class="button" href="([^"]+)" download>', page.text)
    assert link
    listed = client.get("/figures.json", params={**params, "limit": 1000})
    everything = listed.json()["figures"]
    assert listed.json()["total"] == len(everything) > 3, "the test needs more figures of one kind than the page shows"
    download = client.get(unescape(link.group(1)))
    assert download.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(download.text)))
    assert [(r["briefing_id"], int(r["start"])) for r in rows] == [(f["briefing_id"], f["start"]) for f in everything]
    assert all(r["kind"] == kind for r in rows)
    for figure in client.get("/figures.json", params=params).json()["figures"]:
        assert f'#q-{figure["start"]}"' in page.text


def test_search_page_marks_hits_and_filters_by_role(client: TestClient, web_corpus: WebCorpus, example_id: str) -> None:
    turn = next(t for t in web_corpus.briefings[example_id].turns if t.role == "official")
    word = longest_word(turn.text)
    html = client.get("/search", params={"q": word, "role": "official"}).text
    assert re.search(rf"<mark>{re.escape(word)}</mark>", html, re.IGNORECASE)
    data = client.get("/search.json", params={"q": word, "role": "official"}).json()
    assert data["hits"] and all(hit["role"] == "official" for hit in data["hits"])


def test_indicator_charts_every_figure_with_a_period(client: TestClient, web_corpus: WebCorpus) -> None:
    with_period = [(i, q) for i, b in web_corpus.briefings.items() for q in b.quantities if q.period and q.subject]
    if not with_period:
        pytest.skip("no parsed figure has both a subject and a period")
    subject = with_period[0][1].subject
    data = client.get("/indicator.json", params={"subject": subject}).json()
    expected = {(i, q.start) for i, q in with_period if q.subject == subject}
    charted = {(f["briefing_id"], f["start"]) for f in data["figures"] if f["period"]}
    assert expected <= charted
    placed = {(f["briefing_id"], f["start"]) for f in data["figures"] if f["period"] and period_span(f["period"])}
    html = client.get("/indicator", params={"subject": subject}).text
    wide = html.split('class="chart-wide"')[1:]  # each wide chart, up to the end of the page
    points = [re.findall(r'<a href="/briefings/([0-9a-f]{16})#q-(\d+)" class="point series-(\w+)">', chart.split("</svg>")[0]) for chart in wide]
    assert {(i, int(s)) for chart in points for i, s, _m in chart} == placed
    assert sum(len(chart) for chart in points) == len(placed)  # each figure once, in one chart
    modalities = {f["modality"] for f in data["figures"] if (f["briefing_id"], f["start"]) in placed}
    assert {m for chart in points for _i, _s, m in chart} == modalities


def test_indicator_suggests_subjects(client: TestClient, web_corpus: WebCorpus) -> None:
    subjects = {q.subject for b in web_corpus.briefings.values() for q in b.quantities if q.subject}
    if not subjects:
        pytest.skip("no parsed figure has a subject")
    suggestions = client.get("/indicator.json").json()["suggestions"]
    assert suggestions and {s["subject"] for s in suggestions} <= subjects


def test_upload_page_ingests_and_redirects_to_the_briefing(fresh_client: TestClient) -> None:
    from conftest import EXAMPLE

    fields = form_fields(fresh_client)
    response = fresh_client.post("/add", data=fields, files={"file": (EXAMPLE.name, EXAMPLE.read_bytes(), "text/plain")}, follow_redirects=False)
    assert response.status_code == 303
    briefing_id = response.headers["location"].rsplit("/", 1)[-1]
    page = fresh_client.get(f"/briefings/{briefing_id}")
    assert page.status_code == 200
    assert [row["id"] for row in fresh_client.get("/api/v1/briefings").json()] == [briefing_id]


def test_findings_sit_beside_the_transcript(client: TestClient, web_corpus: WebCorpus) -> None:
    checked = {i: b for i, b in web_corpus.briefings.items() if b.findings or b.commitments}
    if not checked:
        pytest.skip("no stored briefing has a finding or a commitment")
    for briefing_id, briefing in checked.items():
        html = client.get(f"/briefings/{briefing_id}").text
        assert html.count('<div class="finding ') == len(briefing.findings) + len(briefing.commitments)
        for finding in briefing.findings:
            assert escape_text(finding.explanation) in html


def test_a_briefing_without_findings_has_no_findings_column(client: TestClient, web_corpus: WebCorpus) -> None:
    plain = [i for i, b in web_corpus.briefings.items() if not (b.findings or b.commitments)]
    if not plain:
        pytest.skip("every stored briefing has findings")
    html = client.get(f"/briefings/{plain[0]}").text
    assert 'class="findings"' not in html and "no-findings" in html


def test_commitment_links_land_on_an_element_of_the_page(client: TestClient, web_corpus: WebCorpus) -> None:
    committed = {i: b for i, b in web_corpus.briefings.items() if b.commitments}
    if not committed:
        pytest.skip("no stored briefing has a commitment")
    for briefing_id in committed:
        html = client.get(f"/briefings/{briefing_id}").text
        aside = html[html.index('<aside class="findings"') :]
        for anchor in re.findall(r'<a href="#([^"]+)">', aside):
            assert f'id="{anchor}"' in html, f"#{anchor} points nowhere"
