"""GET /api/treaties, /api/treaties/{id}, /api/treaties/{id}/status: the CLI's JSON, over HTTP."""

from __future__ import annotations

import datetime as dt

import pytest

from .conftest import cli_json


def test_listing_is_the_cli_listing(client):
    r = client.get("/api/treaties")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    rows = r.json()
    assert rows == cli_json("treaties")
    flagship = next(row for row in rows if row["id"] == "rus-irn-2025")
    assert flagship["signed"] == "2025-01-17" and flagship["articles"] == 47
    assert set(flagship["parties"]) == {"RUS", "IRN"}
    # no mutual defence in the flagship, a defence pact in NATO, each type cited by article
    assert flagship["types"]["defense"] is False and "defense" not in flagship["types"]["cited"]
    nato = next(row for row in rows if row["id"] == "nato-1949")
    assert nato["types"]["defense"] is True and "Art. 5" in nato["types"]["cited"]["defense"]
    assert nato["types"]["cow_type"] == "I"


def test_one_treaty_is_the_whole_coding_plus_derived_types(client):
    r = client.get("/api/treaties/rus-irn-2025")
    assert r.status_code == 200
    data = r.json()
    shown = cli_json("show", "rus-irn-2025")
    assert {k: v for k, v in data.items() if k != "types"} == shown
    article3 = next(a for a in data["articles"] if a["key"] == "3")
    non_assistance = next(p for p in article3["provisions"] if p["id"] == "3.3")
    assert non_assistance["action"] == "assist_aggressor" and non_assistance["modality"] == "prohibition"
    assert non_assistance["sources"], "every provision carries its sources"
    assert data["sources"] and data["signature"]["date"] == "2025-01-17"
    assert data["types"]["nonaggression"] is True or data["types"]["neutrality"] is True
    assert data["types"]["defense"] is False


@pytest.mark.parametrize("path", ["/api/treaties/rus-irn-2052", "/api/treaties/rus-irn-2052/status?on=2025-01-01"])
def test_unknown_treaty_is_404_with_the_nearest_id(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert r.json() == {"error": "unknown treaty 'rus-irn-2052' (did you mean 'rus-irn-2025'?)", "suggestion": "rus-irn-2025"}


@pytest.mark.parametrize("day, phase, in_force", [
    ("2025-06-13", "signed_awaiting_ratification", False),
    ("2026-11-22", "in_force_initial_term", True),
])
def test_status_is_the_cli_status(client, day, phase, in_force):
    r = client.get("/api/treaties/rus-irn-2025/status", params={"on": day})
    assert r.status_code == 200
    data = r.json()
    assert data == cli_json("status", "rus-irn-2025", "--on", day)
    assert (data["as_of"], data["phase"], data["in_force"]) == (day, phase, in_force)
    assert data["sources"] and all(step["sources"] for step in data["steps"] if step["state"] == "done")


def test_status_terms_and_notice(client):
    data = client.get("/api/treaties/rus-irn-2025/status?on=2026-11-22").json()
    assert (data["in_force_since"], data["term_start"], data["term_end"]) == ("2025-10-02", "2025-10-02", "2045-10-01")
    assert data["notice_deadline"] is None and "not found in the sources" in data["notice_note"]


def test_status_defaults_to_today(client):
    data = client.get("/api/treaties/rus-irn-2025/status").json()
    assert data["as_of"] == dt.date.today().isoformat()


@pytest.mark.parametrize("bad", ["2025-13-01", "2025-02-30", "yesterday", "17.01.2025"])
def test_bad_date_is_422_naming_the_value(client, bad):
    r = client.get("/api/treaties/rus-irn-2025/status", params={"on": bad})
    assert r.status_code == 422
    assert r.json() == {"error": f"bad date '{bad}' for 'on': expected YYYY-MM-DD"}
