"""A Briefing as table rows and back: the one place that knows how model fields map to columns."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime, timezone
from typing import Any

from podium.errors import PodiumError
from podium.ids import BRIEFING_ID_LENGTH, briefing_id_of, spans_json, stamp_ids
from podium.model import Briefing, Caveat, Commitment, Exchange, Finding, Participant, Quantity, QuantityRef, Turn
from podium.store import cjk

ID_LENGTH = BRIEFING_ID_LENGTH

INSERT = {
    "briefings": (
        "INSERT INTO briefings (id, content_hash, source, title, date, date_source, inferred_year, year_evidence,"
        " series, series_number, organisation, n_turns, n_exchanges, n_figures, schema_version, metadata,"
        " ingested_at, text, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    ),
    "participants": "INSERT INTO participants VALUES (?, ?, ?, ?, ?, ?, ?)",
    # A turn's text is stored once, in its briefing's text (the `turns` view cuts it out).
    "turns": (
        'INSERT INTO turn_spans (briefing_id, turn_id, speaker, role, label, start, "end", body_start)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    ),
    "exchanges": "INSERT INTO exchanges VALUES (?, ?, ?, ?, ?, ?)",
    "quantities": (
        'INSERT INTO quantities (briefing_id, position, text, start, "end", value, value_max, unit, qualifier,'
        " kind, subject, period, period_inferred, modality, turn_id, speaker, normalized_value, normalized_unit, id,"
        " place, place_source, entity, direction)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    ),
    "findings": (
        "INSERT INTO findings (briefing_id, position, check_name, verdict, explanation, tolerance, quantities, id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    ),
    "commitments": (
        'INSERT INTO commitments (briefing_id, position, subject, text, start, "end", deadline, speaker, value,'
        " value_max, unit, qualifier, modality, status, briefing_ref, id, place)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    ),
}


def content_hash(briefing: Briefing) -> str:
    return briefing.content_hash or hashlib.sha256(briefing.text.encode("utf-8")).hexdigest()


def briefing_id(briefing: Briefing) -> str:
    return briefing_id_of(briefing)


def write(conn: sqlite3.Connection, briefing: Briefing, ident: str) -> None:
    """Insert every row of one briefing; the caller holds the transaction."""
    stamp_ids(briefing)  # a briefing built without the pipeline gets its ids here
    check_turn_spans(briefing)
    conn.execute(INSERT["briefings"], briefing_row(briefing, ident))
    for table, rows in child_rows(briefing, ident).items():
        if table == "turns":
            rows = [row[:-1] for row in rows]  # all but the text, which briefings.text holds
        if rows:
            conn.executemany(INSERT[table], rows)
    if any(cjk.has_cjk(t.text) for t in briefing.turns):
        index_cjk(conn, ident)


def check_turn_spans(briefing: Briefing) -> None:
    """Every turn's text is its span of the briefing's text; a turn that is not could not be
    stored as a span without losing what it says, so it is refused, naming the file."""
    for t in briefing.turns:
        if briefing.text[t.body_start : t.end] != t.text:
            raise PodiumError(
                "E005", f"turn {t.id}'s text is not its span {t.body_start}-{t.end} of the text, a bug worth reporting",
                briefing.source,
            )


def index_cjk(conn: sqlite3.Connection, ident: str) -> None:
    """Add the briefing's turns that hold CJK characters to the character-level index."""
    conn.executemany("INSERT INTO turns_cjk (rowid, text) VALUES (?, ?)", _cjk_turns(conn, ident))


def unindex_cjk(conn: sqlite3.Connection, ident: str) -> None:
    """Take the briefing's turns out of the CJK index, while their text is still stored: the index
    keeps no copy (its content is the view turns_cjk_text), so FTS5 is given the text it indexed."""
    conn.executemany("INSERT INTO turns_cjk (turns_cjk, rowid, text) VALUES ('delete', ?, ?)", _cjk_turns(conn, ident))


def _cjk_turns(conn: sqlite3.Connection, ident: str) -> list[tuple[int, str]]:
    """(rowid, spaced text) of the briefing's turns that hold CJK characters, as turns_cjk indexes them."""
    turns = conn.execute("SELECT rowid, text FROM turns WHERE briefing_id = ?", (ident,)).fetchall()
    return [(rowid, cjk.spaced(text)) for rowid, text in turns if cjk.has_cjk(text)]


def briefing_row(briefing: Briefing, ident: str) -> tuple[Any, ...]:
    return (
        ident,
        content_hash(briefing),
        briefing.source,
        briefing.title,
        briefing.date,
        briefing.date_source,
        briefing.inferred_year,
        briefing.year_evidence,
        briefing.series,
        briefing.series_number,
        briefing.organisation,
        len(briefing.turns),
        len(briefing.exchanges),
        len(briefing.quantities),
        briefing.schema_version,
        _json(briefing.metadata),
        datetime.now(timezone.utc).isoformat(timespec="seconds"),
        briefing.text,
        _json([vars(w) for w in briefing.warnings]),
    )


