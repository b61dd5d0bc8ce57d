"""Finding every mention of a figure in a stretch of text, with exact spans.

Candidates come from a few regexes (numbers, spoken fractions, multiples, vague plurals, ranks);
each candidate is then judged by its context (dates, names, labels, pronouns) and given its unit
and qualifier. Offsets always index the text passed in, so `text[start:end] == mention.text`."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from podium.model import Quantity
from podium.quantities import patterns as P
from podium import scan
from podium.quantities.numbers import number_value, ordinal_value, scale_value
from podium.quantities.words import load
from podium.quantities.years import counts_a_noun, opens_a_counted_range

_W = load()
_CONTEXT = 48  # characters of context read on either side of a figure
_MAX_QUOTED_NAME_WORDS = 12  # a quoted stretch this short holding a number is a name, not a figure
_YEAR_RANGE = (1000, 2100)
_SURE_YEARS_FROM = 1800  # below this a four-digit number is a year only after "in", "since" ...
_DAYS_IN_MONTH = 31
_OPENERS = "(\"'“‘[—–"  # brackets, quotes and dashes that may open a qualifier phrase
_NOT_FIGURES_ALONE = frozenset({"one", "zero", "a"})  # number words that alone are rarely a figure
_CALENDAR_UNITS = frozenset({"quarter", "month", "week", "day"})  # "the first four months" is a period
_LENGTHENED_BY_LOWER_CASE = "\u0130"  # "İ"
_SPEECH_ENDS = ",.!?"  # marks a quoted clause ends on
_SENTENCE_OPENS = "\n.!?:"  # what may stand before a quote that opens a sentence

# Priority when two candidates overlap: a rank or a fraction reads the words around a number
# better than the number alone does.
_PRIORITY = {"rank": 0, "fraction": 1, "vague": 2, "multiple": 3, "number": 4}


@dataclass
class Mention:
    """A candidate figure before it becomes a Quantity."""

    start: int
    end: int
    value: float
    unit: str
    source: str
    qualifier: str = "exact"
    value_max: float | None = None
    number_end: int = 0  # end of the number and its scale, before any unit word
    scale: str | None = None
    has_own_qualifier: bool = False


def extract(
    text: str, start: int = 0, end: int | None = None, *, furniture: Sequence[tuple[int, int]] = ()
) -> list[Quantity]:
    """Every figure mentioned in `text[start:end]`, offsets into `text`; no mention overlaps a
    `furniture` span (page headers and numbers the structure stage found)."""
    end = len(text) if end is None else end
    blocked = _blocked_spans(text, start, end)
    mentions = _resolve_overlaps(_candidates(text, start, end))
    touching = [(s, e) for s, e in furniture if s < end and start < e]
    if blocked or touching:
        quoted, pages = SpanSet(blocked), SpanSet(touching)
        mentions = [m for m in mentions if not quoted.holds(m.start, m.end) and not pages.meets(m.start, m.end)]
    for mention in mentions:
        _set_qualifier(text, mention)
    _join_ranges_and_chains(text, mentions)
    mentions = [m for m in mentions if m.unit]  # the merged-away halves of ranges
    _inherit_hedges(text, mentions)
    return [_to_quantity(text, m) for m in mentions]


# --- candidates -------------------------------------------------------------------------------


def _candidates(text: str, start: int, end: int) -> list[Mention]:
    found: list[Mention] = []
    for seed, word in _seeds(text, start, end):
        found.extend(_mentions_at(text, seed, word, start, end))
    return found


def _seeds(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, lower-cased seed) for every place a figure may start: a digit, a fraction sign, or
    a word from the tables, digits first. The full patterns then run only at these places."""
    # Seeds are read in the lower-cased text, whose offsets are the text's: "İ", the one character
    # lower-cased to two, is read as "I". The blank put first stands for whatever precedes the
    # window, so a seed may open it.
    lowered = " " + text[start:end].replace(_LENGTHENED_BY_LOWER_CASE, "I").lower()
    digits: list[tuple[int, str]] = []
    words: list[tuple[int, str]] = []
    for match in P.SEEDS.finditer(lowered):
        if match.start("digits") >= 0:
            at = start + match.start() - 1  # the blank put first shifts offsets by one
            digits.append((_decimal_point_before(text, at, start), text[at : start + match.end("digits") - 1]))
            word = match.group("word_after")
            if word is not None:
                words.append((start + match.start("word_after") - 1, word))
        else:
            words.append((start + match.start("word") - 1, match.group("word")))
    return digits + words


