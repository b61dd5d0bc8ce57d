"""`direction` of growth and change figures, English and Chinese: read by the quantities stage,
kept by the store, filtered by the CLI, the API and the web, scored by eval where gold has it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import podium
from podium.cli import app
from podium.quantities.evaluate import levels_for, score
from podium.store import Corpus
from podium.web import create_app

ENGLISH = """MR. LEE: Exports fell 3% in May and imports rose 2.5%. Sales were 4% lower than a year ago.
Inflation slowed to 2.1%. The deficit was $3 billion, a decline of 2% from April.
"""
CHINESE = """主持人：请介绍情况。

张明：1-5月，全国出口下降2.4%，进口同比增长5.6%，降幅收窄0.7个百分点。工业增速回落至3%。企业利润比上年减少3万元，就业人数为120万人。
"""


def figures(text: str) -> list[tuple[str, float, str, str | None]]:
    return [(q.text, q.value, q.kind, q.direction) for q in podium.parse(text).quantities]


def test_english_growth_and_change_say_which_way_they_went() -> None:
    assert figures(ENGLISH) == [
        ("3%", 3.0, "growth", "down"),
        ("2.5%", 2.5, "growth", "up"),
        ("4%", 4.0, "growth", "down"),
        ("2.1%", 2.1, "growth", "up"),  # inflation slowed TO 2.1%: a rise of prices of 2.1%
        ("$3 billion", 3e9, "level", None),
        ("2%", 2.0, "growth", "down"),
    ]


def test_chinese_growth_and_change_say_which_way_they_went_and_keep_the_value_unsigned() -> None:
    assert figures(CHINESE) == [
        ("2.4%", 2.4, "growth", "down"),
        ("5.6%", 5.6, "growth", "up"),
        ("0.7个百分点", 0.7, "change", "down"),
        ("3%", 3.0, "growth", "up"),
        ("3万元", 30000.0, "change", "down"),
        ("120万", 1200000.0, "level", None),
    ]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("direction") / "c.db"
    with Corpus(path) as corpus:
        corpus.add(podium.parse(ENGLISH))
        corpus.add(podium.parse(CHINESE))
    return path


def test_the_store_keeps_direction_and_filters_by_it(db: Path) -> None:
    with Corpus(db, readonly=True) as corpus:
        down = corpus.figures(direction="down")
        assert sorted(row["text"] for row in down) == sorted(["3%", "4%", "2%", "2.4%", "0.7个百分点", "3万元"])
        assert {row["direction"] for row in corpus.figures()} == {"up", "down", None}
        assert {row["text"] for row in corpus.figures(direction="up", kind="change")} == set()


def test_the_cli_filters_and_prints_direction(db: Path) -> None:
    done = CliRunner().invoke(app, ["figures", "--db", str(db), "--direction", "up", "--json"])
    assert done.exit_code == 0, done.output
    rows = json.loads(done.stdout)
    assert sorted(row["text"] for row in rows) == sorted(["2.5%", "2.1%", "5.6%", "3%"])
    assert all(row["direction"] == "up" for row in rows)
    wrong = CliRunner().invoke(app, ["figures", "--db", str(db), "--direction", "sideways"])
    assert wrong.exit_code != 0


def test_the_api_and_the_web_filter_by_direction(db: Path) -> None:
    with TestClient(create_app(db), base_url="http://127.0.0.1:8000") as client:
        rows = client.get("/api/v1/figures", params={"direction": "down", "limit": 100}).json()
        assert sorted(row["text"] for row in rows) == sorted(["3%", "4%", "2%", "2.4%", "0.7个百分点", "3万元"])
        assert client.get("/api/v1/figures", params={"direction": "sideways"}).status_code == 422
        csv_text = client.get("/api/v1/figures", params={"direction": "down", "format": "csv"}).text
        assert csv_text.splitlines()[0].split(",")[-1] == "direction" and csv_text.count(",down") == 6
        page = client.get("/figures", params={"direction": "down"}).text
        assert '<option value="down" selected>down</option>' in page and "<th scope=\"col\">Direction</th>" in page
        assert page.count("<td>down</td>") == 6 and "<td>up</td>" not in page


def test_eval_scores_direction_only_where_the_gold_has_it() -> None:
    gold = [{"start": 0, "end": 2, "value": 3, "unit": "%", "kind": "growth", "direction": "down"}]
    assert levels_for(gold)[-1] == "direction"
    assert "direction" not in levels_for([{k: v for k, v in gold[0].items() if k != "direction"}])
    right = score(gold, [{**gold[0]}], levels_for(gold))[-1]
    wrong = score(gold, [{**gold[0], "direction": "up"}], levels_for(gold))[-1]
    assert (right.level, right.f1, wrong.f1) == ("direction", 1.0, 0.0)


def test_a_list_or_a_restatement_goes_the_way_its_first_figure_went() -> None:
    text = (
        "MR. LEE: Imports and exports increased by 57% and 45.9%, respectively. Output fell by "
        "6 billion jin (3 million tons), and the deficit was 4%.\n"
    )
    assert figures(text) == [
        ("57%", 57.0, "growth", "up"),
        ("45.9%", 45.9, "growth", "up"),
        ("6 billion jin", 6e9, "change", "down"),
        ("3 million tons", 3e6, "change", "down"),
        ("4%", 4.0, "ratio", None),
    ]
