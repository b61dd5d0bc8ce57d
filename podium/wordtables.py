"""Reading the word tables in podium/data/ (YAML). Each stage's own loader shapes what it needs;
this module only knows where the files live and how a broken one is reported."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from podium.errors import PodiumError

# libyaml's loader reads the tables about eight times faster than the pure-Python one; both
# build the same plain data, so the pure one is only the fallback where libyaml is absent.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# The word and unit tables ship inside the package, beside its modules.
DATA = Path(__file__).resolve().parent / "data"


def load_yaml(text: str) -> Any:
    """Plain data from YAML text, with the fastest safe loader there is (word tables, front matter): the one YAML reader of podium."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader either way


@lru_cache(maxsize=None)
def read_table(name: str) -> dict[str, Any]:
    """The parsed YAML file `podium/data/<name>`; a missing or broken file is a PodiumError."""
    try:
        raw = (DATA / name).read_text(encoding="utf-8")
        data = load_yaml(raw)
    except (OSError, yaml.YAMLError) as exc:
        raise PodiumError("E005", f"cannot load the word table: {exc}", name) from None
    if not isinstance(data, dict):
        raise PodiumError("E005", "a word table must be a mapping of names to lists", name)
    return data


def lowered(items: Iterable[Any]) -> tuple[str, ...]:
    """Words for case-blind matching."""
    return tuple(str(item).lower() for item in items)