def _half_of_one_after_article(text: str, seed: int, word: str, floor: int, limit: int) -> list[Mention]:
    """ "rise a half a percent": a spoken slip that doubles the article, the "a half" seed hiding
    the "half a percent" after it. Only half of one unit or scale is read there ("a half-point cut"
    stays as it was)."""
    rest = word.split()[-1]
    if rest not in P.FRACTION_WORDS:
        return []
    at = text.lower().find(rest, seed + 1, limit)
    if at < 0:
        return []
    return [m for m in _fraction_at(text, at, floor, limit) if m.source == "number"]


def _decimal_point_before(text: str, seed: int, floor: int) -> int:
    """The seed of ".5" is its point, unless the point ends a sentence or follows a digit."""
    if seed - 1 >= floor and text[seed - 1] == "." and not (seed - 2 >= floor and not text[seed - 2].isspace()):
        return seed - 1
    return seed


def _mentions_at(text: str, seed: int, word: str, floor: int, limit: int) -> list[Mention]:
    first = word[0]
    if first.isdigit():  # most seeds: a digit starts no fraction word, so only the number pattern runs
        return _number_at(text, seed, floor, limit)
    if first == "." or word in P.NUMBER_WORDS or word in P.SCALE_ARTICLE_WORDS:
        found = _fraction_at(text, seed, floor, limit) + _number_at(text, seed, floor, limit)
        if not found and word in P.SCALE_ARTICLE_WORDS:
            return _half_of_one_after_article(text, seed, word, floor, limit)
        return found
    if not word[:1].isalpha():
        return _number_at(text, seed, floor, limit)  # a lone fraction sign: "½ percent"
    if word in P.RANK_VERB_WORDS:
        return _rank_after_verb(text, seed, limit)
    if word in P.ORDINAL_WORDS:
        return _rank_before_place(text, seed, limit)
    if word in P.MULTIPLE_WORDS:
        return [Mention(seed, seed + len(word), _W.multiples[word], "times", "multiple")]
    if word in P.VERB_MULTIPLE_WORDS:
        return _verb_multiple_at(text, seed, word, floor, limit)
    if word == P.TOP_WORD:
        return _top_n(text, seed, limit)
    if word in P.FRACTION_WORDS:
        return _fraction_at(text, seed, floor, limit)
    return _vague_plural_at(text, seed, limit)


def _number_at(text: str, seed: int, floor: int, limit: int) -> list[Mention]:
    match = P.NUMBER_AT.match(text, seed, limit)
    if match and (share := _share_of_n(text, match, floor, limit)) is not None:
        return [share]
    mention = _number_mention(text, match, floor, limit) if match else None
    if mention is None and P.DIGIT_ORDINAL_AT.match(text, seed, limit):
        return _rank_before_place(text, seed, limit)  # "the 12th largest country", "the 18th consecutive day"
    return [mention] if mention else []


def _number_mention(text: str, match: re.Match[str], floor: int, limit: int) -> Mention | None:
    number, scale = match.group("number"), match.group("scale")
    before = text[max(floor, match.start() - 8) : match.start()]
    prefix, start = _currency_prefix(before, match.start())
    value = (number_value(number) + (0.5 if match.group("and_half") else 0.0)) * scale_value(scale)
    if not prefix and number[:1].isdigit() and _minus_before(before):
        value, start = -value, start - 1
    elif not prefix and (minus := _minus_word_start(text, match.start(), floor)) is not None:
        value, start = -value, minus
    unit = P.prefix_unit(prefix) if prefix else "count"
    said_end = match.end()
    if not scale and not number[:1].isdigit() and (point := P.SPOKEN_POINT.match(text, said_end, limit)):
        decimals = point.group("decimals")
        value += float("0." + (decimals if decimals.isdigit() else str(int(number_value(decimals)))))
        said_end = point.end()
    if not scale and number[:1].isdigit() and (power := P.TIMES_TEN_AFTER.match(text, said_end, limit)):
        value = float(f"{value!r}e{_exponent(power)}")  # exact: 1.99e-30, not 1.99 * 10.0 ** -30
        said_end = power.end()
    number_end, multiplier, unit_match = _scale_and_unit_after(
        text, said_end, limit, has_prefix=bool(prefix), has_scale=bool(scale)
    )
    value *= multiplier
    end = number_end
    if unit_match is not None and unit_match.lastgroup == "glued" and len(number.strip("+-−")) < 2:
        unit_match = None  # "5g", "4G": a network generation or a label, not five grams
    if unit_match is not None:
        unit_word = unit_match.group(unit_match.lastgroup or "unit")
        word_unit = P.unit_id(unit_word)
        if not prefix or word_unit == unit:
            unit, end = word_unit, unit_match.end()
            size = _W.unit_word_sizes.get(unit_word.lower())
            if size is not None:
                if number.isdigit() and _YEAR_RANGE[0] <= int(number) <= _YEAR_RANGE[1]:
                    return None  # "the 2010 decade" names a decade
                value *= size  # "four decades": 40 years
    elif P.LETTER_AFTER.match(text, end, limit):
        return None  # "21st", "5G", "1990s": a label, not an amount
    if unit == "count" and not scale and (age := P.AGE_BEFORE.search(text, max(floor, start - 16), start)):
        if not (age.group("pair") and P.LOWER_WORD_AFTER.match(text, end, limit)):
            unit = "year"  # "under the age of five"
    if unit == "count" and not scale:
        if _is_bare_slash_fraction(number):
            value, unit = 100 * value, "%"  # "1/3 of the members" is a share, like "one-third"
        elif _numbered_before(before) and P.LOWER_WORD_AFTER.match(text, end, limit):
            return Mention(start, end, value, "rank", "rank")  # "the No. 2 trading partner"
    mention = Mention(start, end, value, unit, "number", number_end=number_end, scale=_scale_key(scale))
    return None if _is_not_an_amount(text, mention, number, prefix, scale) else mention


