"""Obligation types true/false/unknown with ATOP disagreements, and the ATOP-compatible export
compared with the ATOP v4 member-level rows for NATO (3180) and the CSTO (4220)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.interfaces.cli import app
from accord.knowledge.catalog import default_catalog
from accord.knowledge.model import EventKind
from accord.reasoning.alliance import derive_types
from accord.reasoning.compare import compare
from accord.reasoning.export import atop_columns, atop_rows, cow_codes, export_atop_csv
from accord.reasoning.lifecycle import status
from accord.reasoning.scenario import Event, run_scenario
from judging_context import CATALOG

SHARED = Path(os.environ.get("ACCORD_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))
ATOP = SHARED / "reference" / "atop-v4-member-level.csv"
TYPES = ("defense", "offense", "neutral", "nonagg", "consul")


# --- class 5: unknown, not "no" ------------------------------------------------------------------

def test_rus_irn_2001_nonagg_and_consul_unknown_and_the_atop_disagreement_is_flagged():
    data = compare(["rus-irn-2001"], CATALOG)
    cell = data["types"]["rus-irn-2001"]
    assert cell["nonaggression"] is None and cell["consultation"] is None
    assert cell["neutrality"] is True and cell["defense"] is False and cell["basis"]["defense"] == "ATOP"
    check = data["atop"]["rus-irn-2001"]
    assert check["atopid"] == 4968 and not check["agrees"]
    assert set(check["differences"]) == {"nonaggression", "consultation"}
    out = CliRunner().invoke(app, ["compare", "rus-irn-2001"])
    assert "unknown" in out.output and "disagrees" in out.output


def test_unpublished_text_gives_unknown_not_false():
    types = derive_types(default_catalog().treaty("irn-chn-2021"))
    assert all(getattr(types, t) is None for t in ("defense", "offense", "neutrality", "nonaggression", "consultation"))
    # a published text coded article by article does answer "no"
    nato = derive_types(default_catalog().treaty("nato-1949"))
    assert nato.offense is False and nato.basis["offense"] == "complete coding" and nato.coverage["complete"]


def test_partly_coded_treaty_leaves_uncoded_types_unknown():
    prk = derive_types(default_catalog().treaty("rus-prk-2024"))
    assert prk.defense is True and prk.neutrality is None and prk.nonaggression is None
    flagship = derive_types(default_catalog().treaty("rus-irn-2025"))
    assert flagship.defense is False and flagship.basis["defense"] == "statement"
    assert flagship.offense is None


def test_negative_confidence_follows_coverage_and_cites_the_supporting_statement():
    r = run_scenario([Event(EventKind.aggression, "ISR", "IRN", dt.date(2025, 11, 1))], None, CATALOG)
    neg = next(f for f in r.answer("rus-irn-2025").findings if f.kind == "negative" and f.party == "RUS")
    # 39 of 47 articles uncoded would make it low; the deputy minister's statement lifts it, but never
    # above the weakest provision it rests on
    flagship = default_catalog().treaty("rus-irn-2025")
    weakest = min((p.confidence.value for p in flagship.provisions if p.citation in neg.because), key=["low", "medium", "high"].index)
    assert neg.confidence == weakest and neg.statements and "Rudenko" in neg.statements[0]
    # the 2001 treaty: its coding covers one article and its non-assistance clause is low confidence
    old = run_scenario([Event(EventKind.aggression, "ISR", "IRN", dt.date(2020, 6, 1))], None, CATALOG).answer("rus-irn-2001")
    neg_old = next(f for f in old.findings if f.kind == "negative")
    assert neg_old.confidence == "low" and not neg_old.statements


# --- class 9: the export ----------------------------------------------------------------------------

def _atop_spells(atopid: int) -> dict[int, list[tuple]]:
    """ATOP's member rows for one alliance, phases merged into spells: {member: [(entry, exit, codes)]}."""
    assert ATOP.is_file(), f"ATOP reference data missing at {ATOP}"
    spells: dict[int, list[tuple]] = {}
    with ATOP.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if int(row["atopid"]) != atopid:
                continue
            entry = (int(row["yrent"]), int(row["moent"]), int(row["dayent"]))
            exit_ = (int(row["yrexit"]), int(row["moexit"]), int(row["dayexit"]))
            codes = tuple(int(row[t]) for t in TYPES)
            mine = spells.setdefault(int(row["member"]), [])
            if mine and mine[-1][1] == entry and mine[-1][2] == codes:
                mine[-1] = (mine[-1][0], exit_, codes)  # the next phase of the same spell
            else:
                mine.append((entry, exit_, codes))
    return spells


