"""Each check on small hand-made passages: quantities built here, verdicts and arithmetic asserted."""

from __future__ import annotations

import pytest

from planted import _quantity
from podium.checks import find
from podium.checks.tolerance import interval, tolerance
from podium.model import Finding, Quantity


def mentions(text: str, *lines: str) -> list[Quantity]:
    """Quantities for `text`, one annotation line each ('text | value unit | qualifier kind | subject
    | period [| modality]'), found in order."""
    found, after = [], 0
    for line in lines:
        qty = _quantity(line, text, after)
        found.append(qty)
        after = qty.end
    return found


def only(findings: list[Finding], check: str) -> Finding:
    matching = [f for f in findings if f.check == check]
    assert len(matching) == 1, [(f.check, f.explanation) for f in findings]
    return matching[0]


# --- tolerance --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value", "qualifier", "expected"),
    [
        ("7.43 billion jin", 7.43e9, "exact", 0.005e9),
        ("1.685 million hectares", 1.685e6, "exact", 500.0),
        ("1.685 million hectares", 1.685e6, "approx", 500.0 + 0.02 * 1.685e6),
        ("19", 19, "exact", 0.5),
        ("1,000 jin", 1000, "exact", 20.0),
        ("300 billion yuan", 300e9, "exact", 6e9),
        ("34.4%", 34.4, "exact", 0.05),
        ("five", 5, "exact", 0.1),
    ],
)
def test_tolerance_follows_stated_precision(text: str, value: float, qualifier: str, expected: float) -> None:
    qty = Quantity(text=text, start=0, end=len(text), value=value, unit="count", qualifier=qualifier)  # type: ignore[arg-type]
    assert tolerance(qty) == pytest.approx(expected)


def test_bounds_are_open_on_one_side() -> None:
    over = Quantity(text="6 billion", start=0, end=9, value=6e9, unit="jin", qualifier="min")
    under = Quantity(text="30%", start=0, end=3, value=30, unit="%", qualifier="max")
    assert interval(over).low == 6e9 and interval(over).high == float("inf")
    assert interval(under).high == 30 and interval(under).low == float("-inf")


# --- conversion -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "lines", "verdict"),
    [
        (
            "The area reached 25.2 million mu (about 1.68 million hectares) last year.",
            ["25.2 million mu | 25200000 mu | exact level | area | 2023", "1.68 million hectares | 1680000 ha | approx level | area | 2023"],
            "consistent",
        ),
        (
            "Output rose by over 8 billion jin (4 million metric tons).",
            ["8 billion jin | 8e9 jin | min change | output | 2023", "4 million metric tons | 4e6 t | min change | output | 2023"],
            "consistent",
        ),
        (
            "We restored 4,000 hectares, or 80,000 mu, of grassland.",
            ["4,000 hectares | 4000 ha | exact level | grassland | 2023", "80,000 mu | 80000 mu | exact level | grassland | 2023"],
            "inconsistent",
        ),
        (
            "Reserves stood at 5 million metric tons (8 billion jin).",
            ["5 million metric tons | 5e6 t | exact level | reserves | 2023", "8 billion jin | 8e9 jin | exact level | reserves | 2023"],
            "inconsistent",
        ),
    ],
)
def test_conversion(text: str, lines: list[str], verdict: str) -> None:
    qs = mentions(text, *lines)
    result = only(find(text, qs), "conversion")
    assert result.verdict == verdict
    assert [(r.start, r.end) for r in result.quantities] == [(q.start, q.end) for q in qs]
    assert all(text[r.start : r.end] == r.text for r in result.quantities)
    assert "=" in result.explanation and result.tolerance > 0


def test_conversion_explanation_shows_the_arithmetic() -> None:
    text = "Reserves stood at 5 million metric tons (8 billion jin)."
    result = only(find(text, mentions(text, "5 million metric tons | 5e6 t | exact level | reserves | 2023", "8 billion jin | 8e9 jin | exact level | reserves | 2023")), "conversion")
    assert "10 billion jin" in result.explanation and "1 t = 2000 jin" in result.explanation


def test_no_conversion_between_figures_that_are_not_a_restatement() -> None:
    text = "The area reached 42 million mu and output was 3 million metric tons."
    qs = mentions(text, "42 million mu | 42e6 mu | exact level | area | 2023", "3 million metric tons | 3e6 t | exact level | output | 2023")
    assert not [f for f in find(text, qs) if f.check == "conversion"]


