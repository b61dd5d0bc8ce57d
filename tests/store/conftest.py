"""Fixtures for the store tests: briefings built in code (invented speakers and figures, offsets
computed from the text they build), a fresh database path, and a parsed real corpus when
../shared is beside this checkout."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from podium.model import Briefing, Commitment, Exchange, Finding, Participant, Quantity, QuantityRef, Turn
from podium.store.cjk import has_cjk
from podium.store.db import register_functions


@dataclass
class Speech:
    speaker: str | None
    role: str
    text: str
    figures: list[dict[str, Any]] = field(default_factory=list)  # Quantity fields; "text" found in the speech


def build_briefing(
    source: str,
    speeches: list[Speech],
    *,
    title: str = "Briefing on the economy",
    date: str | None = "2024-01-15",
    organisation: str | None = "Statistics Office",
    series: str | None = None,
    series_number: int | None = None,
) -> Briefing:
    """A Briefing whose every span indexes its text, as the pipeline's do."""
    text = title + "\n\n"
    turns: list[Turn] = []
    quantities: list[Quantity] = []
    for number, speech in enumerate(speeches):
        label = f"{speech.speaker}:" if speech.speaker else None
        start = len(text)
        text += (label + "\n") if label else ""
        body_start = len(text)
        text += speech.text
        turns.append(Turn(number, speech.speaker, speech.role, start, len(text), body_start, speech.text, label))
        for figure in speech.figures:
            at = body_start + speech.text.index(figure["text"])
            quantities.append(
                Quantity(start=at, end=at + len(figure["text"]), turn=number, speaker=speech.speaker, **figure)
            )
        text += "\n\n"
    names = sorted({s.speaker for s in speeches if s.speaker})
    roles = {s.speaker: s.role for s in speeches}
    briefing = Briefing(
        source=source,
        text=text,
        title=title,
        date=date,
        date_source="front_matter" if date else None,
        organisation=organisation,
        series=series,
        series_number=series_number,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        metadata={"format": "text", "body_start": 0},
        participants=[Participant(name, roles[name], title="Spokesperson", aliases=[name.split()[-1]]) for name in names],
        turns=turns,
        quantities=quantities,
    )
    questions = [t.id for t in turns if t.role == "journalist"]
    answers = [t.id for t in turns if t.role == "official"]
    if questions and answers:
        asker = turns[questions[0]].speaker
        briefing.exchanges = [Exchange(0, asker, questions[:1], [turns[answers[0]].speaker or ""], answers[:1])]
    if len(quantities) >= 2:
        refs = [QuantityRef(q.start, q.end, q.text) for q in quantities[:2]]
        briefing.findings = [Finding("sum", "consistent", "the parts add up", refs, 0.01)]
    targets = [q for q in quantities if q.modality == "target"]
    briefing.commitments = [
        Commitment(q.subject, q.text, q.start, q.end, q.period or "2025", q.speaker, q.value, q.value_max, q.unit, q.qualifier)
        for q in targets
    ]
    return briefing


def economy_briefing(source: str = "economy.txt", *, date: str = "2024-01-15", extra: str = "") -> Briefing:
    """Three speakers, four figures of different kinds, a target among them."""
    return build_briefing(
        source,
        [
            Speech("Alex Moreno", "host", "Good afternoon. Today we discuss the economy and jobs." + extra),
            Speech(
                "Jordan Lee",
                "official",
                "Gross domestic product grew by 5.2 percent in the first quarter. Retail sales reached 120 billion yuan.",
                [
                    dict(text="5.2 percent", value=5.2, unit="percent", kind="growth", subject="GDP", period="2024-Q1"),
                    dict(text="120 billion yuan", value=1.2e11, unit="CNY", kind="level", subject="retail sales",
                         period="2024-Q1", normalized_value=1.2e11, normalized_unit="CNY"),
                ],
            ),
            Speech("Sam Carter", "journalist", "What is the unemployment target for next year?"),
            Speech(
                "Jordan Lee",
                "official",
                "We aim to keep the surveyed unemployment rate around 5.5 percent in 2025, and GDP growth of about 5 percent.",
                [
                    dict(text="5.5 percent", value=5.5, unit="percent", kind="level", subject="unemployment rate",
                         period="2025", modality="target", qualifier="approx"),
                    dict(text="5 percent", value=5.0, unit="percent", kind="growth", subject="GDP", period="2025",
                         modality="target", qualifier="approx"),
                ],
            ),
        ],
        date=date,
    )


