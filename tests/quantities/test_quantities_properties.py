"""Whatever the text, extraction never crashes and every mention's text is its source slice."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.quantities import extract_text
from podium.quantities.extract import extract

PIECES = st.sampled_from(
    [
        "1,031", "4¼", "½", "$2\ntrillion", " billion ", " million", "yuan", " metric tons", "%", " percent",
        "more than ", "about ", "nearly ", "one-fifth", "half", "doubled", "ranked first", " top five",
        "2023", "June 26", "21st", "First, ", "one of", '"three bases"', " to ", " and ", "between ",
        "-", "(", ")", "\n", "Page 3 of 28", "forty-two", "Nineteen", " times", "-year", ".", ", ", "’21",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40))
def test_never_crashes_and_spans_hold(pieces: list[str]) -> None:
    text = "".join(pieces)
    previous_end = 0
    for qty in extract_text(text):
        assert text[qty.start : qty.end] == qty.text
        assert qty.start >= previous_end  # mentions never overlap
        previous_end = qty.end
        assert qty.value == qty.value  # never NaN


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60), st.integers(0, 60))
def test_a_window_only_yields_mentions_inside_it(head: str, tail: str, cut: int) -> None:
    text = head + " 42 billion yuan " + tail
    start = min(cut, len(head))
    for qty in extract(text, start, len(text) - len(tail) // 2):
        assert start <= qty.start and qty.end <= len(text) - len(tail) // 2
        assert text[qty.start : qty.end] == qty.text
