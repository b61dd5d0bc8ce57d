"""Each part of the number grammar: (sentence, expected mentions) tables.

A mention is written (text, value, value_max, unit, qualifier); every table row asserts the full
list the sentence yields, so a spurious extra mention fails the row too."""

from __future__ import annotations

import pytest

from podium.quantities import extract_text

Row = tuple[str, float, float | None, str, str]


def mentions(sentence: str) -> list[Row]:
    return [(q.text, q.value, q.value_max, q.unit, q.qualifier) for q in extract_text(sentence)]


def check(sentence: str, expected: list[Row]) -> None:
    got = mentions(sentence)
    assert [g[:1] + (pytest.approx(g[1]),) + g[2:] for g in got] == [tuple(e) for e in expected]


DIGITS = [
    ("Output reached 1,031 units.", [("1,031", 1031, None, "count", "exact")]),
    ("Revenue grew 5.6% year on year.", [("5.6%", 5.6, None, "%", "exact")]),
    ("It employs 482,200 people.", [("482,200", 482200, None, "count", "exact")]),
    ("The rate was .5 percent.", [(".5 percent", 0.5, None, "%", "exact")]),
    ("Prices rose 2.8 per cent.", [("2.8 per cent", 2.8, None, "%", "exact")]),
    ("The CPI changed by -0.3% while core rose 0.4%.", [("-0.3%", -0.3, None, "%", "exact"), ("0.4%", 0.4, None, "%", "exact")]),
]

WORDS = [
    ("Nineteen provinces took part.", [("Nineteen", 19, None, "count", "exact")]),
    ("We met forty-two delegations.", [("forty-two", 42, None, "count", "exact")]),
    ("They built twenty two schools.", [("twenty two", 22, None, "count", "exact")]),
    ("He visited eight cities.", [("eight", 8, None, "count", "exact")]),
    ("We hired one hundred and five nurses.", [("one hundred and five", 105, None, "count", "exact")]),
    ("It took two and a half years.", [("two and a half years", 2.5, None, "year", "exact")]),
    ("They face a 50-50 chance.", []),
]

SCALES = [
    ("The fund holds 1.05 trillion yuan.", [("1.05 trillion yuan", 1.05e12, None, "CNY", "exact")]),
    ("It has 25.98 million residents.", [("25.98 million", 25.98e6, None, "count", "exact")]),
    ("It costs 100 million yuan.", [("100 million yuan", 1e8, None, "CNY", "exact")]),
    ("Each got 10,000 yuan.", [("10,000 yuan", 10000, None, "CNY", "exact")]),
    ("We spent a million dollars.", [("a million dollars", 1e6, None, "USD", "exact")]),
    ("One million more watched.", [("One million", 1e6, None, "count", "exact")]),
    ("The firm earned $18bn last year.", [("$18bn", 18e9, None, "USD", "exact")]),
    ("USAID will provide $26 mn to the programme.", [("$26 mn", 26e6, None, "USD", "exact")]),
    ("It costs $5 m to build.", [("$5", 5, None, "USD", "exact")]),  # a lone letter apart stays unread
    ("Output rose to 1.2m tons; the 100m sprint.", [("1.2m tons", 1.2e6, None, "t", "exact")]),
    ("They bought two dozen trucks.", [("two dozen", 24, None, "count", "exact")]),
]

