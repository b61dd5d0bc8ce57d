"""Scoring predicted quantity mentions against gold, at six levels.

Pairing: gold and predicted mentions are paired one to one by overlapping span. Gold mentions are
taken in order; each takes the unpaired prediction that overlaps it most (ties: the earliest).

Levels (a pair counts as a true positive at a level when):
- `span`: it is a pair at all (the spans overlap);
- `value+unit`: the values agree within a relative 1e-6, `value_max` too when either side has
  one, and the units are the same id;
- `qualifier`, `kind`, `period`: the field is equal;
- `subject`: `podium.quantities.subjects.subject_matches`, the one definition of a lenient
  subject match (content-token F1 of at least 0.5, or the same head noun; both empty agree);
- `direction` (only where the gold annotates it, an optional field of the guidelines: a gold file
  in which no mention has a `direction` key is not scored on it): equal, both absent agreeing.
Precision divides by the number of predictions, recall by the number of gold mentions."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from podium.errors import PodiumError
from podium.quantities.subjects import subject_matches

LEVELS: tuple[str, ...] = ("span", "value+unit", "qualifier", "kind", "period", "subject")
DIRECTION = "direction"
RELATIVE_TOLERANCE = 1e-6

Record = dict[str, Any]


@dataclass(frozen=True)
class Score:
    level: str
    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def read_jsonl(path: Path) -> list[Record]:
    """Records of a JSON Lines file; a PodiumError (E020) names the line that is not a record."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise PodiumError("E020", str(exc), str(path)) from None
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PodiumError("E020", f"line {number} is not JSON: {exc.msg}", str(path)) from None
        if not isinstance(record, dict) or not {"start", "end"} <= record.keys():
            raise PodiumError("E020", f"line {number} has no start and end", str(path)) from None
        records.append(record)
    return records


def pair(gold: Sequence[Record], pred: Sequence[Record]) -> list[tuple[Record, Record]]:
    """One-to-one pairs by overlapping span, each gold mention taking its largest overlap."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        best, best_overlap = -1, 0
        for index, p in enumerate(pred):
            if index in used:
                continue
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > best_overlap:
                best, best_overlap = index, overlap
        if best >= 0:
            used.add(best)
            pairs.append((g, pred[best]))
    return pairs


def values_agree(gold: Record, pred: Record) -> bool:
    if not _close(gold.get("value"), pred.get("value")):
        return False
    if gold.get("value_max") is None and pred.get("value_max") is None:
        return True
    return _close(gold.get("value_max"), pred.get("value_max"))


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(float(a), float(b), rel_tol=RELATIVE_TOLERANCE, abs_tol=1e-9)


def subjects_agree(gold: Record, pred: Record) -> bool:
    return subject_matches(gold.get("subject") or "", pred.get("subject") or "")


def _field_agrees(name: str) -> Callable[[Record, Record], bool]:
    return lambda g, p: (g.get(name) or "") == (p.get(name) or "")


_AGREES: dict[str, Callable[[Record, Record], bool]] = {
    "span": lambda g, p: True,
    "value+unit": lambda g, p: values_agree(g, p) and g.get("unit") == p.get("unit"),
    "qualifier": _field_agrees("qualifier"),
    "kind": _field_agrees("kind"),
    "period": _field_agrees("period"),
    "subject": subjects_agree,
    DIRECTION: _field_agrees(DIRECTION),
}


def score(gold: Sequence[Record], pred: Sequence[Record], levels: Iterable[str] = LEVELS) -> list[Score]:
    pairs = pair(gold, pred)
    return [
        Score(level, sum(1 for g, p in pairs if _AGREES[level](g, p)), len(pred), len(gold)) for level in levels
    ]


def levels_for(gold: Sequence[Record]) -> tuple[str, ...]:
    """LEVELS, and `direction` where the gold annotates directions."""
    return LEVELS + ((DIRECTION,) if any(DIRECTION in g for g in gold) else ())


def score_files(gold_path: Path, pred_path: Path) -> list[Score]:
    gold = read_jsonl(gold_path)
    return score(gold, read_jsonl(pred_path), levels_for(gold))
