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

from .main_pages import MAIN_PAGES

ROOT = Path(__file__).resolve().parents[2]
# Every visible text node of the page, except data: anything inside an element marked
# translate="no" or written in another language than the page's (quotes, names, ids, catalog wording).
TEXT_NODES_JS = """() => {
  const ui = document.documentElement.lang, out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement, text = n.textContent.replace(/\\s+/g, ' ').trim();
    if (!text || !el || el.closest('script, style, [translate=no]')) continue;
    const tagged = el.closest('[lang]');
    if (tagged && tagged.lang !== ui) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0 && !el.closest('svg')) continue;
    out.push(text);
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
    if (el.closest('[translate=no]')) continue;
    for (const a of ['aria-label', 'title', 'placeholder']) if (el.getAttribute(a)) out.push(el.getAttribute(a).trim());
  }
  return out;
}"""

pytestmark = pytest.mark.browser

require_chromium()  # skips this module where Chromium or Playwright is absent


def english_msgids() -> list[str]:
    with (ROOT / "babel.cfg").open() as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    ids = {m if isinstance(m, str) else m[0] for _, _, m, *_ in extract_from_dir(
        str(ROOT), method_map, options_map, keywords={"_": None, "gettext": None, "ngettext": (1, 2), "N_": None})}
    return [m for m in ids if re.search(r"[A-Za-z]{2}", re.sub(r"%\(\w+\)s|<[^>]+>", "", m))]


def english_matchers() -> list[tuple[str, re.Pattern[str]]]:
    """A pattern per English msgid that matches a whole text node still saying it: placeholders
    match anything, markup inside a msgid is not part of the visible text."""
    out = []
    for msgid in english_msgids():
        plain = re.sub(r"<[^>]+>", "", msgid)
        literal = [re.escape(part) for part in re.split(r"%\(\w+\)s", plain)]
        if sum(len(re.findall(r"[A-Za-z]{3,}", re.sub(r"\\.", "", part))) for part in literal) == 0:
            continue  # only placeholders and punctuation: nothing English to see
        out.append((msgid, re.compile(r"\s*" + r".{1,80}?".join(literal).replace(r"\ ", r"\s+") + r"\s*", re.S)))
    return out


def english_left(texts: list[str], matchers) -> set[str]:
    """The texts that are, whole, an English msgid (each text node is one label or sentence)."""
    return {f"{text[:70]!r} = {msgid[:40]!r}" for text in set(texts) for msgid, pattern in matchers if pattern.fullmatch(text)}


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
    """The browser's own language chooses the interface; following links keeps it; no visible text
    node of a main page (labels, messages, chart text, pagination, tooltips) is still English."""
    matchers = english_matchers()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)
    page = context.new_page()
    try:
        page.goto(base_url + "/")
        assert page.evaluate("document.documentElement.lang") == language
        assert page.evaluate("getComputedStyle(document.body).direction") == direction
        # Following the navigation keeps the language in the address.
        page.locator("nav[aria-label] a[href^='/claims']").first.click()
        page.wait_for_url(re.compile(rf"/claims\?ui={language}$"))
        left = {}
        for path in MAIN_PAGES:
            page.goto(base_url + path)
            assert page.evaluate("document.documentElement.dir") == direction, path
            texts = page.evaluate(TEXT_NODES_JS)
            assert len(texts) > 10, path
            found = english_left(texts, matchers)
            if found:
                left[path] = sorted(found)
            # every internal link of the page keeps the language
            hrefs = page.evaluate("() => [...document.querySelectorAll('a[href^=\"/\"]')].map(a => a.getAttribute('href'))")
            lost = [h for h in hrefs if "ui=" not in h and not re.match(r"/(static|docs|api)/|/[^?#]*\.(csv|json)\b|/docs$", h)]
            assert not lost, f"{path}: links without ui={language}: {lost[:5]}"
        assert not left, f"English left in {language}: {left}"
        page.goto(base_url + "/treaties/rus-irn-2025")
        page.screenshot(path=str(ARTIFACTS / f"treaty-{language}.png"), full_page=True)
    finally:
        context.close()


def test_the_check_finds_english_labels():
    # The matcher itself: an English label, sentence or filled-in message is caught; translated
    # text and data are not.
    matchers = english_matchers()
    assert english_left(["Filter", "Decided by", "Page 2 of 7", "1–100 of 389 claims."], matchers)
    assert len(english_left(["Filter", "Page 2 of 7"], matchers)) == 2
    assert not english_left(["Фильтр", "Страница 2 из 7", "rus-irn-2025", "Art. 3(3)"], matchers)


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
