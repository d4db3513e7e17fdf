"""Server edges: dates near the end of the calendar, huge offsets and pages, lone surrogates in JSON
bodies: each is a 4xx naming the problem (or an empty page), never a 500."""

from __future__ import annotations

import pytest

from accord.reasoning.days import LATEST_DAY


@pytest.mark.parametrize("path", [
    "/api/treaties/rus-irn-2025/status?on=9999-12-31",
    "/api/treaties/rus-irn-2025/status?on=9900-01-01",
    "/api/scenario?event=aggression&by=ISR&against=IRN&on=9999-12-31",
    "/api/scenario?event=snapback-notification&by=E3&on=9999-12-31",
])
def test_a_day_past_the_last_answered_one_is_422_naming_it(client, path):
    r = client.get(path)
    assert r.status_code == 422
    assert "the latest day answered is 9899-12-31" in r.json()["error"] and r.json()["suggestion"] == "9899-12-31"


def test_the_last_answered_day_is_answered(client):
    day = LATEST_DAY.isoformat()
    assert client.get(f"/api/treaties/rus-irn-2025/status?on={day}").status_code == 200
    assert client.get(f"/api/scenario?event=snapback-notification&by=E3&on={day}").status_code == 200


@pytest.mark.parametrize("path", ["/treaties/rus-irn-2025?on=9999-12-31",
                                  "/scenario?event=aggression&by=ISR&against=IRN&on=9999-12-31"])
def test_pages_answer_a_day_past_the_last_with_the_form_and_422(client, path):
    r = client.get(path)
    assert r.status_code == 422 and "9899-12-31" in r.text


@pytest.mark.parametrize("path", ["/api/documents?offset=99999999999999999999999", "/api/documents?offset=9223372036854775808",
                                  "/api/claims?offset=9223372036854775807"])
def test_a_huge_offset_is_422(client, path):
    r = client.get(path)
    assert r.status_code == 422 and "offset" in r.json()["error"]


@pytest.mark.parametrize("path", ["/claims?page=99999999999999999999", "/coverage?page=922337203685477580",
                                  "/claims?page=٣"])
def test_a_huge_or_foreign_digit_page_number_is_a_page_not_an_error(client, path):
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("body, status", [
    ('{"text": "Russia \\ud800 and Iran signed the treaty in Moscow on 17 January 2025."}', 200),
    ('{"text": "Russia and Iran signed the treaty.", "lang": "\\ud800"}', 422),
])
def test_a_lone_surrogate_in_check_is_text_or_a_422(client, body, status):
    r = client.post("/api/check", content=body, headers={"content-type": "application/json"})
    assert r.status_code == status, r.text
    r.json()


@pytest.mark.parametrize("body", [
    '{"event": "aggression", "by": "\\ud800", "against": "IRN"}', '{"event": "\\udc00", "by": "ISR"}',
    '{"event": "aggression", "by": "ISR", "against": "IRN", "on": "2025-\\ud800"}',
])
def test_a_lone_surrogate_in_scenario_is_never_a_500(client, body):
    r = client.post("/api/scenario", content=body, headers={"content-type": "application/json"})
    assert r.status_code < 500, r.text
    assert "\ufffd" in r.text or r.status_code == 200
