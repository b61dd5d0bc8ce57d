"""The stage registry: each stage is a named function that takes a Briefing and returns it with one
more layer filled in.

Stages register under a versioned name ("structure.v1"); a changed behaviour gets a new name
rather than an edit, so stored results can say which stage made them. The registry imports nothing
from the stage packages: a package registers its stages when it is imported, and `get` imports the
package of a default stage the first time that stage is asked for, so reading a file or running one
stage never loads the others."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from podium.errors import PodiumError
from podium.model import Briefing

Stage = Callable[[Briefing], Briefing]
STAGES: dict[str, Stage] = {}
# The package whose import registers each default stage.
PACKAGES: dict[str, str] = {
    "structure.v1": "podium.structure",
    "quantities.v1": "podium.quantities",
    "places.v1": "podium.quantities.places",
    "coverage.v1": "podium.coverage",
    "checks.v1": "podium.checks",
}
DEFAULT_STAGES: tuple[str, ...] = tuple(PACKAGES)


def stage(name: str) -> Callable[[Stage], Stage]:
    """Register the decorated function as the stage `name`."""

    def register(fn: Stage) -> Stage:
        STAGES[name] = fn
        return fn

    return register


def get(name: str) -> Stage:
    """The stage registered as `name`, importing its package first when it is a default stage."""
    if name not in STAGES and name in PACKAGES:
        import_module(PACKAGES[name])
    if name not in STAGES:
        raise PodiumError("E030", f"no stage {name!r}; the stages are {', '.join(sorted({*STAGES, *PACKAGES}))}")
    return STAGES[name]