FRACTIONS = [
    # A share said as a count of a whole, as "one-fifth" is written.
    ("One in five people face hunger.", [("One in five", 20, None, "%", "exact")]),
    ("There is a nearly nine in 10 likelihood.", [("nine in 10", 90, None, "%", "max")]),
    ("Three out of ten firms hire.", [("Three out of ten", 30, None, "%", "exact")]),
    ("One in a hundred children.", [("One in a hundred", 1, None, "%", "exact")]),
    ("It happens 5 in 10 years.", [("5", 5, None, "count", "exact"), ("10 years", 10, None, "year", "exact")]),
    ("They scored 3 in 2023.", [("3", 3, None, "count", "exact")]),
    # the counted noun said at the part: a share when the whole is one a share is said against
    ("Nine families in ten will receive it.", [("Nine families in ten", 90, None, "%", "exact")]),
    ("Two people out of three agree.", [("Two people out of three", 200 / 3, None, "%", "exact")]),
    ("We saw two families in three provinces.", [("two", 2, None, "count", "exact"), ("three", 3, None, "count", "exact")]),
    ("He scored 32 goals in 36 games.", [("32", 32, None, "count", "exact"), ("36", 36, None, "count", "exact")]),
    ("That is nearly one-fifth of the total.", [("one-fifth", 20, None, "%", "max")]),
    ("About one-third of routes are open.", [("one-third", 100 / 3, None, "%", "approx")]),
    ("We finished more than half of the tasks.", [("half", 50, None, "%", "min")]),
    ("Two-thirds of firms agreed.", [("Two-thirds", 200 / 3, None, "%", "exact")]),
    ("A quarter of homes have solar.", [("A quarter", 25, None, "%", "exact")]),
    ("The rate is 4¼ percent.", [("4¼ percent", 4.25, None, "%", "exact")]),
    ("It rose ½ percent.", [("½ percent", 0.5, None, "%", "exact")]),
    ("The range is 5-1/4 to 5-1/2 percent.", [("5-1/4 to 5-1/2 percent", 5.25, 5.5, "%", "exact")]),
    ("It is 5 1/4 percent.", [("5 1/4 percent", 5.25, None, "%", "exact")]),
    ("About 1/3 of members agreed.", [("1/3", 100 / 3, None, "%", "approx")]),
    ("Open 24/7 since 5/21/2024.", []),
    ("Sales rose in the first half of the year.", []),
    ("Rates rose half a percentage point as half a million people waited half an hour.", [
        ("half a percentage point", 0.5, None, "pp", "exact"), ("half a million", 5e5, None, "count", "exact"),
        ("half an hour", 0.5, None, "hour", "exact"),
    ]),
    ("It lasted half a century.", []),
]

RANGES = [
    ("They expect 5 to 6 million visitors.", [("5 to 6 million", 5e6, 6e6, "count", "exact")]),
    ("Growth of between 2 and 3 percent.", [("2 and 3 percent", 2, 3, "%", "exact")]),
    ("A target range of 4¼ to 4½ percent.", [("4¼ to 4½ percent", 4.25, 4.5, "%", "exact")]),
    ("Inflation of 2-3% is expected.", [("2-3%", 2, 3, "%", "exact")]),
    ("Inflation of 2 - 3% is expected.", [("2 - 3%", 2, 3, "%", "exact")]),
    (
        "It went from 100 billion to 200 billion yuan.",
        [("100 billion", 1e11, None, "CNY", "exact"), ("200 billion yuan", 2e11, None, "CNY", "exact")],
    ),
]

COMPOUNDS = [
    ("The first 10,000-meter-deep well.", [("10,000-meter", 10000, None, "m", "exact")]),
    ("A 7.1-magnitude earthquake struck.", [("7.1-magnitude", 7.1, None, "magnitude", "exact")]),
    ("It offers 15-year free education.", [("15-year", 15, None, "year", "exact")]),
    (
        "We built 11 100-billion-yuan level projects.",
        [("11", 11, None, "count", "exact"), ("100-billion-yuan", 1e11, None, "CNY", "min")],
    ),
    ("We opened zero-carbon plants and one-stop services.", []),
]

MULTIPLES = [
    ("Revenue increased by 2.27 times.", [("2.27 times", 2.27, None, "times", "exact")]),
    ("Traffic has more than doubled.", [("doubled", 2, None, "times", "min")]),
    ("Traffic has nearly doubled.", [("doubled", 2, None, "times", "max")]),
    ("Sales rose three-fold.", [("three-fold", 3, None, "times", "exact")]),
    ("Exports tripled in a decade.", [("tripled", 3, None, "times", "exact")]),
    ("Output saw a threefold rise.", [("threefold", 3, None, "times", "exact")]),
    ("It took less than three weeks to nearly double that number.", [("three weeks", 3, None, "week", "max"), ("double", 2, None, "times", "max")]),
    ("Demand could triple.", [("triple", 3, None, "times", "exact")]),
    ("They hold a double standard and double down on double-digit claims.", []),
]

