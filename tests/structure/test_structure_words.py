"""podium/data/structure_en.yaml loads, and its tables do not contradict each other."""

from __future__ import annotations

from podium.structure.words import load


def test_word_table_loads_with_every_table_filled() -> None:
    words = load()
    for name, table in vars(words).items():
        assert table, f"structure_en.yaml: {name} is empty"


def test_tables_do_not_clash() -> None:
    words = load()
    assert not words.question_labels & words.not_labels
    assert not words.answer_labels & words.not_labels
    assert not words.question_labels & words.answer_labels
    assert not set(words.hand_on_cues) & set(words.add_cues)
    header_keys = {key.lower() for keys in words.header_keys.values() for key in keys}
    assert not header_keys & words.outlet_words


def test_months_and_ordinals_are_complete() -> None:
    words = load()
    assert set(words.months.values()) == set(range(1, 13))
    assert [words.ordinals[w] for w in ("first", "second", "tenth", "twentieth")] == [1, 2, 10, 20]
