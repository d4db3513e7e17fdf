"""The interface in Russian and Persian: complete gettext catalogs, the language chosen per request
and kept in links, the Persian pages right to left with Solar Hijri dates beside the Gregorian ones."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from accord.interfaces.web import i18n

ROOT = Path(__file__).resolve().parents[2]
MAIN_PAGES = ["/", "/compare", "/scenario?event=aggression&by=ISR&against=IRN&on=2025-11-01", "/check", "/coverage", "/claims",
              "/trends", "/search?q=treaty", "/treaties/rus-irn-2025", "/claims/1", "/treaty/rus-irn-2025/art_3"]


def source_msgids() -> set[str]:
    """What the templates and the web layer's Python mark for translation today (not what the .po says)."""
    with (ROOT / "babel.cfg").open() as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    return {msgid if isinstance(msgid, str) else msgid[0]
            for _, _, msgid, *_ in extract_from_dir(str(ROOT), method_map, options_map, keywords={"_": None, "gettext": None, "ngettext": (1, 2), "N_": None})}


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_every_msgid_is_translated(language):
    with i18n.po_path(language).open("rb") as fh:
        catalog = read_po(fh, locale=language)
    empty = [m.id for m in catalog if m.id and (not m.string or not all(m.string if isinstance(m.string, tuple) else [m.string]))]
    assert not empty, f"{language}: no translation for {empty}"
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not fuzzy, f"{language}: fuzzy translations {fuzzy}"
    stale = source_msgids() - {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
    assert not stale, f"{language}: marked in the source but missing from the catalog (run the extractor): {sorted(stale)}"


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_translations_keep_their_placeholders(language):
    with i18n.po_path(language).open("rb") as fh:
        catalog = read_po(fh, locale=language)
    for m in catalog:
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        wanted = set(re.findall(r"%\(\w+\)s", ids[-1]))
        for s in strings:
            assert set(re.findall(r"%\(\w+\)s", s)) == wanted, (language, m.id, s)


def test_language_from_accept_language_by_quality():
    assert i18n.from_accept_language("de-DE, fa;q=0.8, ru;q=0.9") == "ru"
    assert i18n.from_accept_language("fa-IR,fa;q=0.9,en;q=0.5") == "fa"
    assert i18n.from_accept_language("de, fr") == "en"
    assert i18n.from_accept_language("ru;q=0, fa;q=x, ;;") == "en"
    assert i18n.choose_language("fa", "ru") == "fa"
    assert i18n.choose_language("xx", "ru") == "ru"


def test_solar_hijri_date_of_the_signature():
    import datetime as dt
    assert i18n.solar_hijri(dt.date(2025, 1, 17)) == "۲۸ دی ۱۴۰۳"


def _visible_text(page: str) -> str:
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


@pytest.mark.parametrize("language,direction,heading", [
    ("en", "ltr", "Treaty catalog"), ("ru", "ltr", "Каталог договоров"), ("fa", "rtl", "فهرست معاهده‌ها"),
])
def test_catalog_page_in_each_language(client, language, direction, heading):
    page = client.get(f"/?ui={language}")
    assert page.status_code == 200
    assert page.headers["content-language"] == language
    assert f'<html lang="{language}" dir="{direction}">' in page.text
    assert f"<h1>{heading}</h1>" in page.text


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_accept_language_chooses_and_links_keep_the_choice(client, language):
    page = client.get("/claims", headers={"accept-language": f"{language}-XX,{language};q=0.9,en;q=0.5"}).text
    assert f'<html lang="{language}"' in page
    internal = re.findall(r'href="(/[^"]*)"', page)
    assert internal
    for href in internal:
        if href.startswith(("/static/", "/docs")):
            continue
        if re.match(r"/[^?]*\.(csv|json)\b", href):
            assert "ui=" not in href, f"a download keeps its own query: {href}"
            continue
        assert f"ui={language}" in html.unescape(href) or "ui=" in href, href
    # GET forms carry the language as a hidden field, so filtering keeps it.
    assert f'<input type="hidden" name="ui" value="{language}">' in page


def test_switcher_keeps_the_filters(client):
    page = client.get("/claims?verdict=contradicted&ui=ru").text
    links = {code: html.unescape(href) for href, code in re.findall(r'<a href="([^"]+)" lang="(\w\w)" hreflang', page)}
    assert set(links) == {"en", "ru", "fa"}
    assert links["fa"] == "/claims?verdict=contradicted&ui=fa"
    assert 'aria-current="true">Русский' in page


LABEL_ELEMENTS = re.compile(r"<(h1|h2|h3|h4|label|button|th|caption|summary|legend|dt|option|a)\b([^>]*)>(.*?)</\1>", re.S)
# Data in the page (catalog wording in English, ids, quotes) is marked so, and is not a label.
DATA = re.compile(r'\btranslate="no"|\blang="en"|<[^>]*\btranslate="no"[^>]*>.*?</[^>]+>|<[^>]*\blang="en"[^>]*>.*?</[^>]+>', re.S)


def labels(page: str) -> set[str]:
    """The visible text of every heading, label, button, header cell, option and link of a page."""
    found = set()
    for _, attrs, inner in LABEL_ELEMENTS.findall(page):
        if DATA.search(attrs):
            continue
        text = " ".join(_visible_text(DATA.sub(" ", inner)).split())
        if text:
            found.add(text)
    return found


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_no_english_label_left_on_main_pages(client, language):
    # A label still English is one whose whole text is an English msgid (data such as treaty
    # titles stays as stored and is not a label).
    english = {m for m in source_msgids() if re.search(r"[a-z]{2}", m) and "%(" not in m}
    assert {"Treaty catalog", "Claims", "Filter", "Decided by"} <= english
    for path in MAIN_PAGES:
        sep = "&" if "?" in path else "?"
        page = client.get(f"{path}{sep}ui={language}")
        assert page.status_code == 200, path
        left = labels(page.text) & english
        assert not left, f"{path} in {language} still says {sorted(left)}"
        english_page = labels(client.get(f"{path}{sep}ui=en").text)
        assert english_page & english, f"{path}: the English page shows none of the msgids: the check would be empty"


def test_persian_dates_in_both_calendars(client):
    page = client.get("/treaties/rus-irn-2025?on=2025-06-01&ui=fa").text
    assert "2025-01-17 (۲۸ دی ۱۴۰۳)" in page
    # a form value stays ISO, or the date field could not read it
    assert 'value="2025-06-01"' in page
    assert "۲۸ دی ۱۴۰۳" not in client.get("/treaties/rus-irn-2025?on=2025-06-01&ui=ru").text


def test_every_template_parses():
    # The extractor skips a template it cannot parse without a word; rendering would fail later.
    from accord.interfaces.web.rendering import ENVS
    for env in ENVS.values():
        for name in env.list_templates():
            env.get_template(name)


def test_unknown_ui_language_falls_back(client):
    page = client.get("/?ui=xx", headers={"accept-language": "de"})
    assert page.status_code == 200
    assert '<html lang="en" dir="ltr">' in page.text
