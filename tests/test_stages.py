"""The stage registry: stages by name, each package imported only when one of its stages runs."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from podium import stages
from podium.errors import PodiumError
from podium.pipeline import parse
from tests.conftest import EXAMPLE


def modules_after(code: str) -> set[str]:
    """The podium packages a fresh interpreter holds after running `code`."""
    probe = code + "\nimport json, sys; print(json.dumps(sorted(m for m in sys.modules if m.startswith('podium'))))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_one_stage_imports_only_its_own_package() -> None:
    loaded = modules_after(f"from podium.pipeline import parse; parse({str(EXAMPLE)!r}, stages=('quantities.v1',))")
    assert "podium.quantities" in loaded
    assert "podium.structure" not in loaded and "podium.checks" not in loaded


def test_the_registry_imports_no_stage_package() -> None:
    loaded = modules_after("import podium.stages")
    assert "podium.stages" in loaded
    assert not loaded & {"podium.structure", "podium.quantities", "podium.checks"}


def test_default_stages_come_from_their_packages() -> None:
    assert stages.get("structure.v1").__module__ == "podium.structure.stage"
    assert stages.get("quantities.v1").__module__ == "podium.quantities"
    assert stages.get("checks.v1").__module__ == "podium.checks"


def test_an_unknown_stage_is_a_clear_error() -> None:
    with pytest.raises(PodiumError) as caught:
        parse(str(EXAMPLE), stages=("structure.v9",))
    assert caught.value.code == "E030" and "structure.v9" in caught.value.message and "structure.v1" in caught.value.message


def test_a_registered_stage_runs_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(stages.STAGES, "title.v1", lambda briefing: briefing)
    stages.stage("title.v1")(lambda briefing: setattr(briefing, "title", "set by a stage") or briefing)
    assert parse(str(EXAMPLE), stages=("title.v1",)).title == "set by a stage"