def _exponent(power: re.Match[str]) -> int:
    said = power.group("caret") or power.group("signed") or power.group("superscript").translate(P.SUPERSCRIPT_DIGITS)
    return int(said.replace("−", "-").replace("–", "-"))


def _share_of_n(text: str, match: re.Match[str], floor: int, limit: int) -> Mention | None:
    """"one in five people", "nine in 10": a share (20 %, 90 %), as the guidelines write "one-fifth";
    the whole must be larger than the part, not a year, and no unit may follow it ("5 in 10 years")."""
    if match.group("scale") or match.group("and_half"):
        return None
    found = P.SHARE_OF_N.match(text, match.end(), limit)
    if found is None and (noun := P.SHARE_NOUN_BEFORE_N.match(text, match.end(), limit)):
        found = P.SHARE_OF_N.match(text, noun.end(), limit)
        if found and (
            P.SHARE_WHOLE_COUNTS_A_NOUN.match(text, found.end(), limit) or not _whole_of_a_said_share(found)
        ):
            return None
    if found is None or P.UNIT_AFTER.match(text, found.end(), limit) or P.LETTER_AFTER.match(text, found.end(), limit):
        return None
    if _currency_prefix(text[max(floor, match.start() - 8) : match.start()], match.start())[0]:
        return None
    whole_said = found.group("den")
    if whole_said.isdigit() and len(whole_said) == 4 and _YEAR_RANGE[0] <= int(whole_said) <= _YEAR_RANGE[1]:
        return None  # "3 in 2023"
    part, whole = number_value(match.group("number")), number_value(whole_said) * scale_value(found.group("scale"))
    if not 0 < part < whole:
        return None
    return Mention(match.start(), found.end(), 100 * part / whole, "%", "fraction")


def _verb_multiple_at(text: str, seed: int, word: str, floor: int, limit: int) -> list[Mention]:
    """"to nearly double that number", "could triple.": a multiple; "a double standard" is none."""
    end = seed + len(word)
    if not P.VERB_MULTIPLE_BEFORE.search(text, max(floor, seed - 24), seed) or not P.VERB_MULTIPLE_AFTER.match(text, end, limit):
        return []
    return [Mention(seed, end, _W.verb_multiples[word], "times", "multiple")]


def _whole_of_a_said_share(found: re.Match[str]) -> bool:
    """A whole a share is said against ("nine families in ten", "two in three", "one in 100"): ten
    or less, or a power of ten; "32 goals in 36 games" counts two things."""
    whole = number_value(found.group("den")) * scale_value(found.group("scale"))
    return whole <= 10 or str(int(whole)).rstrip("0") == "1"


def _one_counts_a_noun(before: str, after: str) -> bool:
    if P.ONE_PRONOUN_AFTER.match(after) or P.ONE_PRONOUN_BEFORE.search(before) or P.ONE_RATIO_BASE.match(after):
        return False
    return bool(P.ONE_BEFORE_NOUN.match(after))


def _minus_before(before: str) -> bool:
    return P.MINUS_BEFORE.search(before) is not None


def _minus_word_start(text: str, start: int, floor: int) -> int | None:
    """Where a minus said in words begins ("minus 4.9", "minus-130"): one blank or hyphen before
    the number, the word before that."""
    gap = start - 1
    if gap - 1 < floor or text[gap] not in " \t-" or not text[gap - 1].isalpha():
        return None
    for word in _W.minus_words:
        begin = gap - len(word)
        if begin >= floor and text[begin:gap].lower() == word and (begin == floor or not text[begin - 1].isalnum()):
            return begin
    return None


def _numbered_before(before: str) -> bool:
    return P.NUMBERED_BEFORE.search(before) is not None


