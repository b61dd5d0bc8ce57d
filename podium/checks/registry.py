"""Checks as a registry: each check is a function `(ctx) -> list[Finding]` registered by name.

A new check is one function and one line:

    @check("plausibility")
    def implausible_figures(ctx: CheckContext) -> list[Finding]: ...

`CheckContext` holds what every check reads: the text, its layout, the figures in text order and
the facts several checks share (figures restated in other units, milestones passed on the way),
found once per briefing by `podium.checks.context`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from podium.layout import Layout
from podium.model import Finding, Quantity


@dataclass(frozen=True)
class CheckContext:
    """One briefing as the checks read it."""

    layout: Layout
    quantities: list[Quantity]  # in text order
    # Restatements in other units ("6 billion jin (3 million metric tons)"), first and second.
    pairs: list[tuple[Quantity, Quantity]] = field(default_factory=list)
    # Starts of the figures that restate the one before, and of figures passed on the way
    # ("it took a year to go from 200 billion to 300 billion"): neither states a level anew.
    restated: set[int] = field(default_factory=set)
    milestones: set[int] = field(default_factory=set)

    @property
    def text(self) -> str:
        return self.layout.text


Check = Callable[[CheckContext], list[Finding]]
CHECKS: dict[str, Check] = {}


def check(name: str) -> Callable[[Check], Check]:
    """Register a check under `name`; checks run in the order they are registered."""

    def register(fn: Check) -> Check:
        if name in CHECKS and CHECKS[name] is not fn:
            raise ValueError(f"a check named {name!r} is already registered")
        CHECKS[name] = fn
        return fn

    return register
