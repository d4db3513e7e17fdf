"""Bounded search, per-client rate limits, security headers and the slow-header timeout."""

from __future__ import annotations

import socket
import threading
import time

import httpx
import pytest

from accord.interfaces.app import create_app
from accord.press.pipeline import process
from accord.press.read import RawDocument
from accord.services import search_limits
from accord.services.search_limits import MAX_QUERY_CHARS, MAX_QUERY_TERMS, SearchInterrupted
from accord.services.store import Store
from judging_context import CATALOG, TODAY
from live_server import serving

SENTENCES = ("The partnership treaty covers {w} and transport corridors.",
             "Officials discussed {w} supplies under the strategic partnership.",
             "Договор о партнёрстве касается {w} и транспорта.")
WORDS = ("grain", "energy", "railways", "customs", "banking", "shipping", "satellites", "medicine")


@pytest.fixture(scope="module")
def filled_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("hardening") / "accord.sqlite"
    with Store(db) as store:
        for i in range(60):
            text = "\n\n".join(SENTENCES[k % 3].format(w=WORDS[(i + k) % len(WORDS)]) + f" Note {i}-{k}." for k in range(6))
            store.put(process(RawDocument(id=f"doc-{i}", text=text), CATALOG, TODAY))
    return db


@pytest.fixture
def api(filled_db):
    from fastapi.testclient import TestClient

    with TestClient(create_app(db_path=filled_db, search_rate=None)) as client:
        yield client


def test_a_query_within_the_caps_is_answered(api):
    hits = api.get("/api/search", params={"q": "partnership grain"}).json()
    assert hits and all("grain" in h["snippet"].lower() or "partnership" in h["snippet"].lower() for h in hits)


