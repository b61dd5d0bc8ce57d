"""Figures aligned across two language versions (podium/align.py, `podium align`, benchmarks/bench_align.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from podium.align import language_code, split_by_language
from podium.cli import app
from tests.conftest import GOLD

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from bench_align import GOLD_SETS, align_files, plant_all, score_dir  # noqa: E402

runner = CliRunner()
HELD_OUT = Path(__file__).resolve().parent / "data" / "align"

ZH = "发言人：今年前三个月，出口超过1.5万亿元，增长8.24%。进口9000亿元，增长3%。粮食产量达到1.2亿斤。\n"
EN = "Spokesperson: In the first three months, exports were about 1.5 trillion yuan, up 8.2%. Imports were 900 billion yuan, up 3%. Grain output reached 120 million jin.\n"


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    zh, en = tmp_path / "b.zh.txt", tmp_path / "b.en.txt"
    zh.write_text(ZH, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    return zh, en


def align_jsonl(*paths: Path) -> list[dict]:
    done = runner.invoke(app, ["align", *map(str, paths), "--jsonl"])
    assert done.exit_code == 0, done.output
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def test_each_figure_pairs_with_its_translation_and_changes_are_named(pair: tuple[Path, Path]) -> None:
    rows = align_jsonl(*pair)
    texts = [(row["zh"]["text"], row["en"]["text"], row["same"]) for row in rows]
    assert texts == [
        ("1.5万亿元", "1.5 trillion yuan", False),
        ("8.24%", "8.2%", False),
        ("9000亿元", "900 billion yuan", True),
        ("3%", "3%", True),
        ("1.2亿斤", "120 million jin", True),
    ]
    assert rows[0]["note"].startswith("qualifier changed: more than -> about")
    assert rows[1]["note"].startswith("rounded")
    assert rows[2]["zh_value"] == rows[2]["en_value"] == 9e11 and rows[2]["zh_unit"] == "CNY"
    for row in rows:  # offsets index each file
        assert ZH[row["zh"]["start"] : row["zh"]["end"]] == row["zh"]["text"]
        assert EN[row["en"]["start"] : row["en"]["end"]] == row["en"]["text"]


def test_the_order_of_the_files_names_the_sides_not_their_roles(pair: tuple[Path, Path]) -> None:
    rows = align_jsonl(pair[1], pair[0])
    assert list(rows[0])[:2] == ["en", "zh"] and rows[0]["en"]["text"] == "1.5 trillion yuan"


def test_a_figure_the_english_lacks_is_a_one_sided_line_saying_which(tmp_path: Path) -> None:
    zh, en = tmp_path / "c.zh.txt", tmp_path / "c.en.txt"
    zh.write_text("发言人：出口1.5万亿元，增长8.2%，其中机电产品增长6.1%。进口9000亿元，增长3%。汽车出口37万辆。\n", encoding="utf-8")
    en.write_text("Spokesperson: Exports were 1.5 trillion yuan, up 8.2%. Imports were 900 billion yuan, up 3%.\n", encoding="utf-8")
    rows = align_jsonl(zh, en)
    one_sided = {row["zh"]["text"]: row["note"] for row in rows if row["en"] is None}
    assert set(one_sided) == {"6.1%", "37万"}
    assert "dropped in translation" in one_sided["6.1%"]
    assert "ends before" in one_sided["37万"]


def test_an_interleaved_file_is_split_by_paragraph_script_with_offsets_into_the_file(tmp_path: Path) -> None:
    text = "发言人：出口1.5万亿元，增长8.2%。\n\nSpokesperson: Exports were 1.5 trillion yuan, up 8.2%.\n\n进口9000亿元。\n\nImports were 900 billion yuan.\n"
    both = tmp_path / "both.txt"
    both.write_text(text, encoding="utf-8")
    shares = split_by_language(text)
    assert set(shares) == {"zh", "en"} and all(len(share) == len(text) for share in shares.values())
    assert "Exports" not in shares["zh"] and "出口" not in shares["en"]
    rows = align_jsonl(both)
    assert [(row["zh"]["text"], row["en"]["text"]) for row in rows] == [("1.5万亿元", "1.5 trillion yuan"), ("8.2%", "8.2%"), ("9000亿元", "900 billion yuan")]
    assert all(text[row["en"]["start"] : row["en"]["end"]] == row["en"]["text"] for row in rows)


def test_one_language_only_is_a_clear_error(tmp_path: Path) -> None:
    en = tmp_path / "a.txt"
    en.write_text(EN, encoding="utf-8")
    done = runner.invoke(app, ["align", str(en), str(en)])
    assert done.exit_code == 1 and "two languages" in done.output
    done = runner.invoke(app, ["align", str(en)])
    assert done.exit_code == 1 and "two languages" in done.output


def test_language_codes_come_from_the_letters() -> None:
    assert language_code(ZH) == "zh" and language_code(EN) == "en"


def test_planted_changes_in_a_copy_are_each_reported(pair: tuple[Path, Path], tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    planted = plant_all(*pair, work)
    assert {p.change for p in planted} == {"value altered", "qualifier dropped", "figure deleted", "direction turned"}
    assert all(p.reported for p in planted), [(p.change, p.line) for p in planted]


@pytest.mark.parametrize("folder", GOLD_SETS, ids=["shared-gold", "held-out"])
def test_pair_f1_on_alignment_gold_is_at_least_0_90(folder: Path) -> None:
    if not folder.is_dir() or not any(folder.glob("*.align.jsonl")):
        pytest.skip(f"{folder} is absent")
    total, _ = score_dir(folder)
    assert total.f1 >= 0.90


def test_planted_changes_on_the_shared_pairs_are_each_reported(tmp_path: Path) -> None:
    folder = GOLD / "align"
    if not folder.is_dir():
        pytest.skip("../shared/gold/align is absent")
    for zh in sorted(folder.glob("*.zh.txt")):
        planted = plant_all(zh, zh.with_name(zh.name.replace(".zh.", ".en.")), tmp_path)
        assert {"value altered", "qualifier dropped", "figure deleted"} <= {p.change for p in planted}
        assert all(p.reported for p in planted), [(p.change, p.line) for p in planted]


def test_the_scorer_counts_a_pair_right_only_when_both_spans_overlap(pair: tuple[Path, Path]) -> None:
    from bench_align import score_case

    pred = align_files(*pair)
    gold = [dict(row) for row in pred]
    gold[0] = {**gold[0], "en": {"text": "x", "start": 0, "end": 5}}  # the English span elsewhere
    score = score_case(gold, pred)
    assert (score.gold, score.predicted, score.right) == (5, 5, 4)


def test_a_direction_turned_round_is_reported_and_one_kept_is_not(tmp_path: Path) -> None:
    zh, en = tmp_path / "e.zh.txt", tmp_path / "e.en.txt"
    zh.write_text("发言人：出口下降5.2%，进口增长3%，顺差收窄24.1%。\n", encoding="utf-8")
    en.write_text("Spokesperson: Exports rose 5.2%, imports were up 3%, and the surplus narrowing down by 24.1%.\n", encoding="utf-8")
    rows = align_jsonl(zh, en)
    assert [(row["zh"]["text"], row["same"], row["note"]) for row in rows] == [
        ("5.2%", False, "direction differs: down -> up"),
        ("3%", True, ""),
        ("24.1%", True, ""),
    ]


def test_csv_gives_each_span_field_its_own_column(pair: tuple[Path, Path]) -> None:
    import csv
    import io

    done = runner.invoke(app, ["align", *map(str, pair), "--csv"])
    assert done.exit_code == 0, done.output
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert rows[2]["zh_text"] == "9000亿元" and rows[2]["en_text"] == "900 billion yuan" and rows[2]["en_start"] == str(EN.index("900 billion"))
    assert rows[2]["same"] == "True" and rows[2]["zh_unit"] == "CNY"
