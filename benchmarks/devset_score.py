"""Scoring structure against the development set's gold: loading the cases and the per-file and pooled figures.

A case is one transcript with gold turns. Three gold shapes are read into one:
- tests/data/devset/gold/*.structure.json (batch 1, 2, ...): turns with `start` and `label`, `exchanges` a count;
- ../shared/gold/zh/*.structure.json: the same shape, `file` written `dev/NAME.txt` for ../shared/corpus/zh/NAME.txt;
- ../shared/gold/*.structure.json: turns with `label_at` or `text_at`, `exchanges` a list.

A predicted turn is right when its start lies within TOLERANCE characters of a gold turn's start (each gold turn
matched at most once). Role accuracy is over matched turns whose gold role is known. A file podium refuses
(PodiumError) counts as refused with no turns."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "data" / "devset"
SHARED = ROOT.parent / "shared"
TOLERANCE = 3


@dataclass
class GoldTurn:
    start: int
    role: str
    speaker: str | None


@dataclass
class Case:
    name: str
    batch: str
    path: Path
    turns: list[GoldTurn]
    exchanges: int
    date: str | None = None  # the event date, where the gold gives one


@dataclass
class Score:
    case: Case
    predicted: int = 0
    matched: int = 0
    roles_right: int = 0
    roles_scored: int = 0
    exchanges: int | None = None
    refused: str | None = None
    text_differs: bool = False
    date: str | None = None
    misses: list[int] = field(default_factory=list)
    extras: list[int] = field(default_factory=list)
    wrong_roles: list[tuple[int, str, str]] = field(default_factory=list)

    @property
    def exchanges_right(self) -> bool:
        return self.exchanges == self.case.exchanges

    @property
    def date_right(self) -> bool:
        return self.case.date is not None and self.date == self.case.date


def _devset_cases() -> list[Case]:
    cases = []
    for path in sorted((DEVSET / "gold").glob("*.structure.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        turns = [GoldTurn(t["start"], t["role"], t["speaker"]) for t in gold["turns"]]
        name = path.name.removesuffix(".structure.json")
        cases.append(Case(name, f"batch{gold['batch']}", ROOT / gold["file"], turns, gold["exchanges"], gold.get("date")))
    return cases


def _shared_zh_cases() -> list[Case]:
    cases = []
    for path in sorted((SHARED / "gold" / "zh").glob("*.structure.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text_path = SHARED / "corpus" / "zh" / Path(gold["file"]).name
        turns = [GoldTurn(t["start"], t["role"], t["speaker"]) for t in gold["turns"]]
        cases.append(Case("zh/" + text_path.stem, "shared", text_path, turns, gold["exchanges"]))
    return cases


def _shared_en_cases() -> list[Case]:
    cases = []
    for path in sorted((SHARED / "gold").glob("*.structure.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        turns = [GoldTurn(t.get("label_at", t.get("text_at")), t["role"], t["speaker"]) for t in gold["turns"]]
        exchanges = gold["exchanges"] if isinstance(gold["exchanges"], int) else len(gold["exchanges"])
        cases.append(Case(Path(gold["file"]).stem, "shared", SHARED / gold["file"], turns, exchanges))
    return cases


def load_cases(*, shared: bool = True) -> list[Case]:
    """Every case with gold: the development set, then the shared corpus where ../shared is beside the checkout."""
    cases = _devset_cases()
    if shared and SHARED.is_dir():
        cases += _shared_en_cases() + _shared_zh_cases()
    return [case for case in cases if case.path.is_file()]


def match_starts(gold: list[int], predicted: list[int], tolerance: int = TOLERANCE) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index), each used once, nearest first, within the tolerance."""
    candidates = sorted(
        (abs(g - p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted) if abs(g - p) <= tolerance
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def score_case(case: Case) -> Score:
    import podium
    from podium.pipeline import DEFAULT_STAGES

    structure = [name for name in DEFAULT_STAGES if name.startswith("structure")]
    score = Score(case)
    try:
        briefing = podium.parse(case.path, stages=structure)
    except podium.PodiumError as err:
        score.refused = str(err)
        score.exchanges = 0
        score.misses = [t.start for t in case.turns]
        return score
    score.text_differs = briefing.text != case.path.read_text(encoding="utf-8")
    score.date = briefing.date
    predicted = briefing.turns
    score.predicted = len(predicted)
    score.exchanges = len(briefing.exchanges)
    pairs = match_starts([t.start for t in case.turns], [t.start for t in predicted])
    score.matched = len(pairs)
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    score.misses = [t.start for i, t in enumerate(case.turns) if i not in matched_gold]
    score.extras = [t.start for i, t in enumerate(predicted) if i not in matched_pred]
    for gi, pi in pairs:
        gold_role, role = case.turns[gi].role, predicted[pi].role
        if gold_role == "unknown":
            continue
        score.roles_scored += 1
        if role == gold_role:
            score.roles_right += 1
        else:
            score.wrong_roles.append((case.turns[gi].start, gold_role, role))
    return score


def prf(matched: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass
class Pooled:
    files: int
    gold_turns: int
    predicted: int
    matched: int
    roles_right: int
    roles_scored: int
    exchanges_right: int
    refused: int
    dates_right: int = 0
    dates_gold: int = 0

    @property
    def prf(self) -> tuple[float, float, float]:
        return prf(self.matched, self.predicted, self.gold_turns)

    @property
    def role_accuracy(self) -> float:
        return self.roles_right / self.roles_scored if self.roles_scored else 0.0

    @property
    def exchange_accuracy(self) -> float:
        return self.exchanges_right / self.files if self.files else 0.0


def pool(scores: list[Score]) -> Pooled:
    """Micro-averaged figures: turns summed over the files, then precision, recall and F1."""
    return Pooled(
        files=len(scores),
        gold_turns=sum(len(s.case.turns) for s in scores),
        predicted=sum(s.predicted for s in scores),
        matched=sum(s.matched for s in scores),
        roles_right=sum(s.roles_right for s in scores),
        roles_scored=sum(s.roles_scored for s in scores),
        exchanges_right=sum(s.exchanges_right for s in scores),
        refused=sum(s.refused is not None for s in scores),
        dates_right=sum(s.date_right for s in scores),
        dates_gold=sum(s.case.date is not None for s in scores),
    )
