-- Turns holding Chinese or Japanese characters, indexed a character at a token (see cjk.py):
-- unicode61 alone would take a whole run of ideographs as one word. The functions are podium's,
-- registered on the connection by the migration runner.

CREATE VIRTUAL TABLE turns_cjk USING fts5 (
    text,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO turns_cjk (rowid, text)
SELECT rowid, podium_cjk_spaced(text) FROM turns WHERE podium_has_cjk(text);
