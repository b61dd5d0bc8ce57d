"""Chinese figures: values with their scales, units, qualifiers, kinds, periods and spans as
written. Sentences invented for these tests, in the shapes briefings use."""

from __future__ import annotations

import podium
from podium.quantities.zh import chinese_number, extract


def figures(text: str) -> list[tuple[str, float, str, str, float | None]]:
    return [(q.text, q.value, q.unit, q.qualifier, q.value_max) for _, q in extract(text)[1]]


def test_chinese_numerals() -> None:
    assert [chinese_number(n) for n in ("三", "两", "十二", "一百零五", "两千", "十四五")] == [3, 2, 12, 105, 2000, None]


def test_scales_units_and_the_value_in_the_stated_unit() -> None:
    assert figures("GDP达2.6万亿元,出口88.1亿美元,肉类86.2万吨,耕地19.18億畝,人均483.5公斤") == [
        ("2.6万亿元", 2.6e12, "CNY", "exact", None),
        ("88.1亿美元", 8.81e9, "USD", "exact", None),
        ("86.2万吨", 862000.0, "t", "exact", None),
        ("19.18億畝", 1.918e9, "mu", "exact", None),
        ("483.5公斤", 483.5, "kg", "exact", None),
    ]


def test_counts_keep_the_numeral_and_the_qualifiers_stay_outside() -> None:
    assert figures("新登记企业4.2万家,建成160多个馆,举办一百多场培训,7100多亿元,300万吨以上") == [
        ("4.2万", 42000.0, "count", "exact", None),
        ("160", 160.0, "count", "min", None),
        ("一百", 100.0, "count", "min", None),
        ("7100多亿元", 7.1e11, "CNY", "min", None),
        ("300万吨", 3e6, "t", "min", None),
    ]


def test_qualifiers_before_and_near_as_a_duration() -> None:
    assert figures("约1.45万亿元,近500亿元,超过了10%,不足3%,12%左右,近两年") == [
        ("1.45万亿元", 1.45e12, "CNY", "approx", None),
        ("500亿元", 5e10, "CNY", "max", None),
        ("10%", 10.0, "%", "min", None),
        ("3%", 3.0, "%", "max", None),
        ("12%", 12.0, "%", "approx", None),
        ("两年", 2.0, "year", "exact", None),
    ]


def test_shares_ranks_ranges_and_lists() -> None:
    assert figures("七成,8成以上,四分之一,1/4,百分之三十,第17位,前五大,3至5个,分别增长6.1、4.8个百分点") == [
        ("七成", 70.0, "%", "exact", None),
        ("8成", 80.0, "%", "min", None),
        ("四分之一", 25.0, "%", "exact", None),
        ("1/4", 25.0, "%", "exact", None),
        ("百分之三十", 30.0, "%", "exact", None),
        ("第17位", 17.0, "rank", "exact", None),
        ("前五", 5.0, "rank", "max", None),
        ("3至5", 3.0, "count", "exact", 5.0),
        ("6.1", 6.1, "pp", "exact", None),
        ("4.8个百分点", 4.8, "pp", "exact", None),
    ]


def test_names_dates_and_codes_are_not_figures() -> None:
    text = "2024年5月21日10时,“一带一路”“十四五”,第一产业,一是,二十大,十二届五次会议,G20,242关税,星期三"
    assert figures(text) == []


def test_traditional_text_with_glosses_keeps_its_spans() -> None:
    text = "比一季度降幅收窄7個(gè)百分點(diǎn),實現3551.8億元人民幣"
    assert [q.text for _, q in extract(text)[1]] == ["7個(gè)百分點(diǎn)", "3551.8億元人民幣"]


def test_context_kind_period_and_modality() -> None:
    text = (
        "王明:\n2020年1-5月,全国实际使用外资3551.8亿元,同比下降3.8%,比一季度降幅收窄7个百分点。"
        "5月当月,实际使用外资686.3亿元。贡献率由去年同期的52.5%提高到58.1%。预计2021年增速为6.5%。\n"
    )
    briefing = podium.parse(text, date="2020-06-18")
    got = [(q.text, q.kind, q.period, q.modality) for q in briefing.quantities]
    assert got == [
        ("3551.8亿元", "level", "2020-01/2020-05", "actual"),
        ("3.8%", "growth", "2020-01/2020-05", "actual"),
        ("7个百分点", "change", "2020-01/2020-05", "actual"),
        ("686.3亿元", "level", "2020-05", "actual"),
        ("52.5%", "share", "2019-05", "actual"),
        ("58.1%", "share", "2020-05", "actual"),
        ("6.5%", "growth", "2021", "forecast"),
    ]
    assert briefing.quantities[0].subject == "全国实际使用外资"
    assert briefing.quantities[0].normalized_unit is not None
