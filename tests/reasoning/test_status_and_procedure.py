"""Contested status, status gaps (signature day, ratified awaiting entry into force, inferred renewals,
no leak of later knowledge), and the snapback procedure run with its conditions."""

from __future__ import annotations

import datetime as dt
import json

from typer.testing import CliRunner

from accord.interfaces.cli import app
from accord.knowledge.catalog import default_catalog
from accord.knowledge.model import EventKind
from accord.reasoning.lifecycle import status
from accord.reasoning.scenario import Event, run_scenario
from judging_context import CATALOG

D = dt.date.fromisoformat


def _status(tid, day):
    cat = default_catalog()
    return status(cat.treaty(tid), D(day), cat)


# --- class 2: contested ---------------------------------------------------------------------------

def test_contested_termination_is_answered_with_both_positions():
    st = _status("jcpoa-2015", "2025-10-20")
    assert st.in_force is None and st.contested and st.phase == "contested"
    holders = {tuple(p["actors"]): p["status"] for p in st.positions if p["question"].startswith("Did resolution 2231")}
    assert holders == {("FRA", "DEU", "GBR"): "sanctions_reimposed", ("IRN", "RUS", "CHN"): "terminated"}
    assert all(p["sources"] for p in st.positions)


def test_contest_starts_with_the_rejection_of_the_notification():
    assert not _status("jcpoa-2015", "2025-08-27").contested
    day_of = _status("jcpoa-2015", "2025-08-28")
    # contested, but both sides then still held resolution 2231 itself in force
    assert day_of.contested and day_of.in_force is True
    assert _status("jcpoa-2015", "2026-03-01").in_force is None


def test_contested_status_in_json_and_in_the_scenario_answer():
    out = CliRunner().invoke(app, ["status", "jcpoa-2015", "--on", "2025-11-01", "--json"])
    data = json.loads(out.stdout)
    assert data["in_force"] is None and data["contested"] is True and data["phase"] == "contested"
    r = run_scenario([Event(EventKind.unilateral_sanctions, "USA", "IRN", D("2025-11-01"))], None, CATALOG)
    jcpoa = r.answer("jcpoa-2015")
    assert jcpoa is not None and jcpoa.in_force is None and jcpoa.contested


# --- class 6: status gaps --------------------------------------------------------------------------

def test_ratification_treaty_on_its_signature_day_awaits_ratification():
    for tid, day in (("rus-irn-2001", "2001-03-12"), ("rus-prk-2024", "2024-06-19"), ("rus-irn-2025", "2025-01-17")):
        st = _status(tid, day)
        assert st.phase == "signed_awaiting_ratification" and st.in_force is False, tid


def test_ratified_by_both_awaiting_entry_into_force():
    assert _status("rus-blr-2024", "2025-03-05").phase == "ratified_awaiting_entry_into_force"
    assert _status("rus-blr-2024", "2025-03-01").phase == "signed_awaiting_ratification"  # Belarus not yet
    assert _status("rus-prk-2024", "2024-11-20").phase == "ratified_awaiting_entry_into_force"
    assert _status("rus-prk-2024", "2024-12-04").in_force is True


def test_recorded_renewals_infer_the_treaty_in_force_in_between():
    st = _status("rus-irn-2001", "2020-06-01")
    assert st.in_force is True and st.inferred is True and "renewals" in st.note
    assert _status("rus-irn-2001", "2003-01-01").in_force is None  # before the renewals prove anything
    out = CliRunner().invoke(app, ["status", "rus-irn-2001", "--on", "2020-06-01", "--json"])
    assert json.loads(out.stdout)["inferred"] is True


def test_a_past_date_does_not_know_the_successor():
    assert _status("rus-irn-2001", "2020-06-01").replaced_by is None
    signed = _status("rus-irn-2001", "2025-06-01")
    assert signed.replaced_by is None and "rus-irn-2025 signed" in signed.note
    assert _status("rus-irn-2001", "2025-10-02").replaced_by == "rus-irn-2025"


def test_future_renewal_terms_are_stated_as_unless_notice_is_given():
    st = _status("rus-irn-2025", "2047-01-01")
    assert st.term_index == 1 and "unless notice is given" in st.note and st.inferred
    assert "unless notice is given" in _status("rus-irn-2025", "2030-01-01").note


# --- class 3: snapback procedure --------------------------------------------------------------------

def _snap(by, day, against=None):
    return run_scenario([Event(EventKind.snapback_notification, by, against, D(day))], None, CATALOG).answer("jcpoa-2015")


def test_a_non_participant_cannot_notify_whether_or_not_a_target_is_given():
    for against in (None, "IRN"):
        answer = _snap("USA", "2020-08-20", against)
        assert answer is not None, against
        assert answer.procedure.available is False and "2018-05-08" in answer.procedure.reason
        assert answer.procedure.deadlines == [] and not [f for f in answer.findings if f.party == "UNSC"]


def test_a_window_running_past_termination_day_cannot_reimpose():
    answer = _snap("FRA", "2025-09-20")
    assert answer.procedure.available is True and answer.procedure.completes is False
    assert "reimposition" not in {d.id for d in answer.procedure.deadlines}


def test_after_termination_day_nothing_can_be_notified():
    answer = _snap("GBR", "2025-10-19")
    assert answer.procedure.available is False and answer.procedure.deadlines == []


def test_reimposition_is_automatic_and_cited_by_paragraph():
    answer = _snap("E3", "2025-08-28")
    assert not [f for f in answer.findings if f.action == "reimpose_sanctions"]  # nobody's duty
    assert {d.id: d.citation for d in answer.procedure.deadlines}["reimposition"].startswith("UNSCR 2231 para. 12")
    assert all("unnumbered" not in f.citation for f in answer.findings)
    assert {f.citation for f in answer.findings if f.action == "vote_on_continuation"} == {"UNSCR 2231 para. 11"}


def test_a_state_that_never_took_part_cannot_notify_and_a_participant_in_time_can():
    outsider = _snap("JPN", "2025-08-28")
    assert outsider.procedure.available is False and "JPN" in outsider.procedure.reason
    early = _snap("CHN", "2025-08-01")
    assert early.procedure.available is True and early.procedure.completes is True
    assert {d.id for d in early.procedure.deadlines} >= {"vote-window-end", "reimposition"}


def test_nothing_can_be_notified_before_the_instrument_exists():
    answer = _snap("FRA", "2014-01-01")
    assert answer.procedure.available is False and "did not exist yet" in answer.procedure.reason