def child_rows(briefing: Briefing, ident: str) -> dict[str, list[tuple[Any, ...]]]:
    return {
        "participants": [
            (ident, i, p.name, p.role, p.title, p.outlet, _json(p.aliases)) for i, p in enumerate(briefing.participants)
        ],
        "turns": [
            (ident, t.id, t.speaker, t.role, t.label, t.start, t.end, t.body_start, t.text) for t in briefing.turns
        ],
        "exchanges": [
            (ident, e.id, e.asked_by, _json(e.answered_by), _json(e.question_turns), _json(e.answer_turns))
            for e in briefing.exchanges
        ],
        "quantities": [quantity_row(ident, i, q) for i, q in enumerate(briefing.quantities)],
        "findings": [
            (ident, i, f.check, f.verdict, f.explanation, f.tolerance, spans_json(f), f.id)
            for i, f in enumerate(briefing.findings)
        ],
        "commitments": [commitment_row(ident, i, c) for i, c in enumerate(briefing.commitments)],
    }


def quantity_row(ident: str, position: int, q: Quantity) -> tuple[Any, ...]:
    return (
        ident,
        position,
        q.text,
        q.start,
        q.end,
        float(q.value),
        _float(q.value_max),
        q.unit,
        q.qualifier,
        q.kind,
        q.subject or "",
        q.period or "",
        int(q.period_inferred),
        q.modality,
        q.turn,
        q.speaker,
        _float(q.normalized_value),
        q.normalized_unit,
        q.id,
        q.place,
        q.place_source,
        q.entity,
        q.direction,
    )


def commitment_row(ident: str, position: int, c: Commitment) -> tuple[Any, ...]:
    return (
        ident,
        position,
        c.subject,
        c.text,
        c.start,
        c.end,
        c.deadline,
        c.speaker,
        _float(c.value),
        _float(c.value_max),
        c.unit,
        c.qualifier,
        c.modality,
        c.status,
        c.briefing,
        c.id,
        c.place,
    )


# --- back to the model ------------------------------------------------------------------------


def read(conn: sqlite3.Connection, ident: str) -> Briefing | None:
    row = conn.execute("SELECT * FROM briefings WHERE id = ?", (ident,)).fetchone()
    if row is None:
        return None
    return Briefing(
        source=row["source"],
        text=row["text"],
        title=row["title"],
        date=row["date"],
        date_source=row["date_source"],
        inferred_year=row["inferred_year"],
        year_evidence=row["year_evidence"],
        series=row["series"],
        series_number=row["series_number"],
        organisation=row["organisation"],
        content_hash=row["content_hash"],
        metadata=json.loads(row["metadata"]),
        participants=[participant(r) for r in _children(conn, "participants", ident, "position")],
        turns=[turn(r) for r in _children(conn, "turns", ident, "turn_id")],
        exchanges=[exchange(r) for r in _children(conn, "exchanges", ident, "exchange_id")],
        quantities=[quantity(r) for r in _children(conn, "quantities", ident, "position")],
        findings=[finding(r) for r in _children(conn, "findings", ident, "position")],
        commitments=[commitment(r) for r in _children(conn, "commitments", ident, "position")],
        warnings=[Caveat(**w) for w in json.loads(row["warnings"])],
        schema_version=row["schema_version"],
    )


def _children(conn: sqlite3.Connection, table: str, ident: str, order: str) -> list[sqlite3.Row]:
    # table and order come from the fixed calls above, never from a user.
    return conn.execute(f"SELECT * FROM {table} WHERE briefing_id = ? ORDER BY {order}", (ident,)).fetchall()


def participant(r: sqlite3.Row) -> Participant:
    return Participant(r["name"], r["role"], r["title"], r["outlet"], json.loads(r["aliases"]))


def turn(r: sqlite3.Row) -> Turn:
    return Turn(r["turn_id"], r["speaker"], r["role"], r["start"], r["end"], r["body_start"], r["text"], r["label"])


def exchange(r: sqlite3.Row) -> Exchange:
    return Exchange(
        r["exchange_id"],
        r["asked_by"],
        json.loads(r["question_turns"]),
        json.loads(r["answered_by"]),
        json.loads(r["answer_turns"]),
    )


def quantity(r: sqlite3.Row) -> Quantity:
    return Quantity(
        text=r["text"],
        start=r["start"],
        end=r["end"],
        value=r["value"],
        unit=r["unit"],
        value_max=r["value_max"],
        qualifier=r["qualifier"],
        kind=r["kind"],
        subject=r["subject"],
        period=r["period"],
        modality=r["modality"],
        turn=r["turn_id"],
        speaker=r["speaker"],
        normalized_value=r["normalized_value"],
        normalized_unit=r["normalized_unit"],
        period_inferred=bool(r["period_inferred"]),
        id=r["id"] or "",
        place=r["place"],
        place_source=r["place_source"],
        entity=r["entity"],
        direction=r["direction"],
    )


def finding(r: sqlite3.Row) -> Finding:
    refs = [QuantityRef(**ref) for ref in json.loads(r["quantities"])]
    return Finding(r["check_name"], r["verdict"], r["explanation"], refs, r["tolerance"], r["id"] or "")


def commitment(r: sqlite3.Row) -> Commitment:
    return Commitment(
        subject=r["subject"],
        text=r["text"],
        start=r["start"],
        end=r["end"],
        deadline=r["deadline"],
        speaker=r["speaker"],
        value=r["value"],
        value_max=r["value_max"],
        unit=r["unit"],
        qualifier=r["qualifier"],
        modality=r["modality"],
        status=r["status"],
        briefing=r["briefing_ref"],
        id=r["id"] or "",
        place=r["place"],
    )


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _float(value: float | None) -> float | None:
    return None if value is None else float(value)
