"""Exchanges: each question with every answer to it.

An official who only hands the question on ("I would like to invite Ms. Lo to answer") is not an
answerer; one who adds to a colleague's answer is. The host answers only when no official does
(a press secretary answering her own room)."""

from __future__ import annotations

from podium.model import Exchange, Turn
from podium.structure import patterns as P
from podium.structure.roster import count_words, has_cue
from podium.structure.words import load

_COURTESY_MAX_WORDS = 8  # "Thank you so much, Ann." is a courtesy; a question runs longer
_HAND_ON_MAX_WORDS = 60  # a hand-on is a sentence or two; a longer turn answers something


def build_exchanges(turns: list[Turn]) -> list[Exchange]:
    exchanges: list[Exchange] = []
    current: Exchange | None = None
    host_turns: list[Turn] = []
    for turn in turns:
        if turn.role == "journalist" and not asks(turn):
            continue  # "Thanks, Ann." or "Yeah, I did." from the floor asks nothing
        if turn.role == "journalist":
            if current is not None and not current.answer_turns and current.asked_by == turn.speaker and not host_turns:
                current.question_turns.append(turn.id)
                continue
            _close(current, host_turns)
            current = Exchange(len(exchanges), turn.speaker, [turn.id], [], [])
            exchanges.append(current)
            host_turns = []
        elif current is None:
            continue
        elif turn.role == "official":
            if is_hand_on(turn):
                continue
            current.answer_turns.append(turn.id)
            if turn.speaker and turn.speaker not in current.answered_by:
                current.answered_by.append(turn.speaker)
        elif turn.role == "host":
            host_turns.append(turn)
    _close(current, host_turns)
    return exchanges


def asks(turn: Turn) -> bool:
    """A reporter's turn that puts a question: a question mark, or more than a courtesy."""
    courtesy = count_words(turn.text, cap=_COURTESY_MAX_WORDS) < _COURTESY_MAX_WORDS
    return bool(P.QUESTION_MARK.search(turn.text)) or not courtesy


def is_hand_on(turn: Turn) -> bool:
    words = load()
    if count_words(turn.text, cap=_HAND_ON_MAX_WORDS) > _HAND_ON_MAX_WORDS:
        return False
    return has_cue(turn.text, words.hand_on_cues) and not has_cue(turn.text, words.add_cues)


def _close(exchange: Exchange | None, host_turns: list[Turn]) -> None:
    if exchange is None or exchange.answer_turns:
        return
    words = load()
    for turn in host_turns:
        if count_words(turn.text, cap=3) >= 3 and not has_cue(turn.text, words.host_cues):
            exchange.answer_turns.append(turn.id)
            if turn.speaker and turn.speaker not in exchange.answered_by:
                exchange.answered_by.append(turn.speaker)
