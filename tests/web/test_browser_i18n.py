"""The Russian and Persian interfaces in a real browser (Debian's Chromium via Playwright, real server):
the Persian one lays out right to left, and no English label is left on the main pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg

from accord.interfaces.app import create_app
from browser_support import ARTIFACTS, chromium, require_chromium
from live_server import serving

ROOT = Path(__file__).resolve().parents[2]
MAIN_PAGES = ["/", "/treaties/rus-irn-2025", "/compare", "/scenario?event=aggression&by=ISR&against=IRN&on=2025-11-01",
              "/check", "/coverage", "/claims", "/trends", "/search?q=treaty"]
# What a reader takes for a label: navigation, headings, form labels, buttons, table headers, options.
LABELS_JS = """() => Array.from(document.querySelectorAll(
  'nav a, h1, h2, h3, h4, label, button, th[scope=col], caption, summary, legend, dt, option, [data-label]'))
  .flatMap(e => [e.innerText, e.getAttribute('data-label') || ''])
  .map(t => (t || '').replace(/\\s+/g, ' ').trim()).filter(Boolean)"""

pytestmark = pytest.mark.browser

require_chromium()  # skips this module where Chromium or Playwright is absent


def english_labels() -> set[str]:
    with (ROOT / "babel.cfg").open() as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    ids = {m if isinstance(m, str) else m[0] for _, _, m, *_ in extract_from_dir(
        str(ROOT), method_map, options_map, keywords={"_": None, "gettext": None, "ngettext": (1, 2), "N_": None})}
    return {m for m in ids if re.search(r"[a-z]{2}", m) and "%(" not in m}


@pytest.fixture(scope="module")
def base_url(filled_db):
    with serving(create_app(db_path=filled_db), start_timeout=90) as (base, _):
        yield base


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.mark.parametrize("locale,language,direction", [("ru-RU", "ru", "ltr"), ("fa-IR", "fa", "rtl")])
def test_interface_in_the_browsers_language(browser, base_url, locale, language, direction):
    """The browser's own language chooses the interface; following links keeps it; no English label is left."""
    english = english_labels()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)
    page = context.new_page()
    try:
        page.goto(base_url + "/")
        assert page.evaluate("document.documentElement.lang") == language
        assert page.evaluate("getComputedStyle(document.body).direction") == direction
        # Following the navigation keeps the language in the address.
        page.locator("nav[aria-label] a[href^='/claims']").first.click()
        page.wait_for_url(re.compile(rf"/claims\?ui={language}$"))
        for path in MAIN_PAGES:
            page.goto(base_url + path)
            shown = set(page.evaluate(LABELS_JS))
            assert shown, path
            left = shown & english
            assert not left, f"{path} in {language} still shows {sorted(left)}"
            assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), path
        page.goto(base_url + "/treaties/rus-irn-2025")
        page.screenshot(path=str(ARTIFACTS / f"treaty-{language}.png"), full_page=True)
    finally:
        context.close()


def test_persian_layout_runs_right_to_left(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    try:
        page.goto(base_url + "/claims?ui=fa")
        nav = page.locator("header nav").first.locator("li")
        first, last = nav.first.bounding_box(), nav.last.bounding_box()
        assert first["x"] > last["x"], "the first menu item should stand rightmost"
        heading = page.locator("h1").bounding_box()
        assert heading["x"] + heading["width"] > 1280 * 0.8, "the heading starts at the right edge"
        # Filtering through the form keeps the Persian interface.
        page.get_by_role("button", name="اعمال فیلتر").click()
        page.wait_for_url(re.compile(r"ui=fa"))
        assert page.evaluate("document.documentElement.dir") == "rtl"
        # The switcher turns the same page (filters kept) into Russian.
        page.get_by_role("link", name="Русский").click()
        page.wait_for_url(re.compile(r"ui=ru"))
        assert page.locator("h1").inner_text() == "Утверждения"
        assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"
        page.goto(base_url + "/?ui=fa")
        page.screenshot(path=str(ARTIFACTS / "catalog-fa.png"), full_page=True)
    finally:
        context.close()
