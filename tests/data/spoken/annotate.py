"""Write NAME.quantities.jsonl from the hand annotation NAME.spec beside each excerpt.

The offsets are found by searching the excerpt for each mention's text in order (never typed by
hand): each mention is looked for after the previous one; `at=` names a longer stretch of text
that holds the mention when the first occurrence is not the one meant.

Spec lines: text | value | unit | qualifier | kind | subject | period | modality [| max=V] [| at=TEXT]
qualifier: e, a, min, max (exact, approx, min, max); modality: act, tgt, fc (actual, target, forecast).

Run: python tests/data/spoken/annotate.py [DIR]   (DIR: a batch folder such as batch2; default this folder)"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUALIFIERS = {"e": "exact", "a": "approx", "min": "min", "max": "max"}
MODALITIES = {"act": "actual", "tgt": "target", "fc": "forecast"}
KINDS = {"level", "change", "growth", "share", "rank", "ratio", "duration"}


def number(text: str) -> float | int:
    value = float(text)
    return int(value) if value.is_integer() and "." not in text and "e" not in text.lower() else value


def mentions(spec: Path, text: str) -> list[dict]:
    records, cursor = [], 0
    for line_no, line in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        mention, value, unit, qual, kind, subject, period, modality, *extra = parts
        options = dict(e.split("=", 1) for e in extra)
        where = f"{spec.name}:{line_no}"
        if kind not in KINDS:
            sys.exit(f"{where}: kind {kind!r}")
        if "at" in options:
            anchor = text.find(options["at"], cursor)
            if anchor < 0:
                sys.exit(f"{where}: anchor {options['at']!r} not found after {cursor}")
            start = text.find(mention, anchor, anchor + len(options["at"]))
        else:
            start = text.find(mention, cursor)
        if start < 0:
            sys.exit(f"{where}: {mention!r} not found after {cursor}")
        end = start + len(mention)
        record = {"text": mention, "start": start, "end": end, "value": number(value)}
        if "max" in options:
            record["value_max"] = number(options["max"])
        record.update(unit=unit, qualifier=QUALIFIERS[qual], kind=kind, subject=subject, period=period,
                      modality=MODALITIES[modality])
        records.append(record)
        cursor = end
    return records


def main() -> None:
    total = 0
    folder = HERE / sys.argv[1] if len(sys.argv) > 1 else HERE
    for spec in sorted(folder.glob("*.spec")):
        transcript = spec.with_suffix(".txt")
        text = transcript.read_text(encoding="utf-8")
        records = mentions(spec, text)
        for r in records:
            assert text[r["start"]:r["end"]] == r["text"]
        out = spec.with_suffix(".quantities.jsonl")
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        total += len(records)
        print(f"{out.name}: {len(records)}")
    print(f"total: {total}")


if __name__ == "__main__":
    main()
