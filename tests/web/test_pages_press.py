"""Check, coverage, document, claims and search pages over a store filled from the shared corpus."""

from __future__ import annotations

import html
import re


def _section(page: str, start_marker: str, end_marker: str) -> str:
    part = page[page.index(start_marker):]
    return part[:part.index(end_marker)]


def test_check_contradicts_the_mutual_defence_claim_with_its_article(client):
    r = client.post("/check", data={"text": "Russia is now obliged to defend Iran militarily.", "lang": ""})
    assert r.status_code == 200
    card = _section(r.text, 'class="claim-card', "</article>")
    assert "verdict-contradicted" in card and "✗</span> contradicted" in card  # a sign and a word, not colour alone
    assert "<q>obliged to defend</q>" in card
    assert "rus-irn-2025 Art. 3(3)" in card
    assert 'href="/treaties/rus-irn-2025#art-3"' in card
    assert 'href="https://tass.com/politics/1940345"' in card


def test_check_reads_russian(client):
    r = client.post("/check", data={"text": "Россия обязана защищать Иран в случае нападения.", "lang": "ru"})
    assert r.status_code == 200
    assert "(text in ru)" in r.text and "contradicted" in r.text and "обязана защищать Иран" in r.text


def test_check_bad_input_is_a_422_message(client):
    empty = client.post("/check", data={"text": "   ", "lang": ""})
    assert empty.status_code == 422 and "the text is empty" in empty.text
    hebrew = client.post("/check", data={"text": "האמנה בין רוסיה לאיראן אינה כוללת הגנה הדדית, לדברי הדיפלומטים.", "lang": ""})
    assert hebrew.status_code == 422 and "is not analysed" in hebrew.text
    assert "האמנה בין רוסיה" in hebrew.text  # the text stays in the box
    odd = client.post("/check", data={"text": "Russia signed.", "lang": "he"})
    assert odd.status_code == 422 and "unknown language" in odd.text


def test_coverage_has_outlet_scorecards_and_a_bar_chart(client, stored):
    page = client.get("/coverage").text
    summary = {row["outlet"]: row for row in stored.sources_summary()}
    assert "Middle East Eye" in summary
    table = _section(page, "Claim scorecards per outlet", "</table>")
    row = _section(table, "Middle East Eye", "</tr>")
    mee = summary["Middle East Eye"]
    for value in (mee["claims"], mee["supported"], mee["contradicted"], mee["unverifiable"]):
        assert f">{value}<" in row
    svg = _section(page, '<svg class="bars"', "</svg>")
    assert "<title id=\"outlet-bars-title\">Claims per outlet by verdict</title>" in svg
    assert f"Middle East Eye: {mee['supported']} supported" in svg
    assert 'href="/documents/seed-002"' in page


def test_document_page_marks_each_claim_span_with_its_verdict_and_citation(client, stored):
    doc = stored.document("seed-002")
    page = client.get("/documents/seed-002").text
    text_html = _section(page, '<section class="doc-text"', "</section>")
    marks = re.findall(r'<mark class="verdict-(\w+)" title="([^"]*)">([^<]*)</mark>', text_html)
    assert len(marks) >= len({(c["start"], c["end"]) for c in doc["claims"]}) > 5
    contradicted = [c for c in doc["claims"] if c["verdict"] == "contradicted"]
    for claim in contradicted:
        quote = html.escape(doc["text"][claim["start"]:claim["end"]], quote=False)
        assert any(v == "contradicted" and body and body in quote for v, _, body in marks)
        assert f'id="c-{claim["id"]}"' in page  # its row in the claims table
    assert any(claim["citation"] in html.unescape(title) for _, title, _ in marks for claim in doc["claims"])
    # Nothing is lost or added: the marked-up paragraphs read back as the stored text.
    shown = html.unescape(re.sub(r"<[^>]+>", "", text_html))
    for p in doc["paragraphs"]:
        assert doc["text"][p["start"]:p["end"]] in shown


def test_unknown_document_is_a_404_naming_the_nearest(client):
    r = client.get("/documents/seed-02")
    assert r.status_code == 404
    assert re.search(r'href="/documents/seed-00\d"', r.text)


def test_claims_explorer_filters(client, stored):
    page = client.get("/claims?verdict=contradicted").text
    rows = _section(page, "<tbody>", "</tbody>")
    expected = stored.claims(verdict="contradicted")
    assert rows.count("<tr>") == len(expected) > 0
    assert "verdict-supported" not in rows
    typed = client.get("/claims?type=mutual_defense&treaty=rus-irn-2025&lang=en").text
    typed_rows = _section(typed, "<tbody>", "</tbody>")
    assert typed_rows.count("<tr>") == len(stored.claims(type="mutual_defense", treaty="rus-irn-2025", lang="en"))
    assert '<option value="mutual_defense" selected>' in typed
    by_outlet = client.get("/claims", params={"outlet": "SEO blog"}).text
    assert by_outlet.count(">SEO blog</span> ·") == len(stored.claims(outlet="SEO blog"))


def test_search_shows_snippets_with_the_match_marked(client):
    page = client.get("/search?q=defense").text
    assert "<mark>" in page
    assert re.search(r'href="/documents/seed-00\d#p-\d+"', page)
    assert 'match <q translate="no">defense</q>' in page
    empty = client.get("/search").text
    assert 'id="q"' in empty and "<ol" not in empty


def test_empty_store_says_what_to_do(empty_client):
    for url in ("/coverage", "/claims", "/search?q=treaty"):
        page = empty_client.get(url)
        assert page.status_code == 200
        assert "Nothing ingested yet." in page.text and "accord ingest" in page.text


def test_unknown_page_is_an_html_404_but_the_api_keeps_its_own(client):
    r = client.get("/no-such-page")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"] and "Not found" in r.text
    api = client.get("/api/no-such-endpoint", headers={"accept": "application/json"})
    assert api.status_code == 404 and "text/html" not in api.headers["content-type"]


def test_stylesheet_is_served_locally(client):
    r = client.get("/static/style.css")
    assert r.status_code == 200 and ":focus-visible" in r.text
    page = client.get("/").text
    assert "http://" not in page.split("<body>")[0] and "https://" not in page.split("<body>")[0]  # nothing fetched from elsewhere
    assert '<a class="skip-link" href="#main">Skip to content</a>' in page


def test_an_unusable_store_gives_browsers_a_page_and_the_api_its_json(tmp_path):
    from fastapi.testclient import TestClient

    from accord.interfaces.app import create_app

    broken = tmp_path / "notes.sqlite"
    broken.write_text("not a database " * 300)
    with TestClient(create_app(db_path=broken)) as client:
        page = client.get("/coverage", headers={"accept": "text/html"})
        assert page.status_code == 503 and "text/html" in page.headers["content-type"]
        assert "cannot be used" in page.text and "back to the catalog" in page.text
        api = client.get("/api/sources")
        assert api.status_code == 503 and "store" in api.json()["error"]
        assert client.get("/", headers={"accept": "text/html"}).status_code == 200  # the catalog needs no store
