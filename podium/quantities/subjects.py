"""The subject of a figure: the short noun phrase the number measures.

There is no parser here, so subjects come from rules over the words of the sentence:

- a counted figure names its noun after it: "19 provinces and cities", "thousands of officials";
- "N unit of X" and "N% of X" name X: "39 billion yuan of funds", "75% of fiscal expenditures";
- otherwise the subject is the noun phrase before the clause's verb: "grain output | stood at",
  "GDP | grew by", including "X of N" ("a harvest rate of 89%") and "increase X by N";
- a rank names what follows "in (terms of)" or else the clause subject; a figure in a clause with
  no subject of its own ("..., accounting for 91% of the national total", "(3 million tons)", "it")
  takes the subject of its clause's opening phrase, or of the figure before it;
- a share after a share verb or a copula ("X accounted for 47% of GDP", "X is 55% of world
  capacity") names its part X, not the whole after "of"; a list split by commas ("Exports of
  vehicles, batteries and solar cells rose") stays one subject; times leave subjects ("the rate in
  March" is "the rate"), since they belong to the period.

Matching (`subject_matches`) is lenient, since a subject can be worded many ways: both phrases are
cut to content tokens (lower case, no stop words, a plural "s" and a possessive "'s" dropped), and
they match when the token F1 is at least 0.5, or when their heads agree. A phrase's head is the
last content token of its first chunk, the words before its first preposition, bracket, comma or
(after the first word) participle: the head of "coal supplied to other parts" is "coal".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from podium.quantities.kinds import load_words as load_kind_words
from podium.quantities.words import load as load_number_words
from podium.quantities.periods import find_time_refs
from podium.wordtables import read_table
from podium.zh import HAN_RUN, han_pairs

DATA_FILE = "subjects_en.yaml"
MATCH_F1 = 0.5
MAX_WORDS = 12
_TOKEN = re.compile(r"\w[\w'’\-&]*(?:[.,]\d[\w'’\-]*)*|[^\w\s]")
_POSSESSIVE = re.compile(r"['’]s?$")
_OWNER = re.compile(r"\w['’]s$")
_CONTENT_WORD = re.compile(r"[\w'’]+")


@dataclass(frozen=True)
class SubjectWords:
    stop_words: frozenset[str]
    lead_words: tuple[tuple[str, ...], ...]
    verbs: frozenset[str]
    np_stops: frozenset[str]
    container_nouns: frozenset[str]
    pronouns: frozenset[str]
    list_cues: frozenset[str]
    rank_scopes: tuple[tuple[str, ...], ...]
    movement_nouns: frozenset[str]
    measured_nouns: tuple[tuple[str, ...], ...]
    share_bases: frozenset[str]
    generic_nouns: frozenset[str]
    anaphors: frozenset[str]
    topic_cues: tuple[tuple[str, ...], ...]
    nouns_before_of: frozenset[str]
    head_breaks: frozenset[str]
    auxiliaries: frozenset[str]
    determiners: frozenset[str]
    participle_enders: frozenset[str]
    personal_pronouns: frozenset[str]
    of_phrase_stops: frozenset[str]
    openers: frozenset[str]
    copulas: frozenset[str]
    noun_markers: frozenset[str]
    qualifier_words: frozenset[str]
    hold_verbs: frozenset[str]
    verb_nouns: dict[str, str]
    amount_phrase: re.Pattern[str]
    implied_noun: str
    # Derived at load time, so rules test one set instead of building a union per word.
    modifier_markers: frozenset[str]  # noun_markers | head_breaks: before an "-ly" word, a modifier follows
    longest_topic_cue: int


@lru_cache(maxsize=1)
def load_words() -> SubjectWords:
    raw: dict[str, Any] = read_table(DATA_FILE)

    def words(key: str) -> frozenset[str]:
        return frozenset(str(v).lower() for v in raw[key])

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted((tuple(str(v).lower().split()) for v in raw[key]), key=len, reverse=True))

    return SubjectWords(
        stop_words=words("stop_words"),
        lead_words=phrases("lead_words"),
        verbs=words("verbs"),
        np_stops=words("np_stops"),
        container_nouns=words("container_nouns"),
        pronouns=words("pronouns"),
        list_cues=words("list_cues"),
        rank_scopes=phrases("rank_scopes"),
        movement_nouns=words("movement_nouns"),
        measured_nouns=phrases("measured_nouns"),
        share_bases=words("share_bases"),
        generic_nouns=frozenset(_normal(w) for w in words("generic_nouns")),
        anaphors=frozenset(_normal(w) for w in words("anaphors")),
        topic_cues=phrases("topic_cues"),
        nouns_before_of=words("nouns_before_of"),
        head_breaks=words("head_breaks"),
        auxiliaries=words("auxiliaries"),
        determiners=words("determiners"),
        participle_enders=words("participle_enders"),
        personal_pronouns=words("personal_pronouns"),
        of_phrase_stops=words("of_phrase_stops"),
        openers=words("openers"),
        copulas=words("copulas"),
        noun_markers=words("noun_markers"),
        qualifier_words=words("qualifier_words"),
        hold_verbs=words("hold_verbs"),
        verb_nouns={str(k).lower(): str(v) for k, v in raw["verb_nouns"].items()},
        implied_noun=str(raw["implied_noun"]),
        amount_phrase=re.compile(
            r"\b(?:" + "|".join(re.escape(str(p)).replace("\\ ", r"\s+") for p in raw["amount_phrases"]) + r")\s*$", re.IGNORECASE
        ),
        modifier_markers=words("noun_markers") | words("head_breaks"),
        longest_topic_cue=len(phrases("topic_cues")[0]),
    )


# --- matching ---------------------------------------------------------------------------------


def _normal(token: str) -> str:
    token = token.lower()
    if "'" in token or "’" in token:
        token = _POSSESSIVE.sub("", token)
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        token = token[:-1]
    return token


@lru_cache(maxsize=8192)
def content_tokens(phrase: str) -> tuple[str, ...]:
    """The content words of `phrase`, normalised for comparison; Chinese, written unspaced, by
    the character pairs of its runs (podium.zh.han_pairs)."""
    stops = load_words().stop_words
    out: list[str] = []
    if HAN_RUN.search(phrase):
        out.extend(sorted(han_pairs(phrase)))
        phrase = HAN_RUN.sub(" ", phrase)
    for raw in _CONTENT_WORD.findall(phrase.replace("-", " ")):
        token = _normal(raw)
        if token and token not in stops:
            out.append(token)
    return tuple(out)


@lru_cache(maxsize=8192)
def head_token(phrase: str) -> str | None:
    """The head of `phrase`: the last content token before its first break (see module doc)."""
    words = _tokens(phrase)
    table = load_words()
    chunk: list[str] = []
    for i, word in enumerate(words):
        if word.lower() in table.head_breaks or (chunk and _ends_phrase(words, i) and not chunk[-1].lower().endswith("ly")):
            if chunk:
                break
            continue
        chunk.append(word)
    heads = [t for t in (_normal(w) for w in chunk) if t and t not in table.stop_words]
    return heads[-1] if heads else None


def token_f1(gold: str, pred: str) -> float:
    gold_set, pred_set = set(content_tokens(gold)), set(content_tokens(pred))
    common = len(gold_set & pred_set)
    if not common:
        return 0.0
    precision, recall = common / len(pred_set), common / len(gold_set)
    return 2 * precision * recall / (precision + recall)


def subject_matches(gold: str, pred: str) -> bool:
    """Whether `pred` names the same subject as `gold`, leniently (see module doc)."""
    if not content_tokens(gold):
        return not content_tokens(pred)
    if not content_tokens(pred):
        return False
    if token_f1(gold, pred) >= MATCH_F1:
        return True
    gold_head = head_token(gold)
    return gold_head is not None and gold_head == head_token(pred)


# --- finding ----------------------------------------------------------------------------------


_PARTICIPLE_ENDINGS = ("ed", "ing")


def _is_participle(word: str) -> bool:
    return len(word) > 4 and word.endswith(_PARTICIPLE_ENDINGS)


_PURE_NUMBER = re.compile(r"^[\d.,]+$")


def _ends_phrase(words: list[str], i: int) -> bool:
    """Whether the participle words[i] starts a clause after the noun ("provinces | providing
    pairing assistance") rather than modifying the next noun ("key mining areas")."""
    if not _is_participle(words[i].lower()):
        return False
    if i + 1 >= len(words):
        return True
    nxt = words[i + 1].lower()
    table = load_words()
    # A following verb makes the -ing word a noun ("fiscal spending | went"), so it does not end it.
    return (not words[i + 1][0].isalnum() or nxt in table.head_breaks or nxt in table.participle_enders
            or _is_participle(nxt) or nxt[0].isdigit())


def _tokens(text: str) -> list[str]:
    return _chunk_tokens(text.split())


def _first_tokens(text: str, count: int) -> list[str]:
    """The first `count` tokens of `text`, without tokenising the rest of a long sentence."""
    # Each chunk holds a token at least, so the first `count` chunks hold the first `count` tokens.
    return _chunk_tokens(text.split(None, count)[:count])[:count]


def _chunk_tokens(chunks: list[str]) -> list[str]:
    """The tokens of a text split at its white space."""
    # No token spans white space, so the chunks are tokenised one by one; a chunk of letters and
    # digits alone (most words) is one token as it stands, with no regex run over it: str.isalnum
    # and str.split agree with the regex's word and space classes on every character.
    words: list[str] = []
    for chunk in chunks:
        if chunk.isalnum():
            words.append(chunk)
        else:
            words += _TOKEN.findall(chunk)
    return words


# noun_phrase_after reads at most 8 words, the word that ends them, the one after that, and an
# "of" before them all.
_NOUN_AFTER_TOKENS = 11


@lru_cache(maxsize=1)
def _lead_table() -> dict[str, tuple[tuple[str, ...], ...]]:
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in load_words().lead_words:  # longest first
        table.setdefault(phrase[0], []).append(phrase)
    return {k: tuple(v) for k, v in table.items()}


def _lead_length(words: Sequence[str]) -> int:
    """How many words at the start are punctuation or lead words ("about", "a total of")."""
    table = _lead_table()
    at, count = 0, len(words)
    while at < count:
        word = words[at]
        if not word[0].isalnum():
            at += 1
            continue
        phrases = table.get(word.lower())
        if not phrases:
            break
        ahead = tuple(w.lower() for w in words[at : at + len(phrases[0])])  # the longest phrase comes first
        size = next((len(p) for p in phrases if ahead[: len(p)] == p), 0)
        if not size:
            break
        at += size
    return at


def _kept_length(words: Sequence[str], end: int | None = None) -> int:
    """How many words of words[:end] stay once trailing stop words and punctuation are dropped."""
    stops = load_words().stop_words
    end = len(words) if end is None else end
    while end and (words[end - 1].lower() in stops or not words[end - 1][0].isalnum()):
        end -= 1
    return end


def _phrase(words: Sequence[str]) -> str:
    # Indexes, not copies: the word lists can be a long clause.
    lead = _lead_length(words)
    end = _kept_length(words)
    if end > lead + MAX_WORDS:
        end = _kept_length(words, lead + MAX_WORDS)
    if end <= lead:
        return ""
    # Brackets, commas and a detached apostrophe close up on the word before or after them. No
    # token holds a space and these marks are tokens of their own, so each space to drop is one
    # that stands before one of ",)'’" or after "(".
    return (" ".join(words[lead:end]).replace(" ,", ",").replace(" )", ")").replace(" '", "'")
            .replace(" ’", "’").replace("( ", "("))


# The phrase tests below run several times on each figure's candidate subjects, and a subject
# recurs through a paragraph (each figure may take the one before): they are cached by phrase.


@lru_cache(maxsize=4096)
def _is_pronoun(phrase: str) -> bool:
    """A pronoun, or a phrase led by one ("It took 15 years"): it points back, names nothing."""
    table = load_words()
    low = phrase.lower()
    return low in table.pronouns or low.split(" ", 1)[0] in table.personal_pronouns


@lru_cache(maxsize=4096)
def is_anaphor(phrase: str) -> bool:
    """A subject that only points back ("the figure for April"): its head is a word like "figure"."""
    if not phrase:
        return False
    head = head_token(phrase)
    return head is not None and head in load_words().anaphors


def _is_generic(phrase: str) -> bool:
    tokens = content_tokens(phrase)
    return bool(tokens) and load_words().generic_nouns.issuperset(tokens)


@lru_cache(maxsize=4096)
def _is_movement_only(phrase: str) -> bool:
    tokens = content_tokens(phrase)
    return bool(tokens) and load_words().movement_nouns.issuperset(tokens)


def _names_nothing(phrase: str) -> bool:
    """No subject: empty, a pronoun, or only a movement ("the increase")."""
    return not phrase or _is_pronoun(phrase) or _is_movement_only(phrase)


def noun_phrase_after(text: str) -> str:
    """The counted noun right after a figure: "19 | provinces and cities providing ..." gives
    "provinces and cities"."""
    table = load_words()
    words = _first_tokens(text, _NOUN_AFTER_TOKENS)
    if words[:1] and words[0].lower() == "of":
        words = words[1:]
    out: list[str] = []
    for i, word in enumerate(words):
        low = word.lower()
        if not word[0].isalnum() and word != "-":
            break
        if low == "of" and out and out[-1].lower() in table.container_nouns:
            out.append(word)
            continue
        if _is_acronym(word, words, i):
            pass  # "six WHO regions": an acronym, not the pronoun "who"
        elif low == "year" and out and _modifies_next(words, i):
            pass  # "5500 final year medics": a year that narrows the noun after it
        elif low in table.np_stops or low == "of" or (out and low in table.determiners):
            break
        if not out and low in table.auxiliaries:
            break  # "8.74 million | will enter": the figure is the subject; its noun is elsewhere
        if not out and _is_base_verb(words, i):
            break  # "hundreds of millions | go to bed": a verb, not a noun, right after the count
        if not out and _is_participle(low) and i + 1 < len(words) and words[i + 1].lower() in table.head_breaks:
            break  # "a reduction of 1.05 million | compared with"
        if out and (low in table.verbs or _ends_phrase(words, i)) and not out[-1].lower().endswith("ly"):
            break
        if low == "and" and _figure_follows(words[i + 1 :]):
            break  # "18 cases and four deaths": the next figure's noun is its own
        if low in _CLAUSE_JOINERS and i + 1 < len(words) and words[i + 1].lower() in table.personal_pronouns:
            break  # "6,000 nurses | and I pay tribute": a new clause, not a second noun
        out.append(word)
        if len(out) >= 8:
            break
    return _phrase(out)


def _is_base_verb(words: Sequence[str], i: int) -> bool:
    """Whether words[i] is a listed verb in its base form before a lower-case word ("millions | go
    to bed"): no plural noun ("three cuts"), and no participle before its noun ("reported cases")."""
    low, table = words[i].lower(), load_words()
    return (low in table.verbs and low not in table.auxiliaries and not low.endswith("s") and not _is_participle(low)
            and i + 1 < len(words) and words[i + 1][:1].islower())


_ACT_WORDS = 4


def _act_after(after: str) -> str:
    """What a bare count is said to do, right after it ("hundreds of millions | go to bed hungry"
    gives "go to bed hungry"): up to the first punctuation, a few words at most."""
    words = _first_tokens(after, _ACT_WORDS + 1)
    if not words or not _is_base_verb(words, 0):
        return ""
    out: list[str] = []
    for word in words[:_ACT_WORDS]:
        if not word[0].isalnum():
            break
        out.append(word)
    return _phrase(out)


def _counted_noun(after: str) -> str:
    """The noun a count counts, right after it; none when a determiner follows the figure, since the
    figure is its noun's determiner ("11,443 | this time last week")."""
    first = _first_tokens(after, 1)
    if first and first[0].lower() in load_words().determiners:
        return ""
    return noun_phrase_after(after)


def _modifies_next(words: Sequence[str], i: int) -> bool:
    """Whether words[i] stands before a noun it narrows: a lower-case word follows that is no stop,
    verb, auxiliary or time word ("final year | medics", not "people year | on year", "tests | ago")."""
    if i + 1 >= len(words):
        return False
    nxt, table = words[i + 1], load_words()
    low = nxt.lower()
    return (nxt.isalpha() and nxt.islower() and low not in table.np_stops and low not in table.stop_words
            and low not in table.verbs and low not in table.auxiliaries and low not in table.head_breaks and low != "ago")


def _opens_clause(after: str, noun: str) -> bool:
    """Whether an auxiliary follows the counted noun ("3000 people | were dying"): the count is the
    subject of its own clause."""
    words = _first_tokens(after[after.find(noun) + len(noun) :], 1) if noun else []
    return bool(words) and words[0].lower() in load_words().auxiliaries


def _figure_follows(words: Sequence[str]) -> bool:
    """Whether the words (after an "and") open another figure, past a hedge ("almost 90,000")."""
    table = load_words()
    rest = [w for w in words[:3] if w.lower() not in table.qualifier_words]
    if not rest:
        return not words
    first = rest[0]
    return first[0].isdigit() or first.lower() in load_number_words().units or first.lower() in load_number_words().tens


def _is_acronym(word: str, words: Sequence[str], i: int) -> bool:
    """A word in capitals before a word that is not: a name ("WHO regions"), not a stop word of a
    heading set in capitals."""
    return len(word) > 1 and word.isupper() and i + 1 < len(words) and not words[i + 1].isupper()


_VERB_BEFORE = re.compile(r"\b(?P<verb>[a-z]+)\s+(?:(?:by|at|to|of|about|around|some|nearly|almost|roughly|only|just)\s+){0,2}$")


def _verb_noun(clause_before: str) -> str:
    """The noun of the movement verb right before a rate ("to grow by | 4.6 percent" -> "growth")."""
    m = _VERB_BEFORE.search(clause_before[-60:])
    return load_words().verb_nouns.get(m.group("verb"), "") if m else ""


# Commas between digits belong to numbers ("1,000"), not to the clause.
_SEGMENT_COMMA = re.compile(r",(?:(?<!\d,)|(?!\d))")


def _segments(clause: str) -> list[str]:
    return _SEGMENT_COMMA.split(clause)


_CLAUSE_JOINERS = frozenset({"and", "or", "but", "while", "whereas"})


def _is_verb(words: Sequence[str], i: int) -> bool:
    """Whether words[i] is the verb: a verb-like word after a determiner or possessive ("the
    increase", "the region's total") or before "in"/"of" ("value added of") is a noun."""
    table = load_words()
    low = words[i].lower()
    if low not in table.verbs:
        return False
    if i and (words[i - 1].lower() in table.noun_markers or _OWNER.search(words[i - 1])):
        return False
    nxt_word = words[i + 1] if i + 1 < len(words) else ""
    if (low.endswith("ed") and (i == 0 or words[i - 1].lower() in _CLAUSE_JOINERS) and nxt_word[:1].islower()
            and nxt_word.lower() not in table.head_breaks and nxt_word.lower() not in table.auxiliaries):
        return False  # "reported cases from Africa have increased": a participle opening its noun phrase
    if i > 1 and words[i - 1].lower().endswith("ly") and words[i - 2].lower() in table.modifier_markers:
        return False  # "the sales area of newly built housing": a modifier, not the verb
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    return not (nxt in ("in", "of") and low in table.nouns_before_of)


def _first_verb(words: Sequence[str]) -> int | None:
    table = load_words()
    verbs = table.verbs
    for i, word in enumerate(words):
        if word.lower() in verbs and _is_verb(words, i):  # the set test first: most words are no verb
            if i and word.lower() in table.participle_enders and _is_participle(words[i - 1].lower()):
                return i - 1  # "revised | up from": the verb is the word its particle follows
            return i
    # No listed verb: a past-tense form after a noun ("the Committee lifted ...") is the verb.
    for i in range(1, len(words)):
        low = words[i].lower()
        if low.endswith("ed") and len(low) > 4 and words[i - 1].lower() not in table.noun_markers:
            return i
    return None


def _strip_qualifier_tail(words: list[str]) -> list[str]:
    qualifiers = load_words().qualifier_words
    end = len(words)
    while end and words[end - 1].lower() in qualifiers and words[end - 1].lower() not in ("of", "by", "to"):
        end -= 1
    return words[:end]


# "this year it is expected to ...": an opening time adverbial is no part of the subject.
_TIME_UNITS = "year|quarter|month|half|week"
_LEADING_TIME = re.compile(
    r"^\s*(?:(?:in|during|over|for|by|since|from|at)\s+)?(?:the\s+)?(?:(?:this|last|next|past|previous|current|same|coming|first|second|third|fourth)\s+)?"
    rf"(?:(?:{_TIME_UNITS})s?\b|(?:19|20)\d\d\b)",
    re.IGNORECASE,
)


def _without_leading_time(segment: str) -> str:
    found = _LEADING_TIME.match(segment)
    return segment[found.end() :] if found else segment


def _noun_before_of(words: list[str]) -> str | None:
    """For "a harvest rate of 89%": the noun phrase before the final "of"."""
    if not words or words[-1].lower() != "of":
        return None
    table = load_words()
    out: list[str] = []
    for word in reversed(words[:-1]):
        low = word.lower()
        if low in table.of_phrase_stops or low in table.verbs or not word[0].isalnum() or len(out) >= 6:
            break
        out.insert(0, word)
    if not out or out[-1].lower() in table.movement_nouns:
        return None
    return _phrase(out)


def _object_before_by(words: list[str]) -> str | None:
    """For "increase grain output by 2 billion jin" (or "to 1 trillion yuan"): the object between
    the verb and "by" or "to"."""
    if len(words) < 3 or words[-1].lower() not in ("by", "to"):
        return None
    table = load_words()
    verb = None
    for i in range(len(words) - 2, -1, -1):
        if words[i].lower() in table.verbs:
            verb = i
            break
    if verb is None or verb == len(words) - 2:
        return None
    obj = words[verb + 1 : -1]
    if all(w.lower() in table.qualifier_words for w in obj) or obj[0].lower() in table.head_breaks or obj[0][0].isdigit():
        return None  # "reached up to", "go from 100 billion to": no object, a hedge or a range
    return _phrase(obj) or None


def _object_held_at(words: list[str]) -> str | None:
    """For "keep GDP growth at about 5.5%": the object a holding verb sets at the figure. Takes
    the clause's words before the figure with its hedge ("about") still on."""
    table = load_words()
    qualifiers = table.qualifier_words
    end = len(words)
    while end and words[end - 1].lower() != "at" and words[end - 1].lower() in qualifiers:
        end -= 1
    if end < 3 or words[end - 1].lower() != "at":
        return None
    words = words[:end]
    hold_verbs = table.hold_verbs
    verb = next((i for i in range(len(words) - 2, -1, -1) if words[i].lower() in hold_verbs), None)
    if verb is None or verb == len(words) - 2:
        return None
    obj = words[verb + 1 : -1]
    if obj[0].lower() in table.head_breaks or obj[0][0].isdigit():
        return None
    if any(w.lower() in table.verbs for w in obj):
        return None  # "maintain X and increase Y by at least": another verb governs the figure
    phrase = _phrase(obj)
    first = phrase.split()[0].lower() if phrase else ""
    if not phrase or _is_pronoun(phrase) or first in table.personal_pronouns or first in table.pronouns:
        return None  # "keep them anchored at 2%": the object names nothing
    return phrase


def _continues_list(words: list[str], before: Sequence[str]) -> bool:
    """Whether `words` carry on a list that the segment `before` began ("Exports of vehicles, |
    batteries and solar cells rose"): that segment is a bare noun phrase opening the sentence."""
    if len(before) < 2 or not words or not words[0][:1].islower():
        return False
    table = load_words()
    first = before[0].lower()
    if (first in table.head_breaks or first in table.openers or first in table.determiners or _is_participle(first)
            or _LEADING_TIME.match(" ".join(before)) or before[0][0].isdigit()):
        return False
    lowered = words[0].lower()
    return lowered not in table.determiners and lowered not in table.verbs and _first_verb(before) is None


@lru_cache(maxsize=4096)
def _segment_tokens(segment: str) -> tuple[str, ...]:
    # The segments before a figure are read again for each later figure of the sentence.
    return tuple(_tokens(segment))


def subject_before(clause_before: str, *, earlier_segments: bool = True) -> str:
    """The noun phrase before the verb that governs a figure, from the clause text before it."""
    table = load_words()
    segments = _segments(clause_before)
    last_words = _tokens(_without_leading_time(segments[-1]))
    held = _object_held_at(last_words)
    if held:
        return held
    words = _strip_qualifier_tail(last_words)
    for rule in (_noun_before_of, _object_before_by):
        found = rule(words)
        if found:
            return found
    verb = _first_verb(words)
    subject = _phrase(words[:verb]) if verb is not None else ""
    if verb is not None and len(segments) > 1 and subject and _continues_list(words, _segment_tokens(segments[-2])):
        # "Exports of vehicles, batteries and solar cells rose": the list began a segment earlier.
        words = [*_segment_tokens(segments[-2]), ",", *words]
        verb = _first_verb(words)
        subject = _phrase(words[:verb]) if verb is not None else ""
    if subject and _PURE_NUMBER.match(subject.split(" ", 1)[0]):
        subject = ""  # "1.5 points higher than ... and 0.9": a figure listed before, not a subject
    if not _names_nothing(subject):
        return subject
    if len(segments) == 1:
        return subject  # the rules below read the segments before the last
    # "six indicators, namely GDP, investment, ..., all ranked": the phrase before the list.
    for i in range(1, len(segments) - 1):
        first = segments[i].split(None, 1)[:1]
        if first and first[0].lower() in table.list_cues:
            seg_words = _segment_tokens(segments[i - 1])
            verb = _first_verb(seg_words)
            return _phrase(seg_words[:verb] if verb is not None else seg_words)
    if not subject and all(w.lower() in table.qualifier_words for w in words):
        # "The unemployment rate, at 4.1 percent, remains low": an aside naming its subject before.
        seg_words = _segment_tokens(segments[-2])
        if seg_words and seg_words[0][0].isalpha() and seg_words[0].lower() not in table.head_breaks and _first_verb(seg_words) is None:
            return _phrase(seg_words)
    if not subject and earlier_segments:
        # "the unemployment rate shows small changes, 6.2% in February", "output reached 5 million
        # tons, accounting for 91%": a figure in a clause with no subject of its own.
        for segment in reversed(segments[:-1]):
            found = _segment_subject(segment)
            if found is not None:
                return found
    return subject


@lru_cache(maxsize=4096)
def _segment_subject(segment: str) -> str | None:
    """The subject an earlier segment of the clause lends a figure with none of its own; None
    when the segment has none to lend and the search goes on to the segment before it."""
    table = load_words()
    seg_words = _segment_tokens(segment)
    if seg_words and seg_words[0][0].isdigit():
        return None  # a figure listed before this one ("6.2% in February, 5.9% in March")
    lowered = tuple(w.lower() for w in seg_words[: table.longest_topic_cue])
    if any(lowered[: len(cue)] == cue for cue in table.topic_cues):
        return _phrase(seg_words)  # "As for college graduates, 8.74 million will ..."
    verb = _first_verb(seg_words)
    if verb is None or seg_words[0].lower() in table.head_breaks:
        return None  # an opening adverbial ("In 2022", "Driven by projects") has no subject
    found = _phrase(seg_words[:verb])
    return found if found and not _is_pronoun(found) and not _opens_on_verb(found) else None


_CLAUSE_END = re.compile(r"[;.]")


def subject_after_clause(after: str) -> str:
    """For a figure inside an opening adverbial ("Over the past two years, X reached ..."): the
    subject of the clause that follows."""
    if _TO_BY_FROM.match(after):
        return ""  # "from eight years | to fourteen years": the other end of a range, no clause
    rest = _clause_after_adverbial(after)
    words = _tokens(_CLAUSE_END.split(rest, maxsplit=1)[0])
    verb = _first_verb(words)
    subject = _phrase(words[:verb] if verb is not None else words[:6])
    if verb is not None and any(_stands_as_pronoun(words, i, verb) for i in range(verb)):
        # "Over the past two years, we have intensified efforts": what was done, not who did it.
        end = verb
        while end < len(words) and words[end].lower() in load_words().auxiliaries:
            end += 1
        return noun_phrase_after(" ".join(words[end:]))
    return subject


_ADVERBIAL_TAIL_WORDS = 2


def _clause_after_adverbial(after: str) -> str:
    """The clause after an opening adverbial, from the words after its figure: past the adverbial's
    last words ("Eight years | later, ...") and past participle phrases set off by commas
    ("..., driven by the policies ..., the data looks ...")."""
    sentence = _CLAUSE_END.split(after, maxsplit=1)[0]
    parts = [p.strip() for p in _segments(sentence)]
    at = 0
    tail = parts[0].lower().split()
    if (not after.lstrip().startswith(",") and len(parts) > 1 and len(tail) <= _ADVERBIAL_TAIL_WORDS
            and not any(w in load_words().head_breaks for w in tail)):
        at = 1  # "Eight years | later, X ...": the adverbial ends at its comma ("two months | of fighting" is no end)
    while at + 1 < len(parts) and _opens_participle_phrase(parts[at]):
        at += 1
    if at == 0:
        return after.lstrip(" ,")
    return ", ".join(parts[at:]) + after[len(sentence) :]


def _opens_participle_phrase(segment: str) -> bool:
    """Whether a segment opens on a participle ("driven by the policies", "building on the gains")."""
    words = segment.split()
    return bool(words) and (_is_participle(words[0].lower()) or (len(words) > 1 and words[1].lower() == "by"))


def _stands_as_pronoun(words: Sequence[str], i: int, verb: int) -> bool:
    """Whether words[i], before the verb at `verb`, is a pronoun standing for the subject: "that"
    in "that number fell" marks a noun, as in "the number fell"; "we", and "that" just before the
    verb, stand alone."""
    table = load_words()
    low = words[i].lower()
    return low in table.personal_pronouns and not (low in table.noun_markers and i + 1 < verb)


def rank_topic(after: str) -> str:
    """What a rank is in: "ranked second nationwide in terms of new capacity" gives "new capacity"."""
    table = load_words()
    words = _tokens(after)
    lowered = [w.lower() for w in words]
    i = 0
    while i < len(words):
        for scope in table.rank_scopes:
            if tuple(lowered[i : i + len(scope)]) == scope:
                i += len(scope)
                break
        else:
            break
    if lowered[i : i + 3] == ["in", "terms", "of"]:
        i += 3
    elif lowered[i : i + 1] == ["in"]:
        i += 1
    else:
        return ""
    topic = noun_phrase_after(" ".join(words[i:]))
    if not topic or (topic[0].isupper() and len(topic.split()) <= 2):
        return ""  # "ranked first in China": a place, not a topic
    return topic


_OF_AFTER = re.compile(r"\s*of\s+([^,;.()]*)")
_COMPOUND = re.compile(r"^[\d.,]+-([A-Za-z]+)$")
_ATTACHED = re.compile(r"^-[\w-]+")
_VERB_FORM = re.compile(r"(?:ing|ed)$")
_TO_BY_FROM = re.compile(r"\s*(?:to|by|from)\b")


def _after_copula(clause_before: str) -> bool:
    """Whether a copula ("is", "stood at") leads straight to the figure: "X is 55% of Y"."""
    words = _strip_qualifier_tail(_tokens(clause_before[-60:]))
    return bool(words) and words[-1].lower() in load_words().copulas


def _of_subject(after: str) -> str:
    """For "75% of fiscal expenditures": X, unless X is the whole ("of the national total")."""
    m = _OF_AFTER.match(after)
    if not m or _names_whole(m.group(1)[:60]):
        return ""
    candidate = noun_phrase_after(after)
    return "" if _names_nothing(candidate) else candidate


# "X accounted for 47% of GDP": X is the part measured, GDP the whole.
_SHARE_VERB = re.compile(r"\b(?:account(?:ed|ing|s)?\s+for|ma(?:de|kes?|king)\s+up|represent(?:ed|ing|s)?|constitut(?:ed|ing|es?))\b[^,;]*$", re.IGNORECASE)
_CURRENCIES = frozenset({"CNY", "USD", "EUR", "GBP", "JPY", "AUD", "CAD", "HKD", "SGD", "INR", "MYR"})


def _has_share_verb(text: str) -> bool:
    return _SHARE_VERB.search(text) is not None


_IN_AFTER = re.compile(r"\s*in\s+(?=[a-z])")


def _in_subject(after: str) -> str:
    """For money "in" something: the lower-case noun after it (a capitalised one is a place)."""
    m = _IN_AFTER.match(after)
    if not m:
        return ""
    refs = find_time_refs(after[m.end() : m.end() + 40])
    if refs and refs[0].start == 0:
        return ""  # "$150 billion in the last four years": the time is the period's business
    candidate = noun_phrase_after(after[m.end() :])
    return "" if _is_pronoun(candidate) else candidate


_LOWER_NOUN_AFTER = re.compile(r"\s+(?P<word>[a-z][a-z-]+)\b")


def _noun_named_after(after: str) -> str:
    """The noun an amount qualifies when it stands right after it ("a $78 billion | deficit")."""
    m = _LOWER_NOUN_AFTER.match(after)
    table = load_words()
    if m is None:
        return ""
    word = m.group("word")
    if word in table.head_breaks or word in table.auxiliaries or word in table.verbs or word in table.stop_words \
            or word in table.qualifier_words or word.endswith("ly"):
        return ""
    if any(ref.start == m.start("word") for ref in find_time_refs(after[:40])):
        return ""  # "357 billion yuan | last year": a time, the period's business
    found = noun_phrase_after(after)
    return "" if _names_nothing(found) else found


_WHOLE_WORD = re.compile(r"[\w'’-]+")


def _names_whole(phrase: str) -> bool:
    """"the national total", "the region's total": the whole a share is of, not its subject."""
    table = load_words()
    last = None
    for word in _WHOLE_WORD.findall(phrase):
        if word.lower() in table.head_breaks:
            break
        last = word
    return last is not None and _POSSESSIVE.sub("", last.lower()) in table.share_bases


_RATE_UNITS = frozenset({"%", "pp", "bp"})
# "30 per cent | fall in iron ore prices", "23% | relative increase in deaths": a movement noun,
# perhaps after one word that qualifies it, and what moves after "in" or "of".
_MOVEMENT_IN = re.compile(r"\s*(?:[A-Za-z-]+\s+)?(?P<noun>[A-Za-z]+)\s+(?:in|of)\s+(?=[a-z])")


def measured_after(after: str) -> str:
    """What a rate measures when it is named right after the number: "4 percent | unemployment"
    gives "unemployment"; "30 per cent | fall in iron ore prices" and "23% | relative increase in
    deaths" give "iron ore prices" and "deaths"."""
    table = load_words()
    movement = _MOVEMENT_IN.match(after)
    if movement and movement.group("noun").lower() in table.movement_nouns:
        candidate = noun_phrase_after(after[movement.end() :])
        return "" if _names_nothing(candidate) else candidate
    words = tuple(w.lower() for w in _first_tokens(after, 3))
    for phrase in table.measured_nouns:  # longest first
        if words[: len(phrase)] == phrase:
            return " ".join(phrase)
    return ""


_RATE_NOUN_TAIL = re.compile(r"\s+rates?\b", re.IGNORECASE)
_MODIFIER = re.compile(r"[A-Za-z][\w-]*$")
_BARE_RATES = frozenset({"rate", "rates", "ratio", "ratios"})


def _rate_phrase(m: re.Match[str], text: str) -> str:
    """The rate noun matched in `text` with the words that narrow it just before ("headline
    inflation", "GDP growth", "the cash rate" gives "cash rate"), "" for a bare "rate"."""
    end = m.end()
    if tail := _RATE_NOUN_TAIL.match(text, end):
        end = tail.end()  # "unemployment rate", "interest rates"
    table = load_words()
    stops = table.stop_words | table.modifier_markers | table.qualifier_words | table.auxiliaries | table.verbs
    kept: list[str] = []
    before = text[: m.start()].split()
    words = before[-3:]
    first = len(before) - len(words)  # the index in `before` of words[0]
    for i in range(len(words) - 1, max(len(words) - 3, -1), -1):
        word, low = words[i], words[i].lower()
        if not _MODIFIER.match(word) or low in stops or _OWNER.search(low):
            break
        if first + i == 0 and word[0].isupper() and not word.isupper():
            break  # "Although GDP growth": the capitalised word that opens the clause; "GDP" is kept
        # "the surveyed unemployment rate": a participle after a determiner narrows the noun;
        # "we've lowered growth" is a verb.
        if low.endswith(("ed", "ing")) and not (i and words[i - 1].lower() in table.noun_markers):
            break
        kept.insert(0, word)
    if len(kept) == 2 and (len(words) < 3 or words[0].lower() not in table.noun_markers):
        kept = kept[1:]  # "expect GDP growth": two words narrow a rate only after "the" ("the trimmed mean inflation")
    phrase = " ".join([*kept, text[m.start() : end]])
    return "" if phrase.lower() in _BARE_RATES else phrase


def rate_noun_subject(clause_before: str, after: str) -> str:
    """What a percentage measures when its clause names a rate: the rate noun nearest before the
    figure ("GDP growth moderated from 3.4%", "the cash rate at 4.1%"), else the first one after it
    ("from 3 percent to 1.9 percent for global growth"). The clause subject before the verb is
    often a speaker's frame ("we've lowered our forecast"), not what the figure measures."""
    pattern = load_kind_words().rate_noun
    bare = ""
    for found in reversed(list(pattern.finditer(clause_before))):
        phrase = _rate_phrase(found, clause_before)
        if phrase and not _is_movement_only(phrase):
            return phrase
        bare = bare or phrase  # "GDP growth to slow in growth with 2.1%": the named growth before
    following = pattern.search(after[:80])
    return (_rate_phrase(following, after) if following else "") or bare


# What befell the people a count counts: "were injured", "have now been killed", "got sick", "died".
_STATE_AFTER = re.compile(
    r"\s*(?P<aux>(?:(?:have|has|had|were|was|are|is|got|get|been|now|already|reportedly)\s+){0,3})"
    r"(?P<state>(?!(?:been|seen|given|taken)\b)[a-z]+(?:ed|en)|died|dead|sick|ill|missing)\b"
)
# Without an auxiliary only these say what befell them ("3.3 million displaced"); "1.05 million
# compared with" is a comparison.
_BARE_STATES = frozenset({"died", "dead", "displaced", "injured", "killed", "wounded", "missing", "detained"})


def _state_after(after: str, noun: str) -> str:
    """The state a generic count is said to be in, right after its noun ("people | were injured")."""
    at = after.find(noun) + len(noun) if noun else 0
    m = _STATE_AFTER.match(after, at)
    if m is None or not (m.group("aux") or m.group("state") in _BARE_STATES):
        return ""
    return m.group("state")


# The object of a multiple that names the figure before ("double that number", "triple it").
_POINTS_BACK_AFTER = re.compile(r"\s*(?:(?:that|this|the)\s+(?:number|figure|amount|total|level)|it|them)\b", re.IGNORECASE)
_SHARE_OF_WHOLE_SAID = re.compile(r"\s(?:in|out\s+of)\s", re.IGNORECASE)  # "one in five", "three out of ten"
_SHARE_NOUN_SAID = re.compile(r"^\S+\s+(?P<noun>[a-z]+)\s+(?:in|out\s+of)\s")  # "nine families in ten"


def find_subject(clause_before: str, after: str, *, text: str, unit: str, kind: str, previous: str,
                 previous_in_sentence: bool = False) -> str:
    """The subject of one figure.

    `clause_before` is its clause up to the figure, `after` the sentence after it, `text` the
    figure's own span, `previous` the subject of the figure before it in the paragraph (and
    `previous_in_sentence` whether that figure shares this one's sentence)."""
    found = ""
    clause_before = load_words().amount_phrase.sub("", clause_before)  # "hit to the tune of | $20 billion"
    compound = _COMPOUND.search(text)
    earlier = not (previous_in_sentence and previous)
    known: dict[bool, str] = {}

    def before_verb(earlier_segments: bool) -> str:
        # The rules below may ask twice for the same subject before the verb: found once.
        if earlier_segments not in known:
            known[earlier_segments] = subject_before(clause_before, earlier_segments=earlier_segments)
        return known[earlier_segments]

    if unit == "%" and (_SHARE_OF_WHOLE_SAID.search(text) or load_kind_words().ratio_after.match(after)):
        # "one in five people facing hunger": the whole counted after it; "a 47 per cent likelihood
        # that ...": the likelihood it states
        found = noun_phrase_after(after)
        if not found and (said := _SHARE_NOUN_SAID.match(text)):
            found = said.group("noun")  # "nine families in ten will receive": the families
    elif unit in _RATE_UNITS and (measured := measured_after(after)):
        found = measured
    elif unit in _RATE_UNITS and kind != "share" and (rate := rate_noun_subject(clause_before, after)):
        found = rate
    elif unit == "times" and previous and _POINTS_BACK_AFTER.match(after):
        found = previous  # "to reach 1 million cases, but ... to nearly double that number": those cases
    elif kind == "rank":
        found = rank_topic(after) or before_verb(earlier)
        if not found and previous_in_sentence:
            found = previous  # "12 of them rank among the top 100": what the figure before counts
    elif compound and unit != "count" and unit not in _CURRENCIES:
        noun = " ".join(noun_phrase_after(_ATTACHED.sub("", after)).split()[:2])
        # "a 7.1-magnitude earthquake" measures the earthquake's magnitude; "15-year education" lasts.
        found = noun if unit in ("year", "month", "day", "%") or not noun else f"{noun} {compound.group(1)}"
    elif unit == "count":
        found = _counted_noun(after)
        if (not found or _is_generic(found)) and (state := _state_after(after, found)):
            # "130 people were injured"; "4.6 million displaced" counts the people it names by their state
            found = f"{found or load_words().implied_noun} {state}"
        elif not found and (act := _act_after(after)):
            found = f"{load_words().implied_noun} {act}"  # "hundreds of millions | go to bed hungry": people who do so
        elif previous_in_sentence and previous and _is_generic(found) and not _opens_clause(after, found):
            # "an increase of 350,000 people": more of what the figure before counts; "3000 people
            # were dying" is a clause of its own, and its people are its subject
            found = previous
    elif unit in ("year", "month", "day") and (spanned := _spanned_after(after)):
        found = spanned  # "after nine months of holding rates steady", "37 days without a new case"
    elif unit in _SPAN_UNITS and (state := _state_lasting(clause_before)):
        found = state  # "people who have been out of work for at least | 27 weeks": the state that lasts
    elif unit in ("year", "month", "day"):
        if previous_in_sentence and previous:
            return previous  # "ranked first for three consecutive years": the run of that figure
        found = before_verb(True) or subject_after_clause(after)
    elif _VERB_FORM.search(text) and not _TO_BY_FROM.match(after):
        # "more than doubling the clearance efficiency", "the doubling in national savings"
        found = noun_phrase_after(after[m.end() :] if (m := _IN_AFTER.match(after)) else after)
    elif kind != "ratio" and not _has_share_verb(clause_before[-60:]) and not (unit == "%" and _after_copula(clause_before)):
        # "75% of fiscal spending went to ..." names the part; "capacity is 55% of world capacity"
        # names the whole after "of", its subject stands before the verb.
        found = _of_subject(after)
        if not found and unit in _CURRENCIES:
            found = _in_subject(after) or _noun_named_after(after)  # "$1.4 billion in assistance", "a $78 billion deficit"
    # "a pick-up in growth to 1.7 percent": a rate names its movement noun when nothing else names it
    rate_noun = found if unit in _RATE_UNITS and _is_movement_only(found) else ""
    if _names_nothing(found):
        found = before_verb(earlier)
    if unit in _RATE_UNITS and _names_nothing(found):
        found = _verb_noun(clause_before) or found
    if rate_noun and not found:
        return rate_noun
    if _holds_amount(found):
        found = ""  # "forecast to slow from 3.5 percent | to 3 percent": words around another figure
    if previous and _names_nothing(found):
        found = f"{previous} {found}" if _is_movement_only(found) else previous
    return "" if _is_pronoun(found) or _opens_on_verb(found) else _without_time(found)


def _opens_on_verb(phrase: str) -> bool:
    """Whether a phrase opens on an auxiliary ("is cost of living relief") or a participle before
    "by" ("Followed by a partial recovery"): a clause fragment, no noun phrase."""
    words = phrase.lower().split()
    return bool(words) and (words[0] in load_words().auxiliaries or (len(words) > 1 and words[1] == "by"))


# A sum of money or a percentage inside a phrase ("It's currently $ 63", "slow from 3.5 percent"),
# or a phrase that is a number alone ("4½"): another figure, not what this one measures.
_AMOUNT_INSIDE = re.compile(r"[$€£¥]\s?\d|\d\s?(?:%|per\s?cent\b|percent\b)|^[\d.,½¼¾⅓⅔]+$", re.IGNORECASE)


def _holds_amount(phrase: str) -> bool:
    return bool(phrase) and _AMOUNT_INSIDE.search(phrase) is not None


_SPAN_UNITS = frozenset({"year", "month", "week", "day"})
# A state said to last "for" a length of time: "have been | out of work | for at least".
_STATE_LASTING = re.compile(
    r"\b(?:been|being|be|is|are|was|were|remains?|remained|stays?|stayed)\s+(?P<state>[a-z]+(?:[\s-][a-z]+){0,3}?)\s+for\s+(?P<hedge>(?:[a-z]+\s+){0,3})$",
    re.IGNORECASE,
)


def _state_lasting(clause_before: str) -> str:
    m = _STATE_LASTING.search(clause_before[-80:])
    if m is None:
        return ""
    table = load_words()
    if any(w.lower() not in table.qualifier_words for w in m.group("hedge").split()):
        return ""  # "was closed for the | ...": words of another kind between "for" and the figure
    state = m.group("state")
    first = state.split()[0].lower()
    if first in table.auxiliaries or first in table.determiners or _names_nothing(state):
        return ""
    return state


_SPAN_OF = re.compile(r"\s*(?:(?P<of>of)|(?P<without>without))\s+", re.IGNORECASE)


def _spanned_after(after: str) -> str:
    """What a length of time is said to be of, right after it: "40 years | of conflict" gives
    "conflict", "30 years | without cholera" gives "without cholera"."""
    m = _SPAN_OF.match(after)
    if m is None:
        return ""
    noun = noun_phrase_after(after[m.end() :])
    if _names_nothing(noun):
        return ""
    return f"without {noun}" if m.group("without") else noun


_TRAILING_PREPOSITION = re.compile(r"\b(?:in|for|during|of|at|by|since|from|over)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _without_time(subject: str) -> str:
    """"unemployment rate in March" is the unemployment rate: the time is the period's business."""
    refs = [r for r in find_time_refs(subject) if r.scope in ("point", "compare")]
    if not refs:
        return subject
    kept, at = [], 0
    for ref in refs:
        kept.append(_TRAILING_PREPOSITION.sub("", subject[at : ref.start]))
        at = ref.end
    kept.append(subject[at:])
    cleaned = " ".join(" ".join(kept).split()).strip(" ,")
    return cleaned or subject
