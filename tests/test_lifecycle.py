"""Life-cycle phases and boundary days, on the real catalog and on small synthetic ones."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.interfaces.cli import app
from accord.knowledge.catalog import DATA, default_catalog, load_catalog
from accord.reasoning.lifecycle import add_months, add_years, status

D = dt.date.fromisoformat
SRC = "sources: [https://example.org/record]\nconfidence: high\n"


def _treaty(tid: str, body: str) -> str:
    head = f"id: {tid}\ntitle: Test treaty {tid}\n{SRC}"
    return head + textwrap.dedent(body)


PARTIES = """
parties:
  - {party: AAA, confidence: high, sources: [https://example.org/p]}
  - {party: BBB, confidence: high, sources: [https://example.org/p]}
"""


@pytest.fixture()
def synthetic(tmp_path: Path):
    (tmp_path / "treaties").mkdir()
    (tmp_path / "parties.yaml").write_text(
        "parties:\n  - {code: AAA, names: {en: [Aland]}}\n  - {code: BBB, names: {en: [Bland]}}\n"
    )

    def build(**files: str):
        for tid, body in files.items():
            tid = tid.replace("_", "-")
            (tmp_path / "treaties" / f"{tid}.yaml").write_text(_treaty(tid, PARTIES + body))
        return load_catalog(tmp_path)

    return build


def test_month_arithmetic_clamps_to_month_end():
    assert add_years(D("2024-02-29"), 1) == D("2025-02-28")
    assert add_months(D("2045-10-01"), -12) == D("2044-10-01")
    assert add_months(D("2025-03-31"), -1) == D("2025-02-28")


def test_flagship_boundary_days_around_entry_into_force():
    cat = default_catalog()
    t = cat.treaty("rus-irn-2025")
    assert status(t, D("2025-01-16"), cat).phase == "not_signed"
    before = status(t, D("2025-10-01"), cat)
    # both parties had ratified by then: the treaty was waiting for its entry into force, not for ratification
    assert before.in_force is False and before.phase == "ratified_awaiting_entry_into_force"
    on = status(t, D("2025-10-02"), cat)
    assert on.in_force is True and on.in_force_since == D("2025-10-02")
    assert on.phase == "in_force_initial_term" and on.term_end == D("2045-10-01")
    # notice period is unknown in the sources: no deadline is invented
    assert on.notice_deadline is None and "not found" in on.notice_note


def test_flagship_june_2025_lists_done_and_pending_steps():
    cat = default_catalog()
    s = status(cat.treaty("rus-irn-2025"), D("2025-06-13"), cat)
    done = {(x.party, x.body) for x in s.steps if x.state == "done"}
    assert ("RUS", "State Duma") in done and ("IRN", "Guardian Council") in done
    pending = [x for x in s.steps if x.state != "done"]
    assert any(x.kind == "in_force" for x in pending)
    assert any(x.kind == "law_signed" and x.party == "IRN" for x in pending)


def test_flagship_renewal_boundary():
    cat = default_catalog()
    t = cat.treaty("rus-irn-2025")
    last = status(t, D("2045-10-01"), cat)
    first_renewal = status(t, D("2045-10-02"), cat)
    assert last.term_index == 0 and first_renewal.term_index == 1
    assert first_renewal.phase == "in_force_renewal_term"
    assert first_renewal.term_start == D("2045-10-02") and first_renewal.term_end == D("2050-10-01")


def test_notice_deadline_and_expiry(synthetic):
    cat = synthetic(
        renewing="""
signature: {date: 2000-01-10, confidence: high, sources: [https://example.org/s]}
term: {initial_years: 10, renewal: automatic, renewal_years: 5, notice_months: 12, confidence: high, sources: [https://example.org/t]}
lifecycle:
  - {kind: in_force, date: 2000-03-01, text: in force, confidence: high, sources: [https://example.org/l]}
""",
        fixed="""
signature: {date: 2000-01-10, confidence: high, sources: [https://example.org/s]}
term: {initial_years: 5, renewal: none, confidence: high, sources: [https://example.org/t]}
lifecycle:
  - {kind: in_force, date: 2000-03-01, text: in force, confidence: high, sources: [https://example.org/l]}
""",
    )
    s = status(cat.treaty("renewing"), D("2010-02-28"), cat)
    assert (s.term_index, s.term_end, s.notice_deadline) == (0, D("2010-02-28"), D("2009-02-28"))
    s = status(cat.treaty("renewing"), D("2010-03-01"), cat)
    assert (s.term_index, s.term_end, s.notice_deadline) == (1, D("2015-02-28"), D("2014-02-28"))
    assert status(cat.treaty("fixed"), D("2005-02-28"), cat).in_force is True
    expired = status(cat.treaty("fixed"), D("2005-03-01"), cat)
    assert expired.phase == "expired" and expired.in_force is False


def test_unknown_entry_into_force_answers_from_what_is_known(synthetic):
    cat = synthetic(
        old="""
signature: {date: 2001-03-12, confidence: high, sources: [https://example.org/s]}
lifecycle:
  - {kind: signed, date: 2001-03-12, text: signed, confidence: high, sources: [https://example.org/l]}
  - {kind: extended, date: null, not_after: 2021-03-31, text: extended twice by March 2021, confidence: medium, sources: [https://example.org/l]}
""",
        new="""
signature: {date: 2025-01-17, confidence: high, sources: [https://example.org/s]}
replaces: [old]
fact_sources: {replaces: {confidence: high, sources: [https://example.org/r]}}
lifecycle:
  - {kind: in_force, date: 2025-10-02, text: in force, confidence: high, sources: [https://example.org/l]}
""",
    )
    old = cat.treaty("old")
    early = status(old, D("2002-01-01"), cat)
    assert early.in_force is None and early.phase == "signed_status_unknown"
    mid = status(old, D("2025-06-13"), cat)
    assert mid.in_force is True and mid.in_force_by == D("2021-03-31") and "unknown" in mid.note
    assert mid.in_force_since is None
    late = status(old, D("2025-10-02"), cat)
    assert late.phase == "terminated" and late.replaced_by == "new" and "inferred" in late.note


def test_contested_status_reports_each_position(synthetic):
    cat = synthetic(
        res="""
signature: {date: 2015-07-20, confidence: high, sources: [https://example.org/s]}
lifecycle:
  - {kind: in_force, date: 2015-07-20, text: adopted, confidence: high, sources: [https://example.org/l]}
contested:
  - since: 2025-10-18
    question: Did the resolution terminate?
    positions:
      - {actors: [AAA], holds: sanctions re-imposed, status: reimposed, confidence: high, sources: [https://example.org/a]}
      - {actors: [BBB], holds: terminated, status: terminated, confidence: high, sources: [https://example.org/b]}
""",
    )
    t = cat.treaty("res")
    assert status(t, D("2025-10-17"), cat).contested is False
    s = status(t, D("2025-10-18"), cat)
    assert s.contested is True
    assert {p["status"] for p in s.positions} == {"reimposed", "terminated"}
    assert all(p["sources"] for p in s.positions)


def test_status_cli_json_keys_and_errors():
    runner = CliRunner()
    out = runner.invoke(app, ["status", "rus-irn-2025", "--on", "2026-11-22", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    for key in ("treaty", "as_of", "phase", "in_force", "in_force_since", "term_end", "notice_deadline", "contested", "positions", "steps"):
        assert key in data
    assert data["in_force_since"] == "2025-10-02" and data["in_force"] is True

    bad_id = runner.invoke(app, ["status", "rus-irn-2052", "--on", "2025-01-01"])
    assert bad_id.exit_code == 2 and "rus-irn-2025" in bad_id.output
    bad_day = runner.invoke(app, ["status", "rus-irn-2025", "--on", "2025-13-01"])
    assert bad_day.exit_code == 2 and "2025-13-01" in bad_day.output


def test_show_article_and_uncoded_article():
    runner = CliRunner()
    out = runner.invoke(app, ["show", "rus-irn-2025", "--article", "3", "--json"])
    assert out.exit_code == 0, out.output
    ids = [p["id"] for a in json.loads(out.stdout)["articles"] for p in a["provisions"]]
    assert "3.3" in ids and "3.4" in ids
    missing = runner.invoke(app, ["show", "rus-irn-2025", "--article", "9"])
    assert missing.exit_code == 2 and "not coded" in missing.output


def test_builtin_catalog_directory_is_packaged():
    assert (Path(str(DATA)) / "parties.yaml").is_file()
    assert (Path(str(DATA)) / "treaties" / "rus-irn-2025.yaml").is_file()


def test_extension_keeps_a_fixed_term_treaty_in_force(synthetic):
    cat = synthetic(
        ext="""
signature: {date: 1992-05-15, confidence: high, sources: [https://example.org/s]}
term: {initial_years: 5, renewal: by_agreement, confidence: high, sources: [https://example.org/t]}
lifecycle:
  - {kind: in_force, date: 1994-04-20, text: in force, confidence: high, sources: [https://example.org/l]}
  - {kind: extended, date: 1999-04-20, text: extended by protocol, confidence: high, sources: [https://example.org/l]}
""",
    )
    t = cat.treaty("ext")
    assert status(t, D("1999-04-19"), cat).phase == "in_force_initial_term"
    later = status(t, D("2025-01-01"), cat)
    assert later.in_force is True and "extended" in later.note and later.term_end is None
