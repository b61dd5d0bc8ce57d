"""Compiled regexes for quantity extraction, named by purpose and built from the word tables."""

from __future__ import annotations

import re
from collections.abc import Iterable

from podium import scan
from podium.quantities.words import load

_W = load()

# Patterns not every figure needs (a minus sign, a legal section, "top ten" ...) are compiled on
# first use, so a one-file run compiles only those it reads. The module's __getattr__ compiles one
# when it is first read and keeps it as a module attribute.
_COMPILE_LATER: dict[str, tuple[str, int]] = {}


def _compile_later(name: str, source: str, flags: int = 0) -> None:
    _COMPILE_LATER[name] = (source, flags)


def __getattr__(name: str) -> re.Pattern[str]:
    if name not in _COMPILE_LATER:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    source, flags = _COMPILE_LATER[name]
    pattern = re.compile(source, flags)
    globals()[name] = pattern
    return pattern


def _trie(words: Iterable[str]) -> str:
    """The words as one alternation, written as a character trie (`scan.trie`)."""
    return scan.trie(words)


def _lower_trie(words: Iterable[str]) -> str:
    """What `_alternation` of lower-case words matches in a case-blind pattern, as a trie."""
    return scan.trie(set(words), space=r"\s+")


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so "metric tons" wins over "tons"; spaces match any run of blanks."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


# --- numbers ----------------------------------------------------------------------------------

_UNIT_WORD = _lower_trie(w for w in _W.units if w != "zero") + "|zero"
_TENS_WORD = _lower_trie(_W.tens)
_SCALE_WORD = _lower_trie(_W.scales)
_VULGAR = "".join(_W.vulgar_fractions)
# One blank run that may hold a single hard line break ("$2" / "trillion").
_GAP = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)"

# Slash fractions first: "5-1/4", "5 1/4", "1/3" (not dates such as "5/21/2024").
SLASH_FRACTION = r"(?:\d{1,3}[- ])?\d/(?:16|10|[2-9])(?![\d/])"
# Thousands grouped by a space, as WHO and UN texts write them ("375 000"), but not a count before a
# compound ("11 100-billion-yuan projects") nor a longer run of digits; a full stop or comma may
# follow the group when no digit does ("will soon reach 700 000.").
_SPACE_GROUPED = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d-]|[,.]\d)"
DIGITS = rf"{SLASH_FRACTION}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|{_SPACE_GROUPED}|\d+(?:\.\d+)?|\.\d+"
# "forty-two", "twenty two", "one hundred and five", "a million" (the "a" only before a scale).
WORD_NUMBER = (
    rf"(?:(?:{_TENS_WORD})(?:[- ](?:{_UNIT_WORD}))?|{_UNIT_WORD}|a(?={_GAP}(?:{_SCALE_WORD})\b))"
    rf"(?:\s+hundred(?:\s+(?:and\s+)?(?:(?:{_TENS_WORD})(?:[- ](?:{_UNIT_WORD}))?|{_UNIT_WORD}))?)?"
)
SCALES = rf"(?:{_SCALE_WORD})(?:{_GAP}(?:{_SCALE_WORD}))*"
# Scientific notation after a number: "3 x 10^5", "1.99×10−30", "1.5 × 10⁶". Without a caret or
# superscript the exponent needs its sign and a times sign ("2 × 100 m" is no power of ten).
SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
TIMES_TEN_AFTER = re.compile(
    r"[ \t]?(?:[×·xX*][ \t]?10[ \t]?(?:\^|\*\*)[ \t]?(?P<caret>[-−–+]?\d+)"
    r"|[×·][ \t]?10(?P<signed>[-−–]\d+)"
    r"|[×·xX][ \t]?10(?P<superscript>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))(?![\d.])"
)
# "aged 30", "under the age of five"; the second age of a pair or range too ("aged 4 and 12", "ages 5 to 11"),
# unless a noun follows it ("under the age of 10 and eight pregnant women": a count).
AGE_BEFORE = re.compile(r"\b(?:aged|ages?\s+of|ages)[ \t]+(?P<pair>\d{1,3}[ \t]*(?:and|to|or|-|–)[ \t]*)?$", re.IGNORECASE)
# A decimal said aloud after a number word: "two point 9", "one point five" (captions write either).
SPOKEN_POINT = re.compile(rf"[ \t]+point[ \t]+(?P<decimals>\d+|{_UNIT_WORD})\b", re.IGNORECASE)
_PREFIX = _lower_trie(p.lower() for ps in _W.currency_prefixes.values() for p in ps)
# "minus-130": a minus word may touch its number with a hyphen, which no other word may.
_AFTER_MINUS_WORD = "".join(f"|(?<={re.escape(w)}-)" for w in _W.minus_words)
# A currency code ending in a letter may touch its number ("GBP4m", "RM12"): the number may then
# follow that letter, which it may follow nowhere else. One look back per length of code.
_CODES_BY_LENGTH: dict[int, list[str]] = {}
for _code in sorted({p for ps in _W.currency_prefixes.values() for p in ps if p[-1].isalpha()}):
    _CODES_BY_LENGTH.setdefault(len(_code), []).append(re.escape(_code))
