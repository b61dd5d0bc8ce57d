"""The places stage: where a figure is about, from its sentence, its speaker and the header."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from podium import parse
from podium.quantities import places as places_module
from podium.quantities.places import Placer, gazetteer, mentions_in, placer_of
from podium.store import Corpus
from tests.conftest import CORPUS, needs_shared

PROVINCIAL = """SCIO press conference on Hunan's development

Speakers:

Mr. Li Ming, governor of Hunan province

Date:

May 10, 2024

Chen Wen:

Welcome. Today Mr. Li Ming, governor of Hunan province, will brief you on Hunan's development in Hunan.

Li Ming:

Last year, grain output reached 30 million metric tons. The national grain output grew by 1.3%. Guangzhou's GDP grew by 4.6%, while wages in the province rose by 5%.
"""


def places(text: str) -> list[tuple[str, str, str]]:
    briefing = parse(text)
    return [(q.text, q.place, q.place_source) for q in briefing.quantities]


def test_a_provincial_briefing_keeps_its_province_unless_the_sentence_says_otherwise() -> None:
    assert places(PROVINCIAL) == [
        ("30 million metric tons", "Hunan", "speaker"),
        ("1.3%", "China", "sentence"),
        ("4.6%", "Guangzhou", "sentence"),
        ("5%", "Hunan", "sentence"),
    ]


def test_places_are_found_once_for_the_figures_and_the_undertakings(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[object] = []
    found = Placer.__init__

    def counted(self: Placer, briefing: object) -> None:
        built.append(briefing)
        found(self, briefing)  # type: ignore[arg-type]

    monkeypatch.setattr(places_module.Placer, "__init__", counted)
    briefing = parse(PROVINCIAL + "\nThe new stadium in Guangzhou will be completed and opened this year.\n")
    assert [(c.subject, c.place, c.deadline) for c in briefing.commitments] == [
        ("The new stadium in Guangzhou", "Guangzhou", "2024")
    ]
    assert ("grain output", "Hunan") in [(q.subject, q.place) for q in briefing.quantities]
    assert len(built) == 1 and placer_of(briefing) is placer_of(briefing)
    briefing.quantities = briefing.quantities[:1]  # other figures: their places are found anew
    placer_of(briefing)
    assert len(built) == 2


def test_names_match_whole_words_and_case() -> None:
    found = [m.place.name for m in mentions_in("Let us see: the US economy, China-Europe trains, Chinese exports.")]
    assert found == ["United States", "China"]


def test_the_gazetteer_has_both_languages_and_the_states() -> None:
    names = gazetteer().names
    assert names["新疆"] == names["Xinjiang"] and names["Xinjiang"].within == "China"
    assert names["乌鲁木齐"].within == "Xinjiang" and names["Texas"].within == "United States"


def test_a_figure_with_no_place_anywhere_has_none() -> None:
    assert places("Bai Lan:\n\nSales rose 5% last year.\n") == [("5%", "", "")]


def test_the_store_filters_figures_by_place(tmp_path: Path) -> None:
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add(parse(PROVINCIAL))
        rows = corpus.figures(place="China")
        assert [(r["text"], r["place"], r["place_source"]) for r in rows] == [("1.3%", "China", "sentence")]


@needs_shared
@pytest.mark.parametrize("gold", sorted((Path(__file__).parent.parent / "data" / "places").glob("*.jsonl")), ids=lambda p: p.stem)
def test_places_agree_with_the_gold_mostly(gold: Path) -> None:
    briefing = parse(CORPUS / gold.name.replace(".places.jsonl", ".txt"))
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    right = sum(
        any(q.place == row["place"] for q in briefing.quantities if q.start < row["end"] and row["start"] < q.end)
        for row in rows
    )
    assert right / len(rows) >= 0.9


def test_the_province_is_the_one_the_briefing_names_even_once_after_its_figures() -> None:
    text = "全省生产总值5000亿元,增长6.1%。\n\n这是甘肃经济的开局。\n"
    assert places(text) == [("5000亿元", "Gansu", "sentence"), ("6.1%", "Gansu", "header")]


def test_a_briefing_naming_no_province_takes_it_from_its_address() -> None:
    from podium.pipeline import briefing_from_document, run
    from podium.read import Document

    text = "全省生产总值5000亿元,增长6.1%。\n"
    for url, place in (("http://www.gs.gov.cn/art/1.html", "Gansu"), ("https://tjj.gansu.gov.cn/a.html", "Gansu"), ("https://www.ca.gov/news", "California")):
        briefing = run(briefing_from_document(Document(text=text, source=url, format="text", metadata={"url": url})))
        assert {q.place for q in briefing.quantities} == {place}, url
    # A code is a place only on its country's domain: "js." of a script host is no province.
    briefing = run(briefing_from_document(Document(text=text, source="x", format="text", metadata={"url": "https://js.example.com/a"})))
    assert {q.place for q in briefing.quantities} == {""}


def test_the_nation_as_a_comparison_base_or_a_ranking_scope_leaves_the_figure_the_provinces() -> None:
    text = "甘肃省人民政府副省长介绍,全省固定资产投资增长8.1%,比全国高1.8个百分点,居全国第一位。公路密度是全国平均水平的2倍。全国城镇调查失业率为5.2%。\n"
    got = {t: p for t, p, _ in places(text)}
    assert got["8.1%"] == got["1.8个百分点"] == got["2倍"] == "Gansu"
    assert got["5.2%"] == "China"


def test_a_trade_partner_is_a_counterpart_not_the_figures_place() -> None:
    text = "Ministry of Commerce briefing\n\nExports of China grew 3%. Trade with traditional markets such as Japan and Germany fell by 9.6%. Exports to Brazil rose 4%.\n"
    assert [p for _, p, _ in places(text)] == ["China", "China", "China"]
    assert [p for _, p, _ in places("商务部介绍,中国对日本出口增长5%。\n")] == ["China"]


def test_a_place_named_in_the_chinese_sentence_before_is_not_the_figures() -> None:
    # The sentence before ends at a half-width "!": the layout's sentence, not a local list of stops.
    text = "甘肃省人民政府副省长介绍,全省固定资产投资增长8.1%。这一点广东省也很关注!城镇调查失业率为5.2%。\n"
    assert places(text) == [("8.1%", "Gansu", "sentence"), ("5.2%", "Gansu", "header")]


def test_new_china_is_an_era_not_a_place() -> None:
    text = "甘肃省政府新闻办发布会。全省生产总值比新中国成立初期增长300多倍。\n"
    assert [p for _, p, _ in places(text)] == ["Gansu"]


def test_a_central_bank_states_its_currency_areas_figures() -> None:
    text = "Introductory statement, President of the ECB\n\nInflation fell below 2% in February. The projections foresee growth of 1.6 per cent in 2024.\n"
    assert [p for _, p, _ in places(text)] == ["Euro area", "Euro area"]


@needs_shared
def test_the_indicator_page_shows_the_us_and_china_unemployment_rates_apart(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from podium.web import create_app

    files = [path for path in sorted(CORPUS.glob("*.txt")) if "unemployment rate" in path.read_text(encoding="utf-8").lower()]
    with Corpus(tmp_path / "c.db") as corpus:
        for path in files:
            corpus.add(parse(path))
    with TestClient(create_app(tmp_path / "c.db"), base_url="http://127.0.0.1:8000") as client:
        html = client.get("/indicator", params={"subject": "unemployment rate"}).text
        data = client.get("/indicator.json", params={"subject": "unemployment rate"}).json()
    # Each chart is one indicator of one place ("surveyed urban unemployment rate, China").
    labels = re.findall(r'<svg class="chart-\w+"[^>]* aria-label="([^"]*unemployment rate), ([^,"]+),', html)
    assert ("unemployment rate", "United States") in labels
    assert any(place == "China" for _indicator, place in labels)
    places_charted = {f["place"] for f in data["figures"] if f["period"]}
    assert {"United States", "China"} <= places_charted


def test_the_region_in_a_national_briefing_does_not_make_it_a_states() -> None:
    text = "Press briefing at the White House\n\nWe are concerned about civilians in the region. Aid rose 5% this year. A plant in Ohio will open.\n"
    assert [p for _, p, _ in places(text)] == ["United States"]


def test_every_place_listed_after_a_trade_partner_is_a_partner_too() -> None:
    text = "Ministry of Commerce briefing on China's trade\n\nTrade with the United States, the European Union, and Japan fell by 19.6%, 14.2% and 15.3% respectively.\n"
    assert [p for _, p, _ in places(text)] == ["China", "China", "China"]
