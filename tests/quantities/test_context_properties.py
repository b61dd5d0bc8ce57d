"""annotate() on arbitrary text and spans: never raises, and every field stays in its vocabulary."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.model import Briefing, Quantity
from podium.quantities.context import annotate

KINDS = {"level", "change", "growth", "share", "rank", "ratio", "duration"}
MODALITIES = {"actual", "target", "forecast"}
UNITS = ["count", "%", "CNY", "USD", "t", "jin", "rank", "year", "times", "pp", "magnitude"]
PERIOD = re.compile(r"^$|^\d{4}(?:-(?:Q[1-4]|\d{2}(?:-\d{2})?))?(?:/\d{4}(?:-(?:Q[1-4]|\d{2}))?)?$")
WORDS = st.sampled_from(
    "In 2023 last year this year the first quarter of January to April past two years since 2012 for three "
    "consecutive years grew by 5% accounting for of the total we will expected to ranked first nationwide "
    "output reached ( ) , ; : . \n\n respectively it May Q3 — 42 billion jin".split(" ")
)


@st.composite
def briefings(draw: st.DrawFn) -> tuple[Briefing, list[Quantity]]:
    text = " ".join(draw(st.lists(st.one_of(WORDS, st.text(max_size=8)), min_size=1, max_size=60)))
    spans = draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, 12)), max_size=8))
    quantities = [
        Quantity(text=text[s : s + n], start=s, end=min(len(text), s + n), value=1.0, unit=draw(st.sampled_from(UNITS)))
        for s, n in spans
    ]
    date = draw(st.sampled_from([None, "2024-05-21", "2020"]))
    return Briefing(source="<hypothesis>", text=text, date=date, inferred_year=draw(st.sampled_from([None, 2024]))), quantities


@settings(max_examples=150, deadline=None)
@given(briefings())
def test_annotate_never_raises_and_stays_in_vocabulary(case: tuple[Briefing, list[Quantity]]) -> None:
    briefing, quantities = case
    annotate(briefing, quantities)
    for qty in quantities:
        assert qty.kind in KINDS
        assert qty.modality in MODALITIES
        assert PERIOD.match(qty.period), qty.period
        assert isinstance(qty.subject, str) and qty.subject == qty.subject.strip()
        assert not qty.period_inferred or qty.period
