"""The API's list endpoints answer CSV on ?format=csv or Accept: text/csv, with the same rows as
their JSON, and OpenAPI documents both content types."""

from __future__ import annotations

import csv
import io

import pytest

from accord.services.exports import LISTINGS

CSV = {"accept": "text/csv"}
JSON = {"accept": "application/json"}


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_claims_page_as_csv_holds_the_json_pages_rows_and_the_total(client, stored):
    params = {"verdict": "supported", "limit": 5, "offset": 3}
    page = client.get("/api/claims", params=params, headers=JSON).json()
    assert page["total"] == stored.count_claims(verdict="supported") > 8
    response = client.get("/api/claims", params={**params, "format": "csv"}, headers=JSON)
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["x-total-count"] == str(page["total"])
    rows = csv_rows(response.text)
    assert [int(r["id"]) for r in rows] == [c["id"] for c in page["items"]]
    assert list(rows[0]) == list(LISTINGS["claims"].columns)


def test_accept_header_chooses_csv_and_format_json_overrides_it(client):
    assert client.get("/api/documents", headers=CSV).headers["content-type"].startswith("text/csv")
    assert client.get("/api/documents", params={"format": "json"}, headers=CSV).json()["items"]
    # a browser-like header that ranks JSON first keeps JSON
    answer = client.get("/api/sources", headers={"accept": "application/json, text/csv;q=0.5"})
    assert answer.headers["content-type"].startswith("application/json")
    assert client.get("/api/sources", headers={"accept": "text/csv, application/json;q=0.9"}).text.startswith("outlet,")


@pytest.mark.parametrize("path, listing, key", [
    ("/api/documents?limit=500", "documents", "id"),
    ("/api/sources", "sources", "outlet"),
    ("/api/search?q=treaty&limit=10&offset=2", "search", "doc_id"),
    ("/api/treaties", "catalog", "id"),
])
def test_list_endpoints_as_csv_keep_the_json_rows(client, path, listing, key):
    as_json = client.get(path, headers=JSON).json()
    items = as_json["items"] if isinstance(as_json, dict) else as_json
    rows = csv_rows(client.get(path, headers=CSV).text)
    assert list(rows[0]) == list(LISTINGS[listing].columns)
    assert [r[key] for r in rows] == [str(i[key]) for i in items]


def test_search_offset_pages_through_the_ranking(client):
    whole = client.get("/api/search", params={"q": "treaty", "limit": 10}, headers=JSON).json()
    rest = client.get("/api/search", params={"q": "treaty", "limit": 5, "offset": 5}, headers=JSON).json()
    assert [(h["doc_id"], h["idx"]) for h in rest] == [(h["doc_id"], h["idx"]) for h in whole[5:10]]
    ranks = [int(r["rank"]) for r in csv_rows(client.get("/api/search", params={"q": "treaty", "limit": 5, "offset": 5,
                                                                               "format": "csv"}).text)]
    assert ranks == list(range(6, 6 + len(ranks)))


def test_compare_and_implementation_as_csv(client):
    rows = csv_rows(client.get("/api/compare?ids=rus-irn-2025,csto-1992&format=csv").text)
    assert {r["treaty"] for r in rows} == {"rus-irn-2025", "csto-1992"}
    report = client.get("/api/treaties/rus-irn-2025/implementation", headers=JSON).json()
    rows = csv_rows(client.get("/api/treaties/rus-irn-2025/implementation", headers=CSV).text)
    assert [r["provision"] for r in rows] == [p["provision"] for p in report["provisions"]]


def test_an_unknown_format_is_a_422_naming_the_choices(client):
    response = client.get("/api/claims", params={"format": "xlsx"}, headers=JSON)
    assert response.status_code == 422 and "csv" in response.text


def test_a_mistyped_filter_is_refused_in_csv_too(client):
    response = client.get("/api/claims", params={"format": "csv", "lang": "xx"})
    assert response.status_code == 422 and response.json()["error"]


def test_openapi_documents_csv_beside_json_on_the_list_endpoints(client):
    doc = client.get("/openapi.json").json()
    for path in ("/api/claims", "/api/documents", "/api/sources", "/api/search", "/api/treaties", "/api/compare",
                 "/api/treaties/{treaty_id}/implementation"):
        content = doc["paths"][path]["get"]["responses"]["200"]["content"]
        assert {"application/json", "text/csv"} <= set(content), path
        assert any(p["name"] == "format" for p in doc["paths"][path]["get"]["parameters"]), path
    page = doc["components"]["schemas"]
    assert any("total" in schema.get("properties", {}) for name, schema in page.items() if name.startswith("Page"))
