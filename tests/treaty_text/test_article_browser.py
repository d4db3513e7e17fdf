"""The article page in a real browser: the treaty page's contents lead to it, highlights show, phone width works."""

from __future__ import annotations


import pytest

from accord.interfaces.app import create_app
from accord.knowledge.catalog import load_catalog
from accord.knowledge.text_formats import read_treaty_bytes
from accord.services.treaty_import import build_record, store_record
from browser_support import ARTIFACTS, chromium, require_chromium
from live_server import serving
from tests.treaty_text.conftest import treaty_text


pytestmark = pytest.mark.browser

require_chromium()  # skips this module where Chromium or Playwright is absent


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
    with chromium() as browser:
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
