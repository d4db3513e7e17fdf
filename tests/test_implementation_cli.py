"""`accord implementation`, `accord events`, `accord scenario --evidence` and `accord eval` on an
implementation file, over the shared coverage and the shared implementation annotations."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from accord.interfaces.cli import app

from shared_data import shared_path

runner = CliRunner()


@pytest.fixture(scope="module")
def implementation_file() -> Path:
    return shared_path("implementation/dev.jsonl")


@pytest.fixture(scope="module")
def store(tmp_path_factory, implementation_file) -> Path:
    path = tmp_path_factory.mktemp("impl") / "store.sqlite"
    files = sorted(str(p) for p in shared_path("corpus").glob("*.jsonl")) + [str(implementation_file)]
    result = runner.invoke(app, ["ingest", "--db", str(path), *files])
    assert result.exit_code == 0, result.output
    return path


def run_json(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.slow
def test_the_flagship_tracker_finds_the_main_lines_of_implementation(store):
    report = run_json("implementation", "rus-irn-2025", "--db", str(store), "--json")
    by = {p["provision"]: p for p in report["provisions"]}
    for provision in ("joint_exercises", "nuclear_energy", "payments", "transport_corridors"):
        item = by[provision]
        assert item["level"] >= 1 and item["events"], provision
        assert all(s["quote"] and s["doc_id"] for e in item["events"] for s in e["sources"])
        dates = [e["event_date"] for e in item["events"] if e["event_date"]]
        assert dates == sorted(dates)
    art33 = by["3(3)"]
    assert art33["level"] is None and art33["finding"] == "no duty to act; no evidence of breach"
    assert [(p["start"], p["end"]) for p in art33["periods_examined"]] == [("2025-06-13", "2025-06-24"), ("2026-02-28", "2026-03-12")]
    assert any(r["status"] == "not_done" for p in art33["periods_examined"] for r in p["reports"])


@pytest.mark.slow
def test_one_provision_since_a_day(store):
    report = run_json("implementation", "rus-irn-2025", "--provision", "joint_exercises", "--since", "2026-01-01",
                      "--db", str(store), "--json")
    [item] = report["provisions"]
    assert item["events"] and all(e["event_date"] >= "2026-01" for e in item["events"])


@pytest.mark.slow
def test_scenario_evidence_shows_the_reported_non_assistance_next_to_the_negative(store):
    out = run_json("scenario", "--event", "aggression", "--by", "ISR", "--against", "IRN", "--on", "2025-06-13",
                   "--evidence", "--db", str(store), "--json")
    negatives = [f for f in out["evidence"]["findings"] if f["kind"] == "negative" and f["party"] == "RUS"]
    assert negatives
    for finding in negatives:
        assert finding["reading"].startswith("no evidence of breach") and "complied" not in finding["reading"]
        assert any(r["provision"] == "3(3)" and r["status"] == "not_done" for r in finding["reports"])
    text = runner.invoke(app, ["scenario", "--event", "aggression", "--by", "ISR", "--against", "IRN", "--on", "2025-06-13",
                               "--evidence", "--db", str(store)]).stdout
    assert "no evidence of breach" in text


@pytest.mark.slow
def test_events_export_loads_in_pandas_as_it_is(store):
    report = run_json("implementation", "rus-irn-2025", "--db", str(store), "--json")
    count = sum(len(p["events"]) for p in report["provisions"])
    csv_text = runner.invoke(app, ["events", "rus-irn-2025", "--db", str(store)]).stdout
    frame = pd.read_csv(io.StringIO(csv_text))
    assert len(frame) == count
    assert list(frame.columns[:6]) == ["treaty", "provision", "type", "actors", "event_date", "status"]
    assert frame["independent_sources"].dtype.kind == "i" and (frame["independent_sources"] >= 1).all()
    records = pd.read_json(io.StringIO(runner.invoke(app, ["events", "rus-irn-2025", "--format", "json", "--db", str(store)]).stdout))
    assert len(records) == count and isinstance(records.loc[0, "quotes"], list)


def test_bad_input_gets_one_line_and_exit_2(tmp_path):
    db = str(tmp_path / "empty.sqlite")
    for args, words in ((["implementation", "rus-irn-2052"], "did you mean 'rus-irn-2025'"),
                        (["implementation", "rus-irn-2025", "--provision", "3.3"], "unknown provision"),
                        (["implementation", "rus-irn-2025", "--since", "2025-02-31"], "bad date"),
                        (["events", "rus-irn-2025", "--format", "xlsx"], "unknown format")):
        result = runner.invoke(app, [*args, "--db", db])
        assert result.exit_code == 2 and words in result.output, (args, result.output)


@pytest.mark.slow
def test_event_extraction_quality_on_the_dev_file(implementation_file):
    report = run_json("eval", str(implementation_file), "--json")
    assert report["documents"] == 50
    events = report["events"]
    assert events["f1"] >= 0.70 and events["provision_accuracy"] >= 0.85 and events["status_accuracy"] >= 0.80
    assert events["date_accuracy"] >= 0.80
    non_en = [c for lang, c in report["by_lang"].items() if lang != "en"]
    tp, fp, fn = (sum(c[k] for c in non_en) for k in ("tp", "fp", "fn"))
    assert 2 * tp / (2 * tp + fp + fn) >= 0.60
    assert set(report) == {"documents", "events", "by_type", "by_provision", "by_lang", "misses", "false_alarms"}


def test_bad_dates_and_merged_reports_neither_crash_the_tracker_nor_invent_an_event(tmp_path):
    docs = [  # an impossible day; a weekday with no publication date; one drill reported by two outlets
        {"id": "feb31", "url": "https://a.example/x", "published": "2026-03-08", "outlet": "A",
         "text": "Russia and Iran held a joint naval exercise in the Caspian Sea on 31 February."},
        {"id": "monday", "url": "https://b.example/x", "outlet": "B",
         "text": "Iran and Russia conducted a joint naval exercise on Monday in the Caspian Sea."},
        {"id": "one", "url": "https://c.example/x", "published": "2025-07-21", "outlet": "C",
         "text": "Joint Russian-Iranian naval exercises have commenced in the Caspian Sea on July 21."},
        {"id": "two", "url": "https://d.example/x", "published": "2025-07-22", "outlet": "D",
         "text": "Headline\n\nThe navies of Iran and Russia began a joint naval exercise in the Caspian Sea on 21 July 2025."},
    ]
    source = tmp_path / "docs.jsonl"
    source.write_text("\n".join(json.dumps(d) for d in docs), encoding="utf-8")
    db = str(tmp_path / "store.sqlite")
    assert runner.invoke(app, ["ingest", "--db", db, str(source)]).exit_code == 0
    report = run_json("implementation", "rus-irn-2025", "--provision", "joint_exercises", "--db", db, "--json")
    [item] = report["provisions"]
    by_doc = {s["doc_id"]: e for e in item["events"] for s in e["sources"]}
    assert set(by_doc) == {"feb31", "monday", "one", "two"}  # one event per report, none made up
    assert by_doc["feb31"]["event_date"] is None and by_doc["monday"]["event_date"] is None
    assert any("impossible date" in n for n in by_doc["feb31"]["date_notes"])
    assert any("no publication date" in n for n in by_doc["monday"]["date_notes"])
    merged = by_doc["one"]
    assert merged is by_doc["two"] and merged["event_date"] == "2025-07-21" and merged["independent_sources"] == 2
    texts = {d["id"]: d["text"] for d in docs}
    for s in merged["sources"]:  # each quote lies within its own document
        assert s["quote"] in texts[s["doc_id"]]


def test_the_cli_lists_every_event_unless_asked_for_fewer(store):
    whole = run_json("implementation", "rus-irn-2025", "--db", str(store), "--json")
    assert all(p["events_total"] == len(p["events"]) for p in whole["provisions"])
    cut = run_json("implementation", "rus-irn-2025", "--db", str(store), "--events", "1", "--json")
    assert all(len(p["events"]) == min(1, p["events_total"]) for p in cut["provisions"])
    assert [p["level"] for p in cut["provisions"]] == [p["level"] for p in whole["provisions"]]
    bad = runner.invoke(app, ["implementation", "rus-irn-2025", "--db", str(store), "--events", "-3"])
    assert bad.exit_code == 2 and "--events" in bad.output
    one = run_json("implementation", "rus-irn-2025", "--db", str(store), "--sources", "1", "--json")
    assert all(len(e["sources"]) == 1 and e["sources_total"] >= 1 for p in one["provisions"] for e in p["events"])
    assert [len(p["events"]) for p in one["provisions"]] == [len(p["events"]) for p in whole["provisions"]]