_AFTER_CODE = "".join(f"|(?<=(?<![A-Za-z])(?-i:{'|'.join(codes)}))" for _, codes in sorted(_CODES_BY_LENGTH.items()))

# A number with its scale words, matched where a seed starts: "18 billion", "4¼", "Nineteen",
# "100-billion". A currency mark before it is read by PREFIX_BEFORE. A stray point before a fraction
# sign is a slip of the keyboard: "6.½" is 6½, as no decimal ends in "½".
NUMBER_AT = re.compile(
    rf"(?:(?<![\w.,:/)\]]){_AFTER_CODE})(?:(?<![A-Za-z]-){_AFTER_MINUS_WORD})"
    rf"(?P<number>(?:{DIGITS})(?:\.?[{_VULGAR}])?|[{_VULGAR}]|(?:{WORD_NUMBER})\b)"
    rf"(?P<and_half>{_GAP}and{_GAP}a{_GAP}half\b)?"
    rf"(?P<scale>(?:{_GAP}|-)(?:{SCALES})\b)?",
    re.IGNORECASE,
)
# A minus sign written against the number ("-0.3%", "−1.2"), after a blank or an opening bracket.
# Not after another number ("2 - 3" is a range).
MINUS_BEFORE: re.Pattern[str]
_compile_later("MINUS_BEFORE", r"(?:^|(?<=[(\[:])|(?<=[^\d\s][ \t])|(?<=\n))[-−]$")

# Not after a letter or an apostrophe: "that's $10" is a dollar, not "S $" (Singapore).
PREFIX_BEFORE = re.compile(rf"(?<![A-Za-z'’])(?P<prefix>{_PREFIX})[ \t]?$", re.IGNORECASE)
# Abbreviated scale right after a currency figure: "$18bn", "£2.5m".
SCALE_ABBREVIATION = re.compile(rf"(?:{_lower_trie(_W.scale_abbreviations)})(?![A-Za-z])", re.IGNORECASE)

# --- units after a number ---------------------------------------------------------------------

_UNIT_BY_WORD: dict[str, str] = {w.lower(): uid for uid, ws in _W.unit_words.items() for w in ws}
# A word may follow "%" with no blank where a line join lost it ("4%in September").
UNIT_AFTER = re.compile(
    rf"(?:{_GAP}|-|)(?P<unit>{_lower_trie(_UNIT_BY_WORD)})(?:(?<=%)|(?![A-Za-z]))", re.IGNORECASE
)


