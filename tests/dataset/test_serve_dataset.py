"""`podium serve` over a Parquet dataset: the web app and the API answer from a dataset made of a
few ../shared/corpus transcripts with the same rows as over a SQLite file of the same files, and
refuse uploads (a dataset is written by podium ingest --dataset only)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

pytest.importorskip("duckdb")
pytest.importorskip("tantivy")
pytest.importorskip("distributed")

from podium.cli import app  # noqa: E402
from podium.dataset.write import ingest_dataset  # noqa: E402
from podium.store import Corpus  # noqa: E402
from podium.store.ingest import ingest  # noqa: E402
from podium.web import create_app  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
FILES = ("fomc-2022-06-15.txt", "mfa-2019-09-04.txt", "fomc-2020-03-15.txt", "mfa-2020-07-17-hua-chunying.txt")
BASE = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A SQLite file and a dataset of the same few transcripts."""
    if not all((CORPUS / name).is_file() for name in FILES):
        pytest.skip("../shared/corpus is not beside this checkout")
    base = tmp_path_factory.mktemp("serve")
    folder = base / "in"
    folder.mkdir()
    for name in FILES:
        shutil.copy(CORPUS / name, folder / name)
    db, out = base / "corpus.db", base / "corpus.parquet"
    with Corpus(db) as corpus:
        assert ingest(corpus, [folder], jobs=1).added == len(FILES)
    assert ingest_dataset([folder], out, workers=1).added == len(FILES)
    return db, out


@pytest.fixture(scope="module")
def clients(stores: tuple[Path, Path]) -> tuple[TestClient, TestClient]:
    db, out = stores
    return TestClient(create_app(db), base_url=BASE), TestClient(create_app(out), base_url=BASE)


def both_json(clients: tuple[TestClient, TestClient], url: str) -> tuple[object, object]:
    sqlite, dataset = (c.get(url) for c in clients)
    assert sqlite.status_code == dataset.status_code == 200, (url, dataset.text[:300])
    return sqlite.json(), dataset.json()


def test_listings_figures_and_briefings_are_the_same_rows(clients: tuple[TestClient, TestClient]) -> None:
    sqlite, dataset = both_json(clients, "/api/v1/briefings")
    assert dataset == sqlite and len(dataset) == len(FILES)  # type: ignore[arg-type]
    assert clients[1].get("/api/v1/briefings").headers["X-Total-Count"] == str(len(FILES))
    for url in (
        "/index.json?sort=title&desc=false",
        "/api/v1/figures?limit=1000",
        "/api/v1/figures?kind=growth",
        "/api/v1/figures?unit=%25&speaker=powell",
        "/figures.json?modality=actual&limit=20",
        "/api/v1/subjects?prefix=in",
        "/api/v1/findings",
        "/api/v1/commitments",
    ):
        sqlite, dataset = both_json(clients, url)
        assert dataset == sqlite, url
    figures, _ = both_json(clients, "/api/v1/figures?limit=1000")
    assert len(figures) > 50  # type: ignore[arg-type]
    one = figures[0]  # type: ignore[index]
    assert both_json(clients, f"/api/v1/figures/{one['id']}") == (one, one)


def test_a_briefing_is_the_same_full_model_and_page(clients: tuple[TestClient, TestClient]) -> None:
    listed, _ = both_json(clients, "/api/v1/briefings")
    for row in listed:  # type: ignore[union-attr]
        sqlite, dataset = both_json(clients, f"/api/v1/briefings/{row['id']}")
        assert dataset == sqlite and dataset["turns"]  # type: ignore[index]
        pages = [c.get(f"/briefings/{row['id']}") for c in clients]
        assert [p.status_code for p in pages] == [200, 200]
        assert pages[1].text.count('class="turn') == pages[0].text.count('class="turn') > 0
    assert clients[1].get("/api/v1/briefings/0123456789abcdef").status_code == 404


def test_search_finds_the_same_turns(clients: tuple[TestClient, TestClient]) -> None:
    for query in ("inflation", "trade"):
        sqlite, dataset = both_json(clients, f"/api/v1/search?q={query}&limit=1000")
        found = {(h["briefing_id"], h["turn"]) for h in dataset}  # type: ignore[union-attr]
        assert found == {(h["briefing_id"], h["turn"]) for h in sqlite} and found, query  # type: ignore[union-attr]
        assert all(query in h["snippet"].lower() and h["url"].startswith("/briefings/") for h in dataset)  # type: ignore[union-attr]
        page = clients[1].get(f"/search?q={query}")
        assert page.status_code == 200 and f"{len(found)}" in page.text


def test_indicator_and_html_pages(clients: tuple[TestClient, TestClient]) -> None:
    sqlite, dataset = both_json(clients, "/indicator.json?subject=inflation")
    assert dataset == sqlite
    for url in ("/", "/figures?kind=growth", "/commitments", "/indicator?subject=inflation"):
        pages = [c.get(url) for c in clients]
        assert [p.status_code for p in pages] == [200, 200], url
    library = clients[1].get("/").text
    assert 'href="/add"' not in library and 'href="/add"' in clients[0].get("/").text


def test_uploads_are_refused_on_a_dataset(clients: tuple[TestClient, TestClient]) -> None:
    dataset = clients[1]
    sent = dataset.post("/api/v1/briefings", files={"file": ("a.txt", b"Speaker:\n\nGrowth was 5%.\n", "text/plain")}, headers={"Origin": BASE})
    assert sent.status_code == 409
    assert "read-only dataset" in sent.json()["error"] and "podium ingest" in sent.json()["error"]
    form = dataset.get("/add")
    assert form.status_code == 409 and "read-only dataset" in form.text
    assert len(dataset.get("/api/v1/briefings").json()) == len(FILES)


def test_commitments_and_check_read_a_dataset_from_the_cli(stores: tuple[Path, Path]) -> None:
    runner = CliRunner()
    db, out = stores
    for command in (["commitments", "--json"], ["check", "--json"]):
        sqlite, dataset = (runner.invoke(app, [*command, "--db", str(path)]) for path in (db, out))
        assert sqlite.exit_code == dataset.exit_code == 0, dataset.output
        made = [json.loads(r.stdout) for r in (sqlite, dataset)]
        if command[0] == "check":
            for payload in made:
                payload.pop("db")
            assert made[1]["briefings"] == len(FILES)
        else:
            assert len(made[1]) > 0
        assert made[1] == made[0], command
    missing = runner.invoke(app, ["commitments", "--db", str(out.parent / "nothing")])
    assert missing.exit_code != 0 and "no corpus database or dataset" in missing.output
