"""A bare "$" takes the dollar of the country the briefing talks about (podium.quantities.currency)."""

from __future__ import annotations

import podium
from podium.quantities.currency import local_dollar


def test_a_briefing_about_one_dollar_country_reads_its_dollar() -> None:
    text = "Australian households will get relief. Australia's budget is strong."
    assert local_dollar(text) == "AUD"


def test_the_us_dollar_stays_when_the_united_states_is_named_more_often() -> None:
    assert local_dollar("Canada and the U.S. trade; Canadian, American and U.S. firms") == "USD"
    assert local_dollar("Prices rose everywhere.") == "USD"


def test_a_dollar_country_named_as_often_as_the_united_states_wins() -> None:
    # a speaker abroad names the United States often; an American one seldom names Canada as often
    assert local_dollar("Canada and the U.S. trade; Canadian and American firms") == "CAD"


def test_captions_in_lower_case_name_the_country_too() -> None:
    text = "we have put canada back on its feet, and canada will invest; the U.S. senators wrote"
    assert local_dollar(text) == "CAD"
    # "us" is a pronoun, never the United States
    assert local_dollar("Canada and Canadians: let us tell us and US firms about US trade and US jobs") == "USD"


def test_one_passing_name_is_not_enough() -> None:
    assert local_dollar("Exports to Australia rose.") == "USD"


def test_the_stage_gives_bare_dollars_the_local_dollar_and_leaves_marked_ones() -> None:
    text = (
        "PRIME MINISTER: Australian families get $150 off power bills, and Australia pays US$3 million "
        "to a fund. Australians will see it.\n"
    )
    units = {q.text: q.unit for q in podium.parse(text).quantities}
    assert units["$150"] == "AUD"
    assert units["US$3 million"] == "USD"


def test_currency_codes_and_marked_dollars_before_the_number() -> None:
    from podium.quantities import extract_text

    found = {q.text: (q.value, q.unit) for q in extract_text("It paid GBP4m, S$5, RM12, HK $3.7 billion and A$10 for it.")}
    assert found == {
        "GBP4m": (4_000_000, "GBP"), "S$5": (5, "SGD"), "RM12": (12, "MYR"),
        "HK $3.7 billion": (3_700_000_000, "HKD"), "A$10": (10, "AUD"),
    }  # fmt: skip


def test_a_code_inside_a_word_marks_no_number() -> None:
    from podium.quantities import extract_text

    assert [q.text for q in extract_text("Model XGBP5 and TRM12 shipped.")] == []



def test_a_world_market_price_keeps_the_us_dollar_in_a_local_briefing() -> None:
    text = (
        "TREASURER: Australian exporters felt it. Coal was at $120 a tonne. It is now $63 and will stay "
        "near $60 per tonne. Oil fell to $52 a barrel. Australia spends $14 billion on relief and "
        "gives $75 to each household.\n"
    )
    units = {q.text: q.unit for q in podium.parse(text).quantities}
    assert units["$120"] == "USD"
    assert units["$60"] == "USD"
    assert units["$52"] == "USD"
    # a plain price in the sentence of a world price is that market's
    assert units["$63"] == "USD"
    # sums and payments in other sentences stay the briefing's own dollar
    assert units["$14 billion"] == "AUD"
    assert units["$75"] == "AUD"


def test_the_plain_word_dollars_takes_the_local_dollar_too() -> None:
    text = (
        "TREASURER: Australian families need help. Australia spends billions of dollars, 3 million "
        "dollars and 5 million US dollars. Australians know it.\n"
    )
    units = {q.text: q.unit for q in podium.parse(text).quantities}
    assert units["billions of dollars"] == "AUD"
    assert units["3 million dollars"] == "AUD"
    assert units["5 million US dollars"] == "USD"
