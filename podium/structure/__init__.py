"""structure stage (being built)."""

from podium.model import Briefing
from podium.pipeline import stage


@stage("structure.v1")
def run_structure(briefing: Briefing) -> Briefing:
    return briefing
