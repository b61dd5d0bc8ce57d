"""A user's search query as an FTS5 MATCH string, its cost bounded before SQLite sees it.

FTS5's cost grows faster than the number of terms (every matching turn is scored and cut into a
snippet against every phrase), and a prefix term (`a*`) stands for every word it begins, so a
pasted page or a run of `a* a* a*` could hold a search for minutes. A query is therefore capped in
characters, terms and prefix terms, and a plain list of words loses its repeats first.

A query that is a plain list of words (no OR, NEAR, brackets, column or position marks) is
rewritten with every term quoted, so stray punctuation cannot upset FTS5's parser; `-word` and
`NOT word` exclude a word wherever they stand. Anything richer is FTS5 syntax and passes through,
`-word` still read as `NOT word`; if FTS5 rejects it, the plain reading is the fallback."""

from __future__ import annotations

from dataclasses import dataclass

from podium.errors import PodiumError

MAX_QUERY_CHARS = 1_000
MAX_TERMS = 32
MAX_PREFIX_TERMS = 6  # after repeats are dropped; each one reads every index entry it begins
STRUCTURE = frozenset({"OR", "NEAR", "(", ")", "+"})  # tokens that make a query more than a word list


@dataclass(frozen=True)
class Term:
    """One word or quoted phrase as typed (quotes and a trailing `*` kept)."""

    text: str
    start: int  # where it stands in the query, a leading '-' included
    end: int
    excluded: bool = False  # written `-word`

    @property
    def prefix(self) -> bool:
        return self.text.endswith("*")

    def quoted(self) -> str:
        """The term as an FTS5 string: quoted, its own quotes doubled, a prefix star kept outside."""
        body = self.text[:-1] if self.prefix else self.text
        if len(body) >= 2 and body.startswith('"') and body.endswith('"'):
            body = body[1:-1].replace('""', '"')
        body = body.strip('"')
        return '"' + body.replace('"', '""') + '"' + ("*" if self.prefix else "")

    def key(self) -> str:
        """What FTS5 compares: case and quoting do not change which turns a term finds."""
        return self.quoted().casefold()


@dataclass(frozen=True)
class Prepared:
    """`match` to try first; `plain`, the query read as words, for when FTS5 rejects `match`."""

    match: str
    plain: str


def prepare(query: str) -> Prepared:
    """The MATCH strings for a query, or a PodiumError (E030) saying what to change."""
    if len(query) > MAX_QUERY_CHARS:
        raise PodiumError(
            "E030", f"the search query is {len(query):,} characters long; at most {MAX_QUERY_CHARS:,} are searched"
        )
    tokens = scan(query)
    terms = [t for t in tokens if isinstance(t, Term)]
    plain = _plain(tokens)
    structured = any(t in STRUCTURE or (isinstance(t, Term) and _marked(t.text)) for t in tokens)
    if not structured:
        _check_size(_words(tokens))
        return Prepared(plain, plain)
    alternatives = _alternatives(tokens)
    if alternatives is not None:
        _check_size(alternatives)
        return Prepared(" OR ".join(t.quoted() for t in alternatives), plain)
    _check_size(terms)
    return Prepared(_with_not(query, terms), plain)


def terms(query: str) -> list[Term]:
    """A query read as a list of words: each once, `-word` and NOT marking the ones to exclude."""
    return _words(scan(query))


def scan(query: str) -> list[Term | str]:
    """Terms, and the operators and brackets between them as strings."""
    tokens: list[Term | str] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
        elif ch in "()+":
            tokens.append(ch)
            i += 1
        else:
            start = i
            excluded = ch == "-" and i + 1 < n and (query[i + 1].isalpha() or query[i + 1] == '"')
            i = _term_end(query, i + 1 if excluded else i)
            text = query[start + excluded : i]
            if text in ("AND", "OR", "NOT", "NEAR"):  # FTS5's operators are upper case only
                tokens.append(text)
            elif text:
                tokens.append(Term(text, start, i, excluded))
    return tokens


def _term_end(query: str, i: int) -> int:
    """Where the word or quoted phrase that starts at `i` ends (a prefix star included)."""
    n = len(query)
    if i < n and query[i] == '"':
        i += 1
        while i < n:
            if query[i] == '"':
                if i + 1 < n and query[i + 1] == '"':
                    i += 2
                    continue
                i += 1
                break
            i += 1
        return i + 1 if i < n and query[i] == "*" else i
    while i < n and not query[i].isspace() and query[i] not in '()+"':
        i += 1
    return i


def _marked(text: str) -> bool:
    # A column filter (text:word) or an initial-token mark (^word) is FTS5 syntax, not a word.
    return text.startswith("^") or (":" in text and not text.startswith('"'))


def _words(tokens: list[Term | str]) -> list[Term]:
    """A word list's terms, each once, each marked excluded when `-` or NOT stands before it."""
    seen: dict[str, Term] = {}
    negate = False
    for token in tokens:
        if token == "NOT":
            negate = True
            continue
        if isinstance(token, Term):
            term = Term(token.text, token.start, token.end, token.excluded or negate)
            # A word both wanted and excluded: exclusion wins, as FTS5 would find nothing either way.
            if term.key() not in seen or term.excluded:
                seen[term.key()] = term
        negate = False
    return list(seen.values())


def _alternatives(tokens: list[Term | str]) -> list[Term] | None:
    """`a OR b OR a`'s terms, each once; None unless the query is just that."""
    if len(tokens) < 3 or len(tokens) % 2 == 0:
        return None
    terms, operators = tokens[::2], tokens[1::2]
    if any(op != "OR" for op in operators):
        return None
    if not all(isinstance(t, Term) and not t.excluded and not _marked(t.text) for t in terms):
        return None
    return list({t.key(): t for t in terms if isinstance(t, Term)}.values())


def _plain(tokens: list[Term | str]) -> str:
    """The query as words: wanted ones first (FTS5's NOT needs something on its left), then each
    excluded one after NOT. Raises when nothing is wanted."""
    terms = [t for t in _words(tokens) if any(ch.isalnum() for ch in t.text)]
    wanted = [t.quoted() for t in terms if not t.excluded]
    excluded = [t.quoted() for t in terms if t.excluded]
    if excluded and not wanted:
        shown = " ".join(f"NOT {t.text}" for t in terms)
        raise PodiumError(
            "E030",
            f"{shown} only says what to leave out, and would list nearly every turn; add a word to find,"
            f" e.g. 'trade {shown}' (or 'trade -word')",
        )
    return " ".join([*wanted, *(f"NOT {t}" for t in excluded)])


def _check_size(terms: list[Term]) -> None:
    if len(terms) > MAX_TERMS:
        raise PodiumError(
            "E030", f"the search query has {len(terms):,} terms; at most {MAX_TERMS} are searched (a few telling words find more)"
        )
    prefixes = sum(t.prefix for t in terms)
    if prefixes > MAX_PREFIX_TERMS:
        raise PodiumError(
            "E030", f"the search query has {prefixes} prefix terms (word*); at most {MAX_PREFIX_TERMS} are searched"
        )


def _with_not(query: str, terms: list[Term]) -> str:
    """The query as typed, each `-word` written as FTS5's `NOT word`."""
    parts, at = [], 0
    for term in terms:
        if term.excluded:
            parts += [query[at : term.start], "NOT ", term.text]
            at = term.end
    return "".join(parts) + query[at:]