def _currency_prefix(before: str, number_start: int) -> tuple[str | None, int]:
    """The currency mark written before the number ("$", "RMB ") and where the mention starts."""
    found = P.PREFIX_BEFORE.search(before)
    if found is None:
        return None, number_start
    if found.group("prefix").isalpha() and len(found.group("prefix")) <= 2 and found.end("prefix") < len(before):
        return None, number_start  # "RM12" is money; "RM 8546" is more often a label
    return found.group("prefix"), number_start - (len(before) - found.start())


def _scale_and_unit_after(
    text: str, number_end: int, limit: int, *, has_prefix: bool, has_scale: bool
) -> tuple[int, float, re.Match[str] | None]:
    """(end of the number, multiplier of an abbreviated scale, the unit word or symbol after it)."""
    unit_match = P.UNIT_AFTER.match(text, number_end, limit)
    multiplier = 1.0
    if not has_scale and unit_match is None:
        abbreviation = P.SCALE_ABBREVIATION.match(text, number_end, limit)
        if abbreviation is None and has_prefix and text[number_end : number_end + 1] == " ":
            # "$26 mn", "US$ 3 bn": an abbreviation of two letters or more may stand apart after money
            # ("$5 m" stays unread: a lone letter apart is more often a unit or a label).
            spaced = P.SCALE_ABBREVIATION.match(text, number_end + 1, limit)
            abbreviation = spaced if spaced is not None and len(spaced.group(0)) > 1 else None
        after = P.UNIT_AFTER.match(text, abbreviation.end(), limit) if abbreviation else None
        # "$18bn", or "1.2m tons" where a unit word follows; a bare "100m" stays unread.
        if abbreviation and (has_prefix or (after and after.start("unit") > abbreviation.end())):
            multiplier = _W.scale_abbreviations[abbreviation.group(0).lower()]
            number_end, unit_match = abbreviation.end(), after
    if unit_match is None:
        unit_match = P.UNIT_SYMBOL_AFTER.match(text, number_end, limit)
    return number_end, multiplier, unit_match


def _is_bare_slash_fraction(number: str) -> bool:
    return P.SLASH in number and " " not in number and "-" not in number


def _scale_key(scale: str | None) -> str | None:
    return " ".join(scale.lower().replace("-", " ").split()) if scale else None


def _fraction_at(text: str, seed: int, floor: int, limit: int) -> list[Mention]:
    match = P.FRACTION.match(text, seed, limit)
    if match is None:
        return []
    if match.group("half"):
        before = text[max(0, seed - 16) : seed]
        if P.CALENDAR_HALF.search(before):
            return []
        half_of_one = _half_a(text, match, limit)
        if half_of_one is not None or P.CALENDAR_HALF_AFTER.match(text, match.end(), limit):
            return [half_of_one] if half_of_one is not None else []
        numerator, denominator = 1.0, 2
    elif match.group("a"):
        numerator, denominator = 1.0, _W.denominators[match.group("aden").lower()]
    else:
        numerator = float(_W.units[match.group("numerator").lower()])
        denominator = _W.denominators[match.group("den").lower()]
        if _may_be_quarters_of_a_year(text, match, limit):
            return []
    if numerator == 0 or P.CALENDAR_FIRST_BEFORE.search(text[max(floor, seed - 16) : seed]):
        return []
    of_scale = _of_a_scale(text, match.end(), limit)
    if of_scale is not None:
        amount = numerator / denominator * scale_value(of_scale.group(0))
        unit_after = P.UNIT_AFTER.match(text, of_scale.end(), limit)  # "three quarters of a billion dollars"
        if unit_after is not None:
            return [Mention(match.start(), unit_after.end(), amount, P.unit_id(unit_after.group("unit")), "number")]
        return [Mention(match.start(), of_scale.end(), amount, "count", "number")]
    of_unit = P.FRACTION_OF_UNIT.match(text, match.end(), limit)
    if of_unit is not None:
        unit = "pp" if of_unit.group("pp") else "%"
        return [Mention(match.start(), of_unit.end(), numerator / denominator, unit, "fraction")]
    return [Mention(match.start(), match.end(), 100 * numerator / denominator, "%", "fraction")]


def _of_a_scale(text: str, at: int, limit: int) -> re.Match[str] | None:
    """The scale word of "a quarter | of a million" (250,000), "two-thirds of a billion", as
    "half a million" is an amount."""
    article = P.OF_AN_AFTER.match(text, at, limit)
    return P.SCALE_WORD_AT.match(text, article.end(), limit) if article is not None else None


