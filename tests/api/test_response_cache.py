"""Whole GET answers are kept until the store changes: a write (over HTTP, or by another process),
a re-judgement or a new day shows at once; the cache stays within its bytes, answers 304 to a known
ETag, keeps no errors, and is off at 0 bytes."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient

from accord.interfaces.app import create_app
from accord.services.ingest import ingest
from accord.services.store import Store
from judging_context import JUDGING
from shared_data import corpus_file

from .conftest import TOKEN, auth


def test_an_ingest_over_http_shows_in_the_next_read_and_repeats_are_answered_from_memory(ingest_client, seeds):
    responses = ingest_client.app.state.responses
    for _ in range(3):  # the first creates the store, which moves its version: the third is a repeat
        assert ingest_client.get("/api/claims").json()["total"] == 0
    assert responses.hits >= 1
    doc = next(iter(seeds.values()))
    assert ingest_client.post("/api/documents", json=doc, headers=auth()).status_code == 201
    listed = ingest_client.get("/api/claims").json()
    assert listed["total"] > 0 and listed["items"]
    assert ingest_client.get("/api/documents").json()["items"][0]["id"] == doc["id"]
    assert ingest_client.get(f"/api/documents/{doc['id']}").status_code == 200
    hits = responses.hits
    assert ingest_client.get("/api/claims").json() == listed
    assert responses.hits == hits + 1


def test_a_write_by_another_connection_and_a_rejudgement_show_at_once(tmp_path):
    from types import SimpleNamespace

    from accord.reasoning.claims import Verdict

    path = tmp_path / "accord.sqlite"
    with TestClient(create_app(db_path=path)) as client:
        before = client.get("/coverage")
        assert before.status_code == 200 and client.get("/api/sources").json() == []
        with Store(path) as store:  # as `accord ingest` in another process would
            ingest([corpus_file("seeds.jsonl")], store, JUDGING)
            summary = store.sources_summary()
        assert client.get("/api/sources").json() == summary != []
        assert client.get("/coverage").text != before.text
        contradicted = client.get("/api/claims", params={"verdict": "contradicted"}).json()["total"]
        with Store(path) as store:
            supported = store.claims(verdict="supported", limit=2)
            changed = SimpleNamespace(verdict=Verdict("contradicted"), citation="x", reason="edited", sources=())
            store.set_verdicts([(c["id"], changed) for c in supported], "edited-catalog")
        assert client.get("/api/claims", params={"verdict": "contradicted"}).json()["total"] == contradicted + len(supported)


def test_a_known_etag_gets_304_and_a_new_day_a_fresh_answer(tmp_path):
    day = {"today": dt.date(2025, 6, 13)}
    with TestClient(create_app(db_path=tmp_path / "s.sqlite", clock=lambda: day["today"])) as client:
        first = client.get("/api/treaties/rus-irn-2025/status")
        etag = first.headers["etag"]
        assert first.json()["in_force"] is False
        again = client.get("/api/treaties/rus-irn-2025/status", headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
        day["today"] = dt.date(2026, 11, 22)
        later = client.get("/api/treaties/rus-irn-2025/status", headers={"If-None-Match": etag})
        assert later.status_code == 200 and later.json()["in_force"] is True and later.headers["etag"] != etag


def test_errors_and_credentials_are_not_kept_and_the_bytes_stay_bounded(tmp_path):
    app = create_app(db_path=tmp_path / "s.sqlite", response_cache_bytes=40_000, ingest_token=TOKEN)
    responses = app.state.responses
    with TestClient(app) as client:
        for _ in range(2):
            assert client.get("/api/treaties/no-such-treaty").status_code == 404
            assert client.get("/api/treaties", headers=auth()).status_code == 200
        assert len(responses) == 0 and responses.hits == 0
        for treaty in client.get("/api/treaties").json():
            assert client.get(f"/api/treaties/{treaty['id']}").status_code == 200
            assert responses.bytes <= 40_000
        assert 0 < len(responses) < len(client.get("/api/treaties").json())  # the oldest went first
        # a page over a quarter of the cache goes out as it is made, and is kept compressed if that fits
        big = client.get("/treaties/rus-irn-2025", headers={"Accept-Encoding": "identity"})
        assert big.status_code == 200 and len(big.content) > 10_000 and "etag" not in big.headers
        assert responses.bytes <= 40_000


def _raw_get(client, path: str, coding: str) -> tuple:
    """The answer's status, headers and body as sent, not decoded by the client."""
    with client.stream("GET", path, headers={"Accept-Encoding": coding}) as answer:
        return answer.status_code, answer.headers, b"".join(answer.iter_raw())


