"""The language of the pages: gettext catalogs (.po, compiled in memory at start), choice per request.

English is the source language. Russian and Persian catalogs live in ``locale/<xx>/LC_MESSAGES``
as ``.po`` files only: babel compiles them into memory when the module is first imported (a few
milliseconds), so no binary ``.mo`` is kept in the repository or has to be built at install.

The interface language is chosen by the ``ui`` query parameter, else by ``Accept-Language``.
It is not called ``lang`` because ``lang`` already filters documents by their language on the
claims, trends and check pages and in the API.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import re
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.core import UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
SOURCE_LANGUAGE = "en"
UI_LANGUAGES = ("en", "ru", "fa")
UI_PARAM = "ui"
# Each language named in itself, for the switcher.
LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "fa": "فارسی"}


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"


@lru_cache(maxsize=None)
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalog of a language; English (the msgids themselves) needs none."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    with po_path(language).open("rb") as fh:
        catalog = read_po(fh, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def gettext_for(language: str):
    """The ``gettext`` of a language, for words built in Python (chart titles, messages)."""
    return translations(language).gettext


def ngettext_for(language: str):
    return translations(language).ngettext


def language_name(code: str, language: str) -> str:
    """``code`` named in ``language`` (CLDR, through babel); the code itself when CLDR has no name."""
    try:
        return Locale.parse(language).languages.get(code, code)
    except (UnknownLocaleError, ValueError):
        return code


def text_direction(language: str) -> str:
    try:
        return Locale.parse(language).character_order == "right-to-left" and "rtl" or "ltr"
    except (UnknownLocaleError, ValueError):
        return "ltr"


_ACCEPT_ITEM = re.compile(r"^\s*([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*$")


def from_accept_language(header: str | None) -> str:
    """The first offered UI language in an ``Accept-Language`` header, by quality; else English."""
    if not header:
        return SOURCE_LANGUAGE
    offers: list[tuple[float, int, str]] = []
    for position, item in enumerate(header.split(",")):
        m = _ACCEPT_ITEM.match(item)
        if not m:
            continue  # a malformed entry is ignored, as browsers' neighbours do
        try:
            quality = float(m.group(2)) if m.group(2) else 1.0
        except ValueError:
            continue
        offers.append((-quality, position, m.group(1).split("-")[0].lower()))
    for quality, _, primary in sorted(offers):
        if quality < 0 and primary in UI_LANGUAGES:
            return primary
    return SOURCE_LANGUAGE


def choose_language(query_value: str | None, accept_language: str | None) -> str:
    if query_value and query_value.lower() in UI_LANGUAGES:
        return query_value.lower()
    return from_accept_language(accept_language)


# Internal links and GET forms keep the chosen language. Rewriting the finished page does this
# for every template at once, so a link added later cannot forget it.
# Downloads (``/claims.csv``) are data, not pages: they keep their own query.
_INTERNAL_HREF = re.compile(r'href="(/(?!static/|docs|api/|openapi)(?![^"?#]*\.(?:csv|json)\b)[^"#]*)(#[^"]*)?"')
_GET_FORM = re.compile(r'(<form\b[^>]*\bmethod="get"[^>]*>)', re.IGNORECASE)
_POST_FORM_ACTION = re.compile(r'(<form\b[^>]*\bmethod="post"[^>]*\baction=")(/[^"?]*)(")', re.IGNORECASE)


def with_language(url: str, language: str) -> str:
    if re.search(rf"(?:[?]|&amp;|&){UI_PARAM}=", url):
        return url
    return f"{url}{'&amp;' if '?' in url else '?'}{UI_PARAM}={language}"


def keep_language(page: str, language: str) -> str:
    """Carry ``ui=<language>`` in every internal link and form of a rendered page (not for English)."""
    if language == SOURCE_LANGUAGE:
        return page
    page = _INTERNAL_HREF.sub(lambda m: f'href="{with_language(m.group(1), language)}{m.group(2) or ""}"', page)
    page = _GET_FORM.sub(lambda m: f'{m.group(1)}<input type="hidden" name="{UI_PARAM}" value="{language}">', page)
    return _POST_FORM_ACTION.sub(lambda m: f"{m.group(1)}{m.group(2)}?{UI_PARAM}={language}{m.group(3)}", page)


def persian_digits(text: str) -> str:
    return text.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


def solar_hijri(day: dt.date) -> str:
    """A Gregorian day in the Solar Hijri calendar, as Iranians write it: ``۲۸ دی ۱۴۰۳``."""
    import jdatetime  # only the Persian pages need it

    j = jdatetime.date.fromgregorian(date=day)
    return persian_digits(f"{j.day} {jdatetime.date.j_months_fa[j.month - 1]} {j.year}")
