"""Place of figures and commitments worth reading (issue 17), scored against hand-written gold.

Place (tests/data/places/*.places.jsonl): a gold figure pairs with the predicted figure whose span
overlaps it; precision = right places / paired figures given a place, recall = right places / gold
figures, F1 of the two.

Commitments (tests/data/commitments/*.commitments.jsonl): a predicted commitment is right when its
span overlaps a gold commitment's `text` span; precision = right / predicted, recall = gold found /
gold. A file with no gold line is a briefing read and found to hold no commitment: everything
predicted there is a false alarm. Deadline and place are scored on the pairs found.

Parts: `tuned` (the gold the place reader was tuned on), `heldout` (batch 1: written after tuning),
`heldout2` (batch 2: 11 real briefings found later, gold committed before podium ran on them; their
commitment gold is tests/data/commitments/heldout). Held-out figures are the honest measure.

Run: `.venv/bin/python benchmarks/bench_places.py [--part tuned|heldout|heldout2] [-v]` (needs
../shared; `-v` lists every miss); `--cost` times the places stage against the structure stage."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PLACES = ROOT / "tests" / "data" / "places"
COMMITMENTS = ROOT / "tests" / "data" / "commitments"
CORPUS = ROOT.parent / "shared" / "corpus"


@dataclass
class Tally:
    right: int = 0
    predicted: int = 0
    gold: int = 0
    notes: list[str] = field(default_factory=list)
    # Gold figures podium does not find (Chinese figures before the Chinese reader lands): their
    # place as the place reader gives it for the gold span, scored apart.
    probed: int = 0
    probed_right: int = 0

    def score(self, level: str) -> Any:
        """Precision, recall and F1 as `podium eval` computes them."""
        from podium.quantities.evaluate import Score

        return Score(level, self.right, self.predicted, self.gold)


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


ZH = ROOT / "tests" / "data" / "zh"


def _probe(briefing: Any, start: int, end: int) -> str:
    from podium.model import Quantity
    from podium.quantities.places import Placer

    turn = briefing.turn_at(start)
    return Placer(briefing).place(Quantity(text="", start=start, end=end, value=0.0, unit="", speaker=turn.speaker if turn else None))[0]


def score_places(folder: Path = PLACES, *, addressed: bool = False) -> Tally:
    """`addressed`: each transcript read as from the page address its folder's ADDRESSES.json
    records (as `podium parse <url>` would read it), for transcripts whose text never names
    their place."""
    tally = Tally()
    addresses = json.loads((folder / "ADDRESSES.json").read_text(encoding="utf-8")) if addressed else {}
    for gold_file in sorted(folder.glob("*.places.jsonl")):
        name = gold_file.name.removesuffix(".places.jsonl")
        beside = folder / f"{name}.txt"
        source = beside if beside.is_file() else CORPUS / f"{name}.txt"
        briefing = _parse_any(source if source.is_file() else ZH / f"{name}.txt", url=addresses.get(name))
        for row in _lines(gold_file):
            tally.gold += 1
            pair = next((q for q in briefing.quantities if _overlaps(q.start, q.end, row["start"], row["end"])), None)
            if pair is None:
                place = _probe(briefing, row["start"], row["end"])
                tally.probed += 1
                tally.probed_right += place == row["place"]
                tally.notes.append(f"{name}: {row['text']!r} not found as a figure; its span placed {place or '-'}")
                continue
            if pair.place:
                tally.predicted += 1
            if pair.place == row["place"]:
                tally.right += 1
            else:
                tally.notes.append(f"{name}: {row['text']!r} gold {row['place']} got {pair.place or '-'} ({pair.place_source})")
    return tally


def _located(text: str, row: dict[str, Any]) -> tuple[int, int]:
    """The gold span in the text podium read (the same offsets, unless the reader repaired text
    before it: then the occurrence of the quoted words nearest the gold offset)."""
    if text[row["start"] : row["end"]] == row["text"]:
        return row["start"], row["end"]
    found, at = [], text.find(row["text"])
    while at >= 0:
        found.append(at)
        at = text.find(row["text"], at + 1)
    if not found:
        return row["start"], row["end"]
    best = min(found, key=lambda offset: abs(offset - row["start"]))
    return best, best + len(row["text"])


@dataclass
class CommitmentScore:
    found: Tally = field(default_factory=Tally)
    deadline_right: int = 0
    place_right: int = 0
    pairs: int = 0


def _parse_any(path: Path, *, url: str | None = None) -> Any:
    """The whole pipeline; for prose with no speaker label (E003), the stages after structure.
    With `url`, the file is read as the page at that address (its text as stored here)."""
    from podium import parse
    from podium.errors import PodiumError

    if url:
        from podium.pipeline import briefing_from_document, run
        from podium.read import read_path

        doc = read_path(path)
        doc.metadata["url"] = url
        return run(briefing_from_document(doc))
    try:
        return parse(path)
    except PodiumError as exc:
        if exc.code != "E003":
            raise
    return parse(path, stages=("quantities.v1", "places.v1", "checks.v1"))


def score_commitments(folder: Path = COMMITMENTS) -> CommitmentScore:
    score = CommitmentScore()
    tally = score.found
    for gold_file in sorted(folder.glob("*.commitments.jsonl")):
        head, *rows = _lines(gold_file)
        briefing = _parse_any(ROOT / head["root"] / f"{head['briefing']}.txt")
        spans = [_located(briefing.text, row) for row in rows]
        predicted = briefing.commitments
        tally.predicted += len(predicted)
        tally.gold += len(rows)
        for commitment in predicted:
            if any(_overlaps(commitment.start, commitment.end, s, e) for s, e in spans):
                tally.right += 1
            else:
                tally.notes.append(f"{head['briefing']}: false alarm {commitment.text[:90]!r} (subject {commitment.subject!r}, deadline {commitment.deadline!r})")
        for row, (s, e) in zip(rows, spans):
            pair = next((c for c in predicted if _overlaps(c.start, c.end, s, e)), None)
            if pair is None:
                tally.notes.append(f"{head['briefing']}: missed {row['text']!r} ({row['subject']}, {row['deadline'] or 'no deadline'})")
                continue
            score.pairs += 1
            score.deadline_right += pair.deadline == row["deadline"]
            score.place_right += getattr(pair, "place", "") == row["place"]
    # Precision counts predictions that overlap some gold span; recall, gold spans found.
    tally.right = min(tally.right, tally.predicted)
    return score


def _print_places(label: str, tally: Tally, verbose: bool) -> None:
    place = tally.score("place")
    print(
        f"{label:<11} gold {tally.gold:>4}  placed {tally.predicted:>4}  right {tally.right:>4}  "
        f"precision {place.precision:.3f}  recall {place.recall:.3f}  F1 {place.f1:.3f}"
        f"  (gold spans podium finds no figure at, placed directly: {tally.probed_right}/{tally.probed} right)"
    )
    if verbose:
        for note in tally.notes:
            print("    " + note)


def _print_commitments(label: str, score: CommitmentScore, verbose: bool) -> None:
    found = score.found
    gold_found = found.gold - sum(1 for n in found.notes if ": missed " in n)
    recall = gold_found / found.gold if found.gold else 0.0
    print(
        f"{label:<11} gold {found.gold:>4}  predicted {found.predicted:>4}  right {found.right:>4}  "
        f"precision {found.score('commitments').precision:.3f}  recall {recall:.3f}  "
        f"deadline right {score.deadline_right}/{score.pairs}  place right {score.place_right}/{score.pairs}"
    )
    if verbose:
        for note in found.notes:
            print("    " + note)


ROUNDS = 5


def stage_cost_ms() -> tuple[float, float]:
    """Median processor time of the places stage over every transcript of ../shared/corpus, and of the
    structure stage on the same transcripts (the anchor, measured in this run). The briefing-wide
    index of names is cleared each round, so each round finds it afresh as a new briefing would."""
    import statistics
    import time

    from podium.pipeline import briefing_from_document, run
    from podium.quantities import places
    from podium.read import read_path
    from podium.stages import STAGES

    docs = [read_path(path) for path in sorted(CORPUS.glob("*.txt"))]
    ready = [run(briefing_from_document(doc), ("structure.v1", "quantities.v1")) for doc in docs]
    times: dict[str, list[float]] = {"places": [], "structure": []}
    for _ in range(ROUNDS):
        fresh = [briefing_from_document(doc) for doc in docs]
        start = time.process_time()
        for briefing in fresh:
            STAGES["structure.v1"](briefing)
        times["structure"].append(time.process_time() - start)
        start = time.process_time()
        for briefing in ready:
            places._named_in.cache_clear()
            STAGES["places.v1"](briefing)
        times["places"].append(time.process_time() - start)
    return statistics.median(times["places"]) * 1000, statistics.median(times["structure"]) * 1000


PARTS = {
    "tuned": (PLACES, COMMITMENTS),
    "heldout": (PLACES / "heldout", None),
    "heldout2": (PLACES / "heldout2", COMMITMENTS / "heldout"),
}


def main(argv: list[str]) -> int:
    if not CORPUS.is_dir():
        print("../shared/corpus is absent: nothing to score")
        return 0
    verbose = "-v" in argv
    if "--cost" in argv:
        places_ms, structure_ms = stage_cost_ms()
        print(f"../shared/corpus, median of {ROUNDS}: places.v1 {places_ms:.1f} ms, structure.v1 {structure_ms:.1f} ms (anchor); places / structure = {places_ms / structure_ms:.2f}")
        return 0
    parts = [argv[argv.index("--part") + 1]] if "--part" in argv else list(PARTS)
    for part in parts:
        places_folder, commitments_folder = PARTS[part]
        _print_places(f"place {part}", score_places(places_folder), verbose)
        if (places_folder / "ADDRESSES.json").is_file():
            _print_places("  with the page addresses", score_places(places_folder, addressed=True), verbose)
        if commitments_folder is not None:
            _print_commitments(f"commitments {part}", score_commitments(commitments_folder), verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