# --- repeated figure ----------------------------------------------------------------------------------
REPEAT = "In 2023, grain output increased by {a}. Farmers worked hard.\n\nIn 2023, grain output increased by {b}."


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("over 5 billion jin|5e9 min", "5.27 billion jin|5.27e9 exact", "consistent"),
        ("more than 40%|40 min", "41.2%|41.2 exact", "consistent"),
        ("more than 60%|60 min", "57%|57 exact", "inconsistent"),
        ("85 million jin|85e6 exact", "92 million jin|92e6 exact", "inconsistent"),
    ],
)
def test_repeated_figure_respects_qualifiers(a: str, b: str, verdict: str) -> None:
    (a_text, a_num), (b_text, b_num) = a.split("|"), b.split("|")
    text = REPEAT.format(a=a_text, b=b_text)
    unit = "%" if "%" in a_text else "jin"
    kind = "share" if unit == "%" else "change"

    def line(stated: str, number: str) -> str:
        span = stated.removeprefix("over ").removeprefix("more than ")
        value, qualifier = number.split()
        return f"{span} | {value} {unit} | {qualifier} {kind} | grain output | 2023"

    result = only(find(text, mentions(text, line(a_text, a_num), line(b_text, b_num))), "repeated figure")
    assert result.verdict == verdict


def test_repeat_needs_the_same_period() -> None:
    text = "In 2022, grain output reached 85 million jin. Rain came.\n\nIn 2023, grain output reached 92 million jin."
    qs = mentions(text, "85 million jin | 85e6 jin | exact level | grain output | 2022", "92 million jin | 92e6 jin | exact level | grain output | 2023")
    assert not [f for f in find(text, qs) if f.check == "repeated figure"]


def test_a_part_is_not_a_repeat() -> None:
    text = "We launched 129 pilot tasks. Work went on.\n\nOf the tasks, 15 of which have been implemented, pilot tasks moved fast."
    qs = mentions(text, "129 | 129 count | exact level | pilot tasks | ", "15 | 15 count | exact level | pilot tasks | ")
    assert not [f for f in find(text, qs) if f.check == "repeated figure"]


def test_a_subject_the_clause_does_not_support_is_not_compared() -> None:
    # The extractor carried "GDP" onto the second figure; the words before it name another measure.
    text = "GDP grew by 5.6%, with the value added of industry increasing by 8%. Trade rose.\n\nGDP grew by 5.6% in the quarter."
    qs = mentions(
        text,
        "5.6% | 5.6 % | exact growth | GDP | 2024-Q1",
        "8% | 8 % | exact growth | GDP | 2024-Q1",
        "5.6% | 5.6 % | exact growth | GDP | 2024-Q1",
    )
    assert not [f for f in find(text, qs) if f.verdict == "inconsistent"]


def test_a_share_inherits_the_subject_of_the_figure_it_continues() -> None:
    text = (
        "Food output increased by 5 billion jin, accounting for 41.2% of the national increase.\n\n"
        "Grain output stood at 33 billion jin, increasing by 5.27 billion jin, accounting for more than 40% of the national increase."
    )
    qs = mentions(
        text,
        "5 billion jin | 5e9 jin | min change | food output | 2023",
        "41.2% | 41.2 % | exact share | food output | 2023",
        "33 billion jin | 33e9 jin | exact level | grain output | 2023",
        "5.27 billion jin | 5.27e9 jin | exact change | grain output | 2023",
        "40% | 40 % | min share | national | 2023",
    )
    repeats = [f for f in find(text, qs) if f.check == "repeated figure"]
    assert {tuple(r.text for r in f.quantities) for f in repeats} == {("5 billion jin", "5.27 billion jin"), ("41.2%", "40%")}
    assert all(f.verdict == "consistent" for f in repeats)


