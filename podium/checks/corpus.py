"""Checks over a stored corpus: figures repeated across briefings, and commitments settled by later
briefings. Briefings are read one at a time; only their comparable figures are kept."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from podium.checks import repeats
from podium.checks.commitments import deadlines_due, resolve_rows
from podium.model import Briefing, Finding, Quantity

if TYPE_CHECKING:
    from podium.store import Corpus


@dataclass
class CorpusFinding:
    """A finding on figures from two stored briefings (ids and sources in the same order as the
    finding's quantities, whose spans index each one's own briefing)."""

    briefings: tuple[str, str]
    sources: tuple[str, str]
    finding: Finding

    def to_dict(self) -> dict[str, Any]:
        return {"briefings": list(self.briefings), "sources": list(self.sources), **dataclasses.asdict(self.finding)}


def stored_briefings(corpus: Corpus) -> Iterator[tuple[str, Briefing]]:
    """Every stored briefing with its id, oldest first, read one at a time."""
    for ident in corpus.briefing_ids():
        found = corpus.briefing(ident)
        if found is not None:  # removed by another process since the ids were read
            yield ident, found


def repeated_across(briefings: Iterable[tuple[str, Briefing]]) -> list[CorpusFinding]:
    """The repeated-figure check across briefings given as (id, briefing), each dropped once its
    comparable figures are taken (a generator keeps one briefing's text in memory at a time)."""
    return [
        CorpusFinding(briefings=(a[0], b[0]), sources=(a[1], b[1]), finding=item)
        for a, b, item in repeats.across_pools(_pools(briefings))
    ]


def _pools(briefings: Iterable[tuple[str, Briefing]]) -> Iterator[tuple[tuple[str, str], str, list[tuple[Quantity, str]]]]:
    for ident, briefing in briefings:
        label, pool = (ident, briefing.source), repeats.pool(briefing)
        # A loop variable outlives the yield: drop the briefing before the next one is read.
        del briefing
        yield label, _name(*label), pool


def _name(ident: str, source: str) -> str:
    """How explanations name a stored briefing: its source, or its id when the source names no
    file ("<text>" for a transcript given as a string)."""
    return ident if source.startswith("<") and source.endswith(">") else source


def check_corpus(corpus: Corpus) -> list[CorpusFinding]:
    """Figures repeated across the stored briefings of `corpus`."""
    return repeated_across(stored_briefings(corpus))


def resolved_commitments(
    corpus: Corpus,
    *,
    briefing: str | None = None,
    speaker: str | None = None,
    status: str | None = None,
    ident: str | None = None,
) -> list[dict[str, Any]]:
    """Stored commitments, each settled against later briefings' actual figures. The status is
    worked out at read time (a later briefing can settle an old commitment), so `status` filters
    after resolving rather than in SQL."""
    rows = corpus.commitments(briefing=briefing, speaker=speaker, ident=ident)
    resolved = resolve_rows(rows, corpus.figures_due(deadlines_due(rows)))
    return [row for row in resolved if status is None or row["status"] == status]


__all__ = ["CorpusFinding", "check_corpus", "repeated_across", "resolved_commitments", "stored_briefings"]
