"""Chinese text in the web app is shown with a font that has its characters: the stylesheet names
the CJK faces the common systems ship (nothing is downloaded), and a Chinese transcript is marked
lang="zh" so the browser picks them first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from podium.web import create_app
from web.conftest import BASE_URL, build_corpus

CHINESE = "主持人：请介绍情况。\n\n张明：今年1-5月，全国出口下降2.4%，粮食产量1.3万亿斤。\n"
ENGLISH = "MR. LEE: Exports fell 3% in May.\n"
# One face per platform family: macOS, Windows, Linux/Android.
CJK_FACES = ("PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    corpus = build_corpus(tmp_path_factory.mktemp("cjk") / "c.db", [], texts=(CHINESE, ENGLISH))
    return TestClient(create_app(corpus.db), base_url=BASE_URL)


def _stacks(css: str) -> list[str]:
    return re.findall(r"font-family:([^;]+);", css)


def test_the_stylesheet_names_cjk_system_faces_and_downloads_no_font(client: TestClient) -> None:
    css = client.get("/static/podium.css").text
    root, *rest = _stacks(css)
    assert all(f'"{face}"' in root for face in CJK_FACES) and root.strip().endswith("sans-serif")
    chinese = re.search(r":lang\(zh\)\s*\{\s*font-family:([^;]+);", css)
    assert chinese and chinese.group(1).strip().startswith('"PingFang SC"')
    assert "@font-face" not in css and "url(" not in css


def test_a_chinese_transcript_is_marked_chinese_and_an_english_one_is_not(client: TestClient) -> None:
    ids = {row["title"] or row["source"]: row["id"] for row in client.get("/api/v1/briefings").json()}
    pages = [client.get(f"/briefings/{ident}").text for ident in ids.values()]
    chinese = [p for p in pages if "1.3万亿斤" in p]
    english = [p for p in pages if "Exports fell" in p]
    assert len(chinese) == len(english) == 1
    assert re.search(r'<section class="transcript"[^>]*lang="zh"', chinese[0])
    assert 'lang="zh"' not in english[0]
    assert 'data-direction="down"' in chinese[0] and 'data-direction="down"' in english[0]
