"""Series: indicator (through the synonym table) + place + unit + kind + modality."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from podium import parse
from podium.quantities.series import indicator_of, series_of
from podium.store import Corpus
from podium.web import create_app

US = """Press Briefing by the Press Secretary and the Chair of the Council of Economic Advisers

MS. LEE:  The jobless rate fell to 3.8 percent in February.
"""
CHINA = """SCIO briefing on China's economic performance

Speaker:

Fu Ming, spokesperson of the National Bureau of Statistics (NBS)

Fu Ming:

In February, the unemployment rate was 5.5% nationwide. The surveyed urban unemployment rate was 5.3% in March.
"""


def test_synonyms_group_subjects_and_framing_words_do_not_split_them() -> None:
    assert indicator_of("jobless rate") == indicator_of("the unemployment rate") == "unemployment rate"
    assert indicator_of("median projection for the unemployment rate in the SEP") == "unemployment rate"
    assert indicator_of("城镇调查失业率") == indicator_of("surveyed urban unemployment rate") == "surveyed urban unemployment rate"
    assert indicator_of("long-term unemployment rate") == "long-term unemployment rate"


def test_one_line_per_series_split_by_place_and_modality() -> None:
    rows = [
        {"subject": "jobless rate", "place": "United States", "unit": "%", "kind": "ratio", "modality": "actual", "period": "2022-02", "value": 3.8},
        {"subject": "unemployment rate", "place": "United States", "unit": "%", "kind": "ratio", "modality": "actual", "period": "2022-03", "value": 3.6},
        {"subject": "unemployment rate", "place": "China", "unit": "%", "kind": "ratio", "modality": "actual", "period": "2022-03", "value": 5.8},
        {"subject": "unemployment rate", "place": "United States", "unit": "%", "kind": "ratio", "modality": "forecast", "period": "2023", "value": 3.9},
    ]
    lines = [(s["indicator"], s["place"], s["modality"], s["figures"], s["last_period"], s["latest_value"]) for s in series_of(rows)]
    assert lines == [
        ("unemployment rate", "United States", "actual", 2, "2022-03", 3.6),
        ("unemployment rate", "China", "actual", 1, "2022-03", 5.8),
        ("unemployment rate", "United States", "forecast", 1, "2023", 3.9),
    ]


def test_the_indicator_page_draws_china_and_the_united_states_apart(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    with Corpus(db) as corpus:
        corpus.add(parse(US, date="2022-03-04"))
        corpus.add(parse(CHINA, date="2022-04-18"))
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        data = client.get("/indicator.json", params={"subject": "unemployment rate"}).json()
        page = client.get("/indicator", params={"subject": "jobless rate"}).text
    places = {(s["indicator"], s["place"]) for s in data["series"]}
    assert ("unemployment rate", "United States") in places and ("unemployment rate", "China") in places
    assert "unemployment rate, United States: ratio" in page and "unemployment rate, China: ratio" in page