def test_a_large_answer_streams_out_and_is_kept_gzipped_for_either_kind_of_client(tmp_path):
    import gzip

    app = create_app(db_path=tmp_path / "s.sqlite", response_cache_bytes=80_000)
    responses = app.state.responses
    with TestClient(app) as client:
        path = "/treaties/rus-irn-2025"  # over a quarter of the cache (20,000 bytes), under it compressed
        status, first, coded = _raw_get(client, path, "gzip, deflate")
        plain = gzip.decompress(coded)
        assert status == 200 and first["content-encoding"] == "gzip" and "etag" not in first and len(plain) > 20_000
        assert len(responses) == 1 and responses.bytes < len(plain)
        hits = responses.hits
        status, kept, body = _raw_get(client, path, "br;q=1.0, gzip;q=0.5")
        assert (status, body, kept["content-encoding"], kept["content-length"]) == (200, coded, "gzip", str(len(coded)))
        assert kept["etag"].endswith('-gzip"') and "accept-encoding" in kept["vary"].lower()
        status, inflated, body = _raw_get(client, path, "identity")
        assert status == 200 and body == plain and "content-encoding" not in inflated
        assert inflated["content-length"] == str(len(plain)) and inflated["etag"] != kept["etag"]
        assert responses.hits == hits + 2
        for etag, coding in ((kept["etag"], "gzip"), (inflated["etag"], "identity")):
            again = client.get(path, headers={"If-None-Match": etag, "Accept-Encoding": coding})
            assert again.status_code == 304 and again.headers["etag"] == etag
        # a gzip client's ETag does not name what an identity client holds
        assert client.get(path, headers={"If-None-Match": kept["etag"], "Accept-Encoding": "identity"}).status_code == 200


def test_an_answer_too_large_even_compressed_still_goes_out_whole_and_coded(tmp_path):
    import gzip

    app = create_app(db_path=tmp_path / "s.sqlite", response_cache_bytes=8_000)
    with TestClient(app) as client:
        plain = client.get("/treaties/rus-irn-2025", headers={"Accept-Encoding": "identity"}).content
        status, headers, coded = _raw_get(client, "/treaties/rus-irn-2025", "gzip")
        assert status == 200 and headers["content-encoding"] == "gzip" and gzip.decompress(coded) == plain
        assert len(app.state.responses) == 0


def test_which_accept_encoding_values_admit_gzip():
    from accord.interfaces.gzip_coding import accepts_gzip

    admitted = [b"gzip", b"gzip, deflate, br, zstd", b"br;q=1.0, gzip;q=0.5", b"*", b"x-gzip", b" GZIP "]
    refused = [None, b"", b"identity", b"br", b"gzip;q=0", b"gzip;q=0.0, br", b"*;q=0", b"gzip;q=nonsense", b"gzipped"]
    assert all(accepts_gzip(value) for value in admitted)
    assert not any(accepts_gzip(value) for value in refused)


def test_at_zero_bytes_nothing_is_kept(tmp_path):
    app = create_app(db_path=tmp_path / "s.sqlite", response_cache_bytes=0)
    with TestClient(app) as client:
        for _ in range(2):
            answer = client.get("/api/treaties")
            assert answer.status_code == 200 and "etag" not in answer.headers
        assert len(app.state.responses) == 0 and app.state.responses.hits == 0


