"""SQL for the read side, built from filters: every user value travels as a parameter, and the few
names that go into the SQL text (sort columns) come from fixed tables here.

Each listing's columns are written once, as `name -> SQL expression`: the SELECT is built from
them, so its rows carry exactly those keys in that order, and the JSON, the CSV header and the
web's columns all come from the same table. The figure filters are data too (`FIGURE_FILTERS`):
the library, the CLI options and the web's query parameters are all made from them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from podium.errors import PodiumError
from podium.model import Direction, Kind, Modality

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



def select(fields: Mapping[str, str]) -> str:
    """`SELECT expression AS "name", ...`: the rows' keys are the names, in order."""
    return "SELECT " + ", ".join(f'{expression} AS "{name}"' for name, expression in fields.items())


BRIEFING_FIELDS: dict[str, str] = {
    name: name
    for name in (
        "id", "date", "title", "series", "series_number", "organisation", "n_turns", "n_exchanges", "n_figures", "source",
    )
}  # fmt: skip
BRIEFING_COLUMNS: tuple[str, ...] = tuple(BRIEFING_FIELDS)
BRIEFING_SUMMARY = select(BRIEFING_FIELDS) + " FROM briefings"

# Where the figure was said, then the figure in the gold guidelines' field names.
FIGURE_FIELDS: dict[str, str] = {
    "id": "q.id",
    "briefing_id": "q.briefing_id",
    "briefing_date": "b.date",
    "briefing_title": "b.title",
    "turn": "q.turn_id",
    "speaker": "q.speaker",
    "text": "q.text",
    "start": "q.start",
    "end": 'q."end"',
    "value": "q.value",
    "value_max": "q.value_max",
    "unit": "q.unit",
    "qualifier": "q.qualifier",
    "kind": "q.kind",
    "subject": "q.subject",
    "period": "q.period",
    "period_inferred": "q.period_inferred",
    "modality": "q.modality",
    "normalized_value": "q.normalized_value",
    "normalized_unit": "q.normalized_unit",
    "place": "q.place",
    "place_source": "q.place_source",
    "entity": "q.entity",
    "direction": "q.direction",
}
FIGURE_COLUMNS: tuple[str, ...] = tuple(FIGURE_FIELDS)
FIGURES = (
    select(FIGURE_FIELDS)
    # CROSS JOIN keeps briefings the outer loop: walking briefings_by_date newest first, a page of
    # figures streams out without sorting every quantity in the corpus (50 ms -> 0.3 ms at 10k).
    + " FROM briefings AS b CROSS JOIN quantities AS q ON q.briefing_id = b.id"
)
# Every figure filter is on `q`, and every quantity has its briefing (foreign key, cascade), so the
# count needs no join.
FIGURES_COUNT = "SELECT count(*) FROM quantities AS q"
FIGURES_ORDER = " ORDER BY b.date DESC, b.id, q.position"

# The same names as the other listings give the same things: the briefing's id, title and date, the turn.
SEARCH_FIELDS: dict[str, str] = {
    "briefing_id": "t.briefing_id",
    "briefing_title": "b.title",
    "briefing_date": "b.date",
    "turn": "t.turn_id",
    "speaker": "t.speaker",
    "role": "t.role",
    "start": "t.start",
    "end": 't."end"',
    "snippet": f"snippet(turns_fts, 0, char(2), char(3), '…', {SNIPPET_TOKENS})",
    "score": "-hits.rank",  # bm25(), lower for a better match
}
SEARCH_COLUMNS: tuple[str, ...] = tuple(SEARCH_FIELDS)
SEARCH_JOINS = " JOIN turn_spans AS t ON t.rowid = turns_fts.rowid JOIN briefings AS b ON b.id = t.briefing_id"
SEARCH_COUNT = "SELECT count(*) FROM turns_fts" + SEARCH_JOINS + " WHERE turns_fts MATCH ?"
SEARCH_ORDER = " ORDER BY score DESC, b.date DESC, t.briefing_id, t.turn_id"


# Search ranks by bm25 only the newest SEARCH_DEPTH matching turns (the last stored, filters
# applied): FTS5 yields matches in rowid order without scoring them, while bm25 scores every match
# it is given, and a topic word matches a large share of all turns, so full ranking grows with the
# corpus. A query matching at most SEARCH_DEPTH turns is ranked in full, exactly as before.
SEARCH_DEPTH = 1_000


