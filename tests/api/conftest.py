"""Fixtures for the API tests: an app over a temporary store, a client, and the shared corpus."""

from __future__ import annotations

import json
from typing import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from accord.interfaces.app import create_app
from accord.interfaces.cli import app as cli_app

TOKEN = "test-ingest-token"


@pytest.fixture(scope="session")
def seeds(seed_records) -> dict[str, dict]:
    """The shared seed documents, by id, in the JSON shape POST /api/documents takes."""
    return {r["id"]: {k: r[k] for k in ("id", "url", "text", "lang", "published", "outlet")} for r in seed_records}


@pytest.fixture
def make_client(tmp_path) -> Iterator[Callable[..., TestClient]]:
    """``make_client(ingest_token=..., max_body_bytes=...)``: a started app over a fresh store in tmp_path."""
    opened: list[TestClient] = []

    def make(**options) -> TestClient:
        client = TestClient(create_app(db_path=tmp_path / "accord.sqlite", **options))
        client.__enter__()  # runs the lifespan: warm-up now, stores closed at the end
        opened.append(client)
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client) -> TestClient:
    return make_client()


@pytest.fixture
def ingest_client(make_client) -> TestClient:
    return make_client(ingest_token=TOKEN)


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def cli_json(*args: str):
    """What the CLI prints for ``accord ARGS --json``, parsed."""
    out = CliRunner().invoke(cli_app, [*args, "--json"])
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)