RANKS = [
    ("Output ranked first nationwide.", [("first", 1, None, "rank", "exact")]),
    ("Its growth is ranking second in the country.", [("second", 2, None, "rank", "exact")]),
    ("All ranked among the top five nationwide.", [("top five", 5, None, "rank", "max")]),
    ("The province came third.", [("third", 3, None, "rank", "exact")]),
    ("The port ranked No. 1 in the world.", [("1", 1, None, "rank", "exact")]),
    ("It is China's No. 2 trading partner under the No. 1 Central Document.", [("2", 2, None, "rank", "exact")]),
    ("The world's first such plant.", []),
    ("It is the world's second-largest economy.", [("second", 2, None, "rank", "exact")]),
    ("First, we will build roads. Second, we will plant trees.", []),
]

SYMBOLS = [
    ("Phones now store 256GB.", [("256GB", 256, None, "GB", "exact")]),
    ("It melts at 30°C.", [("30°C", 30, None, "degC", "exact")]),
    ("The layer is 5 mm thick.", [("5 mm", 5, None, "mm", "exact")]),
    ("Rates sat in the low 2s and a 5G network opened.", []),
    ("It tops out at 87 mph (140 km/h).", [("87 mph", 87, None, "mph", "exact"), ("140 km/h", 140, None, "kph", "exact")]),
]

PERCENT_POINTS = [
    ("The rate fell 0.3 percentage points.", [("0.3 percentage points", 0.3, None, "pp", "exact")]),
    ("The Fed raised rates by 75 basis points.", [("75 basis points", 75, None, "bp", "exact")]),
    ("A 0.5 percentage-point cut.", [("0.5 percentage-point", 0.5, None, "pp", "exact")]),
]

CURRENCIES = [
    ("They pledged $18 billion.", [("$18 billion", 18e9, None, "USD", "exact")]),
    ("Costs of ¥500 were covered.", [("¥500", 500, None, "CNY", "exact")]),
    ("Funding of RMB 5 billion was set.", [("RMB 5 billion", 5e9, None, "CNY", "exact")]),
    ("It paid 300 US dollars.", [("300 US dollars", 300, None, "USD", "exact")]),
    ("Holdings fell by more than $2\ntrillion.", [("$2\ntrillion", 2e12, None, "USD", "min")]),
]

UNITS = [
    ("The harvest was 66.06 million metric tons.", [("66.06 million metric tons", 66.06e6, None, "t", "exact")]),
    ("Capacity exceeded 70 million kilowatts.", [("70 million kilowatts", 70e6, None, "kW", "min")]),
    ("It generated 126.3 billion kilowatt-hours.", [("126.3 billion kilowatt-hours", 126.3e9, None, "kWh", "exact")]),
    ("The area was 42.372 million mu.", [("42.372 million mu", 42.372e6, None, "mu", "exact")]),
    ("It yields 1,000 jin per mu.", [("1,000 jin", 1000, None, "jin", "exact")]),
    ("They planted 2.825 million hectares.", [("2.825 million hectares", 2.825e6, None, "ha", "exact")]),
    ("The road is 120 kilometers long.", [("120 kilometers", 120, None, "km", "exact")]),
    ("We stored 5 billion cubic meters of gas.", [("5 billion cubic meters", 5e9, None, "m3", "exact")]),
]

DURATIONS = [
    ("It ranked first for three consecutive years.", [("first", 1, None, "rank", "exact"), ("three consecutive years", 3, None, "year", "exact")]),
    ("It held for 30 years in a row.", [("30 years", 30, None, "year", "exact")]),
    ("Output grew for the fifth consecutive year.", [("fifth consecutive year", 5, None, "year", "exact")]),
    ("She has tutored children over 32 years.", [("32 years", 32, None, "year", "min")]),
    ("Over the past two years, trade grew.", [("two years", 2, None, "year", "exact")]),
]

