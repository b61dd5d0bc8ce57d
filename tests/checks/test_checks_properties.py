"""Property: on any text and any quantities the checks never fail, and every finding cites spans of
that text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.checks import find
from podium.model import Quantity

UNITS = ["CNY", "jin", "t", "mu", "ha", "%", "count", "rank", "year", "times", "km", "m"]
KINDS = ["level", "change", "growth", "share", "rank", "ratio", "duration"]
WORDS = st.sampled_from(
    ["of", "the", "five", "countries", "(", ")", ",", "or", "and", "respectively", "in", "2022", "2023",
     "took", "years", "from", "to", "per", "mu", "of which", "including", "accounting for", ".", "\n\n",
     "increase", "fell", "about", "A", "B", "C", "output", "grain"]
)


@st.composite
def passages(draw: st.DrawFn) -> tuple[str, list[Quantity]]:
    pieces, quantities, offset = [], [], 0
    for _ in range(draw(st.integers(0, 30))):
        if draw(st.booleans()):
            value = draw(st.floats(-1e12, 1e12, allow_nan=False, allow_infinity=False))
            text = f"{abs(value):,.2f}"
            quantities.append(
                Quantity(
                    text=text, start=offset, end=offset + len(text), value=value,
                    unit=draw(st.sampled_from(UNITS)), kind=draw(st.sampled_from(KINDS)),  # type: ignore[arg-type]
                    qualifier=draw(st.sampled_from(["exact", "approx", "min", "max"])),  # type: ignore[arg-type]
                    subject=draw(st.sampled_from(["", "grain output", "output", "trade"])),
                    period=draw(st.sampled_from(["", "2022", "2023"])),
                )
            )
        else:
            text = draw(WORDS)
        pieces.append(text + " ")
        offset += len(text) + 1
    return "".join(pieces), quantities


@settings(max_examples=150, deadline=None)
@given(passages())
def test_findings_cite_spans_of_the_text(passage: tuple[str, list[Quantity]]) -> None:
    text, quantities = passage
    for item in find(text, quantities):
        assert item.verdict in ("consistent", "inconsistent", "implausible")
        assert item.quantities and item.explanation
        for ref in item.quantities:
            assert text[ref.start : ref.end] == ref.text
