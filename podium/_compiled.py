"""Whether podium runs its compiled modules or their Python source.

Where the build could, setup.py compiled the modules a parse spends its time in with mypyc and
put each beside its source, with a record (`RECORD`) of the source each was compiled from.
Python imports a compiled module before its source, so this module, imported before any other
podium module, makes it import the source instead when:

- `PODIUM_PURE` is set in the environment (to compare, or to debug in Python), or
- any compiled module's source differs from the one recorded (edited since the last build).

The compiled modules call one another directly rather than through their modules, so one stale
module means they all run as source. `COMPILED` tells which way this process runs."""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

PACKAGE = Path(__file__).resolve().parent
RECORD = PACKAGE / "_compiled.json"
PURE_VARIABLE = "PODIUM_PURE"


def source_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def compiled_sources(package: Path = PACKAGE) -> dict[str, Path]:
    """Module name -> source file, for every module that has a compiled file beside its source."""
    found: dict[str, Path] = {}
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    for folder, _dirs, files in os.walk(package):
        for name in files:
            suffix = next((s for s in suffixes if name.endswith(s)), None)
            if suffix is None:
                continue
            source = Path(folder, name[: -len(suffix)] + ".py")
            if source.is_file():
                parts = source.relative_to(package.parent).with_suffix("").parts
                found[".".join(parts)] = source
    return found


def stale_sources(sources: dict[str, Path], record: Path = RECORD) -> list[str]:
    """The modules whose source is not the one `record` says they were compiled from (all of
    them where there is no readable record)."""
    try:
        digests = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return sorted(sources)
    package_root = record.parent.parent
    return sorted(
        name for name, source in sources.items()
        if digests.get(source.relative_to(package_root).as_posix()) != source_digest(source)
    )  # fmt: skip


class SourceFirst(MetaPathFinder):
    """Finds the Python source of the given modules ahead of their compiled files."""

    def __init__(self, sources: dict[str, Path]) -> None:
        self.sources = sources

    def find_spec(self, fullname: str, path: object = None, target: ModuleType | None = None) -> ModuleSpec | None:
        source = self.sources.get(fullname)
        return importlib.util.spec_from_file_location(fullname, source) if source is not None else None


def choose() -> bool:
    """Set up this process's imports; True where the compiled modules will run."""
    sources = compiled_sources()
    if not sources:
        return False
    if not os.environ.get(PURE_VARIABLE):
        stale = stale_sources(sources)
        if not stale:
            return True
        listed = ", ".join(stale[:3]) + (" ..." if len(stale) > 3 else "")
        warnings.warn(
            f"podium: {listed} changed since podium was compiled; running the Python source "
            "(rebuild with `make` or `pip install -e .`)",
            RuntimeWarning,
            stacklevel=2,
        )
    sys.meta_path.insert(0, SourceFirst(sources))
    return False


COMPILED = choose()