# --- derived figures ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("per_mu", "verdict"), [("1,000 jin|1000", "consistent"), ("900 jin|900", "inconsistent")])
def test_per_unit_figure_against_total_and_area(per_mu: str, verdict: str) -> None:
    stated, value = per_mu.split("|")
    text = (
        "The planting area reached 25.2 million mu (about 1.68 million hectares). "
        f"Grain output stood at 25.26 billion jin, increasing by 3.4 billion jin, with a per unit area output of {stated}."
    )
    qs = mentions(
        text,
        "25.2 million mu | 25200000 mu | exact level | planting area | 2023",
        "1.68 million hectares | 1680000 ha | approx level | planting area | 2023",
        "25.26 billion jin | 25260000000 jin | exact level | grain output | 2023",
        "3.4 billion jin | 3400000000 jin | exact change | grain output | 2023",
        f"{stated} | {value} jin | exact ratio | output per unit area | 2023",
    )
    result = only(find(text, qs), "derived figure")
    assert result.verdict == verdict
    assert [r.text for r in result.quantities] == [stated, "25.26 billion jin", "25.2 million mu"]
    assert "1,002.38 jin per mu" in result.explanation


@pytest.mark.parametrize(("share", "verdict"), [("75%|75", "consistent"), ("80%|80", "inconsistent")])
def test_share_against_part_and_whole(share: str, verdict: str) -> None:
    stated, value = share.split("|")
    text = f"Last year, 15,000 of the 20,000 graduates, or {stated}, found jobs."
    qs = mentions(
        text,
        "15,000 | 15000 count | exact level | graduates with jobs | 2023",
        "20,000 | 20000 count | exact level | graduates | 2023",
        f"{stated} | {value} % | exact share | graduates with jobs | 2023",
    )
    assert only(find(text, qs), "derived figure").verdict == verdict


@pytest.mark.parametrize(("share", "verdict"), [("25%|25", "consistent"), ("30%|30", "inconsistent")])
def test_share_when_the_whole_leads_the_sentence(share: str, verdict: str) -> None:
    stated, value = share.split("|")
    text = f"Of the 480 new firms, 120 were foreign-funded, accounting for {stated}."
    qs = mentions(
        text,
        "480 | 480 count | exact level | new firms | 2023",
        "120 | 120 count | exact level | foreign-funded firms | 2023",
        f"{stated} | {value} % | exact share | foreign-funded firms | 2023",
    )
    assert only(find(text, qs), "derived figure").verdict == verdict


def test_a_part_and_whole_without_a_share_is_not_checked() -> None:
    text = "Among the 20 townships, 12 have built cold storage."
    qs = mentions(text, "20 | 20 count | exact level | townships | ", "12 | 12 count | exact level | townships | ")
    assert find(text, qs) == []


@pytest.mark.parametrize(
    ("words", "verdict", "check"),
    [
        ("an increase of 8%", "consistent", "derived figure"),
        ("an increase of 25%", "inconsistent", "derived figure"),
        ("a decrease of 8%", "implausible", "implausible"),
    ],
)
def test_growth_against_two_levels(words: str, verdict: str, check: str) -> None:
    text = f"Trade rose from 116.7 billion yuan in 2022 to 126 billion yuan in 2023, {words}."
    figure = words.split()[-1]
    qs = mentions(
        text,
        "116.7 billion yuan | 116.7e9 CNY | exact level | trade | 2022",
        "126 billion yuan | 126e9 CNY | exact level | trade | 2022",  # a wrong carried period: the words say 2023
        f"{figure} | {figure.rstrip('%')} % | exact growth | trade | 2023",
    )
    result = only(find(text, qs), check)
    assert result.verdict == verdict
    assert "116.7 billion yuan\" in 2022" in result.explanation


def test_doubling_is_read_as_a_multiple() -> None:
    text = "Spending rose from 6 billion yuan in 2022 to 12 billion yuan in 2023, doubling in one year."
    qs = mentions(
        text,
        "6 billion yuan | 6e9 CNY | exact level | spending | 2022",
        "12 billion yuan | 12e9 CNY | exact level | spending | 2023",
        "doubling | 2 times | exact growth | spending | 2023",
    )
    assert only(find(text, qs), "derived figure").verdict == "consistent"


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("a total of 120 projects, of which 50 were in industry, 40 were in services and 30 were in farming", "consistent"),
        ("a total of 120 projects, of which 50 were in industry, 40 were in services and 20 were in farming", "inconsistent"),
        ("a total of 120 projects, including 50 in industry and 40 in services", "consistent"),
        ("a total of 120 projects, including 80 in industry and 60 in services", "inconsistent"),
    ],
)
def test_parts_against_total(sentence: str, verdict: str) -> None:
    text = f"We launched {sentence}."
    numbers = [w for w in sentence.replace(",", "").split() if w.isdigit()]
    qs = mentions(text, *(f"{n} | {n} count | exact level | projects | 2023" for n in numbers))
    result = only(find(text, qs), "derived figure")
    assert result.verdict == verdict
    assert len(result.quantities) == len(numbers)


