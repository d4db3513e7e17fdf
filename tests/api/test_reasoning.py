"""GET/POST /api/scenario and GET /api/compare: the CLI's JSON and its citations, over HTTP."""

from __future__ import annotations

import pytest

from .conftest import cli_json

ISR_IRN = {"event": "aggression", "by": "ISR", "against": "IRN", "on": "2025-11-01"}


def _treaty(data: dict, treaty_id: str) -> dict:
    return next(t for t in data["treaties"] if t["treaty"] == treaty_id)


def test_scenario_is_the_cli_scenario_with_its_citations(client):
    r = client.get("/api/scenario", params=ISR_IRN)
    assert r.status_code == 200
    data = r.json()
    assert data == cli_json("scenario", "--event", "aggression", "--by", "ISR", "--against", "IRN", "--on", "2025-11-01")
    flagship = _treaty(data, "rus-irn-2025")
    assert flagship["in_force"] is True
    no_help = next(f for f in flagship["findings"] if f["action"] == "assist_aggressor")
    assert (no_help["party"], no_help["kind"], no_help["counterparty"]) == ("RUS", "prohibition", "ISR")
    assert (no_help["article"], no_help["paragraph"], no_help["citation"]) == (3, "3", "Art. 3(3)")
    assert no_help["sources"]
    # the decisive negative: nothing obliges Russia to defend Iran, and it says which articles do apply
    negative = next(f for f in flagship["findings"] if f["kind"] == "negative")
    assert negative["action"] == "provide_military_assistance" and negative["party"] == "RUS"
    assert "Art. 3(3)" in negative["because"]


def test_scenario_by_post_is_the_same_answer(client):
    by_get = client.get("/api/scenario", params=ISR_IRN).json()
    by_post = client.post("/api/scenario", json=ISR_IRN)
    assert by_post.status_code == 200 and by_post.json() == by_get


def test_scenario_accepts_names_in_any_language(client):
    named = client.get("/api/scenario", params={**ISR_IRN, "by": "Israel", "against": "Иран"}).json()
    assert named == client.get("/api/scenario", params=ISR_IRN).json()


def test_snapback_notification_carries_its_procedure_deadlines(client):
    data = client.post("/api/scenario", json={"event": "snapback-notification", "by": "E3", "on": "2025-08-28"}).json()
    assert data == cli_json("scenario", "--event", "snapback-notification", "--by", "E3", "--on", "2025-08-28")
    procedure = _treaty(data, "jcpoa-2015")["procedure"]
    deadlines = {d["id"]: d for d in procedure["deadlines"]}
    assert deadlines["termination-day"]["date"] == "2025-10-18" and deadlines["termination-day"]["citation"]


@pytest.mark.parametrize("params, status, body", [
    ({**ISR_IRN, "event": "agression"}, 422,
     {"error": "unknown event kind 'agression' (did you mean 'aggression'?)", "suggestion": "aggression"}),
    ({**ISR_IRN, "by": "Isreal"}, 422, {"error": "unknown party 'Isreal' (did you mean 'ISR'?) for 'by'", "suggestion": "ISR"}),
    ({**ISR_IRN, "on": "2025-02-30"}, 422, {"error": "bad date '2025-02-30' for 'on': expected YYYY-MM-DD"}),
    ({"event": "aggression"}, 422, {"error": "give 'by' and/or 'against': a scenario needs an acting or a targeted party"}),
])
def test_scenario_bad_input(client, params, status, body):
    for r in (client.get("/api/scenario", params=params), client.post("/api/scenario", json=params)):
        assert r.status_code == status
        got = r.json()
        got.pop("known", None)  # the list of event kinds; checked below
        assert got == body


def test_unknown_event_kind_without_a_near_one_lists_them_all(client):
    r = client.get("/api/scenario", params={**ISR_IRN, "event": "zzzzqq"})
    assert r.status_code == 422
    data = r.json()
    assert "suggestion" not in data and "aggression" in data["known"] and "snapback-notification" in data["error"]


def test_scenario_without_event_is_a_clear_422(client):
    r = client.get("/api/scenario", params={"by": "ISR"})
    assert r.status_code == 422
    assert r.json()["error"] == "invalid request: query parameter 'event': Field required"


IDS = ["rus-irn-2025", "rus-irn-2001", "rus-prk-2024", "nato-1949", "csto-1992"]


def test_compare_is_the_cli_compare(client):
    r = client.get("/api/compare", params={"ids": ",".join(IDS)})
    assert r.status_code == 200
    data = r.json()
    assert data == cli_json("compare", *IDS)
    assert data["types"]["nato-1949"]["defense"] is True and data["types"]["nato-1949"]["cited"]["defense"] == ["Art. 5"]
    assert data["types"]["rus-irn-2025"]["defense"] is False
    assert data["types"]["rus-irn-2025"]["cited"]["neutrality"] == ["Art. 3(3)"]


def test_compare_defaults_to_the_whole_catalog(client):
    everything = client.get("/api/compare").json()
    listed = [row["id"] for row in client.get("/api/treaties").json()]
    assert everything["treaties"] == listed and len(listed) >= 9


def test_compare_unknown_id_is_422_with_the_nearest(client):
    r = client.get("/api/compare", params={"ids": "rus-irn-2025, nato-1994"})
    assert r.status_code == 422
    assert r.json() == {"error": "unknown treaty 'nato-1994' (did you mean 'nato-1949'?)", "suggestion": "nato-1949"}
