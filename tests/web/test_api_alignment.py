"""/api/v1/briefings/{id}/alignment: a briefing's figures paired with its translation's."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

import podium
from podium.store import Corpus
from podium.web import create_app
from web.conftest import BASE_URL

ZH = "发言人：\n\n出口超过1.5万亿元，增长8.2%。进口9000亿元，增长3%。\n"
EN = "Spokesperson:\n\nExports were about 1.5 trillion yuan, up 8.2%. Imports were 900 billion yuan.\n"
OTHER_DAY = "Spokesperson:\n\nExports were 2 trillion yuan.\n"


def test_a_briefing_aligns_with_its_translation_of_the_same_date(tmp_path: Path) -> None:
    ids = {}
    with Corpus(tmp_path / "a.db") as corpus:
        for name, text, date in (("zh", ZH, "2024-03-07"), ("en", EN, "2024-03-07"), ("later", OTHER_DAY, "2024-03-08")):
            path = tmp_path / f"{name}.txt"
            path.write_text(text, encoding="utf-8")
            ids[name] = corpus.add(podium.parse(path, date=date))
    with TestClient(create_app(tmp_path / "a.db"), base_url=BASE_URL) as client:
        body = client.get(f"/api/v1/briefings/{ids['en']}/alignment").json()
        assert body["translation"] == ids["zh"] and body["languages"] == ["zh", "en"]
        lines = [(f["zh"] and f["zh"]["text"], f["en"] and f["en"]["text"], f["same"]) for f in body["figures"]]
        assert lines == [("1.5万亿元", "1.5 trillion yuan", False), ("8.2%", "8.2%", True), ("9000亿元", "900 billion yuan", True), ("3%", None, False)]
        assert body["briefings"] == {"zh": ids["zh"], "en": ids["en"]}
        alone = client.get(f"/api/v1/briefings/{ids['later']}/alignment").json()
        assert alone["translation"] is None and alone["figures"] == []
        page = client.get(f"/briefings/{ids['en']}/alignment").text
        # each figure links to where its own briefing says it; the changed pair and the missing one are marked
        assert f'/briefings/{ids["zh"]}?at={ZH.index("1.5")}#hit' in page and f'/briefings/{ids["en"]}?at={EN.index("1.5")}#hit' in page
        assert page.count('class="changed"') == 2 and page.count('class="same"') == 2
        assert "qualifier changed: more than -&gt; about" in page
        assert client.get(f"/briefings/{ids['en']}/alignment.json").json()["figures"] == body["figures"]
        assert f'href="/briefings/{ids["en"]}/alignment"' in client.get(f"/briefings/{ids['en']}").text
        assert "No translation of this briefing" in client.get(f"/briefings/{ids['later']}/alignment").text
        assert client.get("/api/v1/briefings/0123456789abcdef/alignment").status_code == 404


def test_an_interleaved_briefing_aligns_its_two_languages(tmp_path: Path) -> None:
    text = "发言人：\n\nSpokesperson:\n\n出口1.5万亿元，增长8.2%。\n\nExports were 1.5 trillion yuan, up 8.2%.\n"
    with Corpus(tmp_path / "b.db") as corpus:
        ident = corpus.add(podium.parse(text))
    with TestClient(create_app(tmp_path / "b.db"), base_url=BASE_URL) as client:
        body = client.get(f"/api/v1/briefings/{ident}/alignment").json()
    assert body["translation"] == ident
    assert [(f["zh"]["text"], f["en"]["text"]) for f in body["figures"]] == [("1.5万亿元", "1.5 trillion yuan"), ("8.2%", "8.2%")]


def test_a_translation_declared_in_front_matter_is_the_one_aligned(tmp_path: Path) -> None:
    zh = tmp_path / "b.zh.txt"
    zh.write_text(ZH, encoding="utf-8")
    en = tmp_path / "b.en.md"
    en.write_text("---\ntranslation: b.zh.txt\n---\n" + EN, encoding="utf-8")
    with Corpus(tmp_path / "c.db") as corpus:
        zh_id = corpus.add(podium.parse(zh, date="2024-03-07"))
        en_id = corpus.add(podium.parse(en, date="2024-03-09"))  # dates differ: only the declaration links them
    with TestClient(create_app(tmp_path / "c.db"), base_url=BASE_URL) as client:
        body = client.get(f"/api/v1/briefings/{en_id}/alignment").json()
    assert body["translation"] == zh_id and len(body["figures"]) == 4
