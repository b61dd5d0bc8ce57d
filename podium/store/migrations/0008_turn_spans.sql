-- A turn's text is a span of its briefing's text (body_start to end, as in podium.model), so the
-- text is kept once, in briefings.text: the turns themselves become spans (turn_spans), and
-- `turns` a view that cuts each one's text out, for every reader and for the full-text index,
-- which now reads its content through that view. The index keeps its rowids (turn_spans keeps
-- the turns' rowids), so turns_cjk stays valid as it is.
-- The views speeches and speakers read `turns` by name, so they read the view from here on.
-- Also indexes that walk the library's default listings (newest or oldest first, undated last).

DROP TRIGGER IF EXISTS turns_fts_insert;
DROP TRIGGER IF EXISTS turns_fts_delete;

CREATE TABLE turn_spans (
    briefing_id     TEXT NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    turn_id         INTEGER NOT NULL,          -- Turn.id, unique within its briefing
    speaker         TEXT,
    role            TEXT NOT NULL,
    label           TEXT,
    start           INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    body_start      INTEGER NOT NULL,
    UNIQUE (briefing_id, turn_id)
);
INSERT INTO turn_spans (rowid, briefing_id, turn_id, speaker, role, label, start, "end", body_start)
SELECT rowid, briefing_id, turn_id, speaker, role, label, start, "end", body_start FROM turns;
DROP TABLE turns;
DROP TABLE turns_fts;
CREATE INDEX turn_spans_by_speaker ON turn_spans (speaker);

-- SQLite's substr counts characters from 1; podium's offsets count them from 0.
CREATE VIEW turns AS
SELECT s.rowid AS rowid, s.briefing_id, s.turn_id, s.speaker, s.role, s.label, s.start, s."end", s.body_start,
       substr(b.text, s.body_start + 1, s."end" - s.body_start) AS text
FROM turn_spans AS s JOIN briefings AS b ON b.id = s.briefing_id;

CREATE VIRTUAL TABLE turns_fts USING fts5 (
    text,
    content = 'turns',
    content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO turns_fts (turns_fts) VALUES ('rebuild');

-- A briefing's row goes in before its turns and out after them (Corpus._delete), so its text is
-- there for both triggers.
CREATE TRIGGER turn_spans_fts_insert AFTER INSERT ON turn_spans BEGIN
    INSERT INTO turns_fts (rowid, text)
    SELECT new.rowid, substr(b.text, new.body_start + 1, new."end" - new.body_start) FROM briefings AS b WHERE b.id = new.briefing_id;
END;
CREATE TRIGGER turn_spans_fts_delete AFTER DELETE ON turn_spans BEGIN
    INSERT INTO turns_fts (turns_fts, rowid, text)
    SELECT 'delete', old.rowid, substr(b.text, old.body_start + 1, old."end" - old.body_start) FROM briefings AS b WHERE b.id = old.briefing_id;
END;

CREATE INDEX briefings_newest_first ON briefings (date IS NULL, date DESC, id);
CREATE INDEX briefings_oldest_first ON briefings (date IS NULL, date, id);