_UNIT_BY_SYMBOL: dict[str, str] = {sym: uid for uid, syms in _W.unit_symbols.items() for sym in syms}
_LONG_SYMBOLS = [sym for sym in _UNIT_BY_SYMBOL if len(sym) > 1 or not sym.isalpha()]
_LETTER_SYMBOLS = [sym for sym in _UNIT_BY_SYMBOL if len(sym) == 1 and sym.isalpha()]
# Case-sensitive. A one-letter symbol needs a blank before it ("5 m", not the "2s" of "the low 2s");
# a glued one ("45g") is named `glued` and read only after a number of more than one digit.
UNIT_SYMBOL_AFTER = re.compile(
    rf"(?:[ \t]?(?P<symbol>{_alternation(_LONG_SYMBOLS)})|[ \t](?P<letter>{_alternation(_LETTER_SYMBOLS)})"
    rf"|(?P<glued>{_alternation(_W.glued_letter_symbols)}))"
    rf"(?![A-Za-z0-9µμ])"
)


def unit_id(word: str) -> str:
    """The unit id a unit word or symbol names ("metric tons" -> "t", "°C" -> "degC")."""
    if word in _UNIT_BY_SYMBOL:
        return _UNIT_BY_SYMBOL[word]
    lowered = word.lower()
    # Most unit words are written with the table's single blanks: only others need them normalised.
    return _UNIT_BY_WORD.get(lowered) or _UNIT_BY_WORD[" ".join(lowered.split())]


_PREFIX_UNIT: dict[str, str] = {p.strip().lower(): uid for uid, ps in _W.currency_prefixes.items() for p in ps}


def prefix_unit(prefix: str) -> str:
    return _PREFIX_UNIT[prefix.strip().lower()]


# --- other figures ----------------------------------------------------------------------------