def search_sql(where: Where, tail: str, *, index: str = "turns_fts") -> str:
    """A page of hits: the newest SEARCH_DEPTH matches (filters applied) are read in rowid order,
    only those are scored, and only the page is kept; then that page alone is joined and cut into
    snippets (parameters: search_args)."""
    joins = SEARCH_JOINS if where.clauses else ""
    # FTS5 yields rowid order without scoring, so the window stops after SEARCH_DEPTH rows, and
    # bm25 is computed for the rows it returns only.
    window = f"SELECT turns_fts.rowid AS hit, bm25(turns_fts) AS rank FROM turns_fts{joins} WHERE turns_fts MATCH ?"
    window += where.sql(joiner=" AND ") + f" ORDER BY turns_fts.rowid DESC LIMIT {SEARCH_DEPTH}"
    # The snippets come from one more pass over the page's rowid range, which FTS5 applies itself,
    # rather than from a look-up of each hit, which would start the query over for every hit.
    sql = (
        f"WITH hits AS MATERIALIZED (SELECT hit, rank FROM ({window}) ORDER BY rank, hit{tail}) "
        + select(SEARCH_FIELDS)
        + " FROM turns_fts CROSS JOIN hits ON hits.hit = turns_fts.rowid"
        + SEARCH_JOINS.replace(" = turns_fts.rowid", " = hits.hit")
        + " WHERE turns_fts MATCH ? AND turns_fts.rowid BETWEEN (SELECT min(hit) FROM hits) AND (SELECT max(hit) FROM hits)"
    ) + SEARCH_ORDER
    return sql.replace("turns_fts", index)


def search_args(match: str, where: Where, paging: list[int]) -> list[Any]:
    """search_sql's parameters, in the order it takes them."""
    return [match, *where.params, *paging, match]


FINDING_FIELDS: dict[str, str] = {
    "id": "f.id",
    "briefing_id": "f.briefing_id",
    "briefing_date": "b.date",
    "briefing_title": "b.title",
    "check": "f.check_name",
    "verdict": "f.verdict",
    "explanation": "f.explanation",
    "tolerance": "f.tolerance",
    "quantities": "f.quantities",
}
FINDING_COLUMNS: tuple[str, ...] = tuple(FINDING_FIELDS)
FINDINGS = select(FINDING_FIELDS) + " FROM findings AS f JOIN briefings AS b ON b.id = f.briefing_id"
FINDINGS_ORDER = " ORDER BY f.briefing_id, f.position"

COMMITMENT_FIELDS: dict[str, str] = {
    "id": "c.id",
    "briefing_id": "c.briefing_id",
    "briefing_date": "b.date",
    "briefing_title": "b.title",
    "deadline": "c.deadline",
    "status": "c.status",
    "subject": "c.subject",
    "value": "c.value",
    "value_max": "c.value_max",
    "unit": "c.unit",
    "qualifier": "c.qualifier",
    "modality": "c.modality",
    "speaker": "c.speaker",
    "start": "c.start",
    "end": 'c."end"',
    "text": "c.text",
    "briefing": "c.briefing_ref",  # the later briefing that settled it, once resolved
    "place": "c.place",
    "settled_by": "NULL",  # the figure that settled it, named when resolved (checks/commitments.py)
}
COMMITMENT_COLUMNS: tuple[str, ...] = tuple(COMMITMENT_FIELDS)
COMMITMENTS = select(COMMITMENT_FIELDS) + " FROM commitments AS c JOIN briefings AS b ON b.id = c.briefing_id"
COMMITMENTS_ORDER = " ORDER BY c.deadline, b.date, c.briefing_id, c.position"


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
        # briefings).
        where.add(f"{column} >= ? AND {column} < ?", *briefing_range(briefing))


def briefing_range(briefing: str) -> tuple[str, str]:
    """The ids starting with `briefing`, as a range: ids are lower-case hex, and U+FFFF sorts
    after every character of one."""
    prefix = briefing.lower()
    return prefix, prefix + "\uffff"


# The turns of the briefings a search is limited to lie between their first and last rowid, a
# range the full-text index applies itself (it cannot look through the join to turn_spans), so
# the search reads that stretch of the index rather than every match in the corpus.
BRIEFING_TURNS = (
    "turns_fts.rowid BETWEEN (SELECT min(rowid) FROM turn_spans WHERE briefing_id >= ? AND briefing_id < ?)"
    " AND (SELECT max(rowid) FROM turn_spans WHERE briefing_id >= ? AND briefing_id < ?)"
)


def finding_where(
    *, briefing: str | None = None, check: str | None = None, verdict: str | None = None, ident: str | None = None
) -> Where:
    where = Where()
    add_briefing_filter(where, "f.briefing_id", briefing)
    if ident:
        where.add("f.id = ?", ident)
    if check:
        where.add("f.check_name = ?", check)
    if verdict:
        where.add("f.verdict = ?", verdict)
    return where


def commitment_where(
    *, briefing: str | None = None, status: str | None = None, speaker: str | None = None, ident: str | None = None
) -> Where:
    where = Where()
    add_briefing_filter(where, "c.briefing_id", briefing)
    if ident:
        where.add("c.id = ?", ident)
    if status:
        where.add("c.status = ?", status)
    if speaker:
        where.add(contains("c.speaker"), f"%{like_escape(speaker)}%")
    return where


