"""docs/json.md against real output: every documented key is produced, and every value of `kind`,
`phase` and `basis` the engine produces is documented — breach, conditional, unknown, contested, inferred."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from accord.interfaces.cli import app

DOC = (Path(__file__).resolve().parents[2] / "docs" / "json.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = DOC.index(f"## `accord {title}")
    end = DOC.find("\n## ", start + 1)
    return DOC[start:end if end > 0 else None]


def _cli(*args) -> dict:
    out = CliRunner().invoke(app, [*args, "--json"])
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)


SCENARIOS = [
    ("armed-attack", "RUS", "FRA", "2026-01-01", "MLI", None),      # negative with a condition
    ("aggression", "POL", "BLR", "2026-01-01", None, None),         # conditional
    ("armed-attack", "TUR", "GRC", "2026-01-01", None, None),       # breach
    ("unilateral-sanctions", "USA", "IRN", "2025-11-01", None, None),  # contested instrument
    ("aggression", "ISR", "IRN", "2025-11-01", None, "conventional"),
]


def _scenarios() -> list[dict]:
    out = []
    for kind, by, against, on, where, weapons in SCENARIOS:
        args = ["scenario", "--event", kind, "--by", by, "--against", against, "--on", on]
        args += ["--where", where] if where else []
        args += ["--weapons", weapons] if weapons else []
        out.append(_cli(*args))
    return out


def test_scenario_keys_and_kinds_are_documented_and_produced():
    section = _section("scenario")
    results = _scenarios()
    findings = [f for r in results for t in r["treaties"] for f in t["findings"]]
    block = section[section.index("```"):section.index("```", section.index("```") + 3)]
    documented = set(re.findall(r'"(\w+)"', block))
    produced = {k for f in findings for k in f} | {k for r in results for t in r["treaties"] for k in t} | {k for r in results for e in r["events"] for k in e}
    assert documented - {"as_of", "events", "treaties", "findings", "procedure", "evidence"} <= produced  # evidence: with --evidence only
    assert produced <= documented | {"as_of", "events", "treaties", "findings", "procedure"}
    kinds = {f["kind"] for f in findings}
    assert {"breach", "conditional", "negative", "duty"} <= kinds
    for kind in kinds:
        assert f"`{kind}`" in section, kind
    assert any(t["in_force"] is None and t["contested"] for r in results for t in r["treaties"])
    assert "`conditional`" in section and "`breach`" in section and "contested" in section


def test_status_keys_phases_and_inferred_are_documented_and_produced():
    section = _section("status")
    rows = {m for m in re.findall(r"^\| `(\w+)`", section, flags=re.M)}
    cases = [("jcpoa-2015", "2025-10-20"), ("rus-irn-2001", "2020-06-01"), ("rus-blr-2024", "2025-03-05"), ("rus-irn-2025", "2047-01-01")]
    outputs = [_cli("status", tid, "--on", day) for tid, day in cases]
    for out in outputs:
        assert set(out) >= rows - {"term_start", "ended_on"}, set(rows) - set(out)
        assert set(out) <= rows | {"term_start", "term_end", "ended_on", "replaced_by"}
        assert f"`{out['phase']}`" in section
    assert outputs[0]["phase"] == "contested" and outputs[0]["in_force"] is None
    assert outputs[1]["inferred"] is True and "`inferred`" in section


def test_compare_unknown_and_basis_values_are_documented():
    section = _section("compare")
    data = _cli("compare", "rus-irn-2001", "irn-chn-2021", "nato-1949", "jcpoa-2015", "rus-irn-2025")
    values = {v for cell in data["types"].values() for v in cell["basis"].values()}
    for basis in values:
        assert f'"{basis}"' in section, basis
    assert any(cell["nonaggression"] is None for cell in data["types"].values())
    assert "bool|null" in section
    diff = data["atop"]["rus-irn-2001"]["differences"]["consultation"]
    assert set(diff) == {"derived", "atop", "why"}
    assert '"derived", "atop", "why"' in section
    assert "**unknown**" in _section("export")
