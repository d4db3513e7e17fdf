"""The request-body limit: on the declared length, and on the bytes a chunked or lying client really sends."""

from __future__ import annotations

import json

import pytest

from .conftest import auth

LIMIT = 2_000


@pytest.fixture
def small(make_client):
    return make_client(max_body_bytes=LIMIT, ingest_token="t")


def _payload(size: int) -> bytes:
    body = json.dumps({"text": "Russia and Iran signed the treaty. " * (size // 35 + 1)}).encode()
    return body


def test_a_body_under_the_limit_passes(small):
    body = json.dumps({"text": "Russia and Iran signed the treaty in Moscow."}).encode()
    assert len(body) < LIMIT
    r = small.post("/api/check", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 200


def test_declared_length_over_the_limit_is_413(small):
    body = _payload(LIMIT + 500)
    r = small.post("/api/check", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert r.json() == {"error": f"request body too large: {len(body)} bytes declared, the limit is {LIMIT} bytes"}


def test_chunked_body_over_the_limit_is_413(small):
    body = _payload(LIMIT * 3)

    def chunks():  # no Content-Length: the size is only known by counting
        for i in range(0, len(body), 500):
            yield body[i:i + 500]

    r = small.post("/api/check", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert r.json() == {"error": f"request body too large: more than {LIMIT} bytes sent, the limit is {LIMIT} bytes"}


def test_a_client_declaring_less_than_it_sends_is_413(small):
    body = _payload(LIMIT * 3)
    r = small.post("/api/check", content=body, headers={"content-type": "application/json", "content-length": "100"})
    assert r.status_code == 413 and "more than 2000 bytes sent" in r.json()["error"]


def test_the_limit_guards_ingest_too(small):
    r = small.post("/api/documents", content=_payload(LIMIT + 1), headers={**auth("t"), "content-type": "application/json"})
    assert r.status_code == 413 and small.get("/api/documents").json()["items"] == []


def test_the_limit_is_read_from_the_app_settings(small):
    small.app.state.settings = small.app.state.settings.model_copy(update={"max_body_bytes": 10})
    r = small.post("/api/check", json={"text": "Russia and Iran signed the treaty."})
    assert r.status_code == 413 and "the limit is 10 bytes" in r.json()["error"]


def test_a_malformed_content_length_is_400(small):
    r = small.post("/api/check", content=b"{}", headers={"content-type": "application/json", "content-length": "12x"})
    assert r.status_code == 400 and "Content-Length" in r.json()["error"]
