-- Stable ids for figures, findings and commitments (podium/ids.py): a hash of the kind, the
-- briefing's id and the item's key, so re-ingesting the same text keeps every id. Rows stored
-- before this step get the ids podium would give them now; the keys are built here exactly as
-- ids.py builds them (same separators, the same `#n` for the n-th repeat of a key).

ALTER TABLE quantities ADD COLUMN id TEXT;
ALTER TABLE findings ADD COLUMN id TEXT;
ALTER TABLE commitments ADD COLUMN id TEXT;

UPDATE quantities SET id = (
    SELECT podium_item_id('figure', k.briefing_id, k.key || CASE WHEN k.n = 0 THEN '' ELSE '#' || k.n END)
    FROM (SELECT briefing_id, position, start || '-' || "end" AS key,
                 row_number() OVER (PARTITION BY briefing_id, start, "end" ORDER BY position) - 1 AS n
          FROM quantities AS q WHERE q.briefing_id = quantities.briefing_id) AS k
    WHERE k.position = quantities.position
);
UPDATE findings SET id = (
    SELECT podium_item_id('finding', k.briefing_id, k.key || CASE WHEN k.n = 0 THEN '' ELSE '#' || k.n END)
    FROM (SELECT briefing_id, position, check_name || '|' || quantities AS key,
                 row_number() OVER (PARTITION BY briefing_id, check_name, quantities ORDER BY position) - 1 AS n
          FROM findings AS f WHERE f.briefing_id = findings.briefing_id) AS k
    WHERE k.position = findings.position
);
UPDATE commitments SET id = (
    SELECT podium_item_id('commitment', k.briefing_id, k.key || CASE WHEN k.n = 0 THEN '' ELSE '#' || k.n END)
    FROM (SELECT briefing_id, position, start || '-' || "end" || '|' || subject || '|' || deadline AS key,
                 row_number() OVER (PARTITION BY briefing_id, start, "end", subject, deadline ORDER BY position) - 1 AS n
          FROM commitments AS c WHERE c.briefing_id = commitments.briefing_id) AS k
    WHERE k.position = commitments.position
);

CREATE INDEX quantities_by_id ON quantities (id);
CREATE INDEX findings_by_id ON findings (id);
CREATE INDEX commitments_by_id ON commitments (id);