QUALIFIERS = [
    ("There are about 300 firms.", [("300", 300, None, "count", "approx")]),
    ("At least 2 billion jin more.", [("2 billion jin", 2e9, None, "jin", "min")]),
    ("Up to 40 people came.", [("40", 40, None, "count", "max")]),
    ("It cost 100 billion yuan or more.", [("100 billion yuan", 1e11, None, "CNY", "min")]),
    ("Thousands of officials came.", [("Thousands", 1000, None, "count", "min")]),
    # The unit after "of" is the amount's: dollars, not a count of billions.
    ("We invested hundreds of billions of dollars.", [("hundreds of billions of dollars", 1e11, None, "USD", "min")]),
    ("Hundreds of millions go to bed hungry.", [("Hundreds of millions", 1e8, None, "count", "min")]),
    ("Raised by three quarters of a percentage point.", [("three quarters of a percentage point", 0.75, None, "pp", "exact")]),
    ("Income fell by four-tenths of a percent.", [("four-tenths of a percent", 0.4, None, "%", "exact")]),
    # A fraction of a scale word is an amount, as "half a million" is, not a share and a second figure.
    # A decade is ten years, a century a hundred: one unit id for a length of years.
    ("The best in almost four decades, after three centuries and the 2010 decade.",
     [("four decades", 40, None, "year", "max"), ("three centuries", 300, None, "year", "exact")]),
    ("We seek a quarter of a million volunteers.", [("a quarter of a million", 250000, None, "count", "exact")]),
    ("It costs three quarters of a billion dollars.", [("three quarters of a billion dollars", 7.5e8, None, "USD", "exact")]),
    ("A third of the million people left.", [("A third", 100 / 3, None, "%", "exact")]),
    ("There were more than 375 000 deaths.", [("375 000", 375000, None, "count", "min")]),
    # A full stop or comma may end a space-grouped number, unless a digit follows it.
    ("Cases will soon reach 700 000. Then 12 000, in all.", [("700 000", 700000, None, "count", "exact"), ("12 000", 12000, None, "count", "exact")]),
    ("Dec 15, 2023: the embargo lifts at 12 noon; file 20200616_e.mp4 holds 5 clips.", [("5", 5, None, "count", "exact")]),
    ("It has a 7- or 8-inch screen.", [("7", 7, None, "inch", "exact"), ("8-inch", 8, None, "inch", "exact")]),
    ("Growth has gone up two point 9%, and 4%in September.", [("two point 9%", 2.9, None, "%", "exact"), ("4%", 4, None, "%", "exact")]),
    ("Children under the age of five and men aged 30 to 45.", [("five", 5, None, "year", "exact"), ("30 to 45", 30, 45, "year", "exact")]),
    ("Two children aged 4 and 12) died.", [("Two", 2, None, "count", "exact"), ("4", 4, None, "year", "exact"), ("12", 12, None, "year", "exact")]),
    ("22 children under the age of 10 and eight pregnant women.", [("22", 22, None, "count", "exact"), ("10", 10, None, "year", "exact"), ("eight", 8, None, "count", "exact")]),
    ("Claims fell for 65 consecutive weeks.", [("65 consecutive weeks", 65, None, "week", "exact")]),
    ("It was the 12th consecutive annual increase.", [("12th consecutive annual", 12, None, "year", "exact")]),
    ("I have one announcement; one kindergarten for every 102 children; a modest one for others.",
     [("one", 1, None, "count", "exact"), ("102", 102, None, "count", "exact")]),
    ("It is the 12th largest country; the 21st press conference.", [("12th", 12, None, "rank", "exact")]),
    ("It may take four, five, six quarters.", [("four", 4, None, "quarter", "exact"), ("five", 5, None, "quarter", "exact"), ("six quarters", 6, None, "quarter", "exact")]),
    ("Highlights: https://www.un.org/page?date%5D=16%20 and 5 people.", [("5", 5, None, "count", "exact")]),
    ("Consider three actions: 1. ensuring plans; 2. connecting points.", [("three", 3, None, "count", "exact")]),
    ("Inflation eased from a peak of 7% to 2.7%.", [("7%", 7.0, None, "%", "exact"), ("2.7%", 2.7, None, "%", "exact")]),
    ("It fell to Y=28,030; that's $10 more.", [("Y=28,030", 28030.0, None, "JPY", "exact"), ("$10", 10.0, None, "USD", "exact")]),
    (
        "Output rose by over 6 billion jin (3 million metric tons).",
        [("6 billion jin", 6e9, None, "jin", "min"), ("3 million metric tons", 3e6, None, "t", "min")],
    ),
    (
        "It reached 42.372 million mu (about 2.825 million hectares).",
        [("42.372 million mu", 42.372e6, None, "mu", "exact"), ("2.825 million hectares", 2.825e6, None, "ha", "approx")],
    ),
]

