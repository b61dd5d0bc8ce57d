"""Checks as a registry: every check is one function of one CheckContext, registered by name."""

from __future__ import annotations

import pytest

import podium.checks
import podium.checks.registry
from podium.checks import CHECKS, CheckContext, check, context, find
from podium.checks.findings import finding
from podium.model import Finding, Quantity

TEXT = "Output rose to 10 billion jin (5 million tons). It took 2 years to go from 3 million to 5 million tons."


def _figures() -> list[Quantity]:
    def at(text: str, value: float, unit: str, nth: int = 0) -> Quantity:
        start = TEXT.index(text) if nth == 0 else TEXT.index(text, TEXT.index(text) + 1)
        return Quantity(text=text, start=start, end=start + len(text), value=value, unit=unit)

    return [at("5 million tons", 5e6, "t"), at("10 billion jin", 1e10, "jin"), at("3 million", 3e6, "t"), at("5 million tons", 5e6, "t", 1)]


def test_the_checks_of_the_stage_are_registered_in_order() -> None:
    assert list(CHECKS) == [
        "conversions", "repeats", "per unit", "shares", "growth", "parts", "spans", "enumerations", "respectively", "plausibility",
    ]


def test_the_context_holds_figures_in_text_order_and_the_shared_facts() -> None:
    ctx = context(TEXT, _figures())
    assert [q.start for q in ctx.quantities] == sorted(q.start for q in ctx.quantities)
    assert [(a.text, b.text) for a, b in ctx.pairs] == [("10 billion jin", "5 million tons")]
    assert ctx.restated == {TEXT.index("5 million tons")}
    # "to go from 3 million": a milestone passed on the way, not a statement of the level.
    assert TEXT.index("3 million") in ctx.milestones
    assert ctx.text == TEXT and ctx.layout.sentence(0).end == TEXT.index(")") + 2


def _scratch_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy of the registry for one test, so a check it registers leaves the stage's alone."""
    registry = dict(CHECKS)
    monkeypatch.setattr(podium.checks.registry, "CHECKS", registry)
    monkeypatch.setattr(podium.checks, "CHECKS", registry)


def test_a_check_registered_by_name_is_run(monkeypatch: pytest.MonkeyPatch) -> None:
    _scratch_registry(monkeypatch)

    @check("every figure")
    def every_figure(ctx: CheckContext) -> list[Finding]:
        return [finding("every figure", "consistent", f"{q.text} is stated.", [q], 0.0) for q in ctx.quantities]

    found = [f for f in find(TEXT, _figures()) if f.check == "every figure"]
    assert [f.quantities[0].text for f in found] == ["10 billion jin", "5 million tons", "3 million", "5 million tons"]


def test_a_name_registers_one_check_only(monkeypatch: pytest.MonkeyPatch) -> None:
    _scratch_registry(monkeypatch)
    with pytest.raises(ValueError, match="already registered"):
        check("repeats")(lambda ctx: [])


def test_the_stage_registry_is_left_as_it_was() -> None:
    assert "every figure" not in CHECKS
