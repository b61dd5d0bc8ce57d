"""The places stage: where a figure is about, from its sentence, its speaker and the header."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from podium import parse
from podium.quantities import places as places_module
from podium.quantities.places import Placer, gazetteer, mentions_in, placer_of
from podium.store import Corpus
from tests.conftest import CORPUS, needs_shared

PROVINCIAL = """SCIO press conference on Hunan's development

Speakers:

Mr. Li Ming, governor of Hunan province

Date:

May 10, 2024

Chen Wen:

Welcome. Today Mr. Li Ming, governor of Hunan province, will brief you on Hunan's development in Hunan.

Li Ming:

Last year, grain output reached 30 million metric tons. The national grain output grew by 1.3%. Guangzhou's GDP grew by 4.6%, while wages in the province rose by 5%.
"""


def places(text: str) -> list[tuple[str, str, str]]:
    briefing = parse(text)
    return [(q.text, q.place, q.place_source) for q in briefing.quantities]


def test_a_provincial_briefing_keeps_its_province_unless_the_sentence_says_otherwise() -> None:
    assert places(PROVINCIAL) == [
        ("30 million metric tons", "Hunan", "speaker"),
        ("1.3%", "China", "sentence"),
        ("4.6%", "Guangzhou", "sentence"),
        ("5%", "Hunan", "sentence"),
    ]


def test_places_are_found_once_for_the_figures_and_the_undertakings(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[object] = []
    found = Placer.__init__

    def counted(self: Placer, briefing: object) -> None:
        built.append(briefing)
        found(self, briefing)  # type: ignore[arg-type]

    monkeypatch.setattr(places_module.Placer, "__init__", counted)
    briefing = parse(PROVINCIAL + "\nThe new stadium in Guangzhou will be completed and opened this year.\n")
    assert [(c.subject, c.place, c.deadline) for c in briefing.commitments] == [
        ("The new stadium in Guangzhou", "Guangzhou", "2024")
    ]
    assert ("grain output", "Hunan") in [(q.subject, q.place) for q in briefing.quantities]
    assert len(built) == 1 and placer_of(briefing) is placer_of(briefing)
    briefing.quantities = briefing.quantities[:1]  # other figures: their places are found anew
    placer_of(briefing)
    assert len(built) == 2


def test_names_match_whole_words_and_case() -> None:
    found = [m.place.name for m in mentions_in("Let us see: the US economy, China-Europe trains, Chinese exports.")]
    assert found == ["United States", "China"]


def test_the_gazetteer_has_both_languages_and_the_states() -> None:
    names = gazetteer().names
    assert names["新疆"] == names["Xinjiang"] and names["Xinjiang"].within == "China"
    assert names["乌鲁木齐"].within == "Xinjiang" and names["Texas"].within == "United States"


def test_a_figure_with_no_place_anywhere_has_none() -> None:
    assert places("Bai Lan:\n\nSales rose 5% last year.\n") == [("5%", "", "")]


def test_the_store_filters_figures_by_place(tmp_path: Path) -> None:
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add(parse(PROVINCIAL))
        rows = corpus.figures(place="China")
        assert [(r["text"], r["place"], r["place_source"]) for r in rows] == [("1.3%", "China", "sentence")]


@needs_shared
@pytest.mark.parametrize("gold", sorted((Path(__file__).parent.parent / "data" / "places").glob("*.jsonl")), ids=lambda p: p.stem)
def test_places_agree_with_the_gold_mostly(gold: Path) -> None:
    briefing = parse(CORPUS / gold.name.replace(".places.jsonl", ".txt"))
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    right = sum(
        any(q.place == row["place"] for q in briefing.quantities if q.start < row["end"] and row["start"] < q.end)
        for row in rows
    )
    assert right / len(rows) >= 0.9
