"""Downloads beside the claims list: exactly what it shows under its filters, as CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from accord.services.exports import CLAIM_COLUMNS, claims_csv

def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("query", ["", "verdict=contradicted", "type=signed_on&lang=en", "outlet=Middle+East+Eye"])
def test_csv_download_holds_every_claim_the_list_shows(client, stored, query):
    filters = dict(pair.split("=") for pair in query.split("&") if pair)
    filters = {k: v.replace("+", " ") for k, v in filters.items()}
    expected = stored.claims(limit=100_000, **filters)
    response = client.get(f"/claims.csv?{query}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = csv_rows(response.text)
    assert list(rows[0]) == list(CLAIM_COLUMNS) if rows else True
    assert [int(r["id"]) for r in rows] == [c["id"] for c in expected]
    assert [r["quote"] for r in rows] == [c["quote"] for c in expected]
    assert [json.loads(r["value"]) for r in rows] == [c["value"] for c in expected]
    if query:
        assert 0 < len(rows) < len(stored.claims(limit=100_000))


def test_json_download_has_the_same_claims_and_keys(client, stored):
    items = client.get("/claims.json?verdict=supported").json()
    assert [i["id"] for i in items] == [c["id"] for c in stored.claims(verdict="supported", limit=100_000)]
    assert all(list(i) == list(CLAIM_COLUMNS) for i in items)


def test_the_list_links_its_downloads_with_its_filters(client):
    page = client.get("/claims?verdict=contradicted&lang=en").text
    assert 'href="/claims.csv?verdict=contradicted&amp;lang=en"' in page
    assert 'href="/claims.json?verdict=contradicted&amp;lang=en"' in page


@pytest.mark.parametrize("sort", ["-verdict", "type", "-published"])
def test_a_sorted_list_downloads_in_its_own_order(client, stored, sort):
    page = client.get(f"/claims?verdict=contradicted&sort={sort}").text
    assert f'href="/claims.csv?verdict=contradicted&amp;sort={sort}"' in page
    every = [int(r["id"]) for r in csv_rows(client.get(f"/claims.csv?sort={sort}").text)]
    assert every != [c["id"] for c in stored.claims(limit=100_000)], "the order differs from the store's"
    assert sorted(every) == sorted(c["id"] for c in stored.claims(limit=100_000))
    rows = csv_rows(client.get(f"/claims.csv?sort={sort}").text)
    column = sort.lstrip("-")
    keys = [r[column] for r in rows if r[column]]
    assert keys == sorted(keys, reverse=sort.startswith("-"))


def test_a_sorted_document_list_downloads_in_its_own_order(client):
    page = client.get("/coverage?sort=document").text
    assert 'href="/documents.csv?sort=document"' in page
    ids = [r["id"] for r in csv_rows(client.get("/documents.csv?sort=document").text)]
    assert ids == sorted(ids) and len(ids) > 1
    assert [r["id"] for r in csv_rows(client.get("/documents.csv?sort=-document").text)] == ids[::-1]


@pytest.mark.parametrize("path", ["/claims.csv?sort=colour", "/documents.json?sort=-colour"])
def test_an_unknown_sort_key_in_a_download_is_422(client, path):
    response = client.get(path)
    assert response.status_code == 422
    assert "colour" in response.text


def test_cells_survive_commas_quotes_and_line_breaks():
    claim = {"id": 1, "doc_id": "d", "quote": 'He said, "no pact"\non 2 lines', "value": {"a": [1, 2]},
             "sources": ["x", "x", "y"], "verdict": "contradicted"}
    rows = csv_rows("".join(claims_csv([claim])))
    assert rows[0]["quote"] == claim["quote"]
    assert json.loads(rows[0]["value"]) == claim["value"]
    assert rows[0]["sources"] == "x | y"


def test_the_export_streams_in_chunks():
    claims = ({"id": i, "quote": "q", "verdict": "supported", "value": True} for i in range(1201))
    chunks = list(claims_csv(claims))
    assert len(chunks) == 3  # 500 rows a chunk: the whole export is never one string
    assert sum(len(csv_rows(c if i == 0 else "id\n" + c)) for i, c in enumerate(chunks)) >= 1201


def test_unknown_format_is_404(client):
    assert client.get("/claims.xlsx").status_code == 404


@pytest.mark.browser
def test_csv_downloaded_from_the_filtered_list_matches_the_page(filled_db, stored):
    from accord.interfaces.app import create_app
    from browser_support import chromium  # skips the test where Chromium is absent
    from live_server import serving

    with serving(create_app(db_path=filled_db), start_timeout=90) as (base, _), chromium() as browser:
        page = browser.new_context(accept_downloads=True).new_page()
        page.goto(f"{base}/claims")
        page.select_option("#f-verdict", "supported")
        page.select_option("#f-lang", "en")
        page.get_by_role("button", name="Filter").click()
        page.wait_for_url("**verdict=supported**")
        shown = [int(h.split("/")[-1]) for h in page.eval_on_selector_all("a.claim-page", "els => els.map(e => e.getAttribute('href'))")]
        with page.expect_download() as download:
            page.get_by_role("link", name="CSV").click()
        rows = csv_rows(Path(download.value.path()).read_text(encoding="utf-8"))
        assert shown and [int(r["id"]) for r in rows] == shown
        assert {r["verdict"] for r in rows} == {"supported"} and {r["lang"] for r in rows} == {"en"}
