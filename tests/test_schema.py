"""schema/briefing.schema.json is what the data model generates (regenerate: `podium schema -o ...`)."""

from __future__ import annotations

import json
from pathlib import Path

from podium.cli.briefing import schema_text
from podium.model import SCHEMA_VERSION, Briefing, json_schema

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema" / "briefing.schema.json"


def test_schema_file_is_fresh() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "schema/briefing.schema.json is stale: run `podium schema -o schema/briefing.schema.json`"
    )


def test_schema_file_names_its_version() -> None:
    data = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert data["version"] == SCHEMA_VERSION
    assert data == json_schema()


def test_a_parsed_briefing_has_exactly_the_schema_fields() -> None:
    from podium import parse

    briefing = parse("Bai Lan:\n\nWelcome to this press conference.\n", stages=["structure.v1"])
    data = briefing.to_dict()
    schema = json_schema()
    assert set(data) == set(schema["properties"])
    turn_fields = set(schema["$defs"]["Turn"]["properties"])
    assert all(set(turn) == turn_fields for turn in data["turns"])
    assert Briefing.from_dict(data).turns == briefing.turns