@pytest.mark.parametrize("atopid", [3180, 4220])
def test_export_matches_atop_member_rows(atopid):
    ours: dict[int, list[tuple]] = {}
    for row in atop_rows(CATALOG):
        if row["atopid"] != atopid:
            continue
        entry = (row["yrent"], row["moent"], row["dayent"])
        if entry > (2018, 12, 31):
            continue  # ATOP v4 ends in 2018
        ours.setdefault(row["member"], []).append(
            (entry, (row["yrexit"], row["moexit"], row["dayexit"]), tuple(row[t] for t in TYPES)))
    theirs = _atop_spells(atopid)
    assert sorted(ours) == sorted(theirs)
    for member, spells in theirs.items():
        assert sorted(ours[member]) == sorted(spells), member


def test_cow_codes_agree_with_atop_member_codes():
    assert ATOP.is_file()
    atop_members = {int(r["member"]) for r in csv.DictReader(ATOP.open(encoding="utf-8")) if r["atopid"] in ("3180", "4220", "4968")}
    ours = {c.cow for codes in cow_codes().values() for c in codes}
    assert atop_members <= ours
    # and every code of the crosswalk is a state ATOP knows (all of them existed before 2018)
    everyone = {int(r["member"]) for r in csv.DictReader(ATOP.open(encoding="utf-8"))}
    assert ours <= everyone


def test_export_layout_succession_and_exclusions():
    text = export_atop_csv(CATALOG)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == atop_columns() and all(c == c.lower() for c in rows[0])
    ids = {r["atopid"] for r in rows}
    assert "4968" in ids  # the 2001 treaty under its ATOP id
    assert all(90001 <= int(i) <= 99999 or i in {"3180", "4220", "4968"} for i in ids)
    # no alliance obligation: no rows for the JCPOA or the Iran–China programme
    cat = default_catalog()
    assert not {str(cat.treaty(t).export_id) for t in ("jcpoa-2015", "irn-chn-2021")} & ids
    frg = [r for r in rows if r["atopid"] == "3180" and r["member"] in ("260", "255")]
    assert [(r["member"], r["yrexit"]) for r in sorted(frg, key=lambda r: r["yrent"])] == [("260", "1990"), ("255", "0")]
    # NATO's collective defence is conditioned on location (Art. 6)
    nato = next(r for r in rows if r["atopid"] == "3180")
    assert (nato["conditio"], nato["defcon"], nato["defcoloc"]) == ("1", "1", "1")


def test_status_and_export_agree_on_end_dates():
    cat = default_catalog()
    for row in atop_rows(cat):
        if row["yrexit"] == 0:
            continue
        exit_day = dt.date(row["yrexit"], row["moexit"], row["dayexit"])
        treaty = next(t for t in cat.treaties.values() if (t.atop and t.atop.atopid == row["atopid"]) or t.export_id == row["atopid"])
        st = status(treaty, exit_day, cat)
        if st.phase in ("terminated", "expired"):
            assert st.ended_on == exit_day
    old = [r for r in atop_rows(cat) if r["atopid"] == 4968]
    assert {(r["yrexit"], r["moexit"], r["dayexit"]) for r in old} == {(2025, 10, 2)}


def test_codebook_ships_and_names_every_column_we_fill():
    book = (Path(__file__).resolve().parents[2] / "docs" / "atop-export-codebook.md").read_text(encoding="utf-8")
    filled = {k for row in atop_rows(CATALOG) for k, v in row.items() if v != ""}
    for column in filled:
        assert f"`{column}`" in book, column
    out = CliRunner().invoke(app, ["export", "--format", "atop-csv"])
    assert out.exit_code == 0 and out.stdout.splitlines()[0].startswith("atopid,cowid,cow4id,member")
    assert json.loads(CliRunner().invoke(app, ["export", "--format", "json"]).stdout)