_NUMERATOR = rf"(?:{_UNIT_WORD})"
# "one-fifth", "two thirds", "a quarter of", "half" (alone; calendar halves are filtered later).
FRACTION: re.Pattern[str]
_compile_later(
    "FRACTION",
    rf"\b(?:(?P<numerator>{_NUMERATOR})[- ](?P<den>{_lower_trie(_W.denominators)})"
    rf"|(?P<a>a)\s+(?P<aden>{_lower_trie(_W.denominators)})(?=\s+of\b)"
    rf"|(?P<half>half))\b",
    re.IGNORECASE,
)
# "three quarters of a percentage point" (0.75 pp), "four-tenths of a percent" (0.4 %): a fraction of a
# rate's own unit, not a share of a whole.
FRACTION_OF_UNIT = re.compile(
    r"\s+of\s+a\s+(?:(?P<pp>percentage[- ]point|point)|(?:percent(?:age)?|per\s+cent))\b", re.IGNORECASE
)
# "one in five", "nine in 10", "three out of ten": a share of a whole said as a count of it, read
# at the numerator's end. Nothing may follow the whole that makes it a measure ("5 in 10 years").
SHARE_OF_N = re.compile(
    rf"[ \t]+(?:in|out[ \t]+of)[ \t]+(?P<den>\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{WORD_NUMBER})\b)"
    rf"(?P<scale>(?:{_GAP}|-)(?:{SCALES})\b)?(?![\d.,]\d)",
    re.IGNORECASE,
)
# "nine families in ten", "two people out of three": the same with the counted noun said at the part;
# the whole may then not count a noun of its own ("two families in three provinces").
SHARE_NOUN_BEFORE_N = re.compile(r"[ \t]+(?:[a-z]+s|people|children)(?=[ \t]+(?:in|out[ \t]+of)[ \t])")
SHARE_WHOLE_COUNTS_A_NOUN = re.compile(r"[ \t]+(?!(?:is|was|has|does)\b)[a-z]+s\b", re.IGNORECASE)
VAGUE_PLURAL: re.Pattern[str]
# A vague plural counts what follows "of" ("thousands of officials"); one of a scale word
# ("hundreds of millions") is an amount in itself. The unit may follow: "billions of dollars".
_compile_later(
    "VAGUE_PLURAL",
    rf"\b(?:(?:{_lower_trie(w for w in _W.vague_plurals if ' of ' in w)})\b|(?:{_lower_trie(_W.vague_plurals)})(?=\s+of\b))"
    rf"(?:\s+of\s+(?P<unit>{_lower_trie(u for us in _W.unit_words.values() for u in us if u.lower().endswith(('dollars', 'euros', 'pounds')))}))?",
    re.IGNORECASE,
)
_ORDINAL = rf"(?:{_lower_trie(_W.ordinals)})\b|\d+(?:st|nd|rd|th)\b"
# "ranked No. 1", "ranks number 3": the number after "No." is the rank.
_NUMBERED_RANK = r"(?:No\.|number)\s*(?P<numbered>\d+)\b"
RANK_AFTER_VERB: re.Pattern[str]
_compile_later(
    "RANK_AFTER_VERB",
    rf"\b(?:{_lower_trie(_W.rank_verbs)})\s+(?:(?:{_lower_trie(_W.rank_fillers)})\s+){{0,3}}"
    rf"(?:(?P<ordinal>{_ORDINAL})|{_NUMBERED_RANK})",
    re.IGNORECASE,
)
# An ordinal made a position in a ranking, or a run of years, by the words after it, in this order:
# "for the fifth consecutive year" (a duration of five years), "the world's second-largest"
# (a rank even after "the"), "first nationwide" (a rank).
DIGIT_ORDINAL_AT = re.compile(r"\d+(?:st|nd|rd|th)\b")
ORDINAL_AS_RANK = re.compile(
    rf"\b(?P<ordinal>{_ORDINAL})(?:"
    rf"\s+(?:consecutive|straight|successive)\s+(?:(?P<unit>year|quarter|month|week|day)\b|(?P<annual>annual)\b)"
    rf"|[- ](?:{_lower_trie(_W.rank_superlatives)})\b"
    rf"|\s+(?P<place>{_lower_trie(_W.rank_places)})\b)",
    re.IGNORECASE,
)
# "the No. 1 trading partner", "No. 1 in the world": a rank, where "No. 1 Central Document" is a name.
NUMBERED_BEFORE: re.Pattern[str]
_compile_later("NUMBERED_BEFORE", r"\bNo\.[ \t]*$")
LOWER_WORD_AFTER: re.Pattern[str]
_compile_later("LOWER_WORD_AFTER", r"[ \t]+[a-z]")
# A capitalised word right before a bare number, mid-sentence: "Boeing 737", "Fortune 500".
CAPITALISED_WORD_BEFORE: re.Pattern[str]
_compile_later("CAPITALISED_WORD_BEFORE", r"(?P<lead>\S?)[ \t]*\b(?P<word>[A-Z][A-Za-z]*)[ \t]$")
TOP_N: re.Pattern[str]
_compile_later("TOP_N", rf"\btop[ -](?P<n>\d+|{_UNIT_WORD}|{_TENS_WORD})\b", re.IGNORECASE)

# --- context around a figure ------------------------------------------------------------------


