"""A real uvicorn server on a free loopback port, spoken to over real HTTP."""

from __future__ import annotations

import http.client
import json
import socket

import httpx
import pytest

from accord.interfaces.app import create_app
from live_server import serving

LIMIT = 4_096


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    app = create_app(db_path=tmp_path_factory.mktemp("served") / "accord.sqlite", max_body_bytes=LIMIT)
    with serving(app) as (base, port):
        yield base, port


def test_real_requests(server):
    base, _ = server
    with httpx.Client(base_url=base, timeout=10) as http:
        rows = http.get("/api/treaties").json()
        assert "rus-irn-2025" in [r["id"] for r in rows]
        claims = http.post("/api/check", json={"text": "The treaty obliges Russia to defend Iran militarily."}).json()
        assert any(c["verdict"] == "contradicted" and c["citation"] == "rus-irn-2025 Art. 3(3)" for c in claims)
        scenario = http.get("/api/scenario", params={"event": "aggression", "by": "ISR", "against": "IRN", "on": "2025-11-01"})
        assert scenario.status_code == 200 and scenario.json()["treaties"][0]["treaty"] == "rus-irn-2025"
        missing = http.get("/api/treaties/rus-irn-2052")
        assert missing.status_code == 404 and missing.json()["suggestion"] == "rus-irn-2025"
        assert http.get("/api/documents").json()["items"] == []
        assert http.get("/docs").status_code == 200


def test_real_chunked_upload_over_the_limit_is_413(server):
    _, port = server
    body = json.dumps({"text": "Russia and Iran signed the treaty. " * 150}).encode()
    assert LIMIT < len(body) < 2 * LIMIT
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (body[i:i + 1024] for i in range(0, len(body), 1024)))
    request = (b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
               b"Transfer-Encoding: chunked\r\n\r\n" + chunks + b"0\r\n\r\n")
    # The whole request is written at once (it fits the socket buffers), so the server's early answer
    # cannot race the client's writes; a client still writing after a 413 would see a broken pipe.
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        response = http.client.HTTPResponse(sock)
        response.begin()
        assert response.status == 413
        assert json.loads(response.read())["error"].startswith("request body too large: more than")
