"""/openapi.json is typed: every answer and every error has a schema, and the error shape it
documents is the one the server sends."""

from __future__ import annotations

import pytest

from accord.contract import ErrorBody

from .conftest import TOKEN, auth


@pytest.fixture(scope="module")
def openapi(make_module_client):
    return make_module_client.get("/openapi.json").json()


@pytest.fixture(scope="module")
def make_module_client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from accord.interfaces.app import create_app

    app = create_app(db_path=tmp_path_factory.mktemp("openapi") / "accord.sqlite", ingest_token=TOKEN, max_body_bytes=2_000)
    with TestClient(app) as client:
        yield client


def _operations(doc: dict):
    for path, item in doc["paths"].items():
        for method, op in item.items():
            yield path, method, op


def _resolve(doc: dict, schema: dict) -> dict:
    while "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _typed(doc: dict, schema: dict) -> bool:
    """A schema that says something: an object with properties, or an array of such objects."""
    schema = _resolve(doc, schema)
    if schema.get("type") == "array":
        return _typed(doc, schema.get("items") or {})
    return bool(schema.get("properties"))


def test_every_api_route_is_documented_with_a_typed_answer(openapi):
    operations = list(_operations(openapi))
    assert {p for p, _, _ in operations} >= {"/api/treaties", "/api/treaties/{treaty_id}", "/api/treaties/{treaty_id}/status",
                                            "/api/scenario", "/api/compare", "/api/check", "/api/documents",
                                            "/api/documents/{doc_id}", "/api/claims", "/api/search", "/api/sources"}
    for path, method, op in operations:
        ok = {code: r for code, r in op["responses"].items() if code.startswith("2")}
        assert ok, f"{method} {path} declares no 2xx answer"
        for code, response in ok.items():
            schema = response.get("content", {}).get("application/json", {}).get("schema")
            assert schema and _typed(openapi, schema), f"{method} {path} {code}: empty schema"


def test_every_route_declares_its_errors_with_the_error_body(openapi):
    for path, method, op in _operations(openapi):
        errors = {code: r for code, r in op["responses"].items() if code[0] in "45"}
        assert {"422", "500"} <= set(errors), f"{method} {path}"
        if "{" in path:
            assert "404" in errors, f"{method} {path} takes an id in its path but declares no 404"
        for code, response in errors.items():
            schema = response["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/ErrorBody"}, f"{method} {path} {code}"
    body = openapi["components"]["schemas"]["ErrorBody"]
    assert body["required"] == ["error"] and "detail" not in body["properties"]


def test_the_answers_carry_examples(openapi):
    schemas = openapi["components"]["schemas"]
    for name in ("TreatyRow", "Status", "JudgedClaim", "ErrorBody"):
        assert schemas[name].get("examples"), name
    scenario = next(op for p, m, op in _operations(openapi) if p == "/api/scenario" and m == "get")
    assert {p["name"]: p["schema"].get("examples") or p.get("examples") for p in scenario["parameters"]}["event"]


@pytest.mark.parametrize("method, url, kwargs, status", [
    ("get", "/api/treaties/nato-1994", {}, 404),
    ("get", "/api/treaties/rus-irn-2025/status?on=2025-02-30", {}, 422),
    ("get", "/api/scenario?event=agression&by=ISR", {}, 422),
    ("post", "/api/check", {"content": b"{not json", "headers": {"content-type": "application/json"}}, 422),
    ("post", "/api/check", {"json": {"text": "x" * 3_000}}, 413),
    ("post", "/api/documents", {"json": {"text": "Russia and Iran signed."}}, 401),
    ("post", "/api/documents", {"json": {"text": "Russia and Iran signed."}, "headers": auth("wrong")}, 403),
    ("get", "/api/documents/nope", {}, 404),
    ("get", "/api/claims?treaty=nato-1994", {}, 422),
])
def test_errors_sent_are_the_documented_body_with_a_documented_status(make_module_client, openapi, method, url, kwargs, status):
    r = getattr(make_module_client, method)(url, **kwargs)
    assert r.status_code == status, r.text
    body = r.json()
    ErrorBody.model_validate(body)
    assert set(body) <= set(openapi["components"]["schemas"]["ErrorBody"]["properties"])
    template = url.split("?")[0].replace("nato-1994", "{treaty_id}").replace("rus-irn-2025", "{treaty_id}").replace("/nope", "/{doc_id}")
    declared = openapi["paths"][template][method]["responses"]
    assert str(status) in declared, f"{method} {template} sends {status} but does not declare it"