def trade_briefing(source: str = "trade.txt") -> Briefing:
    """Another office, another date, no figures: for filters and sorting."""
    return build_briefing(
        source,
        [
            Speech("Riley Quinn", "official", "Exports of machinery rose sharply while imports held steady."),
            Speech("Casey Wong", "journalist", "Will the unemployment situation improve with exports?"),
            Speech("Riley Quinn", "official", "Jobs in export industries have grown, and we expect that to continue."),
        ],
        title="Press conference on foreign trade",
        date="2023-06-30",
        organisation="Trade Ministry",
        series="Trade Matters",
        series_number=3,
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "corpus.db"


@pytest.fixture
def economy() -> Briefing:
    return economy_briefing()


@pytest.fixture
def trade() -> Briefing:
    return trade_briefing()


@pytest.fixture
def briefing_factory() -> Callable[..., Briefing]:
    return economy_briefing


@dataclass
class Filled:
    db: Path
    economy: Briefing
    trade: Briefing
    economy_id: str
    trade_id: str


@pytest.fixture
def filled(db: Path, economy: Briefing, trade: Briefing) -> Filled:
    """A database holding the economy and trade briefings."""
    from podium.store import Corpus

    with Corpus(db) as corpus:
        economy_id, trade_id = corpus.add(economy), corpus.add(trade)
    return Filled(db, economy, trade, economy_id, trade_id)


def assert_whole(db: Path) -> int:
    """The database is sound: SQLite's own checks pass, the full-text index agrees with the turns,
    no row is orphaned, and each briefing holds exactly the rows its counts promise. The number
    of briefings."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.execute("INSERT INTO turns_fts (turns_fts, rank) VALUES ('integrity-check', 1)")  # raises when they disagree
        mismatched = conn.execute(
            "SELECT id FROM briefings AS b WHERE n_turns != (SELECT count(*) FROM turns WHERE briefing_id = b.id)"
            " OR n_figures != (SELECT count(*) FROM quantities WHERE briefing_id = b.id)"
            " OR n_exchanges != (SELECT count(*) FROM exchanges WHERE briefing_id = b.id)"
        ).fetchall()
        assert mismatched == []
        cjk_turns = {rowid for rowid, text in conn.execute("SELECT rowid, text FROM turns") if has_cjk(text)}
        # The CJK index keeps no text (it reads the view turns_cjk_text): the turns it holds are
        # its docsize rows, and FTS5 checks its entries against the view's text.
        assert {r[0] for r in conn.execute("SELECT id FROM turns_cjk_docsize")} == cjk_turns
        register_functions(conn)
        conn.execute("INSERT INTO turns_cjk (turns_cjk, rank) VALUES ('integrity-check', 1)")
        return conn.execute("SELECT count(*) FROM briefings").fetchone()[0]


TRANSCRIPT = """Press briefing on farm output, number {n}

Ana Ruiz:

Good morning. Grain output rose by {n}.5 percent this year, reaching {tons} million tons.

Ben Okoro:

What is the target for next year, after briefing {n}?

Ana Ruiz:

We aim for growth of about 2 percent in 2025.
"""


def transcript(n: int) -> str:
    """An invented transcript; each n gives different text (so a different content hash)."""
    return TRANSCRIPT.format(n=n, tons=100 + n)


def write_transcripts(folder: Path, count: int, *, start: int = 0, suffix: str = ".txt") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"briefing-{n:05d}{suffix}"
        path.write_text(transcript(n), encoding="utf-8")
        paths.append(path)
    return paths
