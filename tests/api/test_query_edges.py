"""Query parameters as pages and clients send them: repeated ids, comma lists, and invalid filters
answered with 422 naming the value and the valid choices."""

from __future__ import annotations

import html

import pytest
from fastapi.testclient import TestClient

from accord.interfaces.app import create_app


@pytest.fixture()
def api(tmp_path) -> TestClient:
    return TestClient(create_app(db_path=tmp_path / "accord.sqlite"))


@pytest.mark.parametrize("query", ["ids=rus-irn-2025&ids=rus-prk-2024", "ids=rus-irn-2025,rus-prk-2024",
                                   "ids=rus-irn-2025&ids=rus-prk-2024,rus-irn-2025", "ids=%20rus-irn-2025%20,&ids=rus-prk-2024"])
def test_compare_answers_for_every_id_given_repeated_or_comma_separated(api: TestClient, query: str):
    r = api.get(f"/api/compare?{query}")
    assert r.status_code == 200, r.text
    assert r.json()["treaties"] == ["rus-irn-2025", "rus-prk-2024"]


def test_compare_names_a_bad_id_among_repeated_ones(api: TestClient):
    r = api.get("/api/compare?ids=rus-irn-2025&ids=rus-irn-2052")
    assert r.status_code == 422 and "rus-irn-2052" in r.json()["error"] and r.json()["suggestion"] == "rus-irn-2025"


@pytest.mark.parametrize("query, value, choice", [("verdict=contradictd", "contradictd", "contradicted"),
                                                  ("type=mutual_defence", "mutual_defence", "mutual_defense"),
                                                  ("lang=xx", "xx", "ru"),
                                                  ("treaty=rus-irn-2052", "rus-irn-2052", "rus-irn-2025")])
def test_invalid_claim_filters_are_422_naming_the_value_and_the_choices(api: TestClient, query: str, value: str, choice: str):
    r = api.get(f"/api/claims?{query}")
    assert r.status_code == 422
    assert value in r.json()["error"] and choice in r.json()["error"]
    page = api.get(f"/claims?{query}", headers={"accept": "text/html"})
    assert page.status_code == 422
    alert = html.unescape(page.text[page.text.index('role="alert"'):][:2000])
    assert value in alert and choice in alert


def test_valid_claim_filters_still_answer_200(api: TestClient):
    assert api.get("/api/claims?verdict=contradicted&type=mutual_defense&lang=ru&treaty=rus-irn-2025").status_code == 200
    page = api.get("/claims?verdict=contradicted&type=mutual_defense&lang=ru&treaty=rus-irn-2025", headers={"accept": "text/html"})
    assert page.status_code == 200 and 'role="alert"' not in page.text
