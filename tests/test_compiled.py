"""The compiled build (setup.py, podium/_compiled.py): it must print what the Python source
prints, and an edited module must run from its source rather than from a stale compiled file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import podium._compiled as compiled
from tests.conftest import CORPUS

EXAMPLE = compiled.PACKAGE / "examples" / "example-briefing.txt"
XINJIANG = CORPUS / "scio-2024-05-21-xinjiang.txt"

_PARSE_TO_JSON = (
    "import json, sys, podium, podium._compiled as c, podium.quantities.subjects as s\n"
    "out = {'compiled': c.COMPILED, 'module': s.__file__, 'briefings': [podium.parse(p).to_dict() for p in sys.argv[1:]]}\n"
    "print(json.dumps(out, sort_keys=True))\n"
)


def _parse_in_child(paths: list[Path], *, pure: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k != compiled.PURE_VARIABLE}
    if pure:
        env[compiled.PURE_VARIABLE] = "1"
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", _PARSE_TO_JSON, *map(str, paths)],
        env=env, capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    return json.loads(done.stdout)


def test_pure_variable_imports_the_source() -> None:
    child = _parse_in_child([EXAMPLE], pure=True)
    assert child["compiled"] is False
    assert child["module"].endswith("subjects.py")


@pytest.mark.skipif(not compiled.COMPILED, reason="podium runs its Python source here (not compiled, or edited since)")
def test_compiled_and_pure_runs_print_the_same_json() -> None:
    paths = [EXAMPLE, *([XINJIANG] if XINJIANG.is_file() else [])]
    fast, pure = _parse_in_child(paths, pure=False), _parse_in_child(paths, pure=True)
    assert fast["compiled"] is True and not fast["module"].endswith(".py")
    assert fast["briefings"] == pure["briefings"]
    assert sum(len(b["quantities"]) for b in fast["briefings"]) > 0


def _fake_build(root: Path) -> tuple[Path, Path]:
    """A package with one module "compiled" (a file with an extension suffix) and its record."""
    package = root / "pkg"
    (package / "sub").mkdir(parents=True)
    source = package / "sub" / "mod.py"
    source.write_text("X = 1\n")
    suffix = compiled.importlib.machinery.EXTENSION_SUFFIXES[0]
    (package / "sub" / f"mod{suffix}").write_bytes(b"")
    (package / "sub" / "plain.py").write_text("Y = 2\n")  # no compiled file: not listed
    record = package / "_compiled.json"
    record.write_text(json.dumps({"pkg/sub/mod.py": compiled.source_digest(source)}))
    return package, record


def test_compiled_sources_lists_modules_with_a_compiled_file(tmp_path: Path) -> None:
    package, _record = _fake_build(tmp_path)
    assert compiled.compiled_sources(package) == {"pkg.sub.mod": package / "sub" / "mod.py"}


def test_an_edited_module_is_stale(tmp_path: Path) -> None:
    package, record = _fake_build(tmp_path)
    sources = compiled.compiled_sources(package)
    assert compiled.stale_sources(sources, record) == []
    (package / "sub" / "mod.py").write_text("X = 2\n")
    assert compiled.stale_sources(sources, record) == ["pkg.sub.mod"]


def test_without_a_record_every_compiled_module_is_stale(tmp_path: Path) -> None:
    package, record = _fake_build(tmp_path)
    record.unlink()
    assert compiled.stale_sources(compiled.compiled_sources(package), record) == ["pkg.sub.mod"]


def test_source_first_finder_imports_the_source(tmp_path: Path) -> None:
    package, _record = _fake_build(tmp_path)
    finder = compiled.SourceFirst(compiled.compiled_sources(package))
    spec = finder.find_spec("pkg.sub.mod")
    assert spec is not None and spec.origin == str(package / "sub" / "mod.py")
    assert finder.find_spec("pkg.sub.plain") is None


def test_compiled_modules_type_check() -> None:
    """mypyc compiles only code mypy accepts, and setup.py falls back to pure Python otherwise: a
    type error would quietly cost the compiled speed, so it fails here first."""
    api = pytest.importorskip("mypy.api", reason="mypy is not installed (pip install -e '.[test]')")
    setup_text = (compiled.PACKAGE.parent / "setup.py").read_text(encoding="utf-8")
    modules = [line.strip().strip('",') for line in setup_text.splitlines() if line.strip().startswith('"podium/')]
    assert len(modules) >= 20
    out, err, status = api.run(["--ignore-missing-imports", "--no-incremental", *(str(compiled.PACKAGE.parent / m) for m in modules)])
    assert status == 0, out + err
