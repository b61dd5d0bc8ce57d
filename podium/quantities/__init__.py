"""quantities stage (being built)."""

from podium.model import Briefing
from podium.pipeline import stage


@stage("quantities.v1")
def run_quantities(briefing: Briefing) -> Briefing:
    return briefing
