"""The planted-error test set in tests/data/checks: each transcript has a YAML beside it listing its
quantities (one line each, in order of mention) and the errors planted in it. Scoring is shared by
the regression test and benchmarks/bench_checks.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from podium.model import Finding, Quantity

DATA = Path(__file__).resolve().parent.parent / "data" / "checks"


@dataclass
class Case:
    name: str
    text: str
    quantities: list[Quantity]
    planted: list[dict[str, str]]
    commitments: int


@dataclass
class Score:
    planted: int = 0
    found: int = 0
    flagged: int = 0
    true_flags: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.planted if self.planted else 1.0

    @property
    def precision(self) -> float:
        return self.true_flags / self.flagged if self.flagged else 1.0


def _quantity(line: str, text: str, after: int) -> Quantity:
    """One annotation line: 'text | value unit | qualifier kind | subject | period [| modality]'."""
    parts = [p.strip() for p in line.split("|")]
    span, amount, how, subject, period = parts[:5]
    value, unit = amount.split()
    qualifier, kind = how.split()
    start = text.index(span, after)
    return Quantity(
        text=span, start=start, end=start + len(span), value=float(value), unit=unit,
        qualifier=qualifier, kind=kind, subject=subject, period=period,  # type: ignore[arg-type]
        modality=parts[5] if len(parts) > 5 else "actual",  # type: ignore[arg-type]
    )


def load_case(path: Path) -> Case:
    text = path.read_text(encoding="utf-8")
    spec: dict[str, Any] = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
    quantities, after = [], 0
    for line in spec["quantities"]:
        qty = _quantity(line, text, after)
        quantities.append(qty)
        after = qty.end
    return Case(path.stem, text, quantities, spec["planted"] or [], int(spec["commitments"]))


def cases() -> list[Case]:
    return [load_case(p) for p in sorted(DATA.glob("*.txt"))]


def _matches(item: Finding, plant: dict[str, str]) -> bool:
    return item.check == plant["check"] and any(r.text == plant["quantity"] for r in item.quantities)


def score(case: Case, findings: list[Finding], into: Score | None = None) -> Score:
    """A flag (inconsistent or implausible) is right when it matches a planted error by check name
    and one quantity's text; a planted error is found when some flag matches it."""
    result = into or Score()
    flags = [f for f in findings if f.verdict != "consistent"]
    result.planted += len(case.planted)
    for plant in case.planted:
        if any(_matches(f, plant) for f in flags):
            result.found += 1
        else:
            result.misses.append(f"{case.name}: {plant['check']} on {plant['quantity']!r}")
    for item in flags:
        result.flagged += 1
        if any(_matches(item, plant) for plant in case.planted):
            result.true_flags += 1
        else:
            result.false_alarms.append(f"{case.name}: {item.check}: {item.explanation}")
    return result
