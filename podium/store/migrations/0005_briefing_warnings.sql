-- What podium repaired or could not read in each briefing (Briefing.warnings: a decoding repair,
-- a language not read yet, figures skipped), as a JSON array of {"kind", "message"} objects.

ALTER TABLE briefings ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]';
