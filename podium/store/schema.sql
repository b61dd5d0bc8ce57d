-- podium corpus store, schema version 1. Later versions are the numbered files in migrations/.
-- Every offset ("start", "end", body_start) indexes briefings.text, as in podium.model.
-- Lists that only travel with their row (aliases, turn ids of an exchange) are JSON text.

CREATE TABLE briefings (
    id              TEXT PRIMARY KEY,          -- first 16 hex characters of content_hash
    content_hash    TEXT NOT NULL UNIQUE,      -- sha256 of text
    source          TEXT NOT NULL,             -- the path (or name) it was read from
    title           TEXT,
    date            TEXT,                      -- ISO 8601, YYYY-MM-DD
    date_source     TEXT,
    inferred_year   INTEGER,
    year_evidence   TEXT,
    series          TEXT,
    series_number   INTEGER,
    organisation    TEXT,
    n_turns         INTEGER NOT NULL DEFAULT 0,
    n_exchanges     INTEGER NOT NULL DEFAULT 0,
    n_figures       INTEGER NOT NULL DEFAULT 0,
    schema_version  TEXT NOT NULL,             -- of the Briefing model that was stored
    metadata        TEXT NOT NULL DEFAULT '{}', -- JSON object
    ingested_at     TEXT NOT NULL,             -- UTC, ISO 8601
    text            TEXT NOT NULL
);
CREATE INDEX briefings_by_source ON briefings (source);
CREATE INDEX briefings_by_date ON briefings (date);

CREATE TABLE participants (
    briefing_id     TEXT NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,          -- order in Briefing.participants
    name            TEXT NOT NULL,
    role            TEXT NOT NULL,
    title           TEXT,
    outlet          TEXT,
    aliases         TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
    PRIMARY KEY (briefing_id, position)
);

-- turns keeps SQLite's rowid: the full-text index below refers to turns by it.
CREATE TABLE turns (
    briefing_id     TEXT NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    turn_id         INTEGER NOT NULL,          -- Turn.id, unique within its briefing
    speaker         TEXT,
    role            TEXT NOT NULL,
    label           TEXT,
    start           INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    body_start      INTEGER NOT NULL,
    text            TEXT NOT NULL,
    UNIQUE (briefing_id, turn_id)
);
CREATE INDEX turns_by_speaker ON turns (speaker);

CREATE VIRTUAL TABLE turns_fts USING fts5 (
    text,
    content = 'turns',
    content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER turns_fts_insert AFTER INSERT ON turns BEGIN
    INSERT INTO turns_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER turns_fts_delete AFTER DELETE ON turns BEGIN
    INSERT INTO turns_fts (turns_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;

CREATE TABLE exchanges (
    briefing_id     TEXT NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    exchange_id     INTEGER NOT NULL,
    asked_by        TEXT,
    answered_by     TEXT NOT NULL DEFAULT '[]', -- JSON array of names
    question_turns  TEXT NOT NULL DEFAULT '[]', -- JSON array of turn_id
    answer_turns    TEXT NOT NULL DEFAULT '[]', -- JSON array of turn_id
    PRIMARY KEY (briefing_id, exchange_id)
);

CREATE TABLE quantities (
    briefing_id      TEXT NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,         -- order in Briefing.quantities
    text             TEXT NOT NULL,
    start            INTEGER NOT NULL,
    "end"            INTEGER NOT NULL,
    value            REAL NOT NULL,
    value_max        REAL,
    unit             TEXT NOT NULL,
    qualifier        TEXT NOT NULL,
    kind             TEXT NOT NULL,
    subject          TEXT NOT NULL DEFAULT '',
    period           TEXT NOT NULL DEFAULT '',
    period_inferred  INTEGER NOT NULL DEFAULT 0,
    modality         TEXT NOT NULL,
    turn_id          INTEGER,
    speaker          TEXT,
    normalized_value REAL,
    normalized_unit  TEXT,
    PRIMARY KEY (briefing_id, position)
);
CREATE INDEX quantities_by_subject ON quantities (subject COLLATE NOCASE);
CREATE INDEX quantities_by_unit ON quantities (unit);
CREATE INDEX quantities_by_period ON quantities (period);

CREATE TABLE findings (
    briefing_id     TEXT NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    check_name      TEXT NOT NULL,
    verdict         TEXT NOT NULL,
    explanation     TEXT NOT NULL,
    tolerance       REAL NOT NULL,
    quantities      TEXT NOT NULL DEFAULT '[]', -- JSON array of {start, end, text}
    PRIMARY KEY (briefing_id, position)
);

CREATE TABLE commitments (
    briefing_id     TEXT NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    subject         TEXT NOT NULL,
    text            TEXT NOT NULL,
    start           INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    deadline        TEXT NOT NULL,
    speaker         TEXT,
    value           REAL,
    value_max       REAL,
    unit            TEXT,
    qualifier       TEXT,
    modality        TEXT NOT NULL,
    status          TEXT NOT NULL,
    briefing_ref    TEXT,                      -- Commitment.briefing: the briefing it was made in
    PRIMARY KEY (briefing_id, position)
);
CREATE INDEX commitments_by_status ON commitments (status);
