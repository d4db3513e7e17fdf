"""POST /api/check: the claims a text makes, each judged against the catalog, as `accord check --json`."""

from __future__ import annotations

import pytest

from accord.press.claims import SUPPORTED_LANGUAGES

from .conftest import cli_json

PACKS = ", ".join(sorted(SUPPORTED_LANGUAGES))
HEBREW = "האמנה בין רוסיה לאיראן נחתמה במוסקבה ב-17 בינואר 2025 על ידי שני הנשיאים."

EN = "The treaty obliges Russia to defend Iran militarily if it is attacked."
RU = "Договор между Россией и Ираном заключён сроком на 20 лет и не предусматривает взаимной обороны."


def test_english_claim_is_contradicted_citing_the_article(client):
    r = client.post("/api/check", json={"text": EN})
    assert r.status_code == 200
    claims = r.json()
    assert claims == cli_json("check", EN)
    defence = next(c for c in claims if c["type"] == "mutual_defense")
    assert (defence["treaty"], defence["value"], defence["verdict"]) == ("rus-irn-2025", True, "contradicted")
    assert defence["citation"] == "rus-irn-2025 Art. 3(3)" and defence["sources"]
    assert EN[defence["start"]:defence["end"]] == defence["quote"]


def test_russian_claims_are_supported(client):
    claims = client.post("/api/check", json={"text": RU, "lang": "ru"}).json()
    assert claims == cli_json("check", RU, "--lang", "ru")
    verdicts = {(c["type"], c["value"]): c["verdict"] for c in claims}
    assert verdicts[("duration_years", 20)] == "supported"
    assert verdicts[("mutual_defense", False)] == "supported"
    assert all(c["lang"] == "ru" for c in claims)


def test_a_text_without_claims_is_an_empty_list(client):
    r = client.post("/api/check", json={"text": "The weather in Moscow was mild this week."})
    assert r.status_code == 200 and r.json() == []


@pytest.mark.parametrize("body, message", [
    ({"text": "   "}, "nothing to check: the text is empty"),
    ({"text": EN, "lang": "he"}, f"unsupported language 'he' for 'lang': claims are extracted from {PACKS} text"),
    ({"text": HEBREW}, f"claims are extracted from {PACKS} text; this text is 'he' and is not analysed"),
    ({"lang": "en"}, "invalid request: body field 'text': Field required"),
    ({"text": 42}, "invalid request: body field 'text': Input should be a valid string, got 42"),
])
def test_bad_check_input_is_422_naming_the_problem(client, body, message):
    r = client.post("/api/check", json=body)
    assert r.status_code == 422
    assert r.json()["error"] == message


def test_malformed_json_is_422_not_500(client):
    r = client.post("/api/check", content=b'{"text": "unterminated', headers={"content-type": "application/json"})
    assert r.status_code == 422
    assert r.json()["error"].startswith("the request body is not valid JSON")


def test_a_long_text_is_checked_like_a_short_one(client):
    # over the size checked on the event loop: the thread pool path must give the same answer
    filler = "Trade between the two countries grew last year. " * 90
    text = filler + EN
    assert len(text) > 4_000
    claims = client.post("/api/check", json={"text": text}).json()
    defence = next(c for c in claims if c["type"] == "mutual_defense")
    assert defence["verdict"] == "contradicted" and text[defence["start"]:defence["end"]] == defence["quote"]
