"""Colour contrast of every page, measured in the browser, in the light and the dark scheme.

Each element that shows text is measured as the reader sees it: its computed colour over the
backgrounds of its ancestors composited from the page down (WCAG 2.1 relative luminance). Normal
text needs 4.5:1 and large text 3:1 (WCAG 1.4.3, level AA). Chart text in inline SVG is measured
against the page behind the chart, and a number drawn on a marker against the marker's fill.
"""

from __future__ import annotations

import pytest

from .main_pages import MAIN_PAGES
from .test_browser import ARTIFACTS, base_url, browser, browser_db  # noqa: F401  (fixtures shared with the other browser tests)

pytestmark = pytest.mark.browser

PAGES = MAIN_PAGES  # every main page, in the light and the dark scheme

# Returns one row per element whose contrast is below its threshold.
MEASURE = r"""
() => {
  const parse = (c) => {
    const m = c && c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a), a: 1});
  const lum = ({r, g, b}) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const backdrop = (el) => {
    const chain = [];
    for (let e = el; e; e = e.parentElement) chain.push(e);
    let c = {r: 255, g: 255, b: 255, a: 1};
    for (const e of chain.reverse()) {
      const b = parse(getComputedStyle(e).backgroundColor);
      if (b && b.a > 0) c = over(b, c);
    }
    return c;
  };
  const visible = (el) => {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 1 && r.height > 1 && s.visibility !== "hidden" && s.display !== "none" && parseFloat(s.opacity) > 0;
  };
  const large = (s) => parseFloat(s.fontSize) >= 24 || (parseFloat(s.fontSize) >= 18.66 && parseInt(s.fontWeight) >= 700);
  const failures = [];
  const check = (el, fg, bg, s) => {
    const need = large(s) ? 3 : 4.5, got = ratio(over(fg, bg), bg);
    if (got + 1e-6 < need) failures.push({
      text: el.textContent.trim().slice(0, 40), tag: el.tagName.toLowerCase(), cls: el.getAttribute("class") || "",
      ratio: Math.round(got * 100) / 100, need});
  };
  for (const el of document.body.querySelectorAll("*")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !visible(el)) continue;
    const s = getComputedStyle(el);
    const svg = el.closest("svg");
    if (!svg) { check(el, parse(s.color), backdrop(el), s); continue; }
    if (el.tagName.toLowerCase() !== "text") continue;
    // Text drawn on a shape (a marker's number, a count in a grid cell) is read against the shape's
    // fill: the nearest earlier sibling circle or rect under the text's centre.
    const box = el.getBoundingClientRect(), cx = box.x + box.width / 2, cy = box.y + box.height / 2;
    let marker = el.previousElementSibling;
    while (marker && !(["circle", "rect"].includes(marker.tagName.toLowerCase()))) marker = marker.previousElementSibling;
    const mb = marker && marker.getBoundingClientRect();
    const under = mb && cx >= mb.left && cx <= mb.right && cy >= mb.top && cy <= mb.bottom;
    const fill = under && parse(getComputedStyle(marker).fill);
    const bg = fill ? over(fill, backdrop(svg)) : backdrop(svg);
    check(el, parse(s.fill), bg, s);
  }
  return failures;
}
"""


@pytest.mark.parametrize("scheme,locale", [("light", "en-US"), ("dark", "en-US"), ("light", "fa-IR"), ("dark", "ru-RU")])
def test_every_page_meets_wcag_aa_contrast(browser, base_url, scheme, locale):  # noqa: F811
    # The browser's language picks the interface: the Persian and Russian pages are measured too.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme, locale=locale)
    page = context.new_page()
    try:
        problems = {}
        for path in PAGES:
            page.goto(base_url + path)
            failures = page.evaluate(MEASURE)
            if failures:
                problems[path] = failures
            if path in ("/", "/documents/seed-002", "/treaties/rus-irn-2025?on=2025-11-01", "/claims"):
                name = path.strip("/").split("?")[0].replace("/", "-") or "catalog"
                page.screenshot(path=str(ARTIFACTS / f"{scheme}-{locale}-{name}.png"), full_page=True)
        assert not problems, problems
    finally:
        context.close()


def test_dark_scheme_changes_the_page_colours(browser, base_url):  # noqa: F811
    backgrounds = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(base_url + "/")
        backgrounds[scheme] = page.evaluate("getComputedStyle(document.body).backgroundColor")
        context.close()
    assert backgrounds["light"] == "rgb(255, 255, 255)"
    assert backgrounds["dark"] != backgrounds["light"]