def _half_a(text: str, match: re.Match[str], limit: int) -> Mention | None:
    """ "half a million" (500,000), "half a percentage point" (0.5 pp), "half an hour"."""
    article = P.HALF_ARTICLE.match(text, match.end(), limit)
    if article is None:
        return None
    scale = P.SCALE_WORD_AT.match(text, article.end(), limit)
    if scale is not None:
        return Mention(match.start(), scale.end(), 0.5 * scale_value(scale.group(0)), "count", "number")
    unit = P.UNIT_AFTER.match(text, article.end(), limit)
    if unit is not None and unit.start("unit") == article.end() and unit.group("unit").lower() not in _W.unit_word_sizes:
        # "half a century" stays unread, as it was before a century counted a hundred years
        return Mention(match.start(), unit.end(), 0.5, P.unit_id(unit.group("unit")), "number")
    return None


def _may_be_quarters_of_a_year(text: str, match: re.Match[str], limit: int) -> bool:
    """ "three quarters" is a share only as "three-quarters" or "three quarters of ..."; alone it
    counts quarters of a year ("for three consecutive quarters", "the past two quarters")."""
    if _W.denominators[match.group("den").lower()] != 4 or text[match.end("numerator")] == "-":
        return False
    return not P.OF_AFTER.match(text, match.end(), limit)


def _vague_plural_at(text: str, seed: int, limit: int) -> list[Mention]:
    match = P.VAGUE_PLURAL.match(text, seed, limit)
    if match is None:
        return []
    amount_end = match.start("unit") if match.group("unit") else match.end()
    key = " ".join(text[match.start() : amount_end].lower().split()).removesuffix(" of")
    unit = P.unit_id(match.group("unit")) if match.group("unit") else "count"
    return [Mention(match.start(), match.end(), _W.vague_plurals[key], unit, "vague", qualifier="min")]


def _rank_after_verb(text: str, seed: int, limit: int) -> list[Mention]:
    match = P.RANK_AFTER_VERB.match(text, seed, limit)
    if match is None:
        return []
    return [_rank(match)]


def _rank_before_place(text: str, seed: int, limit: int) -> list[Mention]:
    match = P.ORDINAL_AS_RANK.match(text, seed, limit)
    if match is None:
        return []
    if match.group("unit") or match.group("annual"):
        value = ordinal_value(match.group("ordinal"))
        unit = P.unit_id(match.group("unit")) if match.group("unit") else "year"  # "the 12th consecutive annual increase"
        return [Mention(match.start(), match.end(), value, unit, "rank")]
    if match.group("place") and _novelty(text, seed):
        return []
    return [_rank(match)]


def _rank(match: re.Match[str]) -> Mention:
    group = "ordinal" if match.group("ordinal") else "numbered"
    value = ordinal_value(match.group(group))
    return Mention(match.start(group), match.end(group), value, "rank", "rank")


def _top_n(text: str, seed: int, limit: int) -> list[Mention]:
    match = P.TOP_N.match(text, seed, limit)
    if match is None:
        return []
    n = match.group("n")
    value = float(n) if n.isdigit() else number_value(n)
    return [Mention(match.start(), match.end(), value, "rank", "rank", qualifier="max", has_own_qualifier=True)]


def _novelty(text: str, start: int) -> bool:
    """ "the first ... in the world" is a first of its kind, not a place in a ranking."""
    before = text[max(0, start - 8) : start].lower()
    return before.endswith(("the ", "'s ", "’s "))


# --- judging a number by its context ----------------------------------------------------------


def _is_not_an_amount(text: str, mention: Mention, number: str, prefix: str | None, scale: str | None) -> bool:
    start = mention.start
    before = text[max(0, start - _CONTEXT) : start]
    after_number = text[mention.number_end : mention.number_end + _CONTEXT]
    is_word = number[:1].isalpha()
    bare = not prefix and not scale
    if is_word and bare and mention.unit == "count" and number.lower() in _NOT_FIGURES_ALONE:
        # "one of", "no one", "one kindergarten for every ..."; a bare one is rarely a figure, but
        # "one" counting a noun is ("one question per outlet", "one new case").
        return not (number.lower() == "one" and _one_counts_a_noun(before, after_number))
    if bare and mention.unit == "count":
        if _is_calendar(before, after_number, number, mention.value):
            return True
        if _after_a_name_head(before) or _is_list_label(before, after_number) or _is_citation(before, after_number):
            return True
        if _is_section(before, after_number) or P.STREET_AFTER.match(after_number):
            return True  # "13(3) powers"; "575 Green Road"
        if not is_word and _after_a_name(before):
            return True
    if bare and _is_clock_time(after_number):
        return True
    if mention.unit in _CALENDAR_UNITS and P.CALENDAR_FIRST_BEFORE.search(before):
        return True
    if is_word:
        return _word_is_not_an_amount(before, after_number, number, mention, scale)
    return False


