"""Errors are JSON with a message naming the problem, never a 500 for bad input; the docs work offline."""

from __future__ import annotations

import re

import pytest

from accord.interfaces.app import create_app
from fastapi.testclient import TestClient

from .conftest import auth

# (method, path, json body): inputs a careless or hostile client sends
BAD_INPUT = [
    ("GET", "/api/treaties/%00", None),
    ("GET", "/api/treaties/" + "x" * 5000, None),
    ("GET", "/api/treaties/rus-irn-2025/status?on=", None),
    ("GET", "/api/treaties/rus-irn-2025/status?on=9999-99-99", None),
    ("GET", "/api/treaties/rus-irn-2025/status?on=0001-01-01", None),
    ("GET", "/api/scenario?event=&by=", None),
    ("GET", "/api/scenario?event=aggression&by=%20&against=%20", None),
    ("GET", "/api/scenario?event=aggression&by=ISR&on=2025-11-01T00:00", None),
    ("POST", "/api/scenario", ["not", "an", "object"]),
    ("POST", "/api/scenario", {"event": None, "by": 5}),
    ("GET", "/api/compare?ids=,,,", None),
    ("GET", "/api/compare?ids=" + ",".join(["nato-1949"] * 50), None),
    ("POST", "/api/check", {"text": "\x00\x01\x02"}),
    ("POST", "/api/check", {"text": "🙂" * 200}),
    ("POST", "/api/check", {"text": "In force since 31 February 2025, the treaty has 0 articles.", "lang": "en"}),
    ("POST", "/api/check", {"text": ["a list"]}),
    ("GET", "/api/documents?limit=abc", None),
    ("GET", "/api/documents?limit=100000", None),
    ("GET", "/api/documents/..%2F..%2Fetc%2Fpasswd", None),
    ("GET", "/api/claims?verdict=&type=&lang=&treaty=", None),
    ("GET", '/api/search?q="unbalanced AND (OR NEAR*', None),
    ("GET", "/api/search?q=" + "w " * 300, None),
    ("POST", "/api/documents", {"text": "x"}),
]


@pytest.mark.parametrize("method, path, body", BAD_INPUT)
def test_bad_input_never_gets_a_500(client, method, path, body):
    r = client.request(method, path, json=body)
    assert r.status_code < 500, r.text
    assert r.headers["content-type"].startswith("application/json")
    if r.status_code >= 400:
        assert isinstance(r.json()["error"], str) and r.json()["error"]


def test_malformed_ingest_items_never_get_a_500(ingest_client):
    for body in ([{"text": "x", "id": ""}], [{"text": "a"}, {"text": None}], {"text": "<html><body></body></html>"}):
        r = ingest_client.post("/api/documents", json=body, headers=auth())
        assert r.status_code < 500, r.text


def test_unknown_endpoint_and_method_are_json(client):
    missing = client.get("/api/treaty")
    assert missing.status_code == 404
    assert missing.json() == {"error": "no such endpoint: GET /api/treaty (the endpoints are listed at /docs)"}
    wrong = client.delete("/api/treaties")
    assert wrong.status_code == 405 and wrong.json() == {"error": "DELETE is not allowed on /api/treaties"}


def test_validation_errors_list_every_field(client):
    r = client.post("/api/scenario", json={"by": 5})
    assert r.status_code == 422
    data = r.json()
    fields = {f["field"] for f in data["fields"]}
    assert {"body field 'event'", "body field 'by'"} <= fields
    assert data["error"].startswith("invalid request: ")


def test_an_unusable_store_is_503_naming_it(tmp_path):
    not_a_db = tmp_path / "junk.sqlite"
    not_a_db.write_bytes(b"this is not a database" * 100)
    with TestClient(create_app(db_path=not_a_db)) as client:
        r = client.get("/api/documents")
    assert r.status_code == 503 and "cannot be used as an accord store" in r.json()["error"]


def test_docs_page_loads_nothing_from_outside(client):
    page = client.get("/docs")
    assert page.status_code == 200
    urls = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert urls and all(u.startswith("/") for u in urls), urls
    assert "https://" not in page.text and "http://" not in page.text
    for url in urls:
        asset = client.get(url)
        assert asset.status_code == 200 and len(asset.content) > 1_000, url
    assert "SwaggerUIBundle" in client.get("/static/docs/swagger-ui-bundle.js").text


def test_redoc_is_served_locally_too(client):
    page = client.get("/redoc")
    assert page.status_code == 200 and "/static/docs/redoc.standalone.js" in page.text
    assert "fonts.googleapis" not in page.text


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    expected = {
        "/api/treaties": {"get"}, "/api/treaties/{treaty_id}": {"get"}, "/api/treaties/{treaty_id}/status": {"get"},
        "/api/scenario": {"get", "post"}, "/api/compare": {"get"}, "/api/check": {"post"},
        "/api/documents": {"get", "post"}, "/api/documents/{doc_id}": {"get"}, "/api/claims": {"get"},
        "/api/search": {"get"}, "/api/sources": {"get"},
    }
    for path, methods in expected.items():
        assert methods <= set(paths[path]), path
