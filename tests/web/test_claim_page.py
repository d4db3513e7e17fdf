"""A page per claim, with its ClaimReview markup as browsers and crawlers read it."""

from __future__ import annotations

import json
import re

import lxml.html
import pytest

from judging_context import JUDGING
from schema_org import problems


def jsonld_of(html: str) -> dict:
    scripts = lxml.html.fromstring(html).xpath('//script[@type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].text)


@pytest.fixture(scope="module")
def contradicted(stored):
    return stored.claims(verdict="contradicted", limit=1)[0]


def test_claims_list_links_every_claim_to_its_page(client, stored):
    page = client.get("/claims")
    linked = {int(i) for i in re.findall(r'href="/claims/(\d+)"', page.text)}
    assert linked == {c["id"] for c in stored.claims(limit=100)}


def test_claim_page_shows_verdict_quote_in_context_and_the_deciding_article(client, stored, contradicted):
    page = client.get(f"/claims/{contradicted['id']}")
    assert page.status_code == 200
    tree = lxml.html.fromstring(page.text)
    assert "contradicted" in tree.xpath("string(//h1)")
    marked = tree.xpath('//blockquote//mark[@class="verdict-contradicted"]')
    assert [m.text_content() for m in marked] == [contradicted["quote"]]
    # the provision that decides it, in the catalog's words, with its citation
    citation = contradicted["citation"].split(" ", 1)[1]
    assert citation in tree.xpath("string(//h2[.='What the treaty says']/following-sibling::p[1])")


def test_claim_page_lists_other_documents_with_the_same_claim(client, stored):
    claims = stored.claims(limit=1000)
    key = lambda c: (c["treaty"], c["type"], json.dumps(c["value"]))  # noqa: E731
    shared = next(c for c in claims if any(key(o) == key(c) and o["doc_id"] != c["doc_id"] for o in claims))
    others = {o["id"] for o in claims if key(o) == key(shared) and o["doc_id"] != shared["doc_id"]}
    page = client.get(f"/claims/{shared['id']}")
    listed = {int(i) for i in re.findall(r'<li><a href="/claims/(\d+)"', page.text)}
    assert listed == others


def test_claim_page_markup_is_valid_claimreview(client, contradicted):
    markup = jsonld_of(client.get(f"/claims/{contradicted['id']}").text)
    assert problems(markup) == []
    assert markup["claimReviewed"] == contradicted["quote"]
    assert markup["reviewRating"]["alternateName"] == "Contradicted"
    assert markup["url"].endswith(f"/claims/{contradicted['id']}")


def test_markup_in_stored_fields_cannot_end_the_script(tmp_path):
    from fastapi.testclient import TestClient

    from accord.interfaces.app import create_app
    from accord.services.ingest import ingest
    from accord.services.store import Store

    outlet = "</script><script>alert(1)</script>"
    source = tmp_path / "hostile.jsonl"
    source.write_text(json.dumps({"id": "hostile-outlet", "outlet": outlet,
                                  "text": "Russia is now obliged to defend Iran militarily.\n"}) + "\n", encoding="utf-8")
    store = Store(tmp_path / "accord.sqlite")
    assert not ingest([source], store, JUDGING).errors
    claim = store.claims(limit=1)[0]
    store.close()
    html = TestClient(create_app(db_path=tmp_path / "accord.sqlite")).get(f"/claims/{claim['id']}", headers={"accept": "text/html"}).text
    script = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script  # the JSON is written with <, > and & escaped, so it ends only where it should
    assert jsonld_of(html)["itemReviewed"]["appearance"]["publisher"]["name"] == outlet


def test_unknown_claim_is_404(client):
    assert client.get("/claims/99999999").status_code == 404


@pytest.mark.browser
def test_claimreview_as_chromium_reads_it(filled_db, stored, contradicted):
    from accord.interfaces.app import create_app
    from browser_support import chromium  # skips the test where Chromium is absent
    from live_server import serving

    with serving(create_app(db_path=filled_db), start_timeout=90) as (base, _), chromium() as browser:
        page = browser.new_page()
        page.goto(f"{base}/claims/{contradicted['id']}")
        markup = json.loads(page.locator('script[type="application/ld+json"]').text_content())
        assert problems(markup) == []
        assert markup["@type"] == "ClaimReview"
        assert markup["url"] == page.url


def test_the_claims_list_offers_every_analysed_language(client):
    from accord.press.lang import analysed_languages

    page = lxml.html.fromstring(client.get("/claims").text)
    offered = [o.get("value") for o in page.xpath('//select[@id="f-lang"]/option') if o.get("value")]
    assert offered == list(analysed_languages()) and "fa" in offered
