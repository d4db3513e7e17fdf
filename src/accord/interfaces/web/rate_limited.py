"""The page a browser gets when its searches are over the rate limit (429), in the page's language.

The rate limit is a middleware in front of every route (:mod:`accord.interfaces.api.ratelimit`); it
answers before any page handler runs, so this page is built from the request's scope alone: the
``ui`` query parameter, else ``Accept-Language``, chooses the language as on every other page.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from markupsafe import escape
from starlette.types import Scope

from accord.interfaces.web import i18n


def N_(message: str) -> str:  # marks a msgid for the extractor
    return message


TITLE = N_("Too many searches")
MESSAGE = N_("Too many searches from this client: the limit is %(limit)s; retry in %(seconds)s s.")


def scope_language(scope: Scope) -> str:
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    accept = next((value.decode("latin-1") for name, value in scope.get("headers", []) if name == b"accept-language"), None)
    return i18n.choose_language((query.get(i18n.UI_PARAM) or [None])[0], accept)


def too_many_searches_page(scope: Scope, retry_after: int, limit: str) -> tuple[bytes, str]:
    """(the HTML page, its language)."""
    language = scope_language(scope)
    _ = i18n.translations(language).gettext
    message = _(MESSAGE) % {"limit": limit, "seconds": retry_after}
    page = (f'<!doctype html><html lang="{language}" dir="{i18n.text_direction(language)}"><meta charset="utf-8">'
            f"<title>{escape(_(TITLE))}</title><p>{escape(message)}</p></html>")
    return page.encode("utf-8"), language
