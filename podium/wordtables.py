"""Reading the word tables in podium/data/ (YAML). Each stage's own loader shapes what it needs;
this module only knows where the files live, how a broken one is reported, and where a table
read once is kept."""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from podium.errors import PodiumError

# The word and unit tables ship inside the package, beside its modules.
DATA = Path(__file__).resolve().parent / "data"
# A table once read is kept here with the text it was read from, as Python keeps a module's
# bytecode in __pycache__ (and, like it, writes none under PYTHONDONTWRITEBYTECODE): a command
# reads its tables without YAML until a table is edited. Marshal's format is the interpreter's
# own, hence the interpreter's tag in the name.
KEPT = DATA / "__pycache__"
KEPT_SUFFIX = f".{sys.implementation.cache_tag}.marshal"


def load_yaml(text: str) -> Any:
    """Plain data from YAML text, with the fastest safe loader there is (word tables, front matter): the one YAML reader of podium."""
    import yaml

    # libyaml's loader reads the tables about eight times faster than the pure-Python one; both
    # build the same plain data, so the pure one is only the fallback where libyaml is absent.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader either way


@lru_cache(maxsize=None)
def read_table(name: str) -> dict[str, Any]:
    """The parsed YAML file `podium/data/<name>`; a missing or broken file is a PodiumError."""
    try:
        raw = (DATA / name).read_bytes()
    except OSError as exc:
        raise PodiumError("E005", f"cannot load the word table: {exc}", name) from None
    data = kept_table(KEPT / (name + KEPT_SUFFIX), raw)
    if data is None:
        data = parsed_table(raw, name)
        keep_table(KEPT / (name + KEPT_SUFFIX), raw, data)
    if not isinstance(data, dict):
        raise PodiumError("E005", "a word table must be a mapping of names to lists", name)
    return data


def parsed_table(raw: bytes, name: str) -> Any:
    """The YAML text `raw` of the table `name` as plain data; broken YAML is a PodiumError."""
    import yaml

    try:
        data = load_yaml(raw.decode("utf-8"))
    except yaml.YAMLError as exc:
        raise PodiumError("E005", f"cannot load the word table: {exc}", name) from None
    stray = next(entries_not_words(data), None)
    if stray is not None:
        place, entry = stray
        raise PodiumError("E005", f"{place} is read as {as_read(entry)}, not as a word: quote it", name)
    return data


def as_read(entry: Any) -> str:
    """What YAML made of an entry, with what the user may have typed to get it."""
    if entry is None:
        return "nothing (a bare ~ or null)"
    if isinstance(entry, bool):
        return "true (a bare yes, on or true)" if entry else "false (a bare no, off or false)"
    return f"a {'number' if isinstance(entry, (int, float)) else 'date'} ({entry})"


def entries_not_words(data: Any, place: str = "") -> Iterator[tuple[str, Any]]:
    """(where, value) of each entry YAML read as other than text where a table means words. YAML
    1.1 reads a bare no, yes, on, off, true, false as a boolean and ~ or null as nothing, which no
    list means; and a bare 12 or 2020-01-01 among words is a number or a date. Either way the word
    the editor typed would be matched as 'false' or never: a table saying so beats a word lost."""
    if isinstance(data, dict):
        yield from _strays(list(data), place, keys=True)
        for key, value in data.items():
            yield from entries_not_words(value, f"{place}/{key}" if place else str(key))
    elif isinstance(data, list):
        yield from _strays(data, place, keys=False)
        for index, value in enumerate(data):
            yield from entries_not_words(value, f"{place}, entry {index + 1}")


def _strays(entries: list[Any], place: str, *, keys: bool) -> Iterator[tuple[str, Any]]:
    """The scalars of one list (or one mapping's keys) that cannot be words meant: a boolean or
    nothing anywhere, a number or a date beside text. A list of numbers alone (months 1 to 6)
    means numbers."""
    words = any(isinstance(entry, str) for entry in entries)
    for index, entry in enumerate(entries):
        if isinstance(entry, (dict, list, str)):
            continue
        if entry is None or isinstance(entry, bool) or words:
            yield (f"a key of {place or 'the table'}" if keys else f"{place}, entry {index + 1}"), entry


def kept_table(kept: Path, raw: bytes) -> Any | None:
    """The table kept at `kept` if it was read from exactly the text `raw`; else None (never
    kept, edited since, or a kept file that cannot be read)."""
    try:
        source, data = marshal.loads(kept.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return data if source == raw else None


def keep_table(kept: Path, raw: bytes, data: Any) -> None:
    """Keep the table read from `raw` at `kept`, for the next command. Where the package cannot be
    written to (an installation owned by another user), the table holds a value marshal cannot
    keep (a YAML date) or bytecode is not to be written, nothing is kept and the table is read
    from its YAML each time."""
    if sys.dont_write_bytecode or sys.implementation.cache_tag is None:
        return
    try:
        payload = marshal.dumps((raw, data))
        kept.parent.mkdir(exist_ok=True)
        partial = kept.with_name(f"{kept.name}.{os.getpid()}")
        partial.write_bytes(payload)
        os.replace(partial, kept)  # whole or not at all: commands run side by side
    except (OSError, ValueError):
        return


def lowered(items: Iterable[Any]) -> tuple[str, ...]:
    """Words for case-blind matching."""
    return tuple(str(item).lower() for item in items)
