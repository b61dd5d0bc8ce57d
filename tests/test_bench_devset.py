"""The development-set scorer (benchmarks/devset_score.py): matching of turn starts and pooled figures."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from devset_score import Case, GoldTurn, Score, match_starts, pool, prf  # noqa: E402


def test_a_start_within_three_characters_matches_and_four_does_not() -> None:
    assert match_starts([100], [103]) == [(0, 0)]
    assert match_starts([100], [96]) == []


def test_each_gold_turn_is_matched_once_nearest_first() -> None:
    # two predictions near one gold start: only the nearer counts, the other is an extra
    assert match_starts([10, 50], [11, 12, 49]) == [(0, 0), (1, 2)]


def test_pooled_figures_sum_turns_over_files_before_dividing() -> None:
    big = Score(Case("a", "batch1", Path("a.txt"), [GoldTurn(i, "host", None) for i in range(9)], 0), predicted=9, matched=9, exchanges=0)
    small = Score(Case("b", "batch1", Path("b.txt"), [GoldTurn(0, "host", None)], 1), predicted=0, matched=0, exchanges=0, refused="E003")
    pooled = pool([big, small])
    assert (pooled.gold_turns, pooled.predicted, pooled.matched, pooled.refused, pooled.exchanges_right) == (10, 9, 9, 1, 1)
    assert pooled.prf == prf(9, 9, 10)
    assert round(pooled.prf[2], 3) == 0.947


def test_event_dates_count_only_where_the_gold_gives_one() -> None:
    dated = Score(Case("a", "batch3", Path("a.txt"), [], 0, "2024-05-21"), exchanges=0, date="2024-05-21")
    wrong = Score(Case("b", "batch3", Path("b.txt"), [], 0, "2024-05-21"), exchanges=0, date="2024-05-20")
    undated = Score(Case("c", "batch3", Path("c.txt"), [], 0, None), exchanges=0, date="2024-05-21")
    pooled = pool([dated, wrong, undated])
    assert (pooled.dates_right, pooled.dates_gold) == (1, 2)
