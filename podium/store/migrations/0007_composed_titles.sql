-- Briefings stored without a title get the one the structure stage now composes for them (the
-- series and its number, else the first official; the region or body; the date or the year; see
-- podium.structure.meta.title_from), marked as composed in their metadata as a fresh parse marks it.

CREATE TEMP TABLE composed AS
SELECT b.id, podium_composed_title(
    b.series, b.series_number,
    (SELECT p.name FROM participants AS p WHERE p.briefing_id = b.id AND p.role = 'official' ORDER BY p.position LIMIT 1),
    b.organisation, coalesce(b.date, CAST(b.inferred_year AS TEXT))
) AS title
FROM briefings AS b WHERE b.title IS NULL;

UPDATE briefings SET
    title = (SELECT c.title FROM composed AS c WHERE c.id = briefings.id),
    metadata = json_set(metadata, '$.title_source', 'composed')
WHERE id IN (SELECT id FROM composed WHERE title IS NOT NULL);

DROP TABLE composed;
