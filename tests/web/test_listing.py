"""Exact totals, facet counts and sortable columns on the claims and documents lists."""

from __future__ import annotations

import html
import re

import pytest

from accord.interfaces.web import pages_press
from accord.services import listing

ALL = 1_000_000


def _rows(page: str) -> str:
    return page[page.index("<tbody>"):page.index("</tbody>")]


def _claim_ids(page: str) -> list[int]:
    return [int(i) for i in re.findall(r'href="/claims/(\d+)"', _rows(page))]


def test_claims_page_states_the_exact_total(client, stored):
    everything = stored.claims(limit=ALL)
    page = client.get("/claims").text
    shown = len(_claim_ids(page))
    assert f"1–{shown} of {len(everything)} claims." in page
    contradicted = stored.claims(verdict="contradicted", limit=ALL)
    filtered = client.get("/claims?verdict=contradicted").text
    assert f"of {len(contradicted)} claims matching the filters." in filtered
    assert "+" not in re.search(r'<p class="total"[^>]*>(.*?)</p>', filtered).group(1)


def test_facet_counts_are_counted_under_the_other_filters(client, stored):
    page = client.get("/claims?type=mutual_defense").text
    for verdict in ("supported", "contradicted", "unverifiable"):
        n = len(stored.claims(type="mutual_defense", verdict=verdict, limit=ALL))
        assert re.search(rf'<option value="{verdict}">[^<(]*\({n}\)</option>', page), verdict
    # The type facet ignores the chosen type, so every other type keeps its count.
    n_all = len(stored.claims(type="in_force", limit=ALL))
    assert re.search(rf'<option value="in_force">[^<(]*\({n_all}\)</option>', page)
    # A facet link keeps the other filters and sets its own.
    links = [html.unescape(h) for h in re.findall(r'<section class="facets".*?</section>', page, re.S)[0].split('href="')[1:]]
    contradicted = next(h.split('"')[0] for h in links if "verdict=contradicted" in h)
    assert "type=mutual_defense" in contradicted


def test_counts_match_what_the_store_holds(stored):
    facets = listing.claim_facets(stored, lang="en")
    assert sum(f.count for f in facets["verdict"]) == stored.count_claims(lang="en") == len(stored.claims(lang="en", limit=ALL))
    # The language facet is counted without the language filter: all languages, all claims.
    assert sum(f.count for f in facets["lang"]) == len(stored.claims(limit=ALL))


@pytest.mark.parametrize("key", sorted(listing.sort_keys(listing.CLAIM_SORTS)))
def test_every_sort_key_orders_the_claims(stored, key):
    rows = list(listing.sorted_claims(stored, key, limit=ALL))
    assert len(rows) == stored.count_claims()
    column = key.lstrip("-")
    field = {"document": "doc_id"}.get(column, column)
    values = [r[field] for r in rows if r[field] is not None]
    assert values == sorted(values, reverse=key.startswith("-"))


def test_sorting_is_kept_in_pagination_and_filter_links(client, stored, monkeypatch):
    monkeypatch.setattr(pages_press, "CLAIMS_PAGE_SIZE", 5)
    expected = [c["id"] for c in listing.sorted_claims(stored, "-verdict", limit=10, verdict=None)]
    first = client.get("/claims?sort=-verdict").text
    assert _claim_ids(first) == expected[:5]
    assert 'aria-sort="descending"' in first
    nxt = html.unescape(re.search(r'<a href="([^"]+)" rel="next"', first).group(1))
    assert "sort=-verdict" in nxt and "page=2" in nxt
    assert _claim_ids(client.get(nxt).text) == expected[5:10]
    total = stored.count_claims()
    assert f"Page 1 of {-(-total // 5)}" in first
    # The column header reverses the order it already sorts by, and keeps the filters.
    filtered = client.get("/claims?verdict=contradicted&sort=verdict").text
    header = html.unescape(re.search(r'<th scope="col" aria-sort="ascending"><a class="sort" href="([^"]+)"', filtered).group(1))
    assert "sort=-verdict" in header and "verdict=contradicted" in header


def test_unknown_sort_key_is_refused_with_the_choices(client):
    page = client.get("/claims?sort=publishd")
    assert page.status_code == 422
    assert "unknown sort key &#39;publishd&#39;" in page.text and "-published" in page.text
    assert client.get("/coverage?sort=size").status_code == 422


