"""Real-browser tests: Debian's Chromium driven by Playwright against a real uvicorn server.

Skipped, with the reason, when /usr/bin/chromium or the playwright package is absent.
Full-page screenshots of every page visited go to test-artifacts/.
"""

from __future__ import annotations

import re

import pytest

from accord.interfaces.app import create_app
from browser_support import ARTIFACTS, chromium, require_chromium
from live_server import serving

from .main_pages import MAIN_PAGES

pytestmark = pytest.mark.browser

require_chromium()  # skips this module where Chromium or Playwright is absent


# A document whose address is long and percent-encoded (a Persian headline in the path, a tracking
# query): on a phone it must wrap, never widen the page.
LONG_URL_ID = "long-address"
LONG_URL = ("https://www.example-news.ir/fa/news/" + "%D9%85%D8%B9%D8%A7%D9%87%D8%AF%D9%87-" * 12
            + "?utm_source=telegram&utm_medium=social&utm_campaign=" + "x" * 80)


@pytest.fixture(scope="module")
def browser_db(filled_db, tmp_path_factory):
    import json
    import shutil

    from accord.services.ingest import ingest
    from accord.services.store import Store
    from judging_context import JUDGING

    root = tmp_path_factory.mktemp("browser-store")
    db = root / "accord.sqlite"
    shutil.copy(filled_db, db)
    extra = root / "long.jsonl"
    extra.write_text(json.dumps({"id": LONG_URL_ID, "url": LONG_URL, "outlet": "Example News",
                                 "text": "The treaty between Russia and Iran was signed in Moscow on 17 January 2025."}) + "\n",
                     encoding="utf-8")
    with Store(db) as store:
        assert not ingest([extra], store, JUDGING).errors
    return db


@pytest.fixture(scope="module")
def base_url(browser_db):
    with serving(create_app(db_path=browser_db), start_timeout=90) as (base, _):  # start-up warms the claim extractors
        yield base


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture()
def dialogs() -> list[str]:
    """Messages of every alert/confirm/prompt a page opened: stored text must never run as script."""
    return []


@pytest.fixture()
def page(browser, dialogs):
    # en-US fixes the order in which a date field takes typed digits (month, day, year).
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def no_horizontal_scroll(page) -> bool:
    # clientWidth is the layout viewport; a phone browser zooms out (innerWidth grows) when content is too wide.
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_catalog_lists_treaties_with_status_and_badges(page, base_url):
    page.goto(base_url + "/")
    assert page.locator("h1").inner_text() == "Treaty catalog"
    row = page.locator("#treaty-nato-1949")
    assert "defense" in row.inner_text()
    assert "in force" in page.locator("#treaty-rus-irn-2025").inner_text()
    shot(page, "catalog")
    page.get_by_role("link", name="Russia–Iran Comprehensive Strategic Partnership Treaty (2025)").click()
    page.wait_for_url("**/treaties/rus-irn-2025")
    assert "Status on" in page.locator("h2#status-heading").inner_text()


def test_treaty_page_with_its_timeline_chart(page, base_url):
    page.goto(base_url + "/treaties/rus-irn-2025?on=2026-01-01")
    chart = page.locator("svg.timeline")
    assert chart.count() == 1
    assert chart.locator("title").first.text_content() == "Life-cycle timeline of rus-irn-2025"
    assert chart.bounding_box()["height"] > 100
    assert "2045-10-01" in page.locator("#timeline-table").inner_text()
    assert chart.is_visible()
    assert page.get_by_role("heading", name=re.compile("^Article number unknown")).count() > 5
    assert page.locator("#art-3 table").is_visible()
    shot(page, "treaty-rus-irn-2025")
    page.goto(base_url + "/treaties/jcpoa-2015?on=2025-10-01")
    assert page.locator("svg.timeline .mk-contested").count() >= 1
    assert page.locator("svg.timeline .mk-vote-window-end").count() == 1
    shot(page, "treaty-jcpoa-2015")


def _run_scenario(page, base_url, day: str) -> None:
    page.goto(base_url + "/scenario")
    page.get_by_label("Event").select_option("aggression")
    page.get_by_label("By (acting state)").fill("ISR")
    page.get_by_label("Against (target)").fill("IRN")
    page.get_by_label("On", exact=True).fill(day)
    page.get_by_role("button", name="Answer").click()
    page.wait_for_selector("#answer")


def test_scenario_form_in_force_and_not_yet_in_force(page, base_url):
    _run_scenario(page, base_url, "2025-11-01")
    answer = page.locator("#answer-rus-irn-2025")
    text = answer.inner_text()
    assert "Art. 3(3)" in text
    assert "no provision of rus-irn-2025 obliges RUS to give military assistance to IRN" in text
    assert answer.get_by_role("link", name="Art. 3(3)").first.get_attribute("href") == "/treaties/rus-irn-2025#art-3"
    shot(page, "scenario-2025-11-01")

    _run_scenario(page, base_url, "2025-06-01")
    text = page.locator("#answer-rus-irn-2025").inner_text()
    assert "not in force on that date" in text
    assert "rus-irn-2001" in text
    assert page.locator("#answer-rus-irn-2001").count() == 1
    shot(page, "scenario-2025-06-01")


