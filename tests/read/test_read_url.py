"""Web addresses: pages served by a local HTTP server on 127.0.0.1 (no test reaches the internet).
Redirects, a timeout, a 404, a 30 MB page, a content type podium does not read, a PDF, an article
over three pages joined with its page starts, the cache, and the CLI, ingest and web app on top."""

from __future__ import annotations

import html
import json
import re
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from podium.cli import app as cli
from podium.errors import PodiumError
from podium.model import Briefing
from podium.pipeline import parse
from podium.read import read_path
from podium.read.pages import page_of
from podium.read.url import MAX_FETCH_BYTES, read_url
from podium.store import Corpus
from podium.web import create_app

FORMATS = Path(__file__).resolve().parent.parent / "data" / "formats"
STEM = "fomc-2022-06-15-excerpt"
HUGE = 30 * 1024 * 1024
PAGES = 3


def article_pages() -> list[list[str]]:
    """The committed briefing's paragraphs (the DOCX's, table left out) cut into three pages at
    speaker labels, so each page starts a turn."""
    paragraphs = read_path(FORMATS / f"{STEM}.docx").text.strip().split("\n\n")[:-1]
    labelled = [i for i, p in enumerate(paragraphs) if p.split(".  ")[0].isupper() and i > 0]
    cuts = [0, labelled[len(labelled) // 3], labelled[2 * len(labelled) // 3], len(paragraphs)]
    return [paragraphs[a:b] for a, b in zip(cuts, cuts[1:])]


def article_html(number: int) -> bytes:
    """One page as a ministry site lays it out: navigation, the article, a pager, a footer."""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in article_pages()[number - 1])
    title = "<h1>Transcript of Chair Powell’s Press Conference</h1>" if number == 1 else ""
    pager = " ".join(f'<a href="article{"" if n == 1 else f"_{n}"}.htm">{n}</a>' for n in range(1, PAGES + 1))
    rel = f'<link rel="next" href="/article_{number + 1}.htm">' if number == 2 else ""
    return (
        f"<!doctype html><html><head><title>Press conference</title>{rel}</head><body>"
        f'<nav><a href="/">Home</a> | <a href="/news">News</a></nav><article>{title}{paragraphs}</article>'
        f'<div class="pager">{pager}</div><footer>Site footer</footer></body></html>'
    ).encode("utf-8")


class Handler(BaseHTTPRequestHandler):
    hits: Counter[str] = Counter()
    user_agents: list[str] = []

    def log_message(self, *args: object) -> None:  # the test output stays quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        Handler.hits[self.path] += 1
        Handler.user_agents.append(self.headers.get("User-Agent", ""))
        route = {
            "/article.htm": lambda: self.send(200, "text/html; charset=utf-8", article_html(1)),
            "/article_2.htm": lambda: self.send(200, "text/html; charset=utf-8", article_html(2)),
            "/article_3.htm": lambda: self.send(200, "text/html; charset=utf-8", article_html(3)),
            "/moved": lambda: self.redirect("/moved-again"),
            "/moved-again": lambda: self.redirect("/article.htm"),
            "/loop": lambda: self.redirect("/loop"),
            "/slow": self.slow,
            "/huge": lambda: self.send(200, "text/html", b"<p>" + b"x" * HUGE),
            "/huge-undeclared": self.huge_undeclared,
            "/picture.png": lambda: self.send(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
            "/briefing.pdf": lambda: self.send(200, "application/pdf", (FORMATS / f"{STEM}.pdf").read_bytes()),
            "/download": lambda: self.send(200, "application/octet-stream", (FORMATS / f"{STEM}.docx").read_bytes()),
            "/notes.txt": lambda: self.send(200, "text/plain", (FORMATS / f"{STEM}.txt").read_bytes()),
        }.get(self.path)
        if route is None:
            self.send(404, "text/html", b"<h1>Not found</h1>")
        else:
            route()

    def send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout, a size limit): that is what the test wanted

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def slow(self) -> None:
        time.sleep(3)
        self.send(200, "text/plain", b"late")

    def huge_undeclared(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()  # no Content-Length: the body runs until the connection closes
        self.close_connection = True
        try:
            for _ in range(HUGE // 65536):
                self.wfile.write(b"y" * 65536)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("PODIUM_CACHE", str(folder))
    Handler.hits.clear()
    return folder


@pytest.fixture(scope="module")
def as_text() -> Briefing:
    return parse(read_path(FORMATS / f"{STEM}.txt"))


def speakers(briefing: Briefing) -> list[str | None]:
    return [turn.speaker for turn in briefing.turns]


def figures(briefing: Briefing) -> list[tuple[float | None, str | None]]:
    return [(qty.value, qty.unit) for qty in briefing.quantities]


# --- the library ----------------------------------------------------------------------------------


def test_an_article_over_three_pages_is_joined_with_its_page_starts(site: str, as_text: Briefing) -> None:
    doc = read_url(f"{site}/article.htm")
    assert doc.source == f"{site}/article.htm" and doc.format == "html"
    assert doc.metadata["page_urls"] == [f"{site}/article.htm", f"{site}/article_2.htm", f"{site}/article_3.htm"]
    assert doc.metadata["fetched_at"].endswith("+00:00") and doc.metadata["content_type"] == "text/html"
    starts = doc.metadata["pages"]
    for number, paragraphs in enumerate(article_pages(), 1):
        first, last = (" ".join(p.split()) for p in (paragraphs[0], paragraphs[-1]))  # HTML squeezes spaces
        assert doc.text[starts[number - 1] :].startswith(first)
        assert page_of(doc.metadata, doc.text.index(last)) == number
    assert "Home" not in doc.text and "Site footer" not in doc.text
    briefing = parse(doc)
    assert speakers(briefing) == speakers(as_text)
    assert figures(briefing) == figures(as_text)
    assert all(Handler.hits[f"/article{s}.htm"] == 1 for s in ("", "_2", "_3"))
    assert all(agent.startswith("podium/") for agent in Handler.user_agents)


def test_a_second_read_comes_from_the_cache_and_refresh_fetches_again(site: str, cache: Path) -> None:
    first = read_url(f"{site}/notes.txt")
    again = read_url(f"{site}/notes.txt")
    assert Handler.hits["/notes.txt"] == 1
    assert again.text == first.text and again.metadata["fetched_at"] == first.metadata["fetched_at"]
    assert len(list((cache / "urls").glob("*.json"))) == 1
    read_url(f"{site}/notes.txt", refresh=True)
    assert Handler.hits["/notes.txt"] == 2


def test_redirects_are_followed_and_bounded(site: str) -> None:
    doc = read_url(f"{site}/moved")
    assert doc.source == f"{site}/moved" and doc.metadata["final_url"] == f"{site}/article.htm"
    assert doc.metadata["page_count"] == 3
    with pytest.raises(PodiumError) as caught:
        read_url(f"{site}/loop")
    assert caught.value.code == "E006" and "redirects" in caught.value.reason


def test_a_server_that_does_not_answer_times_out(site: str) -> None:
    started = time.monotonic()
    with pytest.raises(PodiumError) as caught:
        read_url(f"{site}/slow", timeout=0.5)
    assert caught.value.code == "E006" and "timed out" in caught.value.reason
    assert time.monotonic() - started < 2.5


def test_a_missing_page_is_an_error_naming_the_address(site: str, cache: Path) -> None:
    with pytest.raises(PodiumError) as caught:
        read_url(f"{site}/gone.htm")
    assert caught.value.code == "E006" and "404" in caught.value.reason
    assert caught.value.path == f"{site}/gone.htm"
    assert not (cache / "urls").exists()  # a refusal is not cached


@pytest.mark.parametrize("path", ["/huge", "/huge-undeclared"])
def test_a_30_mb_page_is_refused_by_size(site: str, path: str) -> None:
    assert HUGE > MAX_FETCH_BYTES
    with pytest.raises(PodiumError) as caught:
        read_url(site + path)
    assert caught.value.code == "E004" and f"{MAX_FETCH_BYTES:,}" in caught.value.reason


def test_a_content_type_podium_does_not_read_is_refused(site: str) -> None:
    with pytest.raises(PodiumError) as caught:
        read_url(f"{site}/picture.png")
    assert caught.value.code == "E005" and "image/png" in caught.value.reason


def test_a_pdf_and_a_docx_download_read_as_their_files_do(site: str) -> None:
    from_pdf = read_url(f"{site}/briefing.pdf")
    assert from_pdf.format == "pdf" and from_pdf.text == read_path(FORMATS / f"{STEM}.pdf").text
    assert len(from_pdf.metadata["pages"]) == 7
    from_docx = read_url(f"{site}/download")  # octet-stream, but the bytes are a DOCX
    assert from_docx.format == "docx" and from_docx.text == read_path(FORMATS / f"{STEM}.docx").text


def test_only_web_addresses_are_fetched() -> None:
    with pytest.raises(PodiumError) as caught:
        read_url("file:///etc/passwd")
    assert caught.value.code == "E030"


# --- CLI, ingest, web app -------------------------------------------------------------------------


def test_cli_parse_and_show_take_an_address(site: str, as_text: Briefing) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["parse", f"{site}/article.htm", "--no-text"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"] == f"{site}/article.htm"
    assert [t["speaker"] for t in data["turns"]] == speakers(as_text)
    assert data["metadata"]["fetched_at"] and len(data["metadata"]["pages"]) == 3
    shown = runner.invoke(cli, ["show", f"{site}/article.htm"])
    assert shown.exit_code == 0 and f"source: {site}/article.htm" in shown.stdout
    assert Handler.hits["/article.htm"] == 1  # show read the cache parse filled
    refreshed = runner.invoke(cli, ["show", "--refresh", f"{site}/article.htm"])
    assert refreshed.exit_code == 0 and Handler.hits["/article.htm"] == 2
    missing = runner.invoke(cli, ["parse", f"{site}/gone.htm"])
    assert missing.exit_code == 1 and "404" in missing.stderr and f"{site}/gone.htm" in missing.stderr


def test_cli_ingest_stores_addresses_beside_files(site: str, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    args = ["ingest", f"{site}/article.htm", f"{site}/briefing.pdf", f"{site}/gone.htm", str(FORMATS / f"{STEM}.docx")]
    result = CliRunner().invoke(cli, [*args, "--db", str(db), "--no-progress"])
    assert result.exit_code == 1 and "404" in result.stderr
    with Corpus(db) as corpus:
        rows = {row["source"]: row for row in corpus.briefings()}
        stored = corpus.briefing(rows[f"{site}/briefing.pdf"]["id"])
    assert set(rows) == {f"{site}/article.htm", f"{site}/briefing.pdf", str(FORMATS / f"{STEM}.docx")}
    assert stored is not None and stored.metadata["format"] == "pdf" and len(stored.metadata["pages"]) == 7
    again = CliRunner().invoke(cli, ["ingest", f"{site}/article.htm", "--db", str(db), "--no-progress"])
    assert again.exit_code == 0 and "1 unchanged" in again.stderr
    assert Handler.hits["/article.htm"] == 1


def test_web_add_fetches_only_on_request_and_shows_pdf_pages(site: str, tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "web.db"), base_url="http://127.0.0.1:8000")
    form = client.get("/add")
    assert form.status_code == 200 and 'name="url"' in form.text
    assert not Handler.hits  # showing the form fetched nothing
    token = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.text))
    added = client.post("/add", data={"url": f"{site}/briefing.pdf", **token}, files={"file": ("", b"")}, follow_redirects=False)
    assert added.status_code == 303, added.text
    page = client.get(added.headers["location"])
    assert page.status_code == 200
    cited = re.findall(r'class="page muted">(pp?\. [\d–]+)<', page.text)
    assert cited[0] == "p. 1" and cited[-1].endswith("7") and "pp. 3–4" in cited
    refused = client.post("/add", data={"url": f"{site}/picture.png", **token}, files={"file": ("", b"")})
    assert refused.status_code == 415 and "image/png" in refused.text
    api = client.post("/api/v1/briefings", data={"url": f"{site}/article.htm"}, files={"file": ("", b"")})
    assert api.status_code == 201 and api.json()["id"]
