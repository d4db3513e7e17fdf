"""Checks and scenarios are answered from memory when asked again on the same catalog and day,
and computed afresh when the day or the question changes; errors are never kept."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient

from accord.interfaces.answer_cache import AnswerCache
from accord.interfaces.app import create_app

TEXT = "Russia and Iran signed the treaty in Moscow on 17 January 2025; it obliges Russia to defend Iran."
SCENARIO = {"event": "aggression", "by": "ISR", "against": "IRN", "on": "2025-11-01"}


def test_the_cache_keeps_the_most_recently_used_answers_up_to_its_bound():
    cache = AnswerCache(entries=2)
    calls: list[str] = []

    def answer(key: str):
        return cache.get_or_compute(key, lambda: calls.append(key) or key.upper())

    assert [answer("a"), answer("b"), answer("a")] == ["A", "B", "A"]
    answer("c")  # evicts b, the least recently used
    assert answer("a") == "A" and answer("b") == "B"
    assert calls == ["a", "b", "c", "b"] and len(cache) == 2


def test_a_repeated_check_is_answered_from_memory_and_a_new_day_recomputes(tmp_path):
    day = {"today": dt.date(2026, 1, 10)}
    app = create_app(db_path=tmp_path / "s.sqlite", clock=lambda: day["today"])
    with TestClient(app) as client:
        answers = app.state.answers
        first = client.post("/api/check", json={"text": TEXT})
        misses = answers.misses
        again = client.post("/api/check", json={"text": TEXT})
        assert first.status_code == again.status_code == 200 and again.json() == first.json()
        assert {c["verdict"] for c in first.json()} >= {"supported", "contradicted"}
        assert answers.misses == misses and answers.hits >= 1
        assert client.post("/api/check", json={"text": TEXT, "lang": "en"}).json() == first.json()
        assert answers.misses == misses + 1  # another question (the language given) is another key
        day["today"] = dt.date(2026, 1, 11)
        assert client.post("/api/check", json={"text": TEXT}).status_code == 200
        assert answers.misses == misses + 2


def test_a_repeated_scenario_is_answered_from_memory_and_errors_are_not_kept(tmp_path):
    app = create_app(db_path=tmp_path / "s.sqlite", clock=lambda: dt.date(2026, 1, 10))
    with TestClient(app) as client:
        answers = app.state.answers
        get = client.get("/api/scenario", params=SCENARIO)
        kept = len(answers)
        post = client.post("/api/scenario", json=SCENARIO)
        assert get.status_code == post.status_code == 200 and get.json() == post.json()
        assert len(answers) == kept and answers.hits >= 1  # GET and POST ask the same question
        other = client.get("/api/scenario", params={**SCENARIO, "on": "2024-11-01"})
        assert other.status_code == 200 and other.json() != get.json() and len(answers) == kept + 1
        for _ in range(2):
            bad = client.get("/api/scenario", params={**SCENARIO, "by": "ISX"})
            assert bad.status_code == 422 and "ISX" in bad.json()["error"]
        assert len(answers) == kept + 1