# --- time span, enumeration, respectively -------------------------------------------------------------
SPAN = "In 2007, trade surpassed 100 billion yuan, and in 2022, it exceeded 200 billion yuan. It took {n} years to go from 100 billion to 200 billion yuan."


@pytest.mark.parametrize(("n", "verdict"), [("15", "consistent"), ("8", "inconsistent")])
def test_time_span_from_dated_levels(n: str, verdict: str) -> None:
    text = SPAN.format(n=n)
    qs = mentions(
        text,
        "100 billion yuan | 100e9 CNY | min level | trade | 2007",
        "200 billion yuan | 200e9 CNY | min level | trade | 2022",
        f"{n} years | {n} year | exact duration | time taken | ",
        "100 billion | 100e9 CNY | exact level | trade | 2007",
        "200 billion yuan | 200e9 CNY | exact level | trade | 2022",
    )
    result = only(find(text, qs), "time span")
    assert result.verdict == verdict
    assert "From 2007 to 2022 is 15 years" in result.explanation


def test_time_span_with_years_written_out() -> None:
    text = "It took 12 years, from 2013 to 2023, to build the bases."
    result = only(find(text, mentions(text, "12 years | 12 year | exact duration | time | ")), "time span")
    assert result.verdict == "inconsistent"


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("We worked with the five partner countries of Aland, Bland, Cland, Dland and Eland.", "consistent"),
        ("We worked with the four partner cities of Ashford, Brookline and Coldwater.", "inconsistent"),
        ("The six industries of textiles, machinery, imports and exports, and food all grew.", "inconsistent"),
    ],
)
def test_enumeration_counts_the_items(text: str, verdict: str) -> None:
    result = only(find(text, []), "enumeration")
    assert result.verdict == verdict
    assert text[result.quantities[0].start : result.quantities[0].end] == result.quantities[0].text


@pytest.mark.parametrize(
    "text",
    [
        "It ranked first among the five provincial regions in the northwest of the country.",
        "We bought $37 billion worth of securities, and then we saw prices fall.",
        "We are doing two things of note, one on prices and then — and then jobs.",
    ],
)
def test_no_enumeration_without_a_list(text: str) -> None:
    assert not [f for f in find(text, []) if f.check == "enumeration"]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("In the past two years, imports and exports increased by 57% and 45.9%, respectively.", "consistent"),
        ("Last year, wheat, corn and rice output rose by 2.1% and 3.4%, respectively.", "inconsistent"),
        ("In 2022 and 2023, retail sales grew by 4.5% and 6.1%, respectively.", "consistent"),
    ],
)
def test_respectively_pairs_as_many_figures_as_items(text: str, verdict: str) -> None:
    figures = [w.rstrip(",") for w in text.split() if w.rstrip(",").endswith("%")]
    qs = mentions(text, *(f"{f} | {f.rstrip('%')} % | exact growth | trade | 2023" for f in figures))
    assert only(find(text, qs), "respectively").verdict == verdict


# --- implausible ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "line",
    [
        "130% | 130 % | exact share | exports in the total | 2023",
        "-5 | -5 count | exact level | firms | 2023",
        "0 | 0 rank | exact rank | output | 2023",
    ],
)
def test_implausible_on_its_own(line: str) -> None:
    span = line.split("|")[0].strip()
    text = f"The figure was {span} last year."
    result = only(find(text, mentions(text, line)), "implausible")
    assert result.verdict == "implausible"


def test_a_plausible_share_is_not_flagged() -> None:
    text = "Exports made up 91% of the national total."
    assert find(text, mentions(text, "91% | 91 % | exact share | exports | 2023")) == []


def test_repeated_figure_across_briefings() -> None:
    from podium.checks.repeats import across
    from podium.model import Briefing

    first = "In 2023, tourist arrivals reached 85 million."
    second = "In 2023, tourist arrivals reached 92 million, and hotel stays reached 40 million."
    a = Briefing(source="a.txt", text=first, quantities=mentions(first, "85 million | 85e6 count | exact level | tourist arrivals | 2023"))
    b = Briefing(
        source="b.txt",
        text=second,
        quantities=mentions(
            second,
            "92 million | 92e6 count | exact level | tourist arrivals | 2023",
            "40 million | 40e6 count | exact level | hotel stays | 2023",
        ),
    )
    ((left, right, result),) = across([a, b])
    assert (left.source, right.source) == ("a.txt", "b.txt")
    assert result.verdict == "inconsistent"
    assert [r.text for r in result.quantities] == ["85 million", "92 million"]
    assert result.explanation.startswith("across a.txt and b.txt")


