"""Scoring at six levels, and the quantities and eval commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from podium.cli import app
from podium.quantities.evaluate import LEVELS, pair, score, subjects_agree

GOLD = [
    {"text": "5.6%", "start": 10, "end": 14, "value": 5.6, "unit": "%", "qualifier": "exact", "kind": "growth", "period": "2024-Q1", "subject": "GDP"},
    {"text": "19", "start": 30, "end": 32, "value": 19, "unit": "count", "qualifier": "exact", "kind": "level", "period": "", "subject": "provinces"},
    {"text": "2 billion jin", "start": 50, "end": 63, "value": 2e9, "unit": "jin", "qualifier": "min", "kind": "change", "period": "2024", "subject": "grain output"},
]  # fmt: skip


def test_perfect_prediction_scores_one_everywhere() -> None:
    assert [(s.level, s.f1) for s in score(GOLD, GOLD)] == [(level, 1.0) for level in LEVELS]


def test_levels_count_their_own_field() -> None:
    pred = [dict(g) for g in GOLD]
    pred[0]["value"] = 5.6000001  # within 1e-6 relative
    pred[1]["unit"] = "%"
    pred[2]["qualifier"] = "exact"
    pred[2]["subject"] = "total grain output of the region"
    pred.append({"text": "7", "start": 80, "end": 81, "value": 7, "unit": "count"})
    by_level = {s.level: s for s in score(GOLD, pred)}
    assert (by_level["span"].true_positives, by_level["span"].predicted) == (3, 4)
    assert by_level["value+unit"].true_positives == 2
    assert by_level["qualifier"].true_positives == 2
    assert by_level["subject"].true_positives == 3
    assert by_level["span"].precision == pytest.approx(0.75)


def test_pairing_is_one_to_one_by_largest_overlap() -> None:
    gold = [{"start": 0, "end": 10}]
    pred = [{"start": 0, "end": 2}, {"start": 1, "end": 9}]
    assert pair(gold, pred) == [(gold[0], pred[1])]
    assert pair(gold + [{"start": 0, "end": 10}], pred[:1]) == [(gold[0], pred[0])]


@pytest.mark.parametrize(
    ("gold", "pred", "agree"),
    [
        ("grain output", "total grain output of the region", True),
        ("residents", "resident", True),
        ("imports and exports", "exports", True),
        ("cotton output", "grain planting area", False),
        ("", "", True),
        ("employment rate", "", False),
    ],
)
def test_subjects_agree_by_the_one_subject_rule(gold: str, pred: str, agree: bool) -> None:
    assert subjects_agree({"subject": gold}, {"subject": pred}) is agree


def test_quantities_command_prints_the_fields_on_prose(tmp_path: Path) -> None:
    source = tmp_path / "news.txt"
    source.write_text("The firm earned $18 billion, up 5.6% from a year earlier.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["quantities", str(source), "--jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["text"], r["value"], r["unit"]) for r in records] == [("$18 billion", 18e9, "USD"), ("5.6%", 5.6, "%")]
    assert list(records[0]) == [
        "text", "start", "end", "value", "value_max", "unit", "qualifier",
        "kind", "direction", "subject", "period", "modality", "turn", "speaker", "place", "place_source", "entity",
    ]  # fmt: skip
    assert [(r["kind"], r["direction"]) for r in records] == [("level", None), ("growth", "up")]


def test_quantities_command_csv(tmp_path: Path) -> None:
    source = tmp_path / "news.txt"
    source.write_text("About 300 firms joined.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["quantities", str(source), "--csv"])
    assert result.exit_code == 0
    header, row = result.stdout.splitlines()
    assert header.startswith("text,start,end,value")
    assert row.startswith("300,6,9,300.0,,count,approx")


def test_eval_command_prints_six_levels(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(g) + "\n" for g in GOLD[:2]), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(gold), str(pred)])
    assert result.exit_code == 0, result.output
    for level in LEVELS:
        assert level in result.stdout
    assert "0.800" in result.stdout  # F1 of 2 of 3 found, none wrong


def test_eval_command_rejects_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(bad), str(bad)])
    assert result.exit_code == 1
    assert "E020" in result.output


def test_chinese_subjects_are_compared_by_character_pairs_as_written_or_traditional() -> None:
    from podium.quantities.subjects import subject_matches

    assert subject_matches("夏粮产量", "全国夏粮产量")  # three of the four pairs shared
    assert subject_matches("实际使用外资", "實際使用外資")  # traditional reads as simplified
    assert not subject_matches("夏粮产量", "早稻产量")  # one pair of three
    assert not subject_matches("进口", "出口")
