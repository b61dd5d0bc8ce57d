"""Structure on the development set: turn precision, recall and F1, role accuracy, exchange counts, refused files.

Per file, then pooled per batch (batch1, batch2, ..., shared) and overall. A turn is right when its start lies within
3 characters of a gold turn's start; roles are scored on matched turns whose gold role is known; a file podium
refuses counts as refused with no turns. Targets (issue 14): turn F1 >= 0.95, role accuracy >= 0.90, exchange counts
right on >= 90% of files, no readable file refused. Where the gold gives the event date (development-set files), the
date podium finds is compared with it.

    .venv/bin/python benchmarks/bench_devset.py                 # every case
    .venv/bin/python benchmarks/bench_devset.py --batch batch2  # one batch
    .venv/bin/python benchmarks/bench_devset.py --misses        # also the offsets missed, extra and mis-roled
    .venv/bin/python benchmarks/bench_devset.py --json          # the figures as JSON
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devset_score import Pooled, Score, load_cases, pool, prf, score_case  # noqa: E402


def file_row(score: Score) -> str:
    gold = len(score.case.turns)
    p, r, f1 = prf(score.matched, score.predicted, gold)
    roles = f"{score.roles_right}/{score.roles_scored}" if score.roles_scored else "-"
    exch = f"{score.exchanges}/{score.case.exchanges}{'' if score.exchanges_right else ' x'}"
    flag = "REFUSED" if score.refused else ("text differs" if score.text_differs else "")
    return f"{score.case.name[:44]:44} {gold:4} {score.predicted:4} {score.matched:4} {p:5.2f} {r:5.2f} {f1:5.2f} {roles:>7} {exch:>7}  {flag}"


def pooled_row(label: str, pooled: Pooled) -> str:
    p, r, f1 = pooled.prf
    return (
        f"{label:10} files {pooled.files:3}  turns gold {pooled.gold_turns:4} pred {pooled.predicted:4} right {pooled.matched:4}  "
        f"P {p:.2f} R {r:.2f} F1 {f1:.2f}  roles {pooled.role_accuracy:.2f} ({pooled.roles_right}/{pooled.roles_scored})  "
        f"exchanges right {pooled.exchanges_right}/{pooled.files} ({pooled.exchange_accuracy:.2f})  refused {pooled.refused}  "
        f"event dates right {pooled.dates_right}/{pooled.dates_gold}"
    )


def as_dict(pooled: Pooled) -> dict:
    p, r, f1 = pooled.prf
    return {"files": pooled.files, "gold_turns": pooled.gold_turns, "predicted": pooled.predicted, "matched": pooled.matched,
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4), "role_accuracy": round(pooled.role_accuracy, 4),
            "exchange_accuracy": round(pooled.exchange_accuracy, 4), "refused": pooled.refused,
            "dates_right": pooled.dates_right, "dates_gold": pooled.dates_gold}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", action="append", help="only this batch (repeatable): batch1, batch2, shared")
    parser.add_argument("--misses", action="store_true", help="list missed and extra turn starts and wrong roles")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    cases = [c for c in load_cases() if not args.batch or c.batch in args.batch]
    if not cases:
        print("skipped: no development-set gold found")
        return 0
    scores = [score_case(case) for case in cases]
    batches = sorted({s.case.batch for s in scores})
    by_batch = {b: pool([s for s in scores if s.case.batch == b]) for b in batches}
    overall = pool(scores)
    if args.json:
        print(json.dumps({
            "files": [{"name": s.case.name, "batch": s.case.batch, "gold": len(s.case.turns), "predicted": s.predicted,
                       "matched": s.matched, "f1": round(prf(s.matched, s.predicted, len(s.case.turns))[2], 4),
                       "roles_right": s.roles_right, "roles_scored": s.roles_scored, "exchanges": s.exchanges,
                       "exchanges_gold": s.case.exchanges, "refused": s.refused} for s in scores],
            "batches": {b: as_dict(p) for b, p in by_batch.items()}, "overall": as_dict(overall)}, ensure_ascii=False, indent=1))
        return 0
    header = f"{'file':44} {'gold':>4} {'pred':>4} {'ok':>4} {'P':>5} {'R':>5} {'F1':>5} {'roles':>7} {'exch':>7}"
    for batch in batches:
        print(f"\n{batch}\n{header}")
        for score in (s for s in scores if s.case.batch == batch):
            print(file_row(score))
            if args.misses and (score.misses or score.extras or score.wrong_roles or score.refused):
                if score.refused:
                    print(f"    refused: {score.refused}")
                print(f"    missed {score.misses}  extra {score.extras}  wrong roles {score.wrong_roles}")
    print()
    for batch, pooled in by_batch.items():
        print(pooled_row(batch, pooled))
    print(pooled_row("overall", overall))
    return 0


if __name__ == "__main__":
    direct = Path(sys.argv[0]).name == Path(__file__).name
    sys.exit(main(sys.argv[1:] if direct else []))
