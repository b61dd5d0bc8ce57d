"""podium's build. The package is pure Python and runs as such everywhere; where the build has
mypyc (a build requirement, see pyproject.toml) and a C compiler, the modules a parse spends its
time in are compiled as well, as black and charset-normalizer are, which makes a parse about 1.5
times as fast (benchmarks/bench_quantities.py prints both). The Python source stays the
one truth: `PODIUM_PURE=1` at build time builds without compiling, and at run time imports the
source even where compiled modules exist.

Every other setting is in pyproject.toml."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent

# The modules a parse runs through, figure by figure and line by line. Not compiled: package
# __init__ modules (registries and lazy imports), patterns modules that compile regexes on first
# use through a module __getattr__, and everything after the parse (store, web, CLI).
COMPILED = [
    "podium/read/text.py",
    "podium/structure/dates.py",
    "podium/structure/exchanges.py",
    "podium/structure/furniture.py",
    "podium/structure/header.py",
    "podium/structure/labels.py",
    "podium/structure/lines.py",
    "podium/structure/meta.py",
    "podium/structure/roster.py",
    "podium/structure/turns.py",
    "podium/quantities/context.py",
    "podium/quantities/extract.py",
    "podium/quantities/kinds.py",
    "podium/quantities/modality.py",
    "podium/quantities/numbers.py",
    "podium/quantities/periods.py",
    "podium/quantities/scan.py",
    "podium/quantities/subjects.py",
    "podium/quantities/units.py",
    "podium/quantities/words.py",
    "podium/checks/commitments.py",
    "podium/checks/conversions.py",
    "podium/checks/derived.py",
    "podium/checks/enumerations.py",
    "podium/checks/plausibility.py",
    "podium/checks/repeats.py",
    "podium/checks/spans.py",
    "podium/checks/subjects.py",
    "podium/checks/text.py",
    "podium/checks/tolerance.py",
]


def compiled_extensions() -> list:
    if os.environ.get("PODIUM_PURE"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("podium: mypyc is not installed; building pure Python", file=sys.stderr)
        return []
    # The build runs from the project folder, where mypycify expects the paths.
    os.chdir(HERE)
    try:
        return mypycify([*COMPILED, "--ignore-missing-imports"], opt_level="3")
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - a mypyc that rejects the code: build pure
        print(f"podium: mypyc could not compile podium ({exc!r}); building pure Python", file=sys.stderr)
        return []


class OptionalBuildExt(build_ext):
    """A compile that fails (no C compiler, no Python headers) leaves podium pure Python rather
    than failing the install, with every half-built module removed: the compiled modules share
    one library, so they load all together or not at all."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # noqa: BLE001 - any failure means: install the pure package
            print(f"podium: compiling failed ({exc}); installing pure Python", file=sys.stderr)
            self._remove_outputs()
            return
        if self.extensions:
            self._write_record()

    def _write_record(self) -> None:
        """podium/_compiled.json: the digest of each compiled module's source, so that podium
        runs the source instead once a module is edited after the build (podium/_compiled.py)."""
        digests = {path: hashlib.sha256((HERE / path).read_bytes()).hexdigest() for path in COMPILED}
        text = json.dumps(digests, indent=1, sort_keys=True) + "\n"
        for root in {Path(self.build_lib), HERE} if self.inplace else {Path(self.build_lib)}:
            (root / "podium").mkdir(parents=True, exist_ok=True)
            (root / "podium" / "_compiled.json").write_text(text, encoding="utf-8")

    def _remove_outputs(self) -> None:
        for ext in self.extensions:
            for place in (self.get_ext_fullpath(ext.name), HERE / self.get_ext_filename(ext.name)):
                Path(place).unlink(missing_ok=True)


setup(ext_modules=compiled_extensions(), cmdclass={"build_ext": OptionalBuildExt})
