"""The scenario API takes where and weapons like the CLI, and rejects bad values with the nearest one."""

from __future__ import annotations

from .conftest import cli_json

MALI = {"event": "armed-attack", "by": "RUS", "against": "FRA", "where": "MLI", "on": "2026-01-01"}


def test_where_and_weapons_over_http_are_the_cli_answer(client):
    for r in (client.get("/api/scenario", params=MALI), client.post("/api/scenario", json=MALI)):
        assert r.status_code == 200
        assert r.json() == cli_json("scenario", "--event", "armed-attack", "--by", "RUS", "--against", "FRA",
                                    "--where", "MLI", "--on", "2026-01-01")
    nuke = client.get("/api/scenario", params={"event": "aggression", "by": "POL", "against": "BLR", "on": "2026-01-01",
                                               "weapons": "chemical"}).json()
    blr = next(t for t in nuke["treaties"] if t["treaty"] == "rus-blr-2024")
    assert any(f["kind"] == "permission" and f["action"] == "nuclear_deterrence" for f in blr["findings"])


def test_bad_where_and_weapons_are_422_with_the_nearest_value(client):
    r = client.get("/api/scenario", params={**MALI, "weapons": "nucler"})
    assert r.status_code == 422 and r.json()["suggestion"] == "nuclear"
    r = client.get("/api/scenario", params={**MALI, "where": "Malli"})
    assert r.status_code == 422 and "where" in r.json()["error"]