# Qualifier phrases before a figure, looked up by the figure's last few words.
QUALIFIER_PHRASES: dict[str, str] = {
    " ".join(phrase.split()): q for q, phrases in _W.qualifiers_before.items() for phrase in phrases
}
QUALIFIER_MAX_WORDS = max(len(phrase.split()) for phrase in QUALIFIER_PHRASES)
# One group per qualifier, named by it, tried in the table's order.
QUALIFIER_AFTER: re.Pattern[str]
_compile_later(
    "QUALIFIER_AFTER",
    rf"[ \t\-]+(?:{'|'.join(f'(?P<{q}>{_lower_trie(ws)})' for q, ws in _W.qualifiers_after.items())})\b",
    re.IGNORECASE,
)
# Name heads are single words (letters and dots), looked up as the word before a number.
NAME_HEADS = frozenset(_W.name_heads)
# A house number: one to three capitalised words (or numbered streets, "71st") and a street word.
STREET_AFTER: re.Pattern[str]
_compile_later("STREET_AFTER", rf"^[ \t]+(?:[A-Z0-9][\w'’-]*[ \t]+){{1,3}}(?:{_trie(_W.street_words)})\b")
# The later labels of a list after one name word: "Figs. 3, 6–9", "phases 3, 5, and 7".
_LABEL = r"\(?\d+[a-z]?\)?(?:[–-]\d+[a-z]?)?"
NAME_LIST_BEFORE: re.Pattern[str]
_compile_later(
    "NAME_LIST_BEFORE",
    rf"(?<![\w.])(?P<head>[A-Za-z]+\.?)[ \t]+{_LABEL}(?:[ \t]*,[ \t]*{_LABEL})*(?:[ \t]*(?:,[ \t]*and|,|and|&)[ \t]*|[–-])$",
)
# A reference number in brackets after a word: "[12]", "[25,14]", "symptoms (30)", "(26,29,49)".
CITATION_BEFORE: re.Pattern[str]
_compile_later("CITATION_BEFORE", r"(?:\[|(?<=[A-Za-z)][ \t])\()(?:\d+(?:[–-]\d+)?,[ \t]?)*(?:\d+[–-])?$")
CITATION_AFTER: re.Pattern[str]
_compile_later("CITATION_AFTER", r"(?:[–-]\d+)?(?:,[ \t]?\d+(?:[–-]\d+)?)*[\])]")
# "June 26", and the second day of "July 20 and 21" or "January 20 to 21".
MONTH_BEFORE: re.Pattern[str]
_compile_later(
    "MONTH_BEFORE",
    rf"\b(?:{_lower_trie(_W.months)})\.?[ \t]+(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]*(?:,|and|to|-|–|through)[ \t]*)?$",
    re.IGNORECASE,
)
YEAR_PREPOSITION_BEFORE: re.Pattern[str]
_compile_later(
    "YEAR_PREPOSITION_BEFORE",
    r"\b(?:in|since|from|by|until|till|before|after|during|of|to|and|year|early|late|mid)[ \t]+$", re.IGNORECASE
)
MONTH_AFTER: re.Pattern[str]
_compile_later("MONTH_AFTER", rf"^(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?:{_lower_trie(_W.months)})(?![A-Za-z])", re.IGNORECASE)
CLOCK_AFTER: re.Pattern[str]
_compile_later(
    "CLOCK_AFTER", r"^(?::\d\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock|hours? GMT|GMT|EST|EDT|ET\b|noon\b|midnight\b))", re.IGNORECASE
)
ONE_PRONOUN_AFTER: re.Pattern[str]
_compile_later("ONE_PRONOUN_AFTER", rf"^\s+(?:{_lower_trie(_W.one_pronoun_after)})\b", re.IGNORECASE)
ONE_PRONOUN_BEFORE: re.Pattern[str]
_compile_later("ONE_PRONOUN_BEFORE", rf"\b(?:{_lower_trie(_W.one_pronoun_before)})\s+$", re.IGNORECASE)
# "one" before a lower-case noun counts it ("one new case", "one question"); "one kindergarten for
# every 102 children" is the base of a ratio, whose figure is the other number.
ONE_BEFORE_NOUN = re.compile(
    r"\s+(?:(?:new|more|single|additional|confirmed)\s+)?"
    r"(?!(?:for|among|and|but|the|that|which|who|with|from|into|per|was|were|is|are|has|had|have|will|would|"
    r"can|could|should|may|might|must|not|you|they|we|she|he|it|its|their|our|than|then|there|here|too|else|"
    r"less|only|just|also|again|another|after|before|since|until|when|where|while)\b)[a-z]{3,}\b(?![-'’])"
)
ONE_RATIO_BASE = re.compile(
    rf"\s+(?:[a-z-]+\s+){{1,3}}?(?:for\s+)?(?:every|each|out\s+of|per|in)\s+(?:\d|(?:{_UNIT_WORD}|{_TENS_WORD})\b)",
    re.IGNORECASE,
)
HYPHEN_WORD_AFTER: re.Pattern[str]
_compile_later("HYPHEN_WORD_AFTER", r"-[A-Za-z]")
# A letter, or a CJK character (a Chinese date or label: "1月15日"), touching the number.
# A Latin, Greek ("2σ", "30ε") or Chinese letter glued to a number: a label or a symbol's factor.
LETTER_AFTER = re.compile(r"[A-Za-z\u0370-\u03ff\u3000-\u303f\u4e00-\u9fff_]|/\d")  # "_": a file name ("20200616_e")
# "the first three quarters", "the first four months": a calendar stretch, not a figure.
# "13(3) powers", "Article 5(2)": a legal section, both numbers labels.
SECTION_AFTER: re.Pattern[str]
_compile_later("SECTION_AFTER", r"\(\w{1,3}\)")
SECTION_BEFORE: re.Pattern[str]
_compile_later("SECTION_BEFORE", r"\d\($")
# "2022-" before the "23" of "2022-23"
YEAR_JOINED_BEFORE: re.Pattern[str]
_compile_later("YEAR_JOINED_BEFORE", r"\d{4}[-–/]$")
SLASH = "/"
HALF_ARTICLE: re.Pattern[str]
_compile_later("HALF_ARTICLE", r"[ \t]+an?[ \t]+", re.IGNORECASE)
SCALE_WORD_AT: re.Pattern[str]
_compile_later("SCALE_WORD_AT", rf"(?:{SCALES})\b", re.IGNORECASE)
OF_AFTER: re.Pattern[str]
_compile_later("OF_AFTER", r"[ \t]+of\b", re.IGNORECASE)
# "a quarter | of a million": a fraction of a scale word is an amount, not a share.
OF_AN_AFTER: re.Pattern[str]
_compile_later("OF_AN_AFTER", r"[ \t]+of[ \t]+an?[ \t]+", re.IGNORECASE)
CALENDAR_FIRST_BEFORE: re.Pattern[str]
_compile_later("CALENDAR_FIRST_BEFORE", r"\bfirst[ \t]+$", re.IGNORECASE)
SENTENCE_START_BEFORE: re.Pattern[str]
_compile_later("SENTENCE_START_BEFORE", r"(?:^|[.!?:;\"“”(\n]\s*|\n\s*)$")
LIST_LABEL: re.Pattern[str]
_compile_later("LIST_LABEL", r"^[ \t]*\(?$")
# An item label within a line, after a colon or semicolon: "these three actions: 1. ensuring ...; 2. ..."
INLINE_LIST_LABEL: re.Pattern[str]
_compile_later("INLINE_LIST_LABEL", r"[:;][ \t]*\(?$")
LIST_LABEL_AFTER: re.Pattern[str]
_compile_later("LIST_LABEL_AFTER", r"^(?:[.)][ \t]|\))")
# The gaps between two figures are matched over their own span (from the end of one figure to the
# start of the next), so "$" is the next figure.
RANGE_GAP: re.Pattern[str]
_compile_later("RANGE_GAP", rf"[ \t]*(?:{_alternation(_W.range_joiners)})[ \t]*$", re.IGNORECASE)
BETWEEN_BEFORE: re.Pattern[str]
_compile_later("BETWEEN_BEFORE", r"\bbetween\s+$", re.IGNORECASE)
FROM_BEFORE: re.Pattern[str]
_compile_later("FROM_BEFORE", r"\bfrom\s+$", re.IGNORECASE)
RANGE_FROM_BEFORE: re.Pattern[str]
_compile_later("RANGE_FROM_BEFORE", rf"\b(?:{_lower_trie(_W.range_verbs)})\s+from\s+$", re.IGNORECASE)
RESPECTIVELY_AFTER: re.Pattern[str]
_compile_later("RESPECTIVELY_AFTER", r"(?:[^.;]|\.\d)*?\brespectively\b", re.IGNORECASE)
CHAIN_GAP: re.Pattern[str]
_compile_later("CHAIN_GAP", r"[ \t]*(?:to|and|or|,)[ \t]*$", re.IGNORECASE)
# A suspended hyphen: "7- or 8-inch", "two- and three-year" share the unit the last one states.
SUSPENDED_GAP: re.Pattern[str]
_compile_later("SUSPENDED_GAP", r"-[ \t]*(?:to|and|or|,)[ \t]*$", re.IGNORECASE)
PAREN_GAP: re.Pattern[str]
_compile_later("PAREN_GAP", r"[ \t]*\([ \t]*$")
# "the first half" is a calendar half; "two and a half" belongs to the number before it.
CALENDAR_HALF: re.Pattern[str]
_compile_later("CALENDAR_HALF", r"(?:first|second|latter|former|and\s+a)\s+$", re.IGNORECASE)
CALENDAR_HALF_AFTER: re.Pattern[str]
_compile_later("CALENDAR_HALF_AFTER", r"(?:-|\s+)(?:year|an?\b|century|decade|hour|day|month|time)", re.IGNORECASE)
# A quote that states a measure ("we expect 2 percent") is speech, not a name.
MEASURED_QUOTE = re.compile(r"[%$¥€£]|\bper ?cent\b|\bpercentage\b", re.IGNORECASE)
# A web address: its numbers ("...%5D=16%20") are no figures. Tried where "://" or "www." stands.
URL_MARKS = ("://", "www.")
URL = re.compile(r"(?:[A-Za-z][A-Za-z+.-]*://|www\.)\S+")
URL_REACH = 12  # how far before "://" a scheme may begin ("https")
QUOTE_OPENERS = ('"', "“")
QUOTED = re.compile(rf"[{''.join(QUOTE_OPENERS)}]([^\"“”\n]{{1,80}})[\"”]")
FURNITURE_LINE = re.compile(
    rf"^[ \t]*(?:{'|'.join(_W.furniture_lines)})[ \t]*$", re.IGNORECASE | re.MULTILINE
)