def test_figures_paired_respectively_are_not_matched_by_subject() -> None:
    # The extractor gives both listed figures the list's subject; neither is the growth of the total.
    text = (
        "Trade rose from 116.7 billion yuan in 2022 to 126 billion yuan in 2023, an increase of 8%.\n\n"
        "In 2023, exports and imports grew by 6.2% and 9.5%, respectively."
    )
    qs = mentions(
        text,
        "116.7 billion yuan | 116.7e9 CNY | exact level | imports and exports | 2022",
        "126 billion yuan | 126e9 CNY | exact level | imports and exports | 2023",
        "8% | 8 % | exact growth | imports and exports | 2023",
        "6.2% | 6.2 % | exact growth | exports and imports | 2023",
        "9.5% | 9.5 % | exact growth | exports and imports | 2023",
    )
    growth = [f for f in find(text, qs) if f.check == "derived figure"]
    assert [[r.text for r in f.quantities] for f in growth] == [["8%", "116.7 billion yuan", "126 billion yuan"]]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("food output", "grain output", True),
        ("cargo", "cargo throughput at the port", True),
        ("Xinjiang's imports and exports", "total import and export volume", True),
        ("grain output", "grain output per unit area", False),
        ("grain planting area", "grain output", False),
        ("", "", False),
    ],
)
def test_subjects_compare_by_content_words(a: str, b: str, same: bool) -> None:
    from podium.checks.subjects import same_subject

    assert same_subject(a, b) is same


def test_a_figure_without_subject_borrows_one_its_words_name() -> None:
    text = (
        "You mentioned that fixed-asset investment reached 45 billion yuan last year.\n\n"
        "Last year, foreign investment was 86.1 billion yuan. Last year, fixed-asset investment totaled 54 billion yuan."
    )
    qs = mentions(
        text,
        "45 billion yuan | 45e9 CNY | exact level |  | 2023",
        "86.1 billion yuan | 86.1e9 CNY | exact level | foreign investment | 2023",
        "54 billion yuan | 54e9 CNY | exact level | fixed-asset investment | 2023",
    )
    (result,) = [f for f in find(text, qs) if f.check == "repeated figure"]
    assert [r.text for r in result.quantities] == ["45 billion yuan", "54 billion yuan"]
    assert result.verdict == "inconsistent"


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [("In the 5 years from 2016 to 2023, we opened 14 offices.", "inconsistent"), ("In the 7 years from 2016 to 2023, we opened 14 offices.", "consistent")],
)
def test_a_span_bounded_by_years_right_after_it(sentence: str, verdict: str) -> None:
    n = sentence.split()[2]
    qs = mentions(sentence, f"{n} years | {n} year | exact duration | period | ", "14 | 14 count | exact level | offices | ")
    assert only(find(sentence, qs), "time span").verdict == verdict


def test_a_per_capita_figure_is_not_divided_by_an_area() -> None:
    text = "The county farmed 600,000 mu and earned 3 billion yuan. Per capita income reached 32,000 yuan."
    qs = mentions(
        text,
        "600,000 mu | 600000 mu | exact level | farmland | 2023",
        "3 billion yuan | 3e9 CNY | exact level | farm revenue | 2023",
        "32,000 yuan | 32000 CNY | exact ratio | per capita income | 2023",
    )
    assert find(text, qs) == []


def test_growth_takes_the_level_beside_it_whatever_its_subject() -> None:
    text = "In 2022, foreign investment was 80 billion yuan. In 2023, foreign investment rose 5.2% year on year to 86.1 billion yuan."
    qs = mentions(
        text,
        "80 billion yuan | 80e9 CNY | exact level | foreign investment | 2022",
        "5.2% | 5.2 % | exact growth | foreign investment | 2023",
        "86.1 billion yuan | 86.1e9 CNY | exact level | 5.2 % year on year | 2023",  # the extractor's slip
    )
    result = only(find(text, qs), "derived figure")
    assert result.verdict == "inconsistent"
    assert "growth of 7.625%" in result.explanation
