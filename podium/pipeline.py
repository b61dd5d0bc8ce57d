"""Stages as named functions: each takes a Briefing and returns it with one more layer filled in.

Stages register under a versioned name ("structure.v1"); a changed behaviour gets a new name
rather than an edit, so stored results can say which stage made them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from podium.model import Briefing
from podium.read import Document, read_path

Stage = Callable[[Briefing], Briefing]
STAGES: dict[str, Stage] = {}
DEFAULT_STAGES: tuple[str, ...] = ("structure.v1", "quantities.v1", "coverage.v1", "checks.v1")


def stage(name: str) -> Callable[[Stage], Stage]:
    def register(fn: Stage) -> Stage:
        STAGES[name] = fn
        return fn

    return register


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


def run(briefing: Briefing, stages: Iterable[str] = DEFAULT_STAGES) -> Briefing:
    _load_stages()
    for name in stages:
        briefing = STAGES[name](briefing)
    return briefing


def pipe(docs: Iterable[Document], *, stages: Iterable[str] = DEFAULT_STAGES) -> Iterator[Briefing]:
    stages = tuple(stages)
    for doc in docs:
        yield run(briefing_from_document(doc), stages)


def parse(
    source: str | Path | Document,
    *,
    date: str | None = None,
    stages: Iterable[str] = DEFAULT_STAGES,
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
    return run(briefing_from_document(doc, date=date), stages)


def _load_stages() -> None:
    # Importing the packages registers their stages; done lazily so `podium.read` stays light.
    # Checked per stage: importing one package (podium.structure) must not hide the others.
    if not STAGES.keys() >= set(DEFAULT_STAGES):
        import podium.checks  # noqa: F401
        import podium.coverage  # noqa: F401
        import podium.quantities  # noqa: F401
        import podium.structure  # noqa: F401
