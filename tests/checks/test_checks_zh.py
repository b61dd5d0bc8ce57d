"""Checks on Chinese briefings: conversions between the Chinese statistical units and the metric
ones (斤 to 吨, 亩 to 公顷, unit ids shared with English), 翻一番 as a doubling, repeated figures, and
the indicator chart over Chinese briefings."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

import podium
from podium.model import Briefing
from podium.web import create_app
from web.conftest import BASE_URL, build_corpus


def briefing(date: str, body: str) -> Briefing:
    return podium.parse(f"{date} 新闻发布会\n\n主持人：请介绍情况。\n\n张明：{body}\n")


def verdicts(parsed: Briefing, check: str) -> list[tuple[str, list[str]]]:
    return [(f.verdict, [q.text for q in f.quantities]) for f in parsed.findings if f.check == check]


def test_jin_and_mu_restated_in_tons_and_hectares_are_checked() -> None:
    # 2995.6亿斤 = 1.4978亿吨 = 14978万吨; 1.5亿亩 = 1000万公顷; 3000万亩 = 200万公顷, not 300万.
    parsed = briefing(
        "2024年10月25日",
        "夏粮产量2995.6亿斤（14978万吨），早稻产量563.5亿斤（约2600万吨）。大豆面积1.5亿亩（1000万公顷），油料面积3000万亩(300万公顷)。",
    )
    assert [(q.text, q.unit) for q in parsed.quantities] == [
        ("2995.6亿斤", "jin"), ("14978万吨", "t"), ("563.5亿斤", "jin"), ("2600万吨", "t"),
        ("1.5亿亩", "mu"), ("1000万公顷", "ha"), ("3000万亩", "mu"), ("300万公顷", "ha"),
    ]  # fmt: skip
    assert verdicts(parsed, "conversion") == [
        ("consistent", ["2995.6亿斤", "14978万吨"]),
        ("inconsistent", ["563.5亿斤", "2600万吨"]),  # 2817.5万吨, beyond what 约 allows
        ("consistent", ["1.5亿亩", "1000万公顷"]),
        ("inconsistent", ["3000万亩", "300万公顷"]),
    ]
    restated = parsed.quantities[1]
    assert (restated.subject, restated.kind) == (parsed.quantities[0].subject, "level") and restated.subject == "夏粮产量"


def test_fan_yi_fan_is_a_doubling() -> None:
    parsed = briefing("2024年10月25日", "十年来，农民收入翻了一番，粮食产量翻一番，出口额翻两番。")
    assert [(q.text, q.value, q.unit, q.kind, q.direction) for q in parsed.quantities] == [
        ("十年", 10.0, "year", "duration", None),
        ("翻了一番", 2.0, "times", "growth", "up"),
        ("翻一番", 2.0, "times", "growth", "up"),
        ("翻两番", 4.0, "times", "growth", "up"),
    ]


def test_a_figure_stated_twice_differently_is_flagged_and_twice_alike_is_not() -> None:
    said = "今年上半年，全国夏粮产量{}亿斤，比上年增加72.5亿斤。\n\n记者：请问夏粮情况如何？\n\n张明：今年上半年，全国夏粮产量{}亿斤。"
    differs = briefing("2024年7月15日", said.format("2995.6", "2985.6"))
    agrees = briefing("2024年7月15日", said.format("2995.6", "2995.6"))
    assert verdicts(differs, "repeated figure") == [("inconsistent", ["2995.6亿斤", "2985.6亿斤"])]
    assert verdicts(agrees, "repeated figure") == []  # a figure said again alike is no finding


def test_a_figure_restated_differently_in_the_next_sentence_of_one_paragraph_is_flagged() -> None:
    # Two sentences of one paragraph: the check passes over pairs in one sentence, so it needs the
    # layout to part a Chinese paragraph at its full stops.
    said = "今年上半年，全国夏粮产量2995.6亿斤，比上年增加72.5亿斤。我再说一遍，今年上半年全国夏粮产量{}亿斤！"
    differs = briefing("2024年7月15日", said.format("2985.6"))
    assert verdicts(differs, "repeated figure") == [("inconsistent", ["2995.6亿斤", "2985.6亿斤"])]
    assert verdicts(briefing("2024年7月15日", said.format("2995.6")), "repeated figure") == []


def test_shares_of_two_regions_in_two_sentences_are_each_regions_and_no_repeat() -> None:
    # "占全国总额的" names what the share is of, not whose it is: the sentence's measure before it.
    said = "一季度,东部地区工业投资250亿元,同比下降3.7%,占全国总额的60.5%。西部地区工业投资80亿元,同比增长5.2%,占全国总额的19.4%。"
    parsed = briefing("2024年4月17日", said)
    assert [(q.text, q.subject) for q in parsed.quantities if q.kind == "share"] == [
        ("60.5%", "东部地区工业投资占全国总额"), ("19.4%", "西部地区工业投资占全国总额"),
    ]  # fmt: skip
    assert verdicts(parsed, "repeated figure") == []


def test_growth_of_an_amount_in_yuan_and_in_dollars_is_no_repeat() -> None:
    said = "前5个月,全国实际使用外资3000亿元,同比下降4.0%。以美元计,前5个月全国实际使用外资450{},同比下降6.5%。"
    assert verdicts(briefing("2024年6月18日", said.format("亿美元")), "repeated figure") == []
    in_yuan = verdicts(briefing("2024年6月18日", said.format("亿元")), "repeated figure")
    assert in_yuan == [("inconsistent", ["3000亿元", "450亿元"]), ("inconsistent", ["4.0%", "6.5%"])]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    texts = tuple(
        f"{date} 新闻发布会\n\n主持人：请介绍情况。\n\n张明：{period}，全国夏粮产量{value}亿斤，同比增长{growth}%。\n"
        for date, period, value, growth in (
            ("2022年7月14日", "今年上半年", "2948", "1.0"),
            ("2023年7月14日", "今年上半年", "2923", "-0.9"),
            ("2024年7月12日", "今年上半年", "2995.6", "2.5"),
        )
    )
    corpus = build_corpus(tmp_path_factory.mktemp("zh-indicator") / "c.db", [], texts=texts)
    return TestClient(create_app(corpus.db), base_url=BASE_URL)


def test_the_indicator_charts_a_chinese_subject_across_briefings(client: TestClient) -> None:
    data = client.get("/indicator.json", params={"subject": "夏粮产量"}).json()
    levels = [(f["period"], f["value"]) for f in data["figures"] if f["unit"] == "jin"]
    assert levels == [("2022-01/2022-06", 294.8e9), ("2023-01/2023-06", 292.3e9), ("2024-01/2024-06", 299.56e9)]
    growth = [(f["period"], f["value"], f["direction"]) for f in data["figures"] if f["unit"] == "%"]
    assert growth == [("2022-01/2022-06", 1.0, "up"), ("2023-01/2023-06", -0.9, "down"), ("2024-01/2024-06", 2.5, "up")]
    html = client.get("/indicator", params={"subject": "夏粮产量"}).text
    wide = html.split('class="chart-wide"')[1:]
    points = [re.findall(r'class="point series-(\w+)"', chart.split("</svg>")[0]) for chart in wide]
    assert sorted(len(chart) for chart in points) == [3, 3]  # one chart per unit, a point per briefing
