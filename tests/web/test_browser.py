"""End to end in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright):
the app runs under uvicorn in a thread on a free 127.0.0.1 port over its own temporary corpus."""

from __future__ import annotations

import csv
import http.server
import json
import os
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import EXAMPLE, XINJIANG

from podium.web import create_app
from podium.web.render import format_figure, non_overlapping
from podium.web.server import running

from .conftest import HOSTILE_TEXT, WebCorpus, build_corpus, corpus_paths, longest_word

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path(os.environ.get("PODIUM_CHROMIUM", "/usr/bin/chromium"))  # Debian's; overridable to test the skip
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # A DNS-rebinding page: evil.example resolves to this machine, as an attacker's DNS would make it.
    "--host-resolver-rules=MAP evil.example 127.0.0.1",
]

if not CHROMIUM.exists():
    pytest.skip(
        f"browser tests need Chromium at {CHROMIUM} (as root: apt-get install -y chromium)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package (pip install playwright)")


@pytest.fixture(scope="module")
def browser_corpus(tmp_path_factory: pytest.TempPathFactory) -> WebCorpus:
    """A corpus of its own: the upload test adds to it."""
    return build_corpus(tmp_path_factory.mktemp("browser") / "podium.db", corpus_paths(), texts=(HOSTILE_TEXT,))