def test_bad_scenario_input_shows_a_message(page, base_url):
    response = page.goto(base_url + "/scenario?event=aggression&by=Isreal&against=IRN&on=2025-11-01")
    assert response.status == 422
    assert "unknown party 'Isreal'" in page.get_by_role("alert").inner_text()
    shot(page, "scenario-error")


def test_check_a_sentence(page, base_url):
    page.goto(base_url + "/check")
    page.get_by_label("Text").fill("Russia is now obliged to defend Iran militarily.")
    page.get_by_role("button", name="Check").click()
    page.wait_for_selector("#results")
    card = page.locator(".claim-card").first
    assert "contradicted" in card.inner_text()
    assert "Art. 3" in card.inner_text()
    shot(page, "check")


def test_keyboard_only_scenario(page, base_url):
    page.goto(base_url + "/scenario")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    # From the skip target, Tab reaches the form: the event select comes first.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "event":
            break
    assert page.evaluate("document.activeElement.id") == "event"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused field must show a focus ring"
    page.keyboard.press("Tab")
    page.keyboard.type("ISR")
    page.keyboard.press("Tab")
    page.keyboard.type("IRN")
    # The optional fields (where, weapons) are left as they are: Tab on to the date.
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "on":
            break
    assert page.evaluate("document.activeElement.id") == "on"
    page.keyboard.type("11012025")  # a date field takes digits in the locale's order
    page.keyboard.press("Enter")
    page.wait_for_selector("#answer")
    assert "Art. 3(3)" in page.locator("#answer-rus-irn-2025").inner_text()
    shot(page, "scenario-keyboard")


def test_document_page_marks_claims_and_runs_no_script(page, base_url, hostile_id, dialogs):
    page.goto(base_url + f"/documents/{hostile_id}")
    body = page.locator(".doc-text").inner_text()
    assert "<script>alert(1)</script>" in body
    assert "<img src=x onerror=alert(1)>" in body
    assert page.locator(".doc-text img").count() == 0
    assert page.locator("mark.verdict-contradicted").count() >= 1
    page.goto(base_url + "/search?q=script")
    assert "<script>" in page.locator(".hits").inner_text()
    page.goto(base_url + "/documents/seed-002")
    assert page.locator(".doc-text mark").count() > 5
    shot(page, "document-seed-002")
    assert dialogs == []


def test_coverage_claims_compare(page, base_url):
    page.goto(base_url + "/coverage")
    assert page.locator("svg.bars").count() == 1
    shot(page, "coverage")
    page.goto(base_url + "/claims?verdict=contradicted")
    assert page.locator("table.claims tbody tr").count() >= 1
    shot(page, "claims")
    page.goto(base_url + "/compare")
    shot(page, "compare")
    page.goto(base_url + "/search?q=defense")
    shot(page, "search")


# Text drawn in a chart, as the reader sees it: its font size times the chart's scale on screen.
SMALLEST_CHART_TEXT_JS = """(sel) => {
  const svg = document.querySelector(sel);
  if (!svg) return null;
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return Math.min(...[...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale));
}"""

# Elements wider than the viewport that are not inside a box that scrolls on its own.
OVERFLOWING_JS = """() => {
  const width = document.documentElement.clientWidth, out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.right <= width + 1 || box.width === 0) continue;
    let scroller = el.parentElement;
    while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
    if (!scroller) out.push(el.tagName.toLowerCase() + '.' + (el.getAttribute('class') || '') + ' ' + Math.round(box.right));
  }
  return out.slice(0, 5);
}"""


@pytest.mark.parametrize("language", ["en", "ru", "fa"])
def test_phone_width_has_no_horizontal_scroll(browser, base_url, language):
    """At 375 px no main page scrolls sideways in any interface language: long addresses wrap, wide
    tables and the timeline scroll inside their own box, and chart text stays readable."""
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True, locale="en-US")
    page = context.new_page()
    paths = [*MAIN_PAGES, f"/documents/{LONG_URL_ID}", "/claims?outlet=Example+News"]
    too_wide = {}
    try:
        for path in paths:
            page.goto(base_url + path + ("&" if "?" in path else "?") + f"ui={language}")
            if language != "en" or path in MAIN_PAGES[:3]:
                name = "phone-" + language + "-" + (path.strip("/").split("?")[0].replace("/", "-") or "catalog")
                shot(page, name)
            if not no_horizontal_scroll(page):
                too_wide[path] = (page.evaluate("document.documentElement.scrollWidth"), page.evaluate(OVERFLOWING_JS))
        assert too_wide == {}
        page.goto(base_url + f"/trends?period=month&ui={language}")
        assert page.locator("svg.bars.trend").bounding_box()["width"] <= 375
        assert page.evaluate(SMALLEST_CHART_TEXT_JS, "svg.bars.trend") >= 10
        page.goto(base_url + f"/treaties/rus-irn-2025?ui={language}")
        assert page.evaluate(SMALLEST_CHART_TEXT_JS, "svg.timeline") >= 8.5
        assert page.evaluate("getComputedStyle(document.querySelector('svg.timeline').parentElement).overflowX") == "auto"
    finally:
        context.close()