EXCLUSIONS = [
    ("In 2023, the economy recovered.", []),
    ("It has more than 1000 customers and was founded in 1492.", [("1000", 1000, None, "count", "min")]),
    ("The expo opens on June 26.", []),
    ("It was signed 26 June.", []),
    ("This is the 21st press conference.", []),
    ("Take the G219 road to the 5A scenic spots.", []),
    ("One of the goals is that no one is left behind.", []),
    ('We built the "three bases and one corridor" and the "10 livelihood matters".', []),
    # A short quote that opens a sentence and ends on a clause's mark is speech, not a name.
    ("He spoke.\n“At least 30 people remain missing, by all accounts,” he said.", [("30", 30, None, "count", "min")]),
    ("We built the “10 livelihood matters,” and more.", []),
    ("See Article 23 and Page 3 of the report.", []),
    ('He said "prices rose 2 percent" last month.', [("2 percent", 2, None, "%", "exact")]),
    ("The meeting starts at 10:30 a.m.", []),
    ("It happened in the 1990s and again in '21.", []),
    ("The rate has held since November ‘23, and in ‘21 it fell.", []),
    ("He said ‘23 people’ came.", [("23", 23, None, "count", "exact")]),
    ("Chart 1 shows it; Exhibit 4 too.", []),
    ("Earnings rose a half a percent this month.", [("half a percent", 0.5, None, "%", "exact")]),
    ("They voted a half-point cut.", []),
    ("They blocked tens of billion of dollars of plans.", [("tens of billion of dollars", 10_000_000_000, None, "USD", "min")]),
    ("We do not expect it to persist.Chart 2 shows the path.", []),
    ("Under the 14th Five-Year Plan, growth continued.", []),
    ("One kindergarten serves every 102 children.", [("102", 102, None, "count", "exact")]),
    ("Page 3 of 28\n", []),
    ("They meet on July 20 and 21, then from January 20 to 21.", []),
    ("The call is at five o’clock.", []),
    ("Nothing to announce on 13(3) powers.", []),
    ("The airline flies the Boeing 737 and joined the Fortune 500 list.", []),
    ("副总理将于 1月15日签署", []),
    ("Growth in the first three quarters and the first four months was steady.", []),
    ("It fell for two consecutive quarters.", [("two consecutive quarters", 2, None, "quarter", "exact")]),
]

TABLES = {
    "digits": DIGITS, "words": WORDS, "scales": SCALES, "fractions": FRACTIONS, "ranges": RANGES,
    "compounds": COMPOUNDS, "multiples": MULTIPLES, "ranks": RANKS, "percent_points": PERCENT_POINTS,
    "currencies": CURRENCIES, "symbols": SYMBOLS, "units": UNITS, "durations": DURATIONS, "qualifiers": QUALIFIERS,
    "exclusions": EXCLUSIONS,
}  # fmt: skip
CASES = [pytest.param(sentence, expected, id=f"{name}-{i}") for name, rows in TABLES.items() for i, (sentence, expected) in enumerate(rows)]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_grammar(sentence: str, expected: list[Row]) -> None:
    check(sentence, expected)


