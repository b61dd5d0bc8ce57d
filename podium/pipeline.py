"""A briefing through its stages: `parse` reads a file (or takes a Document or a text) and runs
the stages registered in `podium.stages`, by default structure, quantities and checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from podium import stages as registry
from podium.ids import stamp_ids
from podium.model import Briefing
from podium.read import Document, read_path
from podium.stages import DEFAULT_STAGES


def briefing_from_document(doc: Document, *, date: str | None = None) -> Briefing:
    """The empty Briefing a Document starts as: text, source and what the reader knew."""
    import hashlib

    metadata = dict(doc.metadata)
    metadata["format"] = doc.format
    metadata["body_start"] = doc.body_start
    briefing = Briefing(
        source=doc.source,
        text=doc.text,
        title=doc.title,
        content_hash=hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
        metadata=metadata,
        warnings=list(doc.warnings),
    )
    if date:
        briefing.date, briefing.date_source = date, "override"
    elif doc.date:
        briefing.date, briefing.date_source = doc.date, "front_matter"
    return briefing


def run(
    briefing: Briefing, stages: Iterable[str] = DEFAULT_STAGES, *, on_stage: Callable[[str], None] | None = None
) -> Briefing:
    """The stages in order; then every figure, finding and commitment gets its stable id.
    `on_stage(name)` is called as each stage starts (a progress bar for a large file)."""
    for name in stages:
        if on_stage is not None:
            on_stage(name)
        briefing = registry.get(name)(briefing)
    return stamp_ids(briefing)


def pipe(docs: Iterable[Document], *, stages: Iterable[str] = DEFAULT_STAGES) -> Iterator[Briefing]:
    stages = tuple(stages)
    for doc in docs:
        yield run(briefing_from_document(doc), stages)


def parse(
    source: str | Path | Document,
    *,
    date: str | None = None,
    stages: Iterable[str] = DEFAULT_STAGES,
    on_stage: Callable[[str], None] | None = None,
) -> Briefing:
    """A path (or a Document, or a transcript's text) in, the full Briefing out.

    A `str` is taken as a path when it names an existing file and holds no newline; otherwise as
    the transcript's text itself."""
    if isinstance(source, Document):
        doc = source
    elif isinstance(source, Path) or ("\n" not in source and len(source) < 4096 and Path(source).is_file()):
        doc = read_path(source)
    else:
        doc = Document(text=source, source="<text>", format="text")
    return run(briefing_from_document(doc, date=date), stages, on_stage=on_stage)



# What a figures reading runs: the checks add nothing a mention record holds.
FIGURE_STAGES: tuple[str, ...] = ("structure.v1", "quantities.v1", "places.v1", "coverage.v1")


def parse_figures(source: Path | Document, *, on_stage: Callable[[str], None] | None = None) -> Briefing:
    """Structure, figures and coverage (the checks add nothing a mention record holds). Prose with
    no speaker label is one unlabelled turn, so every figure still stands in a turn."""
    return parse(source, stages=FIGURE_STAGES, on_stage=on_stage)