# --- seeds: where a figure may start -----------------------------------------------------------

NUMBER_WORDS = frozenset(_W.units) | frozenset(_W.tens)
SCALE_ARTICLE_WORDS = frozenset(f"a {w}" for w in (*_W.scales, *_W.denominators))
VAGUE_FIRST_WORDS = frozenset(w.split()[0] for w in _W.vague_plurals)
RANK_VERB_WORDS = frozenset(_W.rank_verbs)
ORDINAL_WORDS = frozenset(_W.ordinals)
MULTIPLE_WORDS = frozenset(_W.multiples)
VERB_MULTIPLE_WORDS = frozenset(_W.verb_multiples)
# "to nearly double that number": the verb after a modal, "to" or a hedge, before its object or the clause's end.
VERB_MULTIPLE_BEFORE = re.compile(rf"\b(?:{_lower_trie(_W.verb_multiple_before)})[ \t]+$", re.IGNORECASE)
VERB_MULTIPLE_AFTER = re.compile(rf"[ \t]*(?:[.,;:!?)]|$)|[ \t]+(?:{_lower_trie(_W.verb_multiple_after)})\b", re.IGNORECASE)
FRACTION_WORDS = frozenset({"half"})
TOP_WORD = "top"
_SEED_WORDS = (
    NUMBER_WORDS | SCALE_ARTICLE_WORDS | VAGUE_FIRST_WORDS | RANK_VERB_WORDS | ORDINAL_WORDS | MULTIPLE_WORDS
    | VERB_MULTIPLE_WORDS | FRACTION_WORDS | {TOP_WORD}
)  # fmt: skip
_SEED_WORD_TRIE = rf"(?:{_trie(sorted(_SEED_WORDS))})(?![a-z])"
# Both kinds of seed in one scan of the lower-cased text (matching there is case-sensitive), read
# with a blank put before it, as a seed word starts a word: every match opens with the non-letter
# before its seed. That character is itself the first digit of a run ("digits", with a seed word
# touching its end, "word_after": "5twofold"), or the character before a seed word ("word").
SEEDS = re.compile(
    rf"[^a-z](?:(?<=[\d{_VULGAR}])(?P<digits>[\d,.]*[{_VULGAR}]?)(?P<word_after>{_SEED_WORD_TRIE})?"
    rf"|(?P<word>{_SEED_WORD_TRIE}))"
)