def test_rendered_catalog_answers_and_reports_follow_the_store_without_the_response_cache(tmp_path, seed_records):
    from accord.press.pipeline import process
    from accord.press.read import RawDocument
    from judging_context import CATALOG, TODAY

    path = tmp_path / "accord.sqlite"
    app = create_app(db_path=path, response_cache_bytes=0)
    with TestClient(app) as client:
        treaty = client.get("/api/treaties/rus-irn-2025")
        assert client.get("/api/treaties/rus-irn-2025").content == treaty.content and app.state.rendered.hits >= 1
        assert client.get("/api/treaties/no-such-treaty").status_code == 404
        before = client.get("/api/treaties/rus-irn-2025/implementation").json()
        with Store(path) as store:
            for r in seed_records:
                store.put(process(RawDocument(id=r["id"], text=r["text"], lang=r.get("lang"), published=r.get("published"),
                                              outlet=r.get("outlet")), CATALOG, TODAY))
            events = len(store.events("rus-irn-2025"))
        after = client.get("/api/treaties/rus-irn-2025/implementation").json()
        assert events > 0 and after != before
        reported = {s["doc_id"] for p in after["provisions"] for e in p["events"] for s in e["sources"]}
        assert reported and not {s["doc_id"] for p in before["provisions"] for e in p["events"] for s in e["sources"]}


def test_the_answer_cache_keeps_at_most_its_bytes():
    from accord.interfaces.answer_cache import AnswerCache

    cache = AnswerCache(entries=100, max_bytes=1000)
    for i in range(10):
        cache.get_or_compute(i, lambda: b"x" * 200)
    assert len(cache) == 5
    assert cache.get_or_compute("big", lambda: b"y" * 300) == b"y" * 300 and "big" not in cache._answers


def _counting_app(body: bytes, *, status: int = 200, delay: float = 0.2):
    """A slow ASGI application answering ``body`` and counting how many times it was asked (the later
    asked, the sooner it answers)."""
    import anyio
    from starlette.applications import Starlette
    from starlette.responses import Response
    from starlette.routing import Route

    calls = [0]

    async def endpoint(request):
        calls[0] += 1
        await anyio.sleep(delay / calls[0])  # a later request finishes first, as it may on a busy machine
        return Response(body, status_code=status, media_type="text/plain")

    return Starlette(routes=[Route("/slow", endpoint)]), calls


async def _together(app, requests: int) -> list:
    import anyio
    import httpx

    answers: list = []
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        async def one() -> None:
            answers.append(await client.get("/slow"))

        async with anyio.create_task_group() as group:
            for _ in range(requests):
                group.start_soon(one)
    return answers


def test_requests_for_an_answer_being_made_wait_for_it_instead_of_making_it_again():
    import anyio

    from accord.interfaces.response_cache import ResponseCache, ServeCached

    inner, calls = _counting_app(b"the answer")
    cache = ResponseCache(max_bytes=1 << 20, version=lambda: "v1")
    answers = anyio.run(_together, ServeCached(inner, cache), 5)
    assert [a.content for a in answers] == [b"the answer"] * 5
    assert calls[0] == 1 and (cache.misses, cache.hits) == (1, 4)


def test_an_answer_that_will_not_be_kept_lets_the_waiting_requests_make_their_own():
    import os

    import anyio

    from accord.interfaces.response_cache import ResponseCache, ServeCached

    for body, status, max_bytes in ((b"no such thing", 404, 1 << 20),  # errors are not kept
                                    (os.urandom(300_000), 200, 400_000)):  # over a quarter of the cache, compressed or not
        inner, calls = _counting_app(body, status=status)
        cache = ResponseCache(max_bytes=max_bytes, version=lambda: "v1")
        answers = anyio.run(_together, ServeCached(inner, cache), 4)
        assert [(a.status_code, a.content) for a in answers] == [(status, body)] * 4
        assert calls[0] == 4 and len(cache) == 0
