"""Structure: header, roster, speaker labels, turns, roles, exchanges, date and series of a
transcript. The stage "structure.v1" is `podium.structure.stage.run_structure`."""

from podium.structure.stage import run_structure

__all__ = ["run_structure"]
