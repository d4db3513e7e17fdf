"""The declarative scenario files pass, and the runner can fail."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from accord.interfaces.cli import app

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"


def test_all_scenario_files_pass():
    files = sorted(SCENARIOS.rglob("*.yaml"))  # the runner reads sub-folders (claims/) too
    assert len(files) >= 7
    out = CliRunner().invoke(app, ["test", str(SCENARIOS)])
    assert out.exit_code == 0, out.output
    assert f"{len(files)} passed, 0 failed" in out.output


def test_a_wrong_expectation_fails(tmp_path):
    (tmp_path / "wrong.yaml").write_text(
        "name: wrong on purpose\nevents:\n  - {kind: aggression, by: ISR, against: IRN, on: 2025-11-01}\n"
        "expect:\n  rus-irn-2025:\n    parties:\n      RUS:\n"
        "        duties: [{action: provide_military_assistance, because: ['Art. 3']}]\n"
    )
    out = CliRunner().invoke(app, ["test", str(tmp_path)])
    assert out.exit_code == 1 and "0 passed, 1 failed" in out.output
    assert "provide_military_assistance" in out.output


def test_a_malformed_file_is_a_clear_error(tmp_path):
    (tmp_path / "bad.yaml").write_text("name: x\nevents:\n  - {kind: invasion, by: ISR, on: 2025-01-01}\nexpect: {}\n")
    out = CliRunner().invoke(app, ["test", str(tmp_path)])
    # reported in full and counted; the run goes on with any other file (exit 1, not a bad command line)
    assert out.exit_code == 1 and "unknown event kind 'invasion'" in out.output and "1 malformed" in out.output
