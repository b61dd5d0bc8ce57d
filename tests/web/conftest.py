"""Fixtures for the web tests: a temporary corpus holding the example briefing and, when
../shared is beside this checkout, its anchor transcript; a TestClient over it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import podium
from podium.model import Briefing
from podium.store import Corpus
from podium.web import create_app
from conftest import EXAMPLE, XINJIANG

# A transcript written for these tests (invented names): markup in the title and in what is said
# must reach the browser as text. The payloads set a flag or call alert, so the browser test can tell if one ran.
HOSTILE_TEXT = """Briefing on <script>window.__podium_pwned = "title"</script> matters

Alex Moreno:

Welcome. <script>window.__podium_pwned = "body"</script> Exports grew by 5.2% last year.

Sam Carter:

"><img src=x onerror=alert(1)> What about 2024? <b>bold</b>

Alex Moreno:

Output reached 3 million tons. "><img src=x onerror="window.__podium_pwned='img'">
"""


def longest_word(text: str) -> str:
    """A word to search for, taken from the text itself (letters only, so escaping cannot alter it)."""
    return max(re.findall(r"[A-Za-z]{4,}", text), key=len)


@dataclass
class WebCorpus:
    """The database path and the briefings stored in it, by id, as parsed before storing."""

    db: Path
    briefings: dict[str, Briefing]

    def id_of(self, source_name: str) -> str:
        return next(i for i, b in self.briefings.items() if Path(b.source).name == source_name)


def build_corpus(db: Path, paths: list[Path], *, texts: tuple[str, ...] = ()) -> WebCorpus:
    parsed = [podium.parse(path) for path in paths] + [podium.parse(text) for text in texts]
    stored: dict[str, Briefing] = {}
    with Corpus(db) as corpus:
        for briefing in parsed:
            stored[corpus.add(briefing)] = briefing
    return WebCorpus(db=db, briefings=stored)


def corpus_paths() -> list[Path]:
    return [EXAMPLE] + ([XINJIANG] if XINJIANG.is_file() else [])


@pytest.fixture(scope="session")
def web_corpus(tmp_path_factory: pytest.TempPathFactory) -> WebCorpus:
    """Read-only for the tests that use it: tests that add briefings build their own."""
    return build_corpus(tmp_path_factory.mktemp("web") / "podium.db", corpus_paths(), texts=(HOSTILE_TEXT,))


# The test client's own default host ("testserver") is not one the app answers for.
BASE_URL = "http://127.0.0.1:8000"


@pytest.fixture(scope="session")
def client(web_corpus: WebCorpus) -> Iterator[TestClient]:
    with TestClient(create_app(web_corpus.db), base_url=BASE_URL) as test_client:
        yield test_client


@pytest.fixture
def fresh_client(tmp_path: Path) -> Iterator[TestClient]:
    """A client over an empty corpus of its own, for tests that write."""
    with TestClient(create_app(tmp_path / "fresh.db"), base_url=BASE_URL) as test_client:
        yield test_client


def form_fields(client: TestClient) -> dict[str, str]:
    """The hidden fields of the Add page's form (its CSRF token), as a browser would send them;
    the client keeps the cookie the page set."""
    html = client.get("/add").text
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))


@pytest.fixture(scope="session")
def example_id(web_corpus: WebCorpus) -> str:
    return web_corpus.id_of(EXAMPLE.name)


@pytest.fixture(scope="session")
def hostile_id(web_corpus: WebCorpus) -> str:
    return next(i for i, b in web_corpus.briefings.items() if b.text == HOSTILE_TEXT)