def _is_calendar(before: str, after: str, number: str, value: float) -> bool:
    plain_integer = number.isdigit()
    if plain_integer and len(number) == 4 and _YEAR_RANGE[0] <= value <= _YEAR_RANGE[1]:
        if counts_a_noun(before, after):
            return False  # "and 2000 cartridges": a count of the noun after it
        if value >= _SURE_YEARS_FROM:
            return True
        return bool(P.YEAR_PREPOSITION_BEFORE.search(before)) and not opens_a_counted_range(after)
    if P.YEAR_JOINED_BEFORE.search(before):
        return True  # the second year of "2022-23"
    if plain_integer and len(number) == 2 and before.endswith(("'", "’")):
        return True  # a year cut short: "in '21"
    if plain_integer and len(number) == 2 and before.endswith("‘"):
        # "November ‘23": an opening quote typed for the apostrophe, known by the month or
        # preposition before it (a quotation may open on a count: "‘23 people’")
        prefix = before[:-1]
        return bool(P.MONTH_BEFORE.search(prefix) or P.YEAR_PREPOSITION_BEFORE.search(prefix))
    if plain_integer and value <= _DAYS_IN_MONTH and (P.MONTH_BEFORE.search(before) or P.MONTH_AFTER.match(after)):
        return True
    return False


def _is_section(before: str, after: str) -> bool:
    """ "13(3) powers", "Article 5(2)": a legal section, both numbers labels."""
    if after.startswith("(") and P.SECTION_AFTER.match(after):
        return True
    return P.SECTION_BEFORE.search(before) is not None


def _after_a_name(before: str) -> bool:
    """A bare number right after a capitalised word mid-sentence belongs to a name ("Boeing 737",
    "Fortune 500"); words that often open a figure ("About 300") are not names."""
    match = P.CAPITALISED_WORD_BEFORE.search(before[-24:])
    if match is None:
        return _is_product_name(before)
    if match.group("word").lower() in _W.capitalised_not_names:
        return False
    lead = match.group("lead")
    return bool(lead) and lead not in ".!?:;\"“”(—–-" and not lead.isdigit()


def _is_product_name(before: str) -> bool:
    """ "iPhone 11", "S&P 500": a word right before the number with a capital inside it."""
    words = before[-24:].split()
    if not words or before[-1:] not in " \t":
        return False
    word = words[-1]
    return word[:1].isalpha() and (("&" in word and word[0].isupper()) or (word[0].islower() and any(c.isupper() for c in word[1:])))


def _after_a_name_head(before: str) -> bool:
    """ "Article 23", "Page 3", "No. 5 -": the word before the number (and a dash) names a thing."""
    word = _last_word(before)
    if word.lower() in P.NAME_HEADS:
        return True
    if _GLUED_SENTENCE.fullmatch(word) and word.rpartition(".")[2].lower() in P.NAME_HEADS:
        return True  # "persist.Chart 1": the blank after a full stop lost in copying
    if not before.rstrip(" \t").endswith(_LIST_JOINS):
        return False  # only a later label of a list follows a joiner
    listed = P.NAME_LIST_BEFORE.search(before)
    return listed is not None and listed.group("head").lower() in P.NAME_HEADS


_LIST_JOINS = (",", "and", "&", "-", "–")
# A lower-case word of a sentence, its full stop and a capitalised word glued on: not a dotted
# run such as "x.Article" or "U.S.No".
_GLUED_SENTENCE = re.compile(r"[a-z]{3,}\.[A-Z][a-z]+")


def _is_citation(before: str, after: str) -> bool:
    """ "[12]", "[25,14]": a reference to a source, not an amount."""
    if before.rstrip(" \t")[-1:] not in _CITATION_LEADS:
        return False  # a reference opens a bracket or continues a list in one
    return P.CITATION_BEFORE.search(before) is not None and P.CITATION_AFTER.match(after) is not None


_CITATION_LEADS = ("[", "(", ",", "-", "–")


def _last_word(before: str) -> str:
    """The letters, digits and dots ending `before`, past a line break, a dash and blanks."""
    before = before.removesuffix("\n").removesuffix("-").rstrip(" \t")
    start = len(before)
    while start > 0 and (before[start - 1].isalnum() or before[start - 1] in "._"):
        start -= 1
    return before[start:]


def _is_clock_time(after: str) -> bool:
    return P.CLOCK_AFTER.match(after) is not None


def _is_list_label(before: str, after: str) -> bool:
    if not P.LIST_LABEL_AFTER.match(after):
        return False
    line_start = before.rfind("\n")
    at_line_start = (line_start >= 0 or len(before) < _CONTEXT) and bool(P.LIST_LABEL.match(before[line_start + 1 :]))
    return at_line_start or bool(P.INLINE_LIST_LABEL.search(before))


