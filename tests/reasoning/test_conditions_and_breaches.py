"""Conditions on triggers (place, attacker, weapons), breaches by the acting party, any ISO state as a party."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from accord.interfaces.cli import app
from accord.knowledge.catalog import LookupFailed, default_catalog
from accord.knowledge.model import EventKind, Weapons
from accord.reasoning.scenario import Event, run_scenario
from judging_context import CATALOG

D = dt.date.fromisoformat


def _run(kind, actor, target, day, where=None, weapons=None):
    return run_scenario([Event(EventKind(kind), actor, target, D(day), where, Weapons(weapons) if weapons else None)], None, CATALOG)


def _of(result, treaty, party=None, kind=None, action=None):
    answer = result.answer(treaty)
    assert answer is not None, f"{treaty} missing"
    return [f for f in answer.findings
            if (party is None or f.party == party) and (kind is None or f.kind == kind) and (action is None or f.action == action)]


# --- class 1: conditions --------------------------------------------------------------------------

def test_nato_attack_on_french_forces_in_mali_is_outside_article_6():
    r = _run("armed-attack", "RUS", "FRA", "2026-01-01", where="MLI")
    assert not _of(r, "nato-1949", "USA", "duty", "provide_military_assistance")
    neg = _of(r, "nato-1949", "USA", "negative", "provide_military_assistance")
    assert neg and "Art. 6" in neg[0].condition and "MLI" in neg[0].text


def test_nato_attack_on_home_territory_holds_with_who_decides_attached():
    r = _run("armed-attack", "RUS", "EST", "2026-01-01")
    duty = _of(r, "nato-1949", "DEU", "duty", "provide_military_assistance")
    assert duty and duty[0].citation == "Art. 5"
    assert any(c["kind"] == "decision" and c["citation"] == "Art. 5" for c in duty[0].conditions)
    assert any(c["kind"] == "place" and c["holds"] is True for c in duty[0].conditions)


@pytest.mark.parametrize("where, expected", [
    ("FLK", "negative"),          # the Falklands: south of the Tropic of Cancer, not covered
    ("north-atlantic", "duty"),   # a ship in the North Atlantic
    ("Mediterranean", "duty"),
    ("south-china-sea", "negative"),
    ("black-sea", "conditional"),  # whether it counts as part of the Mediterranean is interpretation
    ("BMU", "duty"),              # an island under a party's jurisdiction north of the Tropic
])
def test_nato_place_of_the_attack_decides(where, expected):
    r = _run("armed-attack", "ARG", "GBR", "2026-01-01", where=where)
    kinds = {f.kind for f in _of(r, "nato-1949", "USA", action="provide_military_assistance")}
    assert kinds == {expected}


def test_belarus_nuclear_permission_is_conditional_without_weapons_and_holds_for_wmd():
    r = _run("aggression", "POL", "BLR", "2026-01-01")
    nuke = _of(r, "rus-blr-2024", "RUS", action="nuclear_deterrence")
    assert [f.kind for f in nuke] == ["conditional"] and nuke[0].if_met == "permission"
    assert "weapons of mass destruction" in nuke[0].condition
    held = _of(_run("aggression", "POL", "BLR", "2026-01-01", weapons="chemical"), "rus-blr-2024", "RUS", action="nuclear_deterrence")
    assert [f.kind for f in held] == ["permission"]
    # conventional aggression: only the threshold could open it, and the event cannot settle it
    conv = _of(_run("aggression", "POL", "BLR", "2026-01-01", weapons="conventional"), "rus-blr-2024", "RUS", action="nuclear_deterrence")
    assert [f.kind for f in conv] == ["conditional"] and "critically threatens" in conv[0].conditions[0]["why"]


def test_dprk_article_4_needs_an_attack_by_a_state():
    by_state = _run("armed-attack", "KOR", "PRK", "2025-03-01")
    assert _of(by_state, "rus-prk-2024", "RUS", "duty", "provide_military_assistance")
    by_group = _run("armed-attack", "an armed group", "PRK", "2025-03-01")
    assert not _of(by_group, "rus-prk-2024", "RUS", "duty", "provide_military_assistance")
    neg = _of(by_group, "rus-prk-2024", "RUS", "negative", "provide_military_assistance")
    assert neg and "non-state" in neg[0].text and "Art. 4" in neg[0].condition


def test_cli_where_and_weapons_options_and_bad_values():
    runner = CliRunner()
    out = runner.invoke(app, ["scenario", "--event", "armed-attack", "--by", "RUS", "--against", "FRA",
                              "--where", "MLI", "--on", "2026-01-01", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["events"][0]["where"] == "MLI"
    nato = next(t for t in data["treaties"] if t["treaty"] == "nato-1949")
    assert not [f for f in nato["findings"] if f["kind"] == "duty" and f["action"] == "provide_military_assistance"]
    bad = runner.invoke(app, ["scenario", "--event", "aggression", "--by", "POL", "--against", "BLR", "--weapons", "nuclaer"])
    assert bad.exit_code == 2 and "nuclear" in bad.output and len(bad.output.strip().splitlines()) == 1


# --- class 4: breaches ------------------------------------------------------------------------------

def test_a_party_sanctioning_its_partner_breaches_the_treaty():
    r = _run("unilateral-sanctions", "RUS", "IRN", "2026-01-01")
    breaches = _of(r, "rus-irn-2025", "RUS", "breach")
    assert {f.action for f in breaches} >= {"apply_coercive_measures_against"}
    assert all(f.counterparty == "IRN" for f in breaches)
    # the victim owes its sanctioner nothing under the sanctioner's own act
    assert not [f for f in _of(r, "rus-irn-2025", "IRN") if f.counterparty == "RUS" and f.kind != "negative"]


def test_a_nato_member_attacking_another_breaches_article_1_and_others_defend_the_victim():
    r = _run("armed-attack", "TUR", "GRC", "2026-01-01")
    assert {(f.citation, f.counterparty) for f in _of(r, "nato-1949", "TUR", "breach")} == {("Art. 1", "GRC")}
    assert _of(r, "nato-1949", "ITA", "duty", "provide_military_assistance")
    assert not _of(r, "nato-1949", "TUR", "duty")


def test_russia_attacking_iran_breaches_article_3_1_and_iran_owes_russia_nothing():
    r = _run("aggression", "RUS", "IRN", "2026-01-01")
    assert "Art. 3(1)" in {f.citation for f in _of(r, "rus-irn-2025", "RUS", "breach")}
    assert not [f for f in _of(r, "rus-irn-2025", "IRN") if f.counterparty == "RUS"]


# --- class 7: any ISO state, groups, non-state actors ------------------------------------------------

def test_any_iso_state_is_accepted_and_never_replaced_by_another():
    cat = default_catalog()
    assert cat.party("IRQ").code == "IRQ" and cat.party("Iraq").code == "IRQ" and cat.party("URY").code == "URY"
    out = CliRunner().invoke(app, ["scenario", "--event", "aggression", "--by", "IRQ", "--against", "KWT", "--on", "2026-01-01"])
    assert out.exit_code == 0 and "did you mean" not in out.output
    with pytest.raises(LookupFailed) as err:
        cat.party("IRQQ")
    assert err.value.suggestion == "IRQ"


def test_groups_are_member_sets_on_the_day():
    cat = default_catalog()
    assert "FIN" not in cat.expand("NATO", D("2023-04-03")) and "FIN" in cat.expand("NATO", D("2023-04-04"))
    assert "UZB" in cat.expand("CSTO", D("2010-01-01")) and "UZB" not in cat.expand("CSTO", D("2013-01-01"))
    assert "GBR" in cat.expand("EU", D("2019-12-31")) and "GBR" not in cat.expand("EU", D("2020-02-01"))
    r = _run("armed-attack", "NATO", "BLR", "2026-01-01")
    assert _of(r, "csto-1992", "RUS", "duty", "provide_military_assistance")


def test_non_state_actor_is_a_free_label_but_a_typo_is_not():
    cat = default_catalog()
    assert cat.actor("Hezbollah") == "Hezbollah" and not cat.is_state("Hezbollah")
    for typo in ("Irann", "XYZ", "Frence"):
        with pytest.raises(LookupFailed):
            cat.actor(typo)
    r = _run("armed-attack", "Hezbollah", "ISR", "2026-01-01")
    assert r.events[0].actor == "Hezbollah"


def test_a_former_state_is_a_state_by_its_withdrawn_code():
    cat = default_catalog()
    assert cat.is_state("SUN") and cat.is_state("DDR") and cat.party("DDR").code == "DDR"
    assert not cat.is_state("E3") and not cat.is_state("UNSC")