@pytest.fixture(scope="module")
def base_url(browser_corpus: WebCorpus) -> Iterator[str]:
    with running(create_app(browser_corpus.db)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    yield context.new_page()
    context.close()


def test_library_lists_every_briefing(page: Page, base_url: str, browser_corpus: WebCorpus) -> None:
    page.goto(base_url + "/")
    links = page.locator("table.library tbody a")
    hrefs = {links.nth(i).get_attribute("href") for i in range(links.count())}
    assert {href.rsplit("/", 1)[-1] for href in hrefs} >= set(browser_corpus.briefings)


def anchor_id(corpus: WebCorpus) -> str:
    if not XINJIANG.is_file():
        pytest.skip(f"{XINJIANG} is absent")
    return corpus.id_of(XINJIANG.name)


def test_open_the_anchor_briefing_from_the_library(page: Page, base_url: str, browser_corpus: WebCorpus) -> None:
    briefing_id = anchor_id(browser_corpus)
    briefing = browser_corpus.briefings[briefing_id]
    page.goto(base_url + "/")
    page.click(f'a[href$="/briefings/{briefing_id}"]')
    page.wait_for_url(f"**/briefings/{briefing_id}")
    assert page.locator("h1").inner_text() == (briefing.title or Path(briefing.source).name)
    assert page.locator("#transcript mark.fig").count() == len(non_overlapping(briefing.quantities))
    assert page.locator(".participants .people li").count() == len(briefing.participants)


def test_focusing_a_figure_shows_its_details(page: Page, base_url: str, browser_corpus: WebCorpus) -> None:
    briefing_id = anchor_id(browser_corpus)
    quantities = non_overlapping(browser_corpus.briefings[briefing_id].quantities)
    assert quantities, "the quantities stage found no figure in the briefing"
    qty = quantities[len(quantities) // 2]
    page.goto(f"{base_url}/briefings/{briefing_id}")
    tip = page.locator("#figtip")
    assert tip.is_hidden()
    page.focus(f"#q-{qty.start}")
    assert tip.is_visible()
    field = lambda name: tip.locator(f'dd[data-field="{name}"]').inner_text()  # noqa: E731
    assert field("value") == format_figure({"value": qty.value, "value_max": qty.value_max, "qualifier": qty.qualifier})
    assert field("unit") == qty.unit
    assert field("kind") == qty.kind
    assert field("modality") == qty.modality
    assert field("period") == (qty.period or "—")
    page.keyboard.press("Escape")
    assert tip.is_hidden()


def test_the_kind_switch_leaves_only_that_kind_marked(page: Page, base_url: str, browser_corpus: WebCorpus) -> None:
    briefing_id = anchor_id(browser_corpus)
    quantities = non_overlapping(browser_corpus.briefings[briefing_id].quantities)
    kind = quantities[0].kind
    page.goto(f"{base_url}/briefings/{briefing_id}")
    page.select_option('select[name="kind"]', kind)
    assert f"kind={kind}" in page.url
    assert page.locator("#transcript mark.fig:not(.off)").count() == sum(q.kind == kind for q in quantities)


def test_filter_figures_across_the_corpus(page: Page, base_url: str, browser_corpus: WebCorpus) -> None:
    everything = [q for b in browser_corpus.briefings.values() for q in b.quantities]
    assert everything
    kind = everything[-1].kind
    page.goto(base_url + "/figures")
    page.select_option('form.filters select[name="kind"]', kind)
    page.click('form.filters button[type="submit"]')
    page.wait_for_url(re.compile(rf"kind={kind}"))
    kinds = page.locator("table.figures tbody tr td:nth-child(5)").all_inner_texts()
    assert kinds and set(kinds) == {kind}
    assert len(kinds) == min(50, sum(q.kind == kind for q in everything))


def test_run_a_search(page: Page, base_url: str, browser_corpus: WebCorpus) -> None:
    example = browser_corpus.briefings[browser_corpus.id_of(EXAMPLE.name)]
    word = longest_word(max(example.turns, key=lambda t: len(t.text)).text)
    page.goto(base_url + "/search")
    page.fill('input[name="q"]', word)
    page.press('input[name="q"]', "Enter")
    page.wait_for_url(re.compile(r"q="))
    marks = page.locator(".hit .snippet mark").all_inner_texts()
    assert marks and all(mark.lower() == word.lower() for mark in marks)


def test_upload_a_file_and_see_it(page: Page, base_url: str, tmp_path: Path) -> None:
    upload = tmp_path / "uploaded-briefing.md"
    upload.write_bytes(EXAMPLE.read_bytes().replace(b"\n\n", b"\n\n\n", 1))  # a new hash, the same shape
    page.goto(base_url + "/add")
    page.set_input_files('input[type="file"]', str(upload))
    page.click('form.upload button[type="submit"]')
    page.wait_for_url(re.compile(r"/briefings/[0-9a-f]{16}$"))
    assert page.locator("#transcript .turn").count() > 0
    briefing_id = page.url.rsplit("/", 1)[-1]
    page.goto(base_url + "/")
    assert page.locator(f'a[href$="/briefings/{briefing_id}"]').count() == 1


def test_injected_markup_does_not_run(page: Page, base_url: str, browser_corpus: WebCorpus) -> None:
    hostile_id = next(i for i, b in browser_corpus.briefings.items() if b.text == HOSTILE_TEXT)
    dialogs: list[str] = []  # an alert would mean injected script ran
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for url in (f"/briefings/{hostile_id}", "/search?q=script", "/search?q=onerror", "/"):
        page.goto(base_url + url)
        page.wait_for_load_state("load")
        assert dialogs == [], f"an alert ran on {url}"
        assert page.evaluate("typeof window.__podium_pwned") == "undefined", f"injected script ran on {url}"
        assert page.locator('img[src="x"]').count() == 0, f"an injected <img> was parsed on {url}"
    page.goto(f"{base_url}/briefings/{hostile_id}")
    text = page.locator("#transcript").inner_text()
    assert "<script>" in text and '"><img src=x onerror=alert(1)>' in text


def test_pages_run_without_console_errors(page: Page, base_url: str, browser_corpus: WebCorpus) -> None:
    """A script error or a blocked asset (the content security policy) shows up as a console error."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    example_id = browser_corpus.id_of(EXAMPLE.name)
    for url in ("/", f"/briefings/{example_id}", "/figures", "/search?q=the", "/indicator", "/add", "/docs"):
        page.goto(base_url + url)
        page.wait_for_load_state("load")
    page.goto(f"{base_url}/indicator")
    page.fill('input[name="subject"]', "a")
    page.wait_for_timeout(400)  # the suggestion fetch is debounced
    assert errors == []


# --- other sites ---------------------------------------------------------------------------------

ATTACK_PAGE = """<!doctype html><meta charset="utf-8"><title>another site</title>
<form id="f" method="post" action="{app}/add" enctype="multipart/form-data" target="sink">
<input type="hidden" name="csrf_token" value="guessed"></form><iframe name="sink"></iframe>
<script>
const upload = () => {{
  const body = new FormData();
  body.append("file", new Blob([{text}], {{type: "text/plain"}}), "planted.txt");
  return body;
}};
window.results = Promise.all([
  fetch("{app}/api/v1/briefings", {{method: "POST", mode: "no-cors", body: upload()}}).then(() => "sent", e => String(e)),
  fetch("{app}/add", {{method: "POST", mode: "no-cors", body: upload()}}).then(() => "sent", e => String(e)),
]);
document.getElementById("f").submit();
</script>"""


@pytest.fixture
def other_site() -> Iterator[Callable[[str], str]]:
    """Another web server on another 127.0.0.1 port: serve(html) puts a page there, its URL back."""
    pages: dict[str, bytes] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            body = pages.get(self.path, b"")
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def serve(html: str) -> str:
        pages["/attack.html"] = html.encode()
        return f"http://127.0.0.1:{server.server_address[1]}/attack.html"

    yield serve
    server.shutdown()
    server.server_close()


def stored_ids(page: Page, base_url: str) -> set[str]:
    rows = page.request.get(base_url + "/api/v1/briefings?limit=1000").json()
    return {row["id"] for row in rows}


def test_an_upload_from_another_site_is_refused(page: Page, base_url: str, other_site: Callable[[str], str]) -> None:
    before = stored_ids(page, base_url)
    text = EXAMPLE.read_text(encoding="utf-8") + "\nA planted paragraph that no stored briefing holds.\n"
    attack = other_site(ATTACK_PAGE.format(app=base_url, text=json.dumps(text)))
    refusals: list[int] = []
    page.on("response", lambda response: refusals.append(response.status) if response.request.method == "POST" else None)
    page.goto(attack)
    assert page.evaluate("window.results") == ["sent", "sent"]  # no-cors: the page cannot see the answer
    page.wait_for_timeout(300)  # the form posts into its frame
    assert refusals and all(status == 403 for status in refusals), refusals
    assert stored_ids(page, base_url) == before


def test_a_rebinding_page_gets_no_answer(page: Page, base_url: str) -> None:
    port = base_url.rsplit(":", 1)[1]
    response = page.goto(f"http://evil.example:{port}/")
    assert response is not None and response.status == 421
    assert page.locator("table.library").count() == 0
    api = page.goto(f"http://evil.example:{port}/api/v1/briefings")
    assert api is not None and api.status == 421
    assert api.json()["status"] == 421


def test_download_csv_holds_the_whole_filtered_result(page: Page, base_url: str, tmp_path: Path) -> None:
    listed = page.request.get(base_url + "/api/v1/figures?limit=1")
    total = int(listed.headers["x-total-count"])
    assert total > 5, "the test needs more figures than one page shows"
    page.goto(base_url + "/figures?limit=5")
    assert page.locator("table.figures tbody tr").count() == 5
    with page.expect_download() as download_info:
        page.click("text=Download CSV")
    saved = tmp_path / "figures.csv"
    download_info.value.save_as(saved)
    with saved.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == total


# --- phones, search landing, the chart -----------------------------------------------------------


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def busiest_subject(page: Page, base_url: str) -> str:
    rows = page.request.get(base_url + "/api/v1/subjects?limit=1").json()
    assert rows, "no subject to chart"
    return rows[0]["subject"]


@pytest.mark.parametrize("url", ["/", "/figures", "/commitments", "/docs", "/search?q=the", "/add", "/indicator", "BRIEFING", "INDICATOR"])
def test_no_page_overflows_a_phone(phone: Page, base_url: str, browser_corpus: WebCorpus, url: str) -> None:
    if url == "BRIEFING":
        url = f"/briefings/{browser_corpus.id_of(EXAMPLE.name)}"
    elif url == "INDICATOR":
        url = "/indicator?subject=" + busiest_subject(phone, base_url)
    phone.goto(base_url + url)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"{url} is {width} px wide on a 375 px phone"


def test_tables_scroll_inside_their_box_on_a_phone(phone: Page, base_url: str) -> None:
    phone.goto(base_url + "/figures")
    box = phone.locator(".scroll").first
    assert phone.evaluate("(el) => el.scrollWidth > el.clientWidth", box.element_handle())  # the table is wider ...
    assert box.bounding_box()["width"] <= 375  # ... and scrolls within the page


def test_the_chart_reflows_on_a_phone_with_readable_labels(phone: Page, base_url: str) -> None:
    phone.goto(base_url + "/indicator?subject=" + busiest_subject(phone, base_url))
    assert phone.locator("svg.chart-wide").first.is_hidden()
    narrow = phone.locator("svg.chart-narrow").first
    assert narrow.is_visible()
    heights = phone.eval_on_selector_all("svg.chart-narrow >> nth=0 >> text.tick", "(els) => els.map((e) => e.getBoundingClientRect().height)")
    assert heights and min(heights) >= 10, heights  # CSS pixels: a label one can read
    assert narrow.bounding_box()["width"] <= 375


def test_the_chart_has_a_legend_for_its_series(page: Page, base_url: str) -> None:
    subject = busiest_subject(page, base_url)
    figures = page.request.get(base_url + "/api/v1/figures", params={"subject": subject, "limit": 1000}).json()
    page.goto(base_url + "/indicator?subject=" + subject)
    chart = page.locator("figure.chart").first
    legend = [text.split()[0] for text in chart.locator(".legend li").all_inner_texts()]
    assert legend
    assert set(legend) <= {f["modality"] for f in figures}
    wide = chart.locator("svg.chart-wide")
    for name in legend:
        assert wide.locator(f"a.point.series-{name}").count() > 0
    labels = wide.locator("text.tick.x")
    boxes = [labels.nth(i).bounding_box() for i in range(labels.count())]
    assert all(a["x"] + a["width"] < b["x"] for a, b in zip(boxes, boxes[1:]))  # x labels never overlap


def test_a_search_hit_lands_on_its_sentence_highlighted(page: Page, base_url: str, browser_corpus: WebCorpus) -> None:
    example_id = browser_corpus.id_of(EXAMPLE.name)
    briefing = browser_corpus.briefings[example_id]
    turn = max(briefing.turns, key=lambda t: len(t.text))
    word = longest_word(turn.text[len(turn.text) // 2 :])  # a word deep in a long turn
    page.set_viewport_size({"width": 1000, "height": 500})
    page.goto(f"{base_url}/search?q={word}&briefing={example_id}")
    count = page.locator(".result-count").inner_text()
    assert count.split()[0].isdigit() and int(count.split()[0]) == page.locator(".hit").count()
    page.locator(".hit .where a").first.click()
    page.wait_for_url(re.compile(r"#hit$"))
    at = int(re.search(r"at=(\d+)", page.url).group(1))
    assert briefing.text[at : at + len(word)].lower() == word.lower()
    here = page.locator("#transcript mark.hl.here")
    assert here.count() >= 1
    assert {text.lower() for text in here.all_inner_texts()} == {word.lower()}
    assert here.first.is_visible()
    box = here.first.bounding_box()
    assert box is not None and 0 <= box["y"] <= 500, "the sentence is not in view"
    sentence = page.evaluate(
        """() => { const r = document.createRange(); r.setStartAfter(document.getElementById('hit'));
                   r.setEndBefore(document.querySelector('.hit-end')); return r.toString(); }"""
    )
    assert word.lower() in sentence.lower() and len(sentence) < len(turn.text)


def test_the_seed_reads_by_its_composed_title_in_the_library_and_search(page: Page, base_url: str, browser_corpus: WebCorpus) -> None:
    briefing_id = anchor_id(browser_corpus)
    title = browser_corpus.briefings[briefing_id].title
    assert title and browser_corpus.briefings[briefing_id].metadata.get("title_source") == "composed"
    page.goto(base_url + "/")
    assert page.locator(f'table.library a[href$="/briefings/{briefing_id}"]').inner_text() == title
    word = longest_word(browser_corpus.briefings[briefing_id].turns[-1].text)
    page.goto(f"{base_url}/search?q={word}&briefing={briefing_id}")
    assert page.locator("p.where a").first.inner_text() == title
    assert "untitled briefing" not in page.content()


def test_docs_show_code_not_backticks(page: Page, base_url: str) -> None:
    page.goto(base_url + "/docs")
    described = page.locator(".operation p")
    texts = [described.nth(i).inner_text() for i in range(described.count())]
    assert texts and not any("`" in text for text in texts)
    assert page.locator(".operation p code", has_text="X-Total-Count").count() >= 1


def test_item_ids_open_in_the_browser_as_json(page: Page, base_url: str, browser_corpus: WebCorpus) -> None:
    ident = browser_corpus.id_of(EXAMPLE.name)
    figure = browser_corpus.briefings[ident].quantities[0]
    page.goto(f"{base_url}/api/v1/figures/{figure.id.upper()}")
    shown = json.loads(page.locator("body").inner_text())
    assert (shown["id"], shown["text"], shown["start"]) == (figure.id, figure.text, figure.start)