@pytest.mark.parametrize("query, words", [
    ("treaty " * (MAX_QUERY_CHARS // 7 + 1), "characters long"),
    (" ".join(f"w{i}" for i in range(MAX_QUERY_TERMS + 1)), f"{MAX_QUERY_TERMS + 1} different words"),
])
def test_a_query_over_a_cap_is_422_naming_the_cap_on_the_api_and_the_page(api, query, words):
    r = api.get("/api/search", params={"q": query})
    assert r.status_code == 422
    assert r.json()["error"].startswith("query too large: ") and words in r.json()["error"]
    page = api.get("/search", params={"q": query})
    assert page.status_code == 422 and "Query too large" in page.text and words in page.text


def test_repeated_words_count_once(api):
    query = " ".join(["grain"] * 60)
    assert len(query) < MAX_QUERY_CHARS
    assert api.get("/api/search", params={"q": query}).status_code == 200


def test_a_thousand_word_query_is_refused_before_any_work(api, monkeypatch):
    searched: list[str] = []
    original = Store.search
    monkeypatch.setattr(Store, "search", lambda self, q, *a, **k: searched.append(q) or original(self, q, *a, **k))
    query = " ".join(f"word{i}" for i in range(1000))
    assert api.get("/api/search", params={"q": query}).status_code == 422
    assert api.get("/search", params={"q": query}).status_code == 422
    assert searched == []  # refused before the store is asked
    assert api.get("/api/search", params={"q": "grain"}).status_code == 200 and searched == ["grain"]


@pytest.fixture
def fine_progress(monkeypatch):
    """The progress handler called every few instructions, so that the small test store's searches reach it."""
    monkeypatch.setattr(search_limits, "PROGRESS_STEPS", 10)


def test_the_time_budget_stops_the_statement_inside_sqlite(filled_db, fine_progress):
    with Store(filled_db) as store:
        with pytest.raises(SearchInterrupted) as stopped:
            store.search("partnership", budget=0.0)
        assert not stopped.value.cancelled and "budget" in str(stopped.value)
        assert store.search("partnership")  # the connection is usable again, without the handler


def test_a_cancelled_search_stops_and_says_so(filled_db, fine_progress):
    cancel = threading.Event()
    cancel.set()
    with Store(filled_db) as store:
        with pytest.raises(SearchInterrupted) as stopped:
            store.search("partnership", cancel=cancel)
        assert stopped.value.cancelled


def test_searches_are_rate_limited_per_client_with_retry_after(filled_db):
    from fastapi.testclient import TestClient

    with TestClient(create_app(db_path=filled_db, search_rate="3/minute")) as client:
        assert [client.get("/api/search", params={"q": "grain"}).status_code for _ in range(3)] == [200] * 3
        r = client.get("/api/search", params={"q": "grain"})
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
        assert "too many searches" in r.json()["error"]
        assert client.get("/search", params={"q": "grain"}).status_code == 429  # the page shares the client's budget
        assert client.get("/api/treaties").status_code == 200  # other requests are not limited


@pytest.mark.parametrize("language, ask, words", [
    ("ru", {"params": {"ui": "ru"}}, "Слишком много поисковых запросов"),
    ("fa", {"headers": {"Accept-Language": "fa-IR,fa;q=0.9"}}, "جست‌وجو"),
    ("en", {}, "Too many searches from this client"),
])
def test_the_search_pages_429_is_in_the_readers_language(filled_db, language, ask, words):
    from fastapi.testclient import TestClient

    with TestClient(create_app(db_path=filled_db, search_rate="1/minute")) as client:
        client.get("/search", params={"q": "grain"})
        params = {"q": "grain", **ask.get("params", {})}
        r = client.get("/search", params=params, headers=ask.get("headers", {}))
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
    assert r.headers["content-language"] == language and words in r.text
    assert "1 per 1 minute" in r.text  # the limit is named as it is set


def test_security_headers_on_every_kind_of_response(filled_db):
    from fastapi.testclient import TestClient

    with TestClient(create_app(db_path=filled_db, search_rate="1/minute", max_body_bytes=100)) as client:
        responses = {
            "page": client.get("/"), "api": client.get("/api/treaties"), "api 404": client.get("/api/nothing"),
            "page 404": client.get("/treaties/nothing"), "422": client.get("/api/search", params={"q": ""}),
            "413": client.post("/api/check", json={"text": "x" * 200}), "docs": client.get("/docs"),
            "static": client.get("/static/docs/swagger-ui.css"),
        }
        client.get("/api/search", params={"q": "grain"})
        responses["429"] = client.get("/api/search", params={"q": "grain"})
    assert responses["429"].status_code == 429 and responses["413"].status_code == 413
    for name, r in responses.items():
        csp = r.headers.get("content-security-policy", "")
        assert "frame-ancestors 'none'" in csp, name
        assert r.headers.get("x-content-type-options") == "nosniff", name
        assert r.headers.get("referrer-policy") == "no-referrer", name
    assert "script-src" not in responses["page"].headers["content-security-policy"]  # pages run no script
    assert "script-src 'self' 'unsafe-inline'" in responses["docs"].headers["content-security-policy"]


def test_security_headers_on_an_unexpected_500(tmp_path):
    """The 500 of an exception no handler expects is sent by Starlette's outermost middleware: it gets the headers too."""
    from fastapi.testclient import TestClient

    app = create_app(db_path=tmp_path / "store.sqlite")

    def broken() -> None:
        raise RuntimeError("a defect")

    app.add_api_route("/api/broken", broken)
    app.add_api_route("/broken", broken)
    with TestClient(app, raise_server_exceptions=False) as client:
        for path in ("/api/broken", "/broken"):
            r = client.get(path)
            assert r.status_code == 500, path
            assert "frame-ancestors 'none'" in r.headers.get("content-security-policy", ""), path
            assert r.headers.get("x-content-type-options") == "nosniff", path
            assert r.headers.get("x-frame-options") == "DENY", path
        assert "internal error (RuntimeError)" in client.get("/api/broken").json()["error"]


def test_a_client_that_sends_its_headers_too_slowly_is_disconnected(tmp_path):
    app = create_app(db_path=tmp_path / "accord.sqlite")
    with serving(app, header_timeout=0.5) as (base, port):
        with socket.create_connection(("127.0.0.1", port), timeout=5) as slow:
            slow.sendall(b"GET /api/treaties HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # the blank line never comes
            started = time.monotonic()
            assert slow.recv(1024) == b""  # closed by the server
            assert time.monotonic() - started < 3
        # a request whose headers came in time is answered, however long the handler takes
        with httpx.Client(base_url=base, timeout=10) as http:
            assert http.get("/api/treaties").status_code == 200
            time.sleep(0.8)  # longer than the header timeout, on a kept-alive connection
            assert http.get("/api/treaties").status_code == 200


def test_the_blocking_handlers_run_on_the_configured_number_of_threads(tmp_path):
    """Starlette's 40 threads made the event loop queue for the GIL behind them under load; the server uses its setting."""
    from anyio import to_thread
    from fastapi.testclient import TestClient

    app = create_app(db_path=tmp_path / "store.sqlite", request_threads=3)

    async def tokens() -> dict:
        return {"threads": to_thread.current_default_thread_limiter().total_tokens}

    app.add_api_route("/api/threads", tokens)
    with TestClient(app) as client:
        assert client.get("/api/threads").json() == {"threads": 3}
