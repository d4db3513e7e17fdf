"""Article pages and the treaty page's contents, over a catalog with imported texts."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from accord.interfaces.app import create_app
from accord.knowledge.catalog import load_catalog
from accord.knowledge.text_formats import read_treaty_bytes
from accord.services.treaty_import import build_record, store_record
from tests.treaty_text.conftest import treaty_text

HOSTILE = "Article 1\n\nThe Parties shall consult <script>alert(1)</script> whenever either of them is threatened.\n"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("user-catalog")
    builtin = load_catalog()
    record = build_record(read_treaty_bytes(treaty_text("nato-1949").encode(), "nato-1949.txt"), "nato-1949", catalog=builtin)
    store_record(record, folder, builtin)
    record = build_record(read_treaty_bytes(treaty_text("mrp-1939").encode(), "mrp-1939.txt"), "mrp-1939", catalog=builtin)
    store_record(record, folder, builtin, parties=["DEU", "SUN"])
    hostile = build_record(read_treaty_bytes(HOSTILE.encode(), "hostile.txt"), "hostile-pact", catalog=builtin)
    store_record(hostile, folder, builtin, parties=["RUS", "IRN"])
    app = create_app(catalog=load_catalog(user_dir=folder), db_path=folder / "x.sqlite")
    with TestClient(app) as c:
        yield c


def test_treaty_page_has_a_table_of_contents_in_article_order(client):
    page = client.get("/treaties/nato-1949", headers={"accept": "text/html"}).text
    links = re.findall(r'href="/treaty/nato-1949/art_(\d+)"', page)
    assert [int(n) for n in links[:14]] == list(range(1, 15))


def test_article_page_shows_text_coding_highlights_sources_and_permalink(client):
    r = client.get("/treaty/nato-1949/art_5", headers={"accept": "text/html"})
    assert r.status_code == 200
    page = r.text
    assert "Permalink" in page and "/treaty/nato-1949/art_5/para_1" in page
    assert re.search(r'<mark class="cue cue-duty" title="[^"]*duty: provide military assistance', page)
    assert re.search(r'<mark class="cue cue-trigger" title="trigger: armed attack">armed attack</mark>', page)
    assert "Catalog coding" in page and "statengeneraal" in page  # the hand coding's sources
    assert 'lang="en"' in page


def test_paragraph_permalink_opens_the_article_at_that_paragraph(client):
    page = client.get("/treaty/mrp-1939/art_2/para_1", headers={"accept": "text/html"}).text
    assert 'class="paragraph focus" id="para_1"' in page
    protocol = client.get("/treaty/mrp-1939/att_1/art_4", headers={"accept": "text/html"})
    assert protocol.status_code == 200 and "Secret Additional Protocol" in protocol.text


def test_unknown_articles_and_portions_are_404_with_the_nearest(client):
    r = client.get("/treaty/nato-1949/art_99", headers={"accept": "text/html"})
    assert r.status_code == 404 and "art_14" in r.text
    assert client.get("/treaty/nato-1949/section-5", headers={"accept": "text/html"}).status_code == 404
    assert client.get("/treaty/nato-1950/art_1", headers={"accept": "text/html"}).status_code == 404


def test_a_catalogued_article_without_imported_text_says_so(client):
    page = client.get("/treaty/rus-irn-2025/art_3", headers={"accept": "text/html"}).text
    assert "No text of this article has been imported" in page


def test_imported_text_is_printed_escaped(client):
    page = client.get("/treaty/hostile-pact/art_1", headers={"accept": "text/html"}).text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
