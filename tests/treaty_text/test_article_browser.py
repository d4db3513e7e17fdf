"""The article page in a real browser: the treaty page's contents lead to it, highlights show, phone width works."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.interfaces.app import create_app
from accord.knowledge.catalog import load_catalog
from accord.knowledge.text_formats import read_treaty_bytes
from accord.services.treaty_import import build_record, store_record
from live_server import serving
from tests.treaty_text.conftest import treaty_text

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is absent (apt-get install --no-install-recommends chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("user-catalog")
    builtin = load_catalog()
    record = build_record(read_treaty_bytes(treaty_text("nato-1949").encode(), "nato-1949.txt"), "nato-1949", catalog=builtin)
    store_record(record, folder, builtin)
    app = create_app(catalog=load_catalog(user_dir=folder), db_path=folder / "store.sqlite")
    with serving(app, start_timeout=90) as (base, _):
        yield base


def test_contents_link_to_the_article_page_with_highlighted_coding(base_url):
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 390, "height": 844})  # phone width
        page.goto(f"{base_url}/treaties/nato-1949")
        page.get_by_role("link", name="Article 5", exact=True).first.click()
        page.wait_for_url(f"{base_url}/treaty/nato-1949/art_5")
        assert page.locator("h1").inner_text().startswith("Article 5")
        marks = page.locator("mark.cue-duty")
        assert marks.count() >= 1 and "provide military assistance" in marks.first.get_attribute("title")
        # the page fits the phone: no horizontal scrolling of the whole page
        assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1
        page.screenshot(path=str(ARTIFACTS / "article-nato-5-phone.png"), full_page=True)
        page.goto(f"{base_url}/treaty/nato-1949/art_6/para_1")
        assert page.locator("#para_1.focus").count() == 1
        browser.close()
