"""Bounded work per search: long queries refused with a clear message, repeats dropped, and a query
of excluded words (`NOT China`, `-grain`) read as a user means it, from the library, the CLI and
the API. How fast a refusal comes is measured in benchmarks/bench_search_bounds.py."""

from __future__ import annotations

from fastapi.testclient import TestClient
import pytest
from typer.testing import CliRunner

from podium.cli import app
from podium.errors import PodiumError
from podium.store import Corpus
from podium.store.fts import MAX_PREFIX_TERMS, MAX_QUERY_CHARS, MAX_TERMS, prepare
from podium.web import create_app

from .conftest import Filled

runner = CliRunner()
LONG = " ".join(f"word{n}" for n in range(3_000))  # a pasted page: 3,000 different words


def speakers(corpus: Corpus, query: str) -> set[str]:
    return {hit["speaker"] for hit in corpus.search(query, limit=None)}


def refusal(filled: Filled, query: str) -> PodiumError:
    with Corpus(filled.db, readonly=True) as corpus, pytest.raises(PodiumError) as caught:
        corpus.search(query)
    assert caught.value.code == "E030"
    return caught.value


def test_a_three_thousand_word_query_is_refused_with_the_limit(filled: Filled) -> None:
    assert f"is {len(LONG):,} characters long; at most {MAX_QUERY_CHARS:,} are searched" in refusal(filled, LONG).reason


def test_too_many_terms_are_refused(filled: Filled) -> None:
    query = " OR ".join(f"w{n}" for n in range(MAX_TERMS + 1))
    assert len(query) <= MAX_QUERY_CHARS
    assert f"has {MAX_TERMS + 1} terms; at most {MAX_TERMS}" in refusal(filled, query).reason
    with Corpus(filled.db, readonly=True) as corpus:
        assert corpus.search(" OR ".join(["unemployment", *(f"w{n}" for n in range(MAX_TERMS - 1))]))


def test_too_many_prefix_terms_are_refused(filled: Filled) -> None:
    query = " ".join(f"{chr(ord('a') + n)}*" for n in range(MAX_PREFIX_TERMS + 1))
    assert f"{MAX_PREFIX_TERMS + 1} prefix terms (word*); at most {MAX_PREFIX_TERMS}" in refusal(filled, query).reason


@pytest.mark.parametrize("repeat", ["export* ", "export* OR ", "Export* "])
def test_repeated_terms_count_once(filled: Filled, repeat: str) -> None:
    query = (repeat * (MAX_QUERY_CHARS // len(repeat))).removesuffix(" OR ")
    assert len(prepare(query).match) < 20  # a few hundred terms became one
    with Corpus(filled.db, readonly=True) as corpus:
        assert corpus.search(query) == corpus.search("export*")
        assert speakers(corpus, query) == {"Riley Quinn", "Casey Wong"}


def test_an_or_list_loses_its_repeats_but_keeps_its_meaning(filled: Filled) -> None:
    with Corpus(filled.db, readonly=True) as corpus:
        assert speakers(corpus, "retail OR machinery OR retail OR Retail") == speakers(corpus, "retail OR machinery")
        assert speakers(corpus, "retail OR machinery") == {"Jordan Lee", "Riley Quinn"}


def test_a_minus_word_is_left_out(filled: Filled) -> None:
    with Corpus(filled.db, readonly=True) as corpus:
        assert speakers(corpus, "unemployment") == {"Jordan Lee", "Sam Carter", "Casey Wong"}
        assert speakers(corpus, "unemployment -target") == {"Jordan Lee", "Casey Wong"}
        assert speakers(corpus, "-target unemployment") == speakers(corpus, "unemployment NOT target")
        assert speakers(corpus, "NOT target unemployment") == {"Jordan Lee", "Casey Wong"}
        assert speakers(corpus, "(unemployment OR exports) -target") == {"Jordan Lee", "Casey Wong", "Riley Quinn"}
        # a hyphen inside a word, or before a number, is not an exclusion
        assert prepare("year-on-year -5%").match == '"year-on-year" "-5%"'


@pytest.mark.parametrize("query", ["NOT China", "-grain", "-grain NOT China", '-"grain output"'])
def test_a_query_of_excluded_words_only_says_what_to_add(filled: Filled, query: str) -> None:
    reason = refusal(filled, query).reason
    assert "only says what to leave out" in reason and "add a word to find" in reason


def test_the_cli_refuses_on_one_line_with_exit_1(filled: Filled) -> None:
    result = runner.invoke(app, ["search", LONG, "--db", str(filled.db)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: bad argument: the search query is") and "[E030]" in lines[0]
    only_not = runner.invoke(app, ["search", "NOT target", "--db", str(filled.db)])
    assert only_not.exit_code == 1 and "NOT target only says what to leave out" in only_not.stderr


def test_the_cli_takes_a_leading_minus_after_double_dash(filled: Filled) -> None:
    as_option = runner.invoke(app, ["search", "-target", "--db", str(filled.db)])
    assert as_option.exit_code == 2
    assert "No such option" in as_option.stderr and "goes after '--'" in " ".join(as_option.stderr.split())
    after_dashes = runner.invoke(app, ["search", "--db", str(filled.db), "--json", "--", "-target unemployment"])
    assert after_dashes.exit_code == 0, after_dashes.stderr
    assert '"Casey Wong"' in after_dashes.stdout and '"Sam Carter"' not in after_dashes.stdout
    alone = runner.invoke(app, ["search", "--db", str(filled.db), "--", "-target"])
    assert alone.exit_code == 1 and "NOT target only says what to leave out" in alone.stderr


def test_the_api_answers_400_with_its_error_body(filled: Filled) -> None:
    with TestClient(create_app(filled.db), base_url="http://127.0.0.1:8000") as client:
        long = client.get("/api/v1/search", params={"q": LONG})
        only_not = client.get("/api/v1/search", params={"q": "NOT target"})
        page = client.get("/search", params={"q": "NOT target"})
        fine = client.get("/api/v1/search", params={"q": "unemployment -target"})
    assert long.status_code == 400 and long.json()["detail"] == {"code": "E030"}
    assert long.json()["status"] == 400 and "at most 1,000 are searched" in long.json()["error"]
    assert only_not.status_code == 400 and "only says what to leave out" in only_not.json()["error"]
    assert page.status_code == 400 and "only says what to leave out" in page.text
    assert fine.status_code == 200 and {hit["speaker"] for hit in fine.json()} == {"Jordan Lee", "Casey Wong"}