def test_documents_list_sorts_and_counts(client, stored):
    page = client.get("/coverage?sort=-claims").text
    total = stored.stats()["documents"]
    assert f"of {total} documents." in page
    ids = re.findall(r'<th scope="row" data-label="Document"><a href="/documents/([^"]+)"', page)
    counts = {d["id"]: d["claims"] for d in stored.documents(limit=ALL)}
    assert [counts[i] for i in ids] == sorted(counts.values(), reverse=True)[:len(ids)]


@pytest.mark.parametrize("language,word", [("ru", "из"), ("fa", "از")])
def test_totals_and_errors_in_the_interface_language(client, stored, language, word):
    total = stored.count_claims()
    page = client.get(f"/claims?ui={language}").text
    assert re.search(rf"1–\d+ {word} {total}", page)
    bad = client.get(f"/claims?verdict=contradictd&ui={language}")
    assert bad.status_code == 422
    alert = re.search(r'<div class="error" role="alert".*?</div>', bad.text, re.S).group(0)
    assert "contradictd" in alert and "unknown value" not in alert


def test_search_states_how_many_paragraphs_match_in_all(client, stored, monkeypatch):
    every = stored.search("treaty", limit=1_000_000)
    assert len(every) > 3
    monkeypatch.setattr(pages_press, "SEARCH_PAGE_HITS", 3)
    client.app.state.responses.clear()  # the page as another page size renders it
    page = client.get("/search?q=treaty").text
    assert f"{len(every)} paragraphs match; the best 3 are shown." in page
    assert page.count('class="snippet"') == 3
    few = client.get("/search?q=treaty&ui=ru").text
    assert f"Подходящих абзацев: {len(every)}" in few


def test_api_facets_answer_what_the_page_counts(client, stored):
    body = client.get("/api/claims/facets", params={"verdict": "contradicted"}).json()
    assert body["total"] == len(stored.claims(verdict="contradicted", limit=ALL)) > 0
    assert set(body["facets"]) == set(listing.FACETS)
    # the verdict facet ignores the verdict filter; the others respect it
    assert sum(f["count"] for f in body["facets"]["verdict"]) == stored.count_claims()
    assert sum(f["count"] for f in body["facets"]["type"]) == body["total"]
    page = client.get("/claims?verdict=contradicted").text
    for f in body["facets"]["type"]:
        assert re.search(rf'<option value="{f["value"]}">[^<(]*\({f["count"]}\)</option>', page)


def test_api_facets_refuse_a_bad_filter_and_are_documented(client):
    r = client.get("/api/claims/facets", params={"treaty": "rus-irn-2052"})
    assert r.status_code == 422 and "rus-irn-2025" in r.text
    assert client.get("/api/claims/facets", params={"verdict": "maybe"}).status_code == 422
    schema = client.get("/openapi.json").json()
    assert "ClaimFacets" in str(schema["paths"]["/api/claims/facets"])


def test_documents_list_filters_by_outlet_with_its_total_and_download(client, stored):
    outlet = "SEO blog"
    mine = [d["id"] for d in stored.documents(outlet=outlet, limit=ALL)]
    page = client.get("/coverage", params={"outlet": outlet, "sort": "document"}).text
    ids = re.findall(r'<th scope="row" data-label="Document"><a href="/documents/([^"]+)"', page)
    assert ids == sorted(mine)
    assert f"of {len(mine)} document" in page
    assert 'href="/documents.csv?outlet=SEO+blog&amp;sort=document"' in page  # the download keeps the order too
    # the scorecard's document count links to the outlet's documents
    assert 'href="/coverage?outlet=SEO+blog#documents"' in html.unescape(client.get("/coverage").text)


def test_the_api_sorts_claims_as_the_page_does_and_refuses_an_unknown_key(client, stored):
    for key in ("-published", "outlet", "-verdict"):
        every = list(listing.sorted_claims(stored, key, limit=None, verdict="supported"))
        body = client.get("/api/claims", params={"sort": key, "verdict": "supported", "limit": 7, "offset": 2}).json()
        assert [c["id"] for c in body["items"]] == [c["id"] for c in every[2:9]], key
        assert body["total"] == len(every)
        csv = client.get("/api/claims", params={"sort": key, "verdict": "supported", "limit": 7, "offset": 2, "format": "csv"})
        assert [int(line.split(",")[0]) for line in csv.text.splitlines()[1:]] == [c["id"] for c in every[2:9]], key
    bad = client.get("/api/claims", params={"sort": "publshed"})
    assert bad.status_code == 422 and bad.json()["suggestion"] == "published" and "-outlet" in bad.json()["known"]
