-- Where each figure is about and whose it is (issue 17): `place` (a country, province, city or
-- state, by its gazetteer name), `place_source` (what showed it: sentence, speaker or header) and
-- `entity` (an organisation). Commitments carry the place of the figure promised. Rows stored
-- before this step have no place until their briefing is parsed again.

ALTER TABLE quantities ADD COLUMN place TEXT NOT NULL DEFAULT '';
ALTER TABLE quantities ADD COLUMN place_source TEXT NOT NULL DEFAULT '';
ALTER TABLE quantities ADD COLUMN entity TEXT NOT NULL DEFAULT '';
CREATE INDEX quantities_by_place ON quantities (place);
ALTER TABLE commitments ADD COLUMN place TEXT NOT NULL DEFAULT '';

DROP VIEW IF EXISTS figures;
CREATE VIEW figures AS
SELECT q.briefing_id, b.title AS briefing_title, b.date AS briefing_date,
       q.position, q.text, q.start, q."end", q.value, q.value_max, q.unit, q.qualifier, q.kind,
       q.subject, q.period, q.period_inferred, q.modality, q.turn_id AS turn, q.speaker,
       q.normalized_value, q.normalized_unit, q.place, q.place_source, q.entity
FROM quantities AS q JOIN briefings AS b ON b.id = q.briefing_id;
