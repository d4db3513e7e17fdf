"""Publication date, outlet and author from the given fields, the text head, the URL and the page."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from accord.press.clean import clean_text
from accord.press.metadata import extract_metadata, outlet_from_url
from accord.press.read import RawDocument


TODAY = date(2026, 1, 1)


def _meta(text: str = "", url: str | None = None, **fields):
    raw = RawDocument(id="t", text=text, url=url, **fields)
    return extract_metadata(raw, clean_text(text).text if text else "", today=TODAY)


@pytest.mark.parametrize(
    "head, expected",
    [
        ("05.11.25\n\nIRAN-RUSSIA TREATY REFLECTS NEW LEGAL FOUNDATION", date(2025, 11, 5)),
        ("Simon Westwood, January 20, 2025\n\nThe presidents signed.", date(2025, 1, 20)),
        ("Gulf International Forum, Feb. 18, 2025\n\nText.", date(2025, 2, 18)),
        ("ТЕГЕРАН, 20 января 2025 – РИА Новости.\n\nТекст.", date(2025, 1, 20)),
        ("Опубликовано 2025-01-20\n\nТекст.", date(2025, 1, 20)),
        ("Berlin, 17. Januar 2025\n\nText.", date(2025, 1, 17)),
        ("Le 17 janvier 2025\n\nTexte.", date(2025, 1, 17)),
        ("Publicado el 17 de enero de 2025\n\nTexto.", date(2025, 1, 17)),
        ("١١/٠٤/٢٠٢٥، ٤:٣٦ م\n\nنص", date(2025, 4, 11)),
        ("E-Paper | May 22, 2025\n\nText.", date(2025, 5, 22)),
        ("12/31/2024\n\nA US-style date.", date(2024, 12, 31)),
    ],
)
def test_date_from_the_text_head(head, expected):
    meta = _meta(head)
    assert (meta.published, meta.date_source, meta.date_precision) == (expected, "text", "day")


def test_dates_inside_long_sentences_or_labelled_as_events_are_not_publication_dates():
    sentence = "On January 17, 2025, the presidents of Russia and Iran signed a comprehensive treaty in Moscow after years of talks and drafts."
    assert _meta(sentence).published is None
    assert _meta("Дата подписания\n\n17 января 2025 года\n\nДоговор.").published is None
    assert _meta("Published: January 19, 2025 " + sentence).published == date(2025, 1, 19)


@pytest.mark.parametrize(
    "url, expected, precision",
    [
        ("https://austria.news-pravda.com/world/2025/01/17/3326.html", date(2025, 1, 17), "day"),
        ("https://ria.ru/20251217/rossija-2062598138.html", date(2025, 12, 17), "day"),
        ("https://v2.iranintl.com/en/202501166749", date(2025, 1, 16), "day"),
        ("https://www.onvista.de/news/2025/01-16-russland-und-iran", date(2025, 1, 16), "day"),
        ("https://afghanan.press/2025/05/some-slug/amp", date(2025, 5, 1), "month"),
        ("https://example.org/news/1956503/slug", None, None),
        ("https://example.org/2030/01/01/future", None, None),
    ],
)
def test_date_from_the_url(url, expected, precision):
    meta = _meta("Some text without dates.", url=url)
    assert (meta.published, meta.date_precision) == (expected, precision)


def test_the_given_field_wins_and_keeps_its_precision():
    meta = _meta("05.11.25\n\nText.", url="https://x.org/2024/01/01/a", published="2025-04")
    assert (meta.published, meta.date_precision, meta.date_source) == (date(2025, 4, 1), "month", "field")
    assert _meta("Text.", published="1850-01-01").published is None  # implausible: before 1900
    assert _meta("Text.", published="2027-01-01").published is None  # implausible: after today


@pytest.mark.parametrize(
    "url, outlet",
    [
        ("https://www.timesofisrael.com/russia-iran/", "The Times of Israel"),
        ("https://ar.mehrnews.com/news/1956503/x", "Mehr News Agency"),
        ("https://en.irna.ir/news/85859181/x", "IRNA"),
        ("https://www.bol.uol.com.br/noticias/2025/01/17/x.htm", "UOL"),
        ("https://opsintels.com/russia-iran", "opsintels.com"),
        ("https://m.example.co.uk/story", "example.co.uk"),
        ("https://xn--h1ajim.xn--p1ai/page", "руни.рф"),
    ],
)
def test_outlet_from_the_url(url, outlet):
    assert outlet_from_url(url) == outlet


def test_outlet_field_then_url_then_text_credit():
    assert _meta("Text.", url="https://ria.ru/x", outlet="РИА Новости").outlet == "РИА Новости"
    assert _meta("Text.", url="https://ria.ru/x").outlet_source == "url"
    credited = _meta("The treaty was ratified.\n\nFirst published by \"Tehran Times\": an interview.")
    assert (credited.outlet, credited.outlet_source) == ("Tehran Times", "text")


@pytest.mark.parametrize(
    "head, author",
    [
        ("By John Smith\n\nText of the article.", "John Smith"),
        ("By Jane Roe and Ali Reza, Reuters\n\nText.", "Jane Roe and Ali Reza"),
        ("Автор: Иван Петров\n\nТекст статьи.", "Иван Петров"),
        ("Simon Westwood, January 20, 2025\n\nText.", "Simon Westwood"),
        ("Gulf International Forum, Feb. 18, 2025\n\nText.", None),
        ("By the way, the treaty has 47 articles.", None),
    ],
)
def test_author_from_a_byline(head, author):
    assert _meta(head).author == author


def test_corpus_documents_recover_their_dates_without_the_field(seeds, dev):
    recovered = checked = 0
    for record in [*seeds.values(), *dev.values()]:
        raw = RawDocument(id=record["id"], text=record["text"], url=record.get("url"))
        meta = extract_metadata(raw, clean_text(record["text"]).text, today=date.today())
        if meta.published is not None:
            assert record["published"] is not None, record["id"]  # no date invented for undated coverage
            assert str(meta.published).startswith(record["published"]), record["id"]
            recovered += 1
        checked += record["published"] is not None
    assert recovered >= 0.75 * checked


def test_html_page_metadata_is_used():
    html = (
        '<html><head><meta property="og:site_name" content="Example Daily"><meta name="author" content="Jane Roe">'
        '<meta property="article:published_time" content="2025-01-18T10:00:00Z"></head>'
        "<body><article><p>The treaty was signed in Moscow on Friday by the two presidents, officials said.</p></article></body></html>"
    )
    raw = RawDocument(id="h", text=html, is_html=True, url="https://www.example.org/story")
    meta = extract_metadata(raw, "The treaty was signed in Moscow on Friday.", today=TODAY)
    assert (meta.published, meta.date_source, meta.outlet, meta.author) == (date(2025, 1, 18), "html", "Example Daily", "Jane Roe")
    assert dataclasses.replace(meta).outlet_source == "html"


@pytest.mark.slow
def test_spelled_dates_read_without_dateparser_are_read_as_dateparser_reads_them():
    import dateparser

    from accord.press.metadata import DATEPARSER_SETTINGS, ENGLISH_MONTHS, RUSSIAN_MONTHS, _parse_candidate, _plausible

    english, russian = list(ENGLISH_MONTHS), list(RUSSIAN_MONTHS)
    candidates = []
    for month in (0, 1, 4, 11):
        for day in ("0", "01", "9", "29", "30", "31", "32"):
            for year in ("1899", "2025", "2099"):
                candidates += [f"{english[month].title()} {day}, {year}", f"{english[month].upper()} {day} {year}",
                               f"{day} {english[month]} {year}", f"{day} {russian[month]} {year}", f"{day} {russian[month].upper()} {year}"]
    for candidate in candidates:
        parsed = dateparser.parse(candidate, settings=DATEPARSER_SETTINGS)
        expected = parsed.date() if parsed and _plausible(parsed.date(), TODAY) else None
        assert _parse_candidate(candidate, TODAY) == expected, candidate
