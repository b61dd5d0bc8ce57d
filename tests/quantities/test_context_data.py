"""The word tables of the context rules load, and their tables do not contradict each other."""

from __future__ import annotations

from podium.quantities import kinds, modality, periods, subjects
from podium.layout import load_abbreviations


def test_tables_load() -> None:
    assert "Mr" in load_abbreviations()
    assert periods.load_words().months["January"] == 1
    assert "grew" in kinds.load_words().movement_words
    assert modality.load_words().cues["will"]
    assert "the" in subjects.load_words().stop_words


def test_a_cue_is_either_target_or_forecast() -> None:
    labels: dict[tuple[str, ...], set[str]] = {}
    for entries in modality.load_words().cues.values():
        for phrase, label in entries:
            labels.setdefault(phrase, set()).add(label)
    assert [p for p, found in labels.items() if len(found) > 1] == []


def test_share_and_movement_cues_do_not_overlap() -> None:
    table = kinds.load_words()
    assert table.share & table.movement == frozenset()


def test_subject_verbs_are_no_stop_words_of_matching() -> None:
    # A verb that were also a stop word would vanish from subjects before matching.
    table = subjects.load_words()
    assert table.verbs & table.stop_words <= {"is", "are", "was", "were", "be", "has", "have", "total"}


def test_month_names_are_capitalised() -> None:
    # Months match case-sensitively so the modal "may" and the verb "march" stay words.
    assert all(name[0].isupper() for name in periods.load_words().months)
