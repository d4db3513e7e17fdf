"""ClaimReview as JSON Lines from the CLI and from the API: the same objects as the claim pages'
JSON-LD, valid against the schema.org vocabulary."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from accord.interfaces.cli import app
from schema_org import problems

BASE = "http://testserver/"


def page_jsonld(client, claim_id: int) -> dict:
    page = client.get(f"/claims/{claim_id}").text
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))


def test_cli_writes_one_review_a_line_as_the_claim_pages_carry_them(client, stored, filled_db):
    out = CliRunner().invoke(app, ["claims", "--format", "claimreview", "--verdict", "supported", "--limit", "3",
                                   "--offset", "1", "--base-url", BASE, "--db", str(filled_db)])
    assert out.exit_code == 0, out.output
    lines = out.stdout.splitlines()
    expected = stored.claims(verdict="supported", limit=3, offset=1)
    assert len(lines) == len(expected) == 3
    for line, claim in zip(lines, expected):
        review = json.loads(line)
        assert problems(review) == []
        assert review == page_jsonld(client, claim["id"])
    assert f"of {stored.count_claims(verdict='supported')}" in out.stderr


def test_api_serves_one_claims_review_and_a_filtered_list(client, stored):
    claim = stored.claims(verdict="supported", limit=1)[0]
    one = client.get(f"/api/claims/{claim['id']}/claimreview", headers={"accept": "application/json"}).json()
    assert one == page_jsonld(client, claim["id"]) and problems(one) == []
    assert client.get("/api/claims/999999/claimreview").status_code == 404
    listed = client.get("/api/claimreview", params={"verdict": "supported", "limit": 4}, headers={"accept": "application/json"})
    assert listed.headers["x-total-count"] == str(stored.count_claims(verdict="supported"))
    assert [r["url"].rsplit("/", 1)[1] for r in listed.json()] == [str(c["id"]) for c in stored.claims(verdict="supported", limit=4)]
    lines = client.get("/api/claimreview", params={"verdict": "supported", "limit": 4, "format": "jsonl"})
    assert lines.headers["content-type"].startswith("application/x-ndjson")
    assert [json.loads(line) for line in lines.text.splitlines()] == listed.json()
    by_accept = client.get("/api/claimreview", params={"limit": 2}, headers={"accept": "application/x-ndjson"})
    assert len(by_accept.text.splitlines()) == 2


def test_a_bad_filter_or_window_is_refused(client):
    assert client.get("/api/claimreview", params={"lang": "xx"}).status_code == 422
    assert client.get("/api/claimreview", params={"limit": 0}).status_code == 422
    assert client.get("/api/claimreview", params={"format": "xml"}).status_code == 422
