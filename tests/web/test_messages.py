"""Messages built in Python (errors, chart text, badges) in the Russian and Persian interfaces."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from accord.interfaces import inputs
from accord.interfaces.web import messages
from accord.knowledge.catalog import load_catalog
from accord.services.search_limits import QueryTooLarge, query_terms


def _raised(call) -> str:
    try:
        call()
    except (inputs.InputError, QueryTooLarge) as exc:
        return str(exc)
    raise AssertionError("no error raised")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_every_library_message_a_page_shows_has_a_known_shape(catalog):
    # Raised by the real input readers, so a change of wording there fails here, not silently on a page.
    raised = [
        _raised(lambda: inputs.treaty(catalog, "rus-irn-2052", "'treaty'")),
        _raised(lambda: inputs.treaty(catalog, "zzzzzz")),
        _raised(lambda: inputs.party(catalog, "Isreal", "by")),
        _raised(lambda: inputs.event_kind("agression")),
        _raised(lambda: inputs.event_kind("qqqqqqqq")),
        _raised(lambda: inputs.verdict("contradictd", "'verdict'")),
        _raised(lambda: inputs.claim_type("zzz", "'type'")),
        _raised(lambda: inputs.language("xx", "'lang'")),
        _raised(lambda: inputs.day("2025-13-01", dt.date(2026, 1, 1), "on")),
        _raised(lambda: inputs.day("9999-01-01", dt.date(2026, 1, 1))),
        _raised(lambda: inputs.text("  ")),
    ]
    for language in ("ru", "fa"):
        for message in raised:
            translated = messages.translate(message, language)
            assert translated != message, f"no shape for {message!r}"
            for quoted in re.findall(r"'([^']*)'", message):
                assert quoted in translated, (message, translated)


def test_search_limit_message_is_translated():
    exc = _raised(lambda: query_terms("x" * 100_000))
    text = messages.translate(f"Query too large: {exc}.", "ru")
    assert text.startswith("Слишком большой запрос") and "100000" in text


def test_unknown_shape_is_shown_as_it_is():
    assert messages.translate("something new went wrong", "fa") == "something new went wrong"
    assert messages.translate("unknown treaty 'x'", "en") == "unknown treaty 'x'"


def test_scenario_error_page_in_persian(client):
    page = client.get("/scenario?event=aggression&by=Isreal&against=IRN&on=2025-11-01&ui=fa")
    assert page.status_code == 422
    alert = re.search(r'<div class="error" role="alert".*?</div>', page.text, re.S).group(0)
    assert "Isreal" in alert and "ناشناخته" in alert and "unknown" not in alert


@pytest.mark.parametrize("language,lane,title", [
    ("ru", "Жизненный цикл", "Хронология жизненного цикла rus-irn-2025"),
    ("fa", "چرخهٔ حیات", "خط زمانی چرخهٔ حیات rus-irn-2025"),
])
def test_timeline_chart_text_in_the_interface_language(client, language, lane, title):
    page = client.get(f"/treaties/rus-irn-2025?on=2026-01-01&ui={language}").text
    svg = re.search(r'<svg class="timeline".*?</svg>', page, re.S).group(0)
    assert f">{title}</title>" in svg
    assert f">{lane}</text>" in svg
    assert "Life cycle" not in svg and "chosen day" not in svg
    english = client.get("/treaties/rus-irn-2025?on=2026-01-01&ui=en").text
    assert ">Life cycle</text>" in english


@pytest.mark.parametrize("language,legend", [("ru", "подтверждено"), ("fa", "تأیید")])
def test_bar_charts_text_in_the_interface_language(client, language, legend):
    for path in ("/coverage", "/trends"):
        page = client.get(f"{path}?ui={language}").text
        svg = re.search(r'<svg class="bars.*?</svg>', page, re.S).group(0)
        assert legend in svg, path
        assert ">supported</text>" not in svg and "by verdict</title>" not in svg


def test_unknown_obligation_types_render_as_badges(client):
    page = client.get("/").text
    badges = re.findall(r'<li class="badge badge-unknown"[^>]*>([^<]+)</li>', page)
    assert badges and all(b.endswith(": unknown") for b in badges)
    css = client.get("/static/style.css").text
    rule = re.search(r"\.badge-unknown\s*\{([^}]*)\}", css).group(1)
    assert "background" in rule and "border" in rule
    russian = client.get("/?ui=ru").text
    assert re.search(r'<li class="badge badge-unknown"[^>]*>[^<]+: неизвестно</li>', russian)


def test_persian_pages_give_publication_days_in_both_calendars(client, stored):
    dated = next(d for d in stored.documents(limit=1_000_000) if d["published"] and len(d["published"]) == 10)
    from accord.interfaces.web.i18n import solar_hijri

    hijri = solar_hijri(dt.date.fromisoformat(dated["published"]))
    assert hijri in client.get(f"/documents/{dated['id']}?ui=fa").text
    assert hijri in client.get("/coverage?ui=fa").text
    assert hijri not in client.get(f"/documents/{dated['id']}?ui=ru").text
    page = client.get("/treaties/rus-irn-2025?on=2026-01-01&ui=fa").text
    assert "(۱۰ مهر ۱۴۰۴)" in page  # the term's first day, 2025-10-02, in the status box and the events table