def test_respectively_lists_share_the_last_unit() -> None:
    sentence = "Output grew by 5.6, 8 and 12.8 percent, and sales reached 1.2, 3.4 and 5.6 billion yuan, respectively."
    assert [(q.text, q.value, q.unit) for q in extract_text(sentence)] == [
        ("5.6", 5.6, "%"), ("8", 8, "%"), ("12.8 percent", 12.8, "%"),
        ("1.2", pytest.approx(1.2e9), "CNY"), ("3.4", pytest.approx(3.4e9), "CNY"), ("5.6 billion yuan", pytest.approx(5.6e9), "CNY"),
    ]  # fmt: skip


def test_respectively_lists_each_figure() -> None:
    sentence = "Trade increased by 57% and 45.9%, respectively."
    assert mentions(sentence) == [("57%", 57, None, "%", "exact"), ("45.9%", 45.9, None, "%", "exact")]


def test_offsets_index_the_text() -> None:
    sentence = "Of 19 provinces, more than $2\ntrillion went to nearly one-fifth of them."
    for qty in extract_text(sentence):
        assert sentence[qty.start : qty.end] == qty.text
    starts = [sentence.index("19"), sentence.index("$2"), sentence.index("one-fifth")]
    assert [q.start for q in extract_text(sentence)] == starts


def test_normalised_values() -> None:
    (jin,) = extract_text("Output rose by 6 billion jin.")
    assert (jin.normalized_value, jin.normalized_unit) == (pytest.approx(3e9), "kg")
    (money,) = extract_text("It cost 5 billion yuan.")
    assert (money.normalized_value, money.normalized_unit) == (pytest.approx(5e9), "CNY")


def test_offsets_hold_past_a_letter_lower_cased_to_two() -> None:
    # "İ" lower-cases to two characters; the figures after it keep the text's offsets.
    sentence = "İZMİR output rose by five percent to 3 million tons."
    found = [(q.text, q.start, q.value, q.unit) for q in extract_text(sentence)]
    assert found == [("five percent", sentence.index("five"), 5, "%"), ("3 million tons", sentence.index("3"), 3e6, "t")]


def test_a_minus_said_in_words_makes_the_number_negative() -> None:
    from podium.quantities import extract_text

    found = [(q.text, q.value, q.unit) for q in extract_text("Output fell minus 4.9 percent; it hit minus-130 degrees Fahrenheit.")]
    assert found == [("minus 4.9 percent", -4.9, "%"), ("minus-130 degrees Fahrenheit", -130.0, "degF")]


def test_areas_mileage_and_names_with_inner_capitals() -> None:
    from podium.quantities import extract_text

    found = [(q.text, q.unit) for q in extract_text("A 450 sq ft flat gets 29 mpg, unlike the iPhone 11 or the S&P 500.")]
    assert found == [("450 sq ft", "ft2"), ("29 mpg", "mpg")]


def test_a_range_verb_makes_from_to_one_range_and_each_end_keeps_its_scale() -> None:
    from podium.quantities import extract_text

    found = [(q.text, q.value, q.value_max) for q in extract_text("Prices range from $370,000 to $5.5 million; they fell from 5 to 4.")]
    assert found == [("$370,000 to $5.5 million", 370_000, 5_500_000), ("5", 5, None), ("4", 4, None)]


def test_citations_and_lists_of_figure_labels_are_not_amounts() -> None:
    from podium.quantities import extract_text

    text = "As shown [25,14] and in Figs. 3, 6–9 and at phases 3, 5, and 7, it rose 5 to 7 percent over [12 m]."
    assert [q.text for q in extract_text(text)] == ["5 to 7 percent", "12 m"]


def test_bracketed_references_formula_indices_and_greek_factors_are_not_amounts() -> None:
    from podium.quantities import extract_text

    text = "Symptoms (30) and use (26,29,49) of Mg(ClO4)2 within 2σ; thirty (30) days and 5 (12%)."
    assert [q.text for q in extract_text(text)] == ["thirty", "5", "12%"]


def test_a_number_after_a_capitalised_on_mid_sentence_is_an_amount() -> None:
    """'On' is one of the capitalised words after which a number is no name's ("About 300");
    quoted in quantities_en.yaml, as YAML read a bare on as true."""
    check("Asked about the strikes, On 300 occasions the line was cut.", [("300", 300, None, "count", "exact")])
