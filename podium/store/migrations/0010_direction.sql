-- Which way a growth or change went (issue 15): `direction` "up" or "down", NULL for other kinds
-- and where the text does not say; the value stays unsigned as stated. Rows stored before this
-- step have no direction until their briefing is parsed again.

ALTER TABLE quantities ADD COLUMN direction TEXT;

DROP VIEW IF EXISTS figures;
CREATE VIEW figures AS
SELECT q.briefing_id, b.title AS briefing_title, b.date AS briefing_date,
       q.position, q.text, q.start, q."end", q.value, q.value_max, q.unit, q.qualifier, q.kind,
       q.subject, q.period, q.period_inferred, q.modality, q.turn_id AS turn, q.speaker,
       q.normalized_value, q.normalized_unit, q.place, q.place_source, q.entity, q.direction
FROM quantities AS q JOIN briefings AS b ON b.id = q.briefing_id;
