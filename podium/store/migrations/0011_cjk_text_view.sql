-- The CJK index (0004) kept its own copy of every turn holding Chinese or Japanese characters,
-- spaced a character at a token (0.10 times the text at 10,000 briefings). It now reads that
-- text through a view, cut from briefings.text as `turns` is and spaced by podium_cjk_spaced:
-- the index itself is unchanged, and so are the hits and snippets of a search. The function is
-- podium's (registered on every connection podium opens): another reader (Datasette, the sqlite3
-- shell) can still MATCH turns_cjk and read the turns by rowid, but not its text column or
-- snippets, which need the function.

CREATE VIEW turns_cjk_text AS
SELECT rowid, podium_cjk_spaced(text) AS text FROM turns WHERE podium_has_cjk(text);

DROP TABLE turns_cjk;
CREATE VIRTUAL TABLE turns_cjk USING fts5 (
    text,
    content = 'turns_cjk_text',
    content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO turns_cjk (turns_cjk) VALUES ('rebuild');