def _word_is_not_an_amount(before: str, after: str, number: str, mention: Mention, scale: str | None) -> bool:
    if number[:1].isupper() and not P.SENTENCE_START_BEFORE.search(before):
        return True  # a capitalised number word mid-sentence belongs to a name ("Five-Year Plan")
    if mention.unit == "count" and not scale:
        if P.HYPHEN_WORD_AFTER.match(after):
            return True  # "zero-carbon", "one-stop"
    if number.lower() == "one" and not scale and (P.ONE_PRONOUN_AFTER.match(after) or P.ONE_PRONOUN_BEFORE.search(before)):
        return True
    return False


def _set_qualifier(text: str, mention: Mention) -> None:
    qualifier = _qualifier_before(text[max(0, mention.start - _CONTEXT) : mention.start])
    if qualifier is None:
        after = P.QUALIFIER_AFTER.match(text, mention.end, mention.end + _CONTEXT)
        qualifier = after.lastgroup if after is not None else None
    if qualifier is not None:
        mention.qualifier, mention.has_own_qualifier = qualifier, True


def _qualifier_before(before: str) -> str | None:
    """The qualifier whose words end right before the figure ("by more than 60%" -> min)."""
    if not before[-1:].isspace():
        return None
    words: list[str] = []
    for token in reversed(before.split()[-P.QUALIFIER_MAX_WORDS :]):
        core = token.lstrip(_OPENERS)
        if not core.isalpha():
            break
        words.insert(0, core.lower())
        if core != token:
            break  # an opening bracket or quote: the phrase cannot reach further back
    for count in range(len(words), 0, -1):  # longest first, as the longest phrase wins
        qualifier = P.QUALIFIER_PHRASES.get(" ".join(words[-count:]))
        if qualifier is not None:
            return qualifier
    return None


# --- spans that cannot hold a figure ----------------------------------------------------------


def _blocked_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in scan.matches_at(P.FURNITURE_LINE, text, scan.line_starts(text, start, end), end)]
    spans += _url_spans(text, start, end)
    for match in scan.matches_at(P.QUOTED, text, scan.marks(text, P.QUOTE_OPENERS, start, end), end):
        inner = match.group(1)
        if len(inner.split()) <= _MAX_QUOTED_NAME_WORDS and not P.MEASURED_QUOTE.search(inner) and not _is_speech(text, match):
            spans.append((match.start(1), match.end(1)))
    return spans


def _is_speech(text: str, quote: re.Match[str]) -> bool:
    """“At least 30 people remain missing,” said ...: a quote that opens a sentence and ends on a
    clause's mark is words said, not a name (a name sits inside a sentence: the “10 livelihood matters”)."""
    if quote.group(1).rstrip()[-1:] not in _SPEECH_ENDS:
        return False
    before = text[max(0, quote.start() - 3) : quote.start()].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_OPENS


def _url_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Web addresses in text[start:end]: a figure inside one is part of a name, not a figure."""
    spans: list[tuple[int, int]] = []
    for mark in P.URL_MARKS:
        for at in scan.occurrences(text, mark, start, end):
            if spans and at < spans[-1][1]:
                continue
            scheme = at
            while mark == "://" and scheme > max(start, at - P.URL_REACH) and (text[scheme - 1].isalpha() or text[scheme - 1] in "+.-"):
                scheme -= 1
            found = P.URL.match(text, scheme, end)
            if found:
                spans.append((found.start(), found.end()))
    return spans


class SpanSet:
    """Spans of the text, asked whether one holds or meets a stretch of it: sorted by start with
    the furthest end reached so far, so each question is one bisection however many spans (a
    turn of thousands of quoted names asked once per figure)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _e in ordered]
        self.reach = list(itertools.accumulate((e for _s, e in ordered), max))

    def holds(self, start: int, end: int) -> bool:
        """Whether one span holds all of [start, end)."""
        last = bisect.bisect_right(self.starts, start) - 1
        return last >= 0 and self.reach[last] >= end

    def meets(self, start: int, end: int) -> bool:
        """Whether a span shares a character with [start, end)."""
        last = bisect.bisect_left(self.starts, end) - 1
        return last >= 0 and self.reach[last] > start


