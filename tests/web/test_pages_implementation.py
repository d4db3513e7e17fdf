"""Implementation pages and API: provisions against time with cells linking to evidence, one page
per provision, and the JSON of `accord implementation`, over the shared implementation file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from accord.interfaces.app import create_app
from accord.services.ingest import ingest
from accord.services.store import Store

from judging_context import JUDGING
from shared_data import shared_path


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    db = tmp_path_factory.mktemp("impl-web") / "store.sqlite"
    with Store(db) as store:
        ingest([shared_path("implementation/dev.jsonl")], store, JUDGING, workers=1)
    with TestClient(create_app(db_path=db)) as c:
        yield c


@pytest.mark.slow
def test_the_treaty_page_draws_provisions_against_months_with_linked_cells(client):
    r = client.get("/treaties/rus-irn-2025/implementation", headers={"accept": "text/html"})
    assert r.status_code == 200
    svg = r.text[r.text.index("<svg"):r.text.index("</svg>")]
    assert 'role="group"' in svg and "<title" in svg and "<desc" in svg
    cells = re.findall(r'<a href="(/treaties/rus-irn-2025/implementation/[^"#]+)#m-(\d{4}-\d\d)" aria-label="([^"]+)"', svg)
    assert cells and any("joint exercises" in label for _, _, label in cells)
    href, month, _ = next(c for c in cells if c[0].endswith("/joint_exercises"))
    page = client.get(href, headers={"accept": "text/html"})
    assert page.status_code == 200 and f'id="m-{month}"' in page.text  # the cell's link lands on its evidence
    assert "level" in r.text and "no duty to act" in r.text


@pytest.mark.slow
def test_the_provision_page_lists_evidence_and_periods(client):
    page = client.get("/treaties/rus-irn-2025/implementation/3(3)", headers={"accept": "text/html"})
    assert page.status_code == 200
    assert "no duty to act; no evidence of breach" in page.text and "Periods examined" in page.text
    assert "<q>" in page.text and "/documents/" in page.text


@pytest.mark.slow
def test_the_api_gives_the_report_and_names_bad_input(client):
    data = client.get("/api/treaties/rus-irn-2025/implementation", params={"provision": "nuclear_energy"}).json()
    [item] = data["provisions"]
    assert item["level"] >= 1 and item["events"]
    bad = client.get("/api/treaties/rus-irn-2025/implementation", params={"provision": "nuclear"})
    assert bad.status_code == 422 and bad.json()["suggestion"] == "nuclear_energy"
    missing = client.get("/treaties/rus-irn-2052/implementation", headers={"accept": "text/html"})
    assert missing.status_code == 404 and "rus-irn-2025" in missing.text


@pytest.mark.slow
def test_the_api_lists_at_most_the_asked_number_of_events_and_says_how_many_there_are(client):
    url = "/api/treaties/rus-irn-2025/implementation"
    whole = client.get(url, params={"events": 1000}).json()
    assert all(p["events_total"] == len(p["events"]) for p in whole["provisions"])
    busiest = max(whole["provisions"], key=lambda p: p["events_total"])
    assert busiest["events_total"] > 2  # the shared file gives some provision more events than the cut below
    cut = client.get(url, params={"events": 2}).json()
    assert [p["provision"] for p in cut["provisions"]] == [p["provision"] for p in whole["provisions"]]
    for short, full in zip(cut["provisions"], whole["provisions"]):
        assert len(short["events"]) == min(2, full["events_total"]) and short["events_total"] == full["events_total"]
        assert (short["level"], short["finding"], short["rule"]) == (full["level"], full["finding"], full["rule"])
        assert all(e in full["events"] for e in short["events"])
        assert short["events"] == full["events"][len(full["events"]) - len(short["events"]):] or \
            all(e["event_date"] is not None for e in short["events"])  # undated events are the first to go
    default = client.get(url).json()
    assert max(len(p["events"]) for p in default["provisions"]) <= 20
    one = client.get(url, params={"provision": busiest["provision"], "events": 1000}).json()
    assert one["provisions"][0]["events"] == busiest["events"]  # a provision's whole list, on asking
    for name, bad in (("events", "-1"), ("events", "1001"), ("events", "many"), ("sources", "0"), ("sources", "1001")):
        r = client.get(url, params={name: bad})
        assert r.status_code == 422 and f"'{name}'" in r.json()["error"]


@pytest.mark.slow
def test_the_api_lists_at_most_the_asked_number_of_reports_per_event(client):
    url = "/api/treaties/rus-irn-2025/implementation"
    whole = client.get(url, params={"events": 1000, "sources": 1000}).json()
    events = [e for p in whole["provisions"] for e in p["events"]]
    assert all(e["sources_total"] == len(e["sources"]) for e in events)
    assert max(e["sources_total"] for e in events) > 1  # some event of the shared file has several reports
    cut = client.get(url, params={"events": 1000, "sources": 1}).json()
    for short, full in zip(cut["provisions"], whole["provisions"]):
        assert (short["level"], short["independent_sources"]) == (full["level"], full["independent_sources"])
        for e, f in zip(short["events"], full["events"]):
            assert len(e["sources"]) == 1 and e["sources"][0] in f["sources"]
            assert (e["sources_total"], e["independent_sources"]) == (f["sources_total"], f["independent_sources"])


def test_the_report_is_tracked_once_per_store_version_and_a_write_shows_at_once(tmp_path: Path):
    import json

    db = tmp_path / "store.sqlite"
    Store(db).close()
    lines = shared_path("implementation/dev.jsonl").read_text(encoding="utf-8").splitlines()[:6]
    part = tmp_path / "part.jsonl"
    part.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with TestClient(create_app(db_path=db, response_cache_bytes=0)) as c:
        empty = c.get("/api/treaties/rus-irn-2025/implementation").json()
        assert not any(p["events"] for p in empty["provisions"])
        c.get("/treaties/rus-irn-2025/implementation", headers={"accept": "text/html"})
        kept = c.app.state.reports
        assert (kept.misses, kept.hits) == (1, 1)  # the page reused the API's report
        with Store(db) as store:  # another writer: the store's write version moves
            ingest([part], store, JUDGING, workers=1)
        after = c.get("/api/treaties/rus-irn-2025/implementation").json()
        assert any(p["events"] for p in after["provisions"]) and kept.misses == 2
        assert json.loads(c.get("/api/treaties/rus-irn-2025/implementation").content) == after


@pytest.mark.slow
def test_the_provision_page_lists_an_events_latest_reports_and_says_how_many_more(client, monkeypatch):
    from accord.interfaces.web import pages_implementation

    data = client.get("/api/treaties/rus-irn-2025/implementation", params={"sources": 1000}).json()
    item, event = next((p, e) for p in data["provisions"] for e in p["events"] if e["sources_total"] >= 2)
    monkeypatch.setattr(pages_implementation, "REPORTS_SHOWN", 1)
    with TestClient(create_app(db_path=client.app.state.settings.db_path, response_cache_bytes=0)) as fresh:  # no page kept
        page = fresh.get(f"/treaties/rus-irn-2025/implementation/{item['provision']}", headers={"accept": "text/html"}).text
    sections = re.findall(r'<section class="event".*?</section>', page, re.S)
    assert len(sections) == len(item["events"])
    assert all(s.count("<q>") == 1 for s in sections)
    more = event["sources_total"] - 1
    assert f"{more} more report{'s' if more > 1 else ''} of this event" in page
