"""SQL for the read side, built from filters: every user value travels as a parameter, and the few
names that go into the SQL text (sort columns) come from fixed tables here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from podium.errors import PodiumError

HIT_START = "\x02"  # control characters never occur in a transcript, so they cannot clash with text
HIT_END = "\x03"
SNIPPET_TOKENS = 24

BRIEFING_SORTS: dict[str, str] = {
    "date": "date",
    "title": "title COLLATE NOCASE",
    "source": "source",
    "series": "series COLLATE NOCASE",
    "series_number": "series_number",
    "organisation": "organisation COLLATE NOCASE",
    "n_turns": "n_turns",
    "n_exchanges": "n_exchanges",
    "n_figures": "n_figures",
}

BRIEFING_SUMMARY = (
    "SELECT id, source, title, date, series, series_number, organisation, n_turns, n_exchanges, n_figures"
    " FROM briefings"
)

FIGURES = (
    "SELECT q.text, q.start, q.\"end\", q.value, q.value_max, q.unit, q.qualifier, q.kind, q.subject, q.period,"
    " q.modality, q.turn_id AS turn, q.speaker, q.normalized_value, q.normalized_unit, q.period_inferred,"
    " q.briefing_id, b.title AS briefing_title, b.date AS briefing_date"
    # CROSS JOIN keeps briefings the outer loop: walking briefings_by_date newest first, a page of
    # figures streams out without sorting every quantity in the corpus (50 ms -> 0.3 ms at 10k).
    " FROM briefings AS b CROSS JOIN quantities AS q ON q.briefing_id = b.id"
)
# Every figure filter is on `q`, and every quantity has its briefing (foreign key, cascade), so the
# count needs no join.
FIGURES_COUNT = "SELECT count(*) FROM quantities AS q"
FIGURES_ORDER = " ORDER BY b.date DESC, b.id, q.position"

SEARCH = (
    "SELECT t.briefing_id, b.title, b.date, t.turn_id, t.speaker, t.role, t.start, t.\"end\","
    f" snippet(turns_fts, 0, char(2), char(3), '…', {SNIPPET_TOKENS}) AS snippet,"
    " -bm25(turns_fts) AS score"
    " FROM turns_fts JOIN turns AS t ON t.rowid = turns_fts.rowid JOIN briefings AS b ON b.id = t.briefing_id"
    " WHERE turns_fts MATCH ?"
)
SEARCH_CJK = SEARCH.replace("turns_fts", "turns_cjk")
SEARCH_COUNT = "SELECT count(*)" + SEARCH[SEARCH.index(" FROM turns_fts") :]
SEARCH_CJK_COUNT = SEARCH_COUNT.replace("turns_fts", "turns_cjk")
SEARCH_ORDER = " ORDER BY score DESC, b.date DESC, t.briefing_id, t.turn_id"


@dataclass
class Where:
    """AND-ed conditions with their parameters."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self, *, joiner: str = " WHERE ") -> str:
        return joiner + " AND ".join(self.clauses) if self.clauses else ""


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(column: str) -> str:
    return f"{column} LIKE ? ESCAPE '\\'"


def briefing_where(q: str | None) -> Where:
    where = Where()
    if q:
        pattern = f"%{like_escape(q)}%"
        fields = ("title", "source", "organisation", "series")
        where.add("(" + " OR ".join(contains(f) for f in fields) + ")", *[pattern] * len(fields))
    return where


def briefing_order(sort: str, desc: bool) -> str:
    if sort not in BRIEFING_SORTS:
        raise PodiumError("E030", f"cannot sort by {sort!r}; choose one of {', '.join(BRIEFING_SORTS)}")
    column = BRIEFING_SORTS[sort]
    direction = "DESC" if desc else "ASC"
    # Briefings without the sort value go last either way; the id keeps the order total.
    return f" ORDER BY {sort} IS NULL, {column} {direction}, id"


def add_briefing_filter(where: Where, column: str, briefing: str | None) -> None:
    """A whole id, or the start of one (as people copy them from a table)."""
    if briefing:
        # A range rather than LIKE: SQLite walks the primary key for it (40 ms -> 0.1 ms at 10k
        # briefings). Ids are lower-case hex, and U+FFFF sorts after every character of one.
        prefix = briefing.lower()
        where.add(f"{column} >= ? AND {column} < ?", prefix, prefix + "\uffff")


def finding_where(*, briefing: str | None = None, check: str | None = None, verdict: str | None = None) -> Where:
    where = Where()
    add_briefing_filter(where, "f.briefing_id", briefing)
    if check:
        where.add("f.check_name = ?", check)
    if verdict:
        where.add("f.verdict = ?", verdict)
    return where


def figure_where(
    *,
    subject: str | None = None,
    unit: str | None = None,
    kind: str | None = None,
    period: str | None = None,
    speaker: str | None = None,
    modality: str | None = None,
    briefing: str | None = None,
) -> Where:
    where = Where()
    if subject:
        where.add(contains("q.subject"), f"%{like_escape(subject)}%")
    if unit:
        where.add("q.unit = ?", unit)
    if kind:
        where.add("q.kind = ?", kind)
    if period:
        where.add(contains("q.period"), f"{like_escape(period)}%")
    if speaker:
        where.add(contains("q.speaker"), f"%{like_escape(speaker)}%")
    if modality:
        where.add("q.modality = ?", modality)
    add_briefing_filter(where, "q.briefing_id", briefing)
    return where


def search_where(
    *,
    speaker: str | None = None,
    role: str | None = None,
    since: str | None = None,
    until: str | None = None,
    briefing: str | None = None,
) -> Where:
    where = Where()
    if speaker:
        where.add(contains("t.speaker"), f"%{like_escape(speaker)}%")
    if role:
        where.add("t.role = ?", role)
    if since:
        where.add("b.date >= ?", since)
    if until:
        # A bare date includes the whole day: compare with the smallest string after it.
        where.add("b.date <= ?", until + "\uffff")
    add_briefing_filter(where, "t.briefing_id", briefing)
    return where


def page(limit: int | None, offset: int) -> tuple[str, list[int]]:
    if limit is None:
        return (" LIMIT -1 OFFSET ?", [max(offset, 0)]) if offset else ("", [])
    return " LIMIT ? OFFSET ?", [max(limit, 0), max(offset, 0)]