def due_where(deadlines: set[str]) -> Where:
    """Actual figures whose period is one of `deadlines` or ends in one ("2021/2025")."""
    ordered = sorted(deadlines)
    marks = ", ".join("?" * len(ordered))
    ends = " OR ".join(contains("q.period") for _ in ordered)
    where = Where()
    where.add(f"q.modality = 'actual' AND (q.period IN ({marks}) OR {ends})", *ordered, *(f"%/{like_escape(d)}" for d in ordered))
    return where


def subjects_query(prefix: str, limit: int) -> tuple[str, list[Any]]:
    """Subjects starting with `prefix` (any case), most figures first, with their counts `n`."""
    sql = (
        "SELECT subject, count(*) AS n FROM quantities WHERE subject != '' AND subject LIKE ? ESCAPE '\\'"
        " GROUP BY subject ORDER BY n DESC, subject LIMIT ?"
    )
    return sql, [like_escape(prefix) + "%", limit]


Operator = Literal["contains", "starts", "equals", "briefing", "unit"]


@dataclass(frozen=True)
class FigureFilter:
    """One figure filter: the keyword a user passes (`subject=` to the library, `--subject` to the
    CLI, `?subject=` to the web), the column it reads, how it compares, and what it means."""

    field: str
    column: str
    operator: Operator
    help: str
    choices: tuple[str, ...] = ()


def listed(choices: tuple[str, ...]) -> str:
    """'a, b or c', for help texts."""
    return ", ".join(choices[:-1]) + " or " + choices[-1]


KINDS: tuple[str, ...] = get_args(Kind)
MODALITIES: tuple[str, ...] = get_args(Modality)
DIRECTIONS: tuple[str, ...] = get_args(Direction)
FIGURE_FILTERS: tuple[FigureFilter, ...] = (
    FigureFilter("subject", "q.subject", "contains", "Subject contains this (any case), e.g. GDP."),
    FigureFilter("unit", "q.unit", "unit", "This unit, by its id or a word for it (CNY or yuan, % or percent)."),
    FigureFilter("kind", "q.kind", "equals", f"{listed(KINDS)}.", KINDS),
    FigureFilter("period", "q.period", "starts", "Period starts with this (e.g. 2024 or 2024-Q1)."),
    FigureFilter("place", "q.place", "equals", "Exactly this place (e.g. China, United States, Guangdong)."),
    FigureFilter("speaker", "q.speaker", "contains", "Speaker name contains this (any case)."),
    FigureFilter("modality", "q.modality", "equals", f"{listed(MODALITIES)}.", MODALITIES),
    FigureFilter("direction", "q.direction", "equals", f"{listed(DIRECTIONS)}: which way a growth or change went.", DIRECTIONS),
    FigureFilter("briefing", "q.briefing_id", "briefing", "Only this briefing (an id or its start)."),
)

_CONDITIONS: dict[Operator, Callable[[Where, str, str], None]] = {
    "contains": lambda where, column, value: where.add(contains(column), f"%{like_escape(value)}%"),
    "starts": lambda where, column, value: where.add(contains(column), f"{like_escape(value)}%"),
    "equals": lambda where, column, value: where.add(f"{column} = ?", value),
    "briefing": lambda where, column, value: add_briefing_filter(where, column, value),
    "unit": lambda where, column, value: where.add(f"{column} = ?", unit_named(value)),
}


def unit_named(name: str) -> str:
    """People type the word they read ("yuan", "percent"); the store keeps the id ("CNY", "%").
    A name that is neither is compared as given, so it finds nothing rather than failing."""
    from podium.quantities.words import unit_id_for  # the word tables, only when a unit is asked for

    return unit_id_for(name) or name


def figure_where(filters: Mapping[str, str | None]) -> Where:
    """The conditions of FIGURE_FILTERS for the values given; an empty value filters nothing."""
    unknown = set(filters) - {f.field for f in FIGURE_FILTERS}
    if unknown:
        names = ", ".join(f.field for f in FIGURE_FILTERS)
        raise TypeError(f"no figure filter {', '.join(sorted(unknown))}; the filters are {names}")
    where = Where()
    for figure_filter in FIGURE_FILTERS:
        value = filters.get(figure_filter.field)
        if value:
            _CONDITIONS[figure_filter.operator](where, figure_filter.column, value)
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
    if briefing:
        where.add(BRIEFING_TURNS, *briefing_range(briefing) * 2)
    return where


def page(limit: int | None, offset: int) -> tuple[str, list[int]]:
    if limit is None:
        return (" LIMIT -1 OFFSET ?", [max(offset, 0)]) if offset else ("", [])
    return " LIMIT ? OFFSET ?", [max(limit, 0), max(offset, 0)]
