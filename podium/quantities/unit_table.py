"""Builds podium/data/unit_factors.json from the pint definition files (podium/data/units_*.txt).

Parsing goes through pint at build time only: importing pint and building a registry costs more
than a whole parse, so the conversions a parse needs are precomputed here and read at run time as
plain JSON. `tests/quantities/test_unit_table.py` checks the JSON is fresh; after editing a
definitions file run:

    python -m podium.quantities.unit_table
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pint

from podium.errors import PodiumError
from podium.quantities.units import TABLE_FILE
from podium.wordtables import DATA

DEFINITION_FILES: tuple[str, ...] = ("units_en.txt", "units_zh.txt")


def build_registry() -> pint.UnitRegistry:
    """A registry of podium's definition files only (not pint's defaults), so every name it
    knows is one podium chose."""
    reg: pint.UnitRegistry = pint.UnitRegistry(None, autoconvert_offset_to_baseunit=False)
    for name in DEFINITION_FILES:
        try:
            reg.load_definitions(str(DATA / name))
        except (OSError, pint.errors.DefinitionSyntaxError, pint.errors.RedefinitionError) as exc:
            raise PodiumError("E005", f"cannot load unit definitions: {exc}", name) from None
    return reg


def build_table() -> dict[str, Any]:
    """For each unit name pint knows from podium's files: its dimension and how many of that
    dimension's root unit one of it is. Two units convert when their dimensions are equal."""
    reg = build_registry()
    units: dict[str, dict[str, Any]] = {}
    for name in sorted(_defined_names(reg)):
        root = reg.Quantity(1.0, name).to_root_units()
        units[name] = {"dimension": str(root.dimensionality), "to_root": float(root.magnitude)}
    return {"generated_from": list(DEFINITION_FILES), "units": units}


def _defined_names(reg: pint.UnitRegistry) -> set[str]:
    names: set[str] = set()
    for name in reg._units:  # every name, symbol and alias the definition files declared
        try:
            reg.parse_units(name)
        except (pint.errors.UndefinedUnitError, ValueError, AssertionError):
            continue  # pint lists some internal entries it will not parse back
        names.add(name)
    return names


def render(table: dict[str, Any]) -> str:
    return json.dumps(table, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write(path: Path | None = None) -> Path:
    target = path or DATA / TABLE_FILE
    target.write_text(render(build_table()), encoding="utf-8")
    return target


if __name__ == "__main__":
    print(write())