def _resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Where candidates overlap, the higher priority one stays (then the longer, then the earlier)."""
    ordered = sorted(mentions, key=lambda m: (_PRIORITY[m.source], -(m.end - m.start), m.start))
    kept: list[Mention] = []
    taken: list[tuple[int, int]] = []  # sorted, non-overlapping
    for mention in ordered:
        index = bisect.bisect_left(taken, (mention.start, mention.start))
        if index > 0 and taken[index - 1][1] > mention.start:
            continue
        if index < len(taken) and taken[index][0] < mention.end:
            continue
        taken.insert(index, (mention.start, mention.end))
        kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


# --- figures read together --------------------------------------------------------------------


def _join_ranges_and_chains(text: str, mentions: list[Mention]) -> None:
    """ "5 to 6 million" is one range; in a list the bare figures take the unit the last one states."""
    _join_ranges(text, mentions)
    live = [m for m in mentions if m.unit]
    for first, second in reversed(list(zip(live, live[1:]))):  # right to left: "5.6, 8 and 12.8%"
        _share_unit(text, first, second)


def _join_ranges(text: str, mentions: list[Mention]) -> None:
    for first, second in zip(mentions, mentions[1:]):
        if first.source != "number" or second.source != "number" or not first.unit or not second.unit:
            continue
        if first.end != first.number_end and first.unit != second.unit:
            continue
        if not _is_range(text, first, second):
            continue
        if first.value == second.value:
            first.unit = second.unit = ""  # "a 50-50 chance": odds, not a range
            continue
        if first.scale is None and second.scale is not None and first.value < second.value / scale_value(second.scale):
            # "5 to 6 million" shares the scale; "$800,000 to $1.3 million" has its own.
            first.value *= scale_value(second.scale)
        if first.value > second.value and text[first.end : second.start].strip().lower() == "to":
            continue  # "eased from a peak of 7% to 2.7%": a fall from one figure to another, not a range
        # "aged 30 to 45": the age read before the range is the unit of both ends.
        first.value_max, first.end = second.value, second.end
        first.unit = first.unit if second.unit == "count" else second.unit
        if not first.has_own_qualifier and second.has_own_qualifier:
            first.qualifier = second.qualifier
        second.unit = ""  # merged into `first`


# Units a bare number listed before takes from the last figure: lengths of time, where a listed
# count is rare ("four, five, six quarters", "two or three years").
_LISTED_UNITS = frozenset({"year", "quarter", "month", "week", "day", "hour", "minute"})


def _share_unit(text: str, first: Mention, second: Mention) -> None:
    """ "from 100 billion to 200 billion yuan", "57 and 45.9%", and with "respectively" after the
    list, a scale too: "1.2, 3.4 and 5.6 billion yuan, respectively"."""
    if first.source != "number" or second.source != "number" or first.end != first.number_end:
        return
    if first.unit == "count" and second.unit != "count" and P.SUSPENDED_GAP.match(text, first.end, second.start):
        first.unit = second.unit  # "a 7- or 8-inch screen"
        return
    if first.unit != "count" or second.unit == "count" or not P.CHAIN_GAP.match(text, first.end, second.start):
        return
    if first.scale is not None and first.scale == second.scale:
        first.unit = second.unit
    elif first.scale is None and second.scale is None and (second.unit in ("%", "pp") or second.unit in _LISTED_UNITS):
        first.unit = second.unit  # "57 and 45.9%", "four, five, six quarters"
    elif first.scale is None and second.scale is not None and _respectively_follows(text, second.end):
        first.unit, first.value, first.scale = second.unit, first.value * scale_value(second.scale), second.scale


def _respectively_follows(text: str, position: int) -> bool:
    return bool(P.RESPECTIVELY_AFTER.match(text, position, position + _CONTEXT))


def _is_range(text: str, first: Mention, second: Mention) -> bool:
    if not P.RANGE_GAP.match(text, first.end, second.start):
        return False
    before = text[max(0, first.start - _CONTEXT) : first.start]
    joiner = text[first.end : second.start].strip().lower()
    if joiner == "and":
        return bool(P.BETWEEN_BEFORE.search(before))
    if joiner in _DASHES:
        return True  # "from about 14-18 mpg to 24": a dash joins a range even after "from"
    return not P.FROM_BEFORE.search(before) or bool(P.RANGE_FROM_BEFORE.search(before))


_DASHES = frozenset({"-", "–", "—"})


def _inherit_hedges(text: str, mentions: list[Mention]) -> None:
    """ "over 6 billion jin (3 million metric tons)": the restatement keeps the hedge."""
    for first, second in zip(mentions, mentions[1:]):
        if not second.has_own_qualifier and P.PAREN_GAP.match(text, first.end, second.start):
            second.qualifier = first.qualifier


def _to_quantity(text: str, mention: Mention) -> Quantity:
    return Quantity(
        text=text[mention.start : mention.end],
        start=mention.start,
        end=mention.end,
        # Floats, as the model says: an ordinal or a count read from a word table is an int.
        value=float(mention.value),
        unit=mention.unit,
        value_max=None if mention.value_max is None else float(mention.value_max),
        qualifier=mention.qualifier,  # type: ignore[arg-type]
    )
