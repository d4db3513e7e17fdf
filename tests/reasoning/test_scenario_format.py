"""The scenario test-file format: typos are precise errors, citations match exactly, `absent` covers every
finding kind, a malformed file does not stop the run, and the shipped JSON Schema is current."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.interfaces.cli import app
from accord.knowledge.catalog import default_catalog
from accord.reasoning.scenario_format import ScenarioFile
from accord.reasoning.scenario_tests import run_file

ROOT = Path(__file__).resolve().parents[2]
TYPOS = ROOT / "tests" / "data" / "scenario-typos"


@pytest.mark.parametrize("name, message", [
    ("unknown-key", "expect.rus-irn-2025.parties.RUS.dutes: unknown key"),
    ("unknown-treaty", "unknown treaty 'rus-irn-2052' (did you mean 'rus-irn-2025'?)"),
    ("unknown-party", "unknown party 'RUZ'"),
    ("empty-expectation", "expect.rus-irn-2025: empty expectation"),
])
def test_typo_files_are_rejected_with_precise_errors(name, message):
    outcome = run_file(TYPOS / f"{name}.yaml", default_catalog())
    assert outcome.error is not None and message in outcome.error and not outcome.passed


def test_a_malformed_file_is_reported_and_the_rest_still_run(tmp_path):
    shutil.copy(TYPOS / "unknown-key.yaml", tmp_path / "a-bad.yaml")
    shutil.copy(ROOT / "scenarios" / "rus-prk-art4.yaml", tmp_path / "b-good.yaml")
    out = CliRunner().invoke(app, ["test", str(tmp_path)])
    assert out.exit_code == 1
    assert "1 passed, 0 failed, 1 malformed" in out.output and "dutes: unknown key" in out.output


def _write(tmp_path, body: str) -> Path:
    path = tmp_path / "case.yaml"
    path.write_text(body, encoding="utf-8")
    return path


ATTACK = "events:\n  - {kind: aggression, by: ISR, against: IRN, on: 2025-11-01}\n"


def test_citations_match_exactly(tmp_path):
    body = "name: x\n" + ATTACK + "expect:\n  rus-irn-2025:\n    parties:\n      RUS:\n        prohibitions: [{action: assist_aggressor, because: ['Art. 3']}]\n"
    outcome = run_file(_write(tmp_path, body), default_catalog())
    assert outcome.failures and "expected ['Art. 3']" in outcome.failures[0]
    exact = body.replace("'Art. 3'", "'Art. 3(3)'")
    assert run_file(_write(tmp_path, exact), default_catalog()).passed


def test_absent_is_checked_against_every_finding_kind(tmp_path):
    # Art. 3(3) is a prohibition: `absent` must catch it, not only duties and permissions
    body = "name: x\n" + ATTACK + "expect:\n  rus-irn-2025:\n    parties:\n      RUS:\n        absent: [assist_aggressor]\n"
    outcome = run_file(_write(tmp_path, body), default_catalog())
    assert outcome.failures and "found as prohibition" in outcome.failures[0]
    breach = ("name: x\nevents:\n  - {kind: armed-attack, by: TUR, against: GRC, on: 2026-01-01}\n"
              "expect:\n  nato-1949:\n    parties:\n      TUR:\n        absent: [use_force_against]\n")
    assert "found as breach" in run_file(_write(tmp_path, breach), default_catalog()).failures[0]


def test_status_compare_and_error_assertions_can_fail(tmp_path):
    body = ("name: x\nstatus:\n  - {treaty: jcpoa-2015, on: 2025-10-20, in_force: false}\n"
            "compare:\n  - {treaties: [rus-irn-2001], types: {rus-irn-2001: {nonaggression: false}}}\n"
            "errors:\n  - {event: {kind: aggression, by: IRQ, against: KWT}, message: 'unknown party'}\n")
    failures = run_file(_write(tmp_path, body), default_catalog()).failures
    assert any("in_force is None, expected False" in f for f in failures)
    assert any("nonaggression is None, expected False" in f for f in failures)
    assert any("the request succeeded" in f for f in failures)  # IRQ is a valid state


def test_the_shipped_json_schema_is_current_and_rejects_unknown_keys():
    shipped = json.loads((ROOT / "docs" / "scenario-test.schema.json").read_text(encoding="utf-8"))
    assert shipped == ScenarioFile.model_json_schema()
    assert shipped["additionalProperties"] is False
    assert shipped["$defs"]["PartySpec"]["additionalProperties"] is False


def test_a_confidence_expectation_can_fail(tmp_path):
    body = ("name: x\nevents:\n  - {kind: aggression, by: ISR, against: IRN, on: 2020-06-01}\n"
            "expect:\n  rus-irn-2001:\n    parties:\n      RUS:\n        negatives: [{action: provide_military_assistance, confidence: high}]\n")
    failures = run_file(_write(tmp_path, body), default_catalog()).failures
    assert failures and "expected high" in failures[0]
