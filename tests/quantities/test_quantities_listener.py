"""A bare number in a run of percentages takes their unit (podium.quantities.listener)."""

from __future__ import annotations

import podium


def _units(text: str) -> dict[str, str]:
    return {q.text: q.unit for q in podium.parse(text).quantities}


def test_a_list_of_bare_numbers_after_a_percentage_is_heard_in_percent() -> None:
    units = _units("MR. LEE: We forecast growth of 6½ percent next year, so 4½, 2½ and 3.\n")
    assert units["4½"] == units["2½"] == units["3"] == "%"


def test_a_counted_number_stays_a_count() -> None:
    units = _units("MR. LEE: Exports rose 13.5%; the number of trucks more than doubled to 68,600; and 12 ports opened.\n")
    assert units["68,600"] == "count" and units["12"] == "count"


def test_a_number_with_a_noun_after_it_stays_a_count() -> None:
    units = _units("MR. LEE: Inflation was 3%, and 4 cases were reported.\n")
    assert units["4"] == "count"


def test_the_level_an_index_moved_to_is_in_its_points() -> None:
    units = _units("MR. LEE: The index rose 64.06 points to 4,577.10, while the other lost 1.1% to end at 1,334.20.\n")
    assert units["64.06 points"] == units["4,577.10"] == units["1,334.20"] == "point"


def test_a_level_in_another_sentence_stays_a_count() -> None:
    units = _units("MR. LEE: The index gained 20 points. Sales rose to 500.\n")
    assert units["500"] == "count"


def test_a_stray_point_before_a_fraction_sign_is_the_fraction() -> None:
    found = {q.text: (q.value, q.unit) for q in podium.parse("MR. LEE: We forecast 6½ percent, so 4½ , 2½ , 6.½.\n").quantities}
    assert found["6.½"] == (6.5, "%")
    # a full stop that ends a sentence before a fraction sign joins nothing
    values = [q.value for q in podium.parse("It was 6. Then ½ of them left.").quantities]
    assert values == [6.0, 0.5]


def test_a_scaled_sum_allotted_for_something_is_heard_in_the_money_beside_it() -> None:
    units = _units(
        "MR. LEE: The request includes 58.8 billion for the State Department. This is a $718 million increase.\n"
    )
    assert units["58.8 billion"] == "USD"
    # a counted noun keeps it a count; with no money said nearby it stays a count too
    assert _units("MR. LEE: It serves 1.4 billion people. Costs were $5 million.\n")["1.4 billion"] == "count"
    assert _units("MR. LEE: We set aside 2 billion for schools.\n")["2 billion"] == "count"
