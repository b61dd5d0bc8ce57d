"""Screenshots of the main pages into docs/screenshots/*.png, taken in headless Chromium.

Run: .venv/bin/python docs/screenshots/take_screenshots.py
It builds a temporary corpus from the example briefing and ../shared/corpus (when present)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS_DIR = ROOT.parent / "shared" / "corpus"
ANCHOR = CORPUS_DIR / "scio-2024-05-21-xinjiang.txt"
EXAMPLE = ROOT / "podium" / "examples" / "example-briefing.txt"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def build(db: Path) -> str:
    """Store the transcripts; the anchor briefing's id."""
    import podium
    from podium.store import Corpus

    paths = [EXAMPLE] + (sorted(CORPUS_DIR.glob("*.txt")) if CORPUS_DIR.is_dir() else [])
    with Corpus(db) as corpus:
        ids = {path: corpus.add(podium.parse(path)) for path in paths}
    return ids.get(ANCHOR, ids[EXAMPLE])


def main() -> int:
    from playwright.sync_api import sync_playwright

    from podium.web import create_app
    from podium.web.server import running

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "podium.db"
        anchor_id = build(db)
        with running(create_app(db)) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})

            def shot(name: str, path: str, *, full: bool = False) -> None:
                page.goto(url + path)
                page.screenshot(path=str(HERE / f"{name}.png"), full_page=full)

            shot("library", "/")
            page.goto(f"{url}/briefings/{anchor_id}")
            figures = page.locator("#transcript mark.fig")
            if figures.count():
                target = figures.nth(min(6, figures.count() - 1))
                target.scroll_into_view_if_needed()
                page.evaluate("window.scrollBy(0, -250)")
                target.focus()
            page.screenshot(path=str(HERE / "briefing.png"))
            shot("figures", "/figures?kind=growth")
            shot("search", "/search?q=growth")
            subjects = page.request.get(url + "/api/v1/subjects?prefix=GDP&limit=1").json() or page.request.get(url + "/api/v1/subjects?limit=1").json()
            shot("indicator", "/indicator" + (f"?subject={subjects[0]['subject']}" if subjects else ""))
            shot("add", "/add")
            shot("api-docs", "/docs")
            browser.close()
    print(f"screenshots written to {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
