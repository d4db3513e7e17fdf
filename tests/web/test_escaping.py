"""Stored text is third-party text: every page prints it escaped, never as markup."""

from __future__ import annotations


def test_document_page_escapes_markup_in_the_text(client, hostile_id):
    page = client.get(f"/documents/{hostile_id}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<script>alert(1)" not in page
    assert "<img src=x" not in page
    assert "<script" not in page.lower()  # the pages have no script at all
    assert '<mark class="verdict-contradicted"' in page  # the claim in the same paragraph is still marked


def test_search_page_escapes_markup_in_snippets(client):
    for query in ("script", "onerror"):
        page = client.get("/search", params={"q": query}).text
        assert "<mark>" in page, query
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;" in page


def test_markup_in_what_a_user_types_is_escaped_too(client):
    r = client.post("/check", data={"text": "<script>alert(2)</script> Russia signed the treaty.", "lang": "en"})
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in r.text and "<script>alert(2)" not in r.text
    r = client.get("/scenario", params={"event": "aggression", "by": "<b>x</b>", "against": "IRN"})
    assert r.status_code == 422 and "<b>x</b>" not in r.text and "&lt;b&gt;x&lt;/b&gt;" in r.text
    r = client.get("/treaties/<svg onload=alert(3)>")
    assert r.status_code == 404 and "<svg onload" not in r.text
