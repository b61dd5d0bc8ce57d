"""Chinese speaker labels, roles and dates; every transcript here is invented for these tests."""

from __future__ import annotations

import podium


def who(text: str) -> list[tuple[str | None, str, str | None]]:
    return [(t.speaker, t.role, t.label) for t in podium.parse(text).turns]


def test_name_outlet_and_title_labels() -> None:
    text = (
        "国务院新闻办公室于2024年5月21日举行新闻发布会,请国家统计局新闻发言人王明介绍情况。\n"
        "国务院新闻办新闻局副局长 李华:\n女士们、先生们,大家上午好。\n"
        "国家统计局新闻发言人 王明:\n谢谢主持人。\n"
        "新华社记者:\n请问消费情况如何?\n"
        "王明:\n消费稳步恢复。\n"
    )
    briefing = podium.parse(text)
    assert briefing.date == "2024-05-21"
    # The lede above the first label is no turn: the turns are the labelled ones.
    assert who(text) == [
        ("李华", "host", "国务院新闻办新闻局副局长 李华:"),
        ("王明", "official", "国家统计局新闻发言人 王明:"),
        ("新华社", "journalist", "新华社记者:"),
        ("王明", "official", "王明:"),
    ]
    assert len(briefing.exchanges) == 1 and briefing.exchanges[0].answered_by == ["王明"]


def test_question_and_answer_labels_name_the_spokesperson_who_hosts() -> None:
    text = "原標題:2016年5月30日外交部發言人張華主持例行記者會\n問:請問你能否確認?\n答:我沒有聽說。\n"
    assert who(text) == [(None, "journalist", "問:"), ("張華", "host", "答:")]


def test_bracket_labels_inline_labels_and_glosses() -> None:
    text = "[中國日報]請問司長,情況怎麼樣?\n[黃明]謝謝你的提問。\n"
    assert who(text) == [("中國日報", "journalist", "[中國日報]"), ("黃明", "host", "[黃明]")]
    inline = "文字实录如下: 何明:各位记者朋友: 大家下午好。 21世纪经济报道记者:能否介绍? 何明:好的。"
    assert [w[0] for w in who(inline)] == ["何明", "21世纪经济报道", "何明"]
    glossed = "主持人 曲衛(wèi)國:\n大家上午好。\n"
    assert who(glossed) == [("曲衛國", "host", "主持人 曲衛(wèi)國:")]


def test_a_headline_quoting_a_speaker_and_page_furniture_are_not_turns() -> None:
    text = "王明:经济仍将稳定增长\n来源: 新华网\n以下为文字实录:\n经济日报记者:请问增速如何?\n王明:增长5%。\n"
    assert [w[2] for w in who(text)] == ["经济日报记者:", "王明:"]


def test_a_name_alone_on_its_line_with_its_title_below() -> None:
    text = "发展改革委新闻发言人孟明出席发布会。\n中国经济记者:\n请问如何考虑?\n孟明\n国家发展改革委新闻发言人\n主要有两方面考虑。\n"
    turns = podium.parse(text).turns
    assert [(t.speaker, t.role) for t in turns if t.label] == [("中国经济", "journalist"), ("孟明", "host")]
    assert turns[-1].text.startswith("主要有两方面考虑")


def test_a_report_with_no_label_is_one_turn_not_refused() -> None:
    text = "4月19日下午,省统计局副局长赵明介绍,一季度全省生产总值7065.7亿元,增长7.7%。"
    briefing = podium.parse(text)
    assert [(t.label, t.start, t.end) for t in briefing.turns] == [(None, 0, len(text))]
    assert [q.text for q in briefing.quantities] == ["7065.7亿元", "7.7%"]


def test_a_chinese_question_cut_before_its_question_mark_still_asks() -> None:
    text = "王明:大家早上好,现在开始提问。\n新华社记者:两岸企业家峰会年会日前以视频连线的方式举行,请介绍\n王明:峰会年会在厦门和台北同步举行,七百多位工商界人士参加。\n"
    briefing = podium.parse(text)
    assert [(e.question_turns, e.answered_by) for e in briefing.exchanges] == [([1], ["王明"])]
