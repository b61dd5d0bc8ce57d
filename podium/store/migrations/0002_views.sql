-- Views for people who open the file in Datasette or DuckDB: every figure and every turn with its
-- briefing's title and date beside it, and one row per speaker.

CREATE VIEW figures AS
SELECT q.briefing_id, b.title AS briefing_title, b.date AS briefing_date,
       q.position, q.text, q.start, q."end", q.value, q.value_max, q.unit, q.qualifier, q.kind,
       q.subject, q.period, q.period_inferred, q.modality, q.turn_id AS turn, q.speaker,
       q.normalized_value, q.normalized_unit
FROM quantities AS q JOIN briefings AS b ON b.id = q.briefing_id;

CREATE VIEW speeches AS
SELECT t.briefing_id, b.title AS briefing_title, b.date AS briefing_date,
       t.turn_id, t.speaker, t.role, t.start, t."end", t.text
FROM turns AS t JOIN briefings AS b ON b.id = t.briefing_id;

CREATE VIEW speakers AS
SELECT t.speaker, t.role, count(DISTINCT t.briefing_id) AS n_briefings, count(*) AS n_turns,
       min(b.date) AS first_date, max(b.date) AS last_date
FROM turns AS t JOIN briefings AS b ON b.id = t.briefing_id
WHERE t.speaker IS NOT NULL
GROUP BY t.speaker, t.role;
