"""Compare and export: derived types per treaty with citations, domains, ATOP cross-check, CSV rows."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from accord.interfaces.cli import app
from accord.reasoning.compare import compare
from judging_context import CATALOG

IDS = ["rus-irn-2025", "rus-irn-2001", "rus-prk-2024", "nato-1949", "csto-1992"]


def test_compare_types_and_citations():
    data = compare(IDS, CATALOG)
    assert data["treaties"] == IDS
    defense = {t: data["types"][t]["defense"] for t in IDS}
    # rus-irn-2025: denied by the Russian deputy foreign minister; rus-irn-2001: ATOP codes it 0
    assert defense == {"rus-irn-2025": False, "rus-irn-2001": False, "rus-prk-2024": True, "nato-1949": True, "csto-1992": True}
    assert data["types"]["rus-irn-2025"]["cited"]["neutrality"] == ["Art. 3(3)"]
    assert data["types"]["nato-1949"]["cited"]["defense"] == ["Art. 5"]
    assert data["types"]["rus-prk-2024"]["cow_type"] == "I" and data["types"]["rus-irn-2025"]["cow_type"] == "II"
    assert "Art. 4" in data["domains"]["rus-irn-2025"]["intelligence"]
    assert data["atop"]["nato-1949"]["agrees"] and data["atop"]["csto-1992"]["agrees"]


def test_compare_cli_json_and_unknown_id():
    runner = CliRunner()
    out = runner.invoke(app, ["compare", *IDS, "--json"])
    assert out.exit_code == 0
    data = json.loads(out.stdout)
    assert set(data) >= {"treaties", "types", "domains"}
    for cell in data["types"].values():
        assert set(cell) >= {"defense", "offense", "neutrality", "nonaggression", "consultation", "cited"}
    bad = runner.invoke(app, ["compare", "rus-irn-2025", "nato-1994"])
    assert bad.exit_code == 2 and "nato-1949" in bad.output


def test_export_json_and_bad_format():
    runner = CliRunner()
    out = runner.invoke(app, ["export", "--format", "json"])
    assert out.exit_code == 0 and "rus-irn-2025" in json.loads(out.stdout)
    bad = runner.invoke(app, ["export", "--format", "atop"])
    assert bad.exit_code == 2 and "atop-csv" in bad.output
