"""Exchanges: each question with every answer to it.

An official who only hands the question on ("I would like to invite Ms. Lo to answer") is not an
answerer; one who adds to a colleague's answer is. The host answers only when no official does
(a press secretary answering her own room)."""

from __future__ import annotations

from podium.model import Exchange, Turn
from podium.structure import patterns as P
from podium.structure.roster import count_words, has_cue
from podium.structure.words import load
from podium.zh import HAN_RUN

_COURTESY_MAX_WORDS = 8  # "Thank you so much, Ann." is a courtesy; a question runs longer
_COURTESY_LINE_WORDS = 12  # a line that opens with thanks and asks nothing is a courtesy up to this
_COURTESY_REACH = 40  # the thanks stand at the turn's opening
_HAND_ON_MAX_WORDS = 60  # a hand-on is a sentence or two; a longer turn answers something
_CJK_COURTESY_CHARS = 12  # "谢谢。下一个问题。" is a courtesy; an answer runs longer
_CLARIFY_MAX_WORDS = 25  # "This is about journalists?": a line, not an answer


def build_exchanges(turns: list[Turn]) -> list[Exchange]:
    """Questions paired with the answers that follow them. Several reporters asking before one
    answer make a round: each asker's question is an exchange, and the answer that follows the
    round answers each. A host's or official's clarifying question or floor management inside a
    round ("This is at the port?", "Go ahead") answers nothing. A question with no answer in the
    text (the excerpt ends, or the page breaks off) is no exchange."""
    exchanges: list[Exchange] = []
    round_: list[Exchange] = []  # the questions of the open round, unanswered until an answer comes
    answered = False
    host_turns: list[Turn] = []
    for turn in turns:
        if turn.role == "journalist" and not asks(turn):
            continue  # "Thanks, Ann." or "Yeah, I did." from the floor asks nothing
        if turn.role == "journalist":
            if round_ and not answered and _answer_round(round_, host_turns):
                answered = True
            if answered:
                round_, answered = [], False
            host_turns = []
            same = next((e for e in round_ if e.asked_by == turn.speaker and turn.speaker is not None), None)
            if same is None and round_ and round_[-1].asked_by == turn.speaker:
                same = round_[-1]  # the reporter goes on after a clarifying question
            if same is not None:
                same.question_turns.append(turn.id)
                continue
            exchange = Exchange(len(exchanges), turn.speaker, [turn.id], [], [])
            exchanges.append(exchange)
            round_.append(exchange)
        elif not round_:
            continue
        elif turn.role == "official":
            if is_hand_on(turn) or _clarifies(turn) or not turn.text.strip():
                continue
            answered = True
            for exchange in round_:
                _add_answer(exchange, turn)
        elif turn.role == "host":
            host_turns.append(turn)
    if round_ and not answered:
        _answer_round(round_, host_turns, cut_off=turns[-1])
    kept = [e for e in exchanges if e.answer_turns]
    for index, exchange in enumerate(kept):
        exchange.id = index
    return kept


def _add_answer(exchange: Exchange, turn: Turn) -> None:
    exchange.answer_turns.append(turn.id)
    if turn.speaker and turn.speaker not in exchange.answered_by:
        exchange.answered_by.append(turn.speaker)


def _clarifies(turn: Turn) -> bool:
    """A short reply that asks back ("This is about the port?") or manages the floor."""
    short = count_words(turn.text, cap=_CLARIFY_MAX_WORDS) <= _CLARIFY_MAX_WORDS
    return short and (turn.text.rstrip().endswith(("?", "？")) or has_cue(turn.text, load().floor_cues))


def asks(turn: Turn) -> bool:
    """A reporter's turn that puts a question: a question mark, more than a courtesy, or any
    turn its label calls a question ("Q (Inaudible.)", "Q - Predator.")."""
    if not turn.text.strip():
        return False  # "Reporter:" with the words under the next label (an interpreter's)
    words = load()
    length = count_words(turn.text, cap=_COURTESY_LINE_WORDS)
    # "Thanks very much for speaking with us, Minister.": a longer line that opens with thanks.
    opens_with_courtesy = turn.text[:_COURTESY_REACH].lstrip().lower().startswith(words.courtesy_cues)
    courtesy = length < _COURTESY_MAX_WORDS or (length <= _COURTESY_LINE_WORDS and opens_with_courtesy)
    if HAN_RUN.search(turn.text[:40]):
        # Chinese writes no spaces between words: a courtesy ("谢谢。") is a few characters.
        courtesy = len(turn.text.strip()) < _CJK_COURTESY_CHARS or has_cue(turn.text[:_CJK_COURTESY_CHARS], words.courtesy_cues)
    labelled = turn.speaker is None and (turn.label or "").lower() in words.question_labels
    labelled = labelled and not has_cue(turn.text, words.courtesy_cues)
    return bool(P.QUESTION_MARK.search(turn.text)) or not courtesy or labelled


def is_hand_on(turn: Turn) -> bool:
    words = load()
    if count_words(turn.text, cap=_HAND_ON_MAX_WORDS) > _HAND_ON_MAX_WORDS:
        return False
    return has_cue(turn.text, words.hand_on_cues) and not has_cue(turn.text, words.add_cues)


def _cut_mid_sentence(turn: Turn) -> bool:
    text = turn.text.strip()
    return bool(text) and not P.SENTENCE_END.search(text)


def _more_than_a_courtesy(turn: Turn) -> bool:
    """Three words, or in Chinese (no spaces between words) a clause of some length."""
    if HAN_RUN.search(turn.text[:40]):
        return len(turn.text.strip()) >= _CJK_COURTESY_CHARS
    return count_words(turn.text, cap=3) >= 3


def _answer_round(round_: list[Exchange], host_turns: list[Turn], *, cut_off: Turn | None = None) -> bool:
    """The host answers a round only when no official does (a press secretary answering her own
    room); courtesies, hand-ons and clarifying questions are no answer. The text's last turn, cut
    off by the excerpt mid-sentence ("I meant"), is the start of an answer however short."""
    words = load()
    answers = [
        t for t in host_turns
        if (_more_than_a_courtesy(t) or (t is cut_off and _cut_mid_sentence(t)))
        and not has_cue(t.text, words.host_cues) and not _clarifies(t)
    ]
    for turn in answers:
        for exchange in round_:
            _add_answer(exchange, turn)
    return bool(answers)
