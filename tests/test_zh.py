"""The normalised copy of Chinese text: simplified characters, ASCII punctuation, no pinyin
glosses, and every character traced back to the text as written."""

from __future__ import annotations

from podium.zh import ChineseView, han_share, holds_chinese, is_chinese, to_simplified


def test_traditional_characters_read_as_simplified_one_for_one() -> None:
    text = "國家統計局發言人：億元、個百分點"
    copy = to_simplified(text)
    assert copy == "国家统计局发言人：亿元、个百分点"
    assert len(copy) == len(text)


def test_the_copy_folds_full_width_marks_and_skips_glosses_keeping_offsets() -> None:
    text = "收窄７個(gè)百分點(diǎn)，增長"
    view = ChineseView(text)
    assert view.text == "收窄7个百分点,增长"
    start = view.text.index("7")
    end = view.text.index(",")
    s, e = view.span(start, end)
    assert text[s:e] == "７個(gè)百分點(diǎn)"  # the gloss after the last character stays in the span
    assert view.written(start, end) == "７個百分點"


def test_a_window_of_the_text_keeps_the_texts_offsets() -> None:
    text = "Title\n鄭躍聲：下降3.1%"
    view = ChineseView(text, 6)
    at = view.text.index("3")
    assert view.span(at, at + 4) == (text.index("3"), len(text))


def test_scripts_are_told_apart() -> None:
    assert is_chinese("今天我们介绍国民经济运行情况。") and han_share("今天我们") == 1.0
    assert not is_chinese("今日は日本の経済についてお話しします。")
    assert not is_chinese("Exports grew by 5 percent.")
    assert holds_chinese("Gao Feng: good afternoon. 高峰:各位记者朋友,大家下午好!")
