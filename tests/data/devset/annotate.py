"""Turn the hand-written annotation specs in gold_specs_*.py into structure gold with offsets.

A spec lists each turn in reading order as (anchor, speaker, role, label_len): the anchor is searched
for after the previous turn, so offsets are computed, never counted by hand. label_len is the length of
the speaker label at the anchor (the anchor may run on past the label to make it unique), or None for a
turn that has no label, whose start is then the first character of its speech.

Run: python tests/data/devset/annotate.py tests/data/devset/gold_specs_batch1.py
It writes tests/data/devset/gold/NAME.structure.json for every spec in the file.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load_specs(path: Path) -> dict:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SPECS


def locate(text: str, name: str, turns: list) -> list[dict]:
    out, pos = [], 0
    for anchor, speaker, role, label_len in turns:
        at = text.find(anchor, pos)
        if at < 0:
            raise SystemExit(f"{name}: anchor {anchor!r} not found after offset {pos}")
        turn: dict = {"speaker": speaker, "role": role, "start": at}
        if label_len is None:
            turn["label"] = None
        else:
            turn["label"] = anchor[:label_len]
            turn["end"] = at + label_len
        out.append(turn)
        pos = at + max(len(anchor), 1)
    return out


def locate_spans(text: str, name: str, spans: list) -> list[dict]:
    out = []
    for span, why in spans:
        at = text.find(span)
        if at < 0:
            raise SystemExit(f"{name}: not-turn span {span!r} not found")
        out.append({"text": span, "start": at, "end": at + len(span), "why": why})
    return out


def main(spec_path: str) -> None:
    specs = load_specs(Path(spec_path))
    gold_dir = HERE / "gold"
    gold_dir.mkdir(exist_ok=True)
    for name, spec in specs.items():
        text = (HERE / f"{name}.txt").read_text(encoding="utf-8")
        gold = {
            "file": f"tests/data/devset/{name}.txt",
            "batch": spec["batch"],
            "date": spec.get("date"),
            "language": spec["language"],
            "layout": spec["layout"],
            "note": spec.get("note", ""),
            "turns": locate(text, name, spec["turns"]),
            "exchanges": spec["exchanges"],
            "not_turns": locate_spans(text, name, spec.get("not_turns", [])),
        }
        (gold_dir / f"{name}.structure.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(f"{name}: {len(gold['turns'])} turns, {gold['exchanges']} exchanges")


if __name__ == "__main__":
    main(sys.argv[1])
