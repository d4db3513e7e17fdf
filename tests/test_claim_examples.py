"""Claim and verdict examples as YAML data, run by `accord test` beside the scenario files."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.interfaces.cli import app

CLAIM_FILES = Path(__file__).resolve().parents[1] / "scenarios" / "claims"


def run(tmp_path: Path, body: str):
    (tmp_path / "examples.yaml").write_text(textwrap.dedent(body), encoding="utf-8")
    return CliRunner().invoke(app, ["test", str(tmp_path)])


def test_the_shipped_claim_examples_pass():
    files = sorted(CLAIM_FILES.glob("*.yaml"))
    assert len(files) >= 2
    out = CliRunner().invoke(app, ["test", str(CLAIM_FILES)])
    assert out.exit_code == 0, out.output
    assert f"{len(files)} passed, 0 failed" in out.output


def test_a_wrong_verdict_fails_and_names_what_was_found(tmp_path):
    out = run(tmp_path, """
        kind: claims
        name: a wrong expectation
        examples:
          - text: "Russia is now obliged to defend Iran militarily."
            claims:
              - {type: mutual_defense, treaty: rus-irn-2025, verdict: supported}
    """)
    assert out.exit_code == 1
    assert "0 passed, 1 failed" in out.output
    assert "contradicted" in out.output  # what was found instead


def test_expecting_no_claim_fails_when_one_is_found(tmp_path):
    out = run(tmp_path, """
        kind: claims
        name: not silent
        examples:
          - text: "Russia is now obliged to defend Iran militarily."
            claims: []
    """)
    assert out.exit_code == 1 and "expected no claim" in " ".join(out.output.split())


def test_absent_claims_are_checked(tmp_path):
    out = run(tmp_path, """
        kind: claims
        name: absent
        examples:
          - text: "Russia is now obliged to defend Iran militarily."
            absent: [{type: mutual_defense, verdict: contradicted}]
    """)
    assert out.exit_code == 1 and "0 passed, 1 failed" in out.output


@pytest.mark.parametrize("body, message", [
    ("examples: [{text: x, claims: [], colour: red}]", "colour"),
    ("examples: [{text: x, claims: [{type: defence_pact}]}]", "type"),
    ("examples: [{text: x, claims: [{type: signed_on, treaty: nato-1994}]}]", "unknown treaty 'nato-1994'"),
    ("examples: [{text: x, lang: he, claims: []}]", "'he' has no language pack"),
    ("examples: [{text: x}]", "needs 'claims'"),
    ("examples: []", "examples"),
])
def test_a_malformed_file_is_reported_and_the_others_still_run(tmp_path, body, message):
    (tmp_path / "good.yaml").write_text(textwrap.dedent("""
        kind: claims
        name: good
        examples:
          - text: "The treaty is not a mutual defence pact."
            claims: [{type: mutual_defense, value: false, verdict: supported}]
    """), encoding="utf-8")
    out = run(tmp_path, f"kind: claims\nname: bad\n{body}\n")
    flat = " ".join(out.output.split())
    assert out.exit_code == 1
    assert "1 passed, 0 failed, 1 malformed" in flat
    assert message in flat
