-- The schema's history as a table, so it shows in Datasette and DuckDB (PRAGMA user_version does
-- not). Steps before this one are recorded here; the runner records every later step itself.

CREATE TABLE schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    applied_at  TEXT NOT NULL            -- UTC, when this database got the step
);
INSERT INTO schema_migrations (version, name, applied_at) VALUES
    (1, 'schema.sql', datetime('now')),
    (2, '0002_views.sql', datetime('now'));
