"""Scenario engine: role binding, negatives, not-in-force reporting, snapback deadlines, JSON and CLI."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from accord.interfaces.cli import app
from accord.knowledge.catalog import default_catalog
from accord.knowledge.model import EventKind
from accord.reasoning.scenario import Event, run_scenario
from accord.reasoning.snapback import timeline
from judging_context import CATALOG

D = dt.date.fromisoformat
K = EventKind


def _run(kind, actor, target, day):
    return run_scenario([Event(K(kind), actor, target, D(day))], None, CATALOG)


def _of(result, treaty, party=None, kind=None):
    answer = result.answer(treaty)
    assert answer is not None, f"{treaty} missing"
    return [f for f in answer.findings if (party is None or f.party == party) and (kind is None or f.kind == kind)]


def test_third_state_attack_on_iran_binds_russia_to_non_assistance_not_defence():
    r = _run("aggression", "ISR", "IRN", "2025-11-01")
    prohibitions = _of(r, "rus-irn-2025", "RUS", "prohibition")
    assert {(f.action, f.citation, f.counterparty) for f in prohibitions} >= {("assist_aggressor", "Art. 3(3)", "ISR")}
    assert not [f for f in _of(r, "rus-irn-2025", "RUS", "duty") if f.action == "provide_military_assistance"]
    negative = _of(r, "rus-irn-2025", "RUS", "negative")
    assert negative and "no provision of rus-irn-2025 obliges RUS to give military assistance to IRN" in negative[0].text
    assert "Art. 3(3)" in negative[0].because
    # the victim bears no duty toward itself under Art. 3(3)
    assert not [f for f in _of(r, "rus-irn-2025", "IRN") if f.action == "assist_aggressor"]


def test_armed_attack_and_aggression_are_one_family():
    a = _run("armed-attack", "ISR", "IRN", "2025-11-01")
    b = _run("aggression", "ISR", "IRN", "2025-11-01")
    assert [f.action for f in _of(a, "rus-irn-2025", "RUS")] == [f.action for f in _of(b, "rus-irn-2025", "RUS")]


def test_before_entry_into_force_the_predecessor_answers():
    r = _run("aggression", "ISR", "IRN", "2025-06-13")
    new = r.answer("rus-irn-2025")
    assert new.in_force is False and not new.findings and "rus-irn-2001" in new.note
    old = r.answer("rus-irn-2001")
    assert old.in_force is True
    assert any(f.action == "assist_aggressor" and f.confidence == "low" for f in old.findings)
    # the day before and the day of entry into force
    assert _run("aggression", "ISR", "IRN", "2025-10-01").answer("rus-irn-2025").in_force is False
    r2 = _run("aggression", "ISR", "IRN", "2025-10-02")
    assert r2.answer("rus-irn-2025").in_force is True and r2.answer("rus-irn-2001") is None


def test_attacker_that_is_a_party_bears_nothing_and_others_still_defend():
    r = _run("aggression", "ARM", "KAZ", "2026-01-01")
    answer = r.answer("csto-1992")
    assert "is itself a party" in answer.note
    # the attacker bears no duty; what it bears is the breach of the no-force article
    assert {(f.kind, f.citation, f.counterparty) for f in _of(r, "csto-1992", "ARM")} == {("breach", "Art. 1", "KAZ")}
    assert any(f.action == "provide_military_assistance" and f.counterparty == "KAZ" for f in _of(r, "csto-1992", "RUS", "duty"))


def test_victim_outside_the_treaty_triggers_nothing():
    r = _run("armed-attack", "RUS", "UKR", "2025-01-01")
    assert r.answer("nato-1949") is None  # neither party is a NATO member
    r = _run("armed-attack", "USA", "IRN", "2025-11-01")
    nato = r.answer("nato-1949")
    assert nato is not None and not nato.findings  # the attacker is a member, the victim is not


def test_membership_on_the_day_decides():
    before = _run("armed-attack", "RUS", "FIN", "2023-04-03")
    after = _run("armed-attack", "RUS", "FIN", "2023-04-04")
    assert before.answer("nato-1949") is None
    assert any(f.action == "provide_military_assistance" for f in _of(after, "nato-1949", "USA", "duty"))


def test_sanctions_bind_by_role():
    r = _run("unilateral-sanctions", "USA", "IRN", "2026-01-10")
    actions = {(f.kind, f.action, f.counterparty) for f in _of(r, "rus-irn-2025", "RUS")}
    assert ("prohibition", "join_sanctions_against", "IRN") in actions
    assert ("negative", "apply_coercive_measures_against", "USA") in actions
    # sanctions by a party on the other do not trigger the third-state clause
    inner = _run("unilateral-sanctions", "RUS", "IRN", "2026-01-10")
    assert not [f for f in _of(inner, "rus-irn-2025") if f.action == "join_sanctions_against"]


def test_group_actor_expands_for_the_snapback_and_yields_deadlines():
    r = _run("snapback-notification", "E3", None, "2025-08-28")
    proc = r.answer("jcpoa-2015").procedure
    dates = {d.id: d.date.isoformat() for d in proc.deadlines}
    assert dates["vote-window-end"] == "2025-09-27" and dates["draft-deadline"] == "2025-09-07"
    assert dates["termination-day"] == "2025-10-18" and proc.available is True


def test_snapback_state_machine_boundaries():
    proc = default_catalog().treaty("jcpoa-2015").procedures[0]
    tl = timeline(proc, D("2025-08-28"))
    assert [tl.phase_on(D(d)) for d in ("2025-08-27", "2025-08-28", "2025-09-27", "2025-09-28", "2025-10-17", "2025-10-18")] == [
        "not_notified", "notified", "window_open", "window_closed", "window_closed", "lapsed"]
    late = timeline(proc, D("2025-10-18"))
    assert late.available is False and late.phase_on(D("2025-10-20")) == "unavailable"


def test_scenario_json_keys():
    out = CliRunner().invoke(app, ["scenario", "--event", "aggression", "--by", "ISR", "--against", "IRN", "--on", "2025-11-01", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert set(data) >= {"as_of", "events", "treaties"}
    entry = next(t for t in data["treaties"] if t["treaty"] == "rus-irn-2025")
    assert set(entry) >= {"treaty", "in_force", "note", "findings"}
    for f in entry["findings"]:
        assert set(f) >= {"party", "kind", "action", "counterparty", "article", "paragraph", "text"}
        assert f["kind"] in {"duty", "prohibition", "permission", "negative"}
    art33 = next(f for f in entry["findings"] if f["action"] == "assist_aggressor")
    assert (art33["article"], art33["paragraph"]) == (3, "3")


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--event", "agression", "--by", "ISR", "--against", "IRN"], "did you mean 'aggression'"),
        (["--event", "aggression", "--by", "Isreal", "--against", "IRN"], "did you mean 'ISR'"),
        (["--event", "aggression", "--by", "ISR", "--against", "IRN", "--on", "2025-02-30"], "bad date"),
        (["--event", "aggression"], "--by"),
    ],
)
def test_scenario_cli_errors(args, fragment):
    out = CliRunner().invoke(app, ["scenario", *args])
    assert out.exit_code == 2 and fragment in out.output
