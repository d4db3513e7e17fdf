"""Nothing below the interfaces reads the clock: "today" is read once at the edge and passed down."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

from accord.press.dates import document_years

SRC = Path(__file__).resolve().parents[1] / "src" / "accord"


def test_no_module_below_the_interfaces_calls_date_today():
    offenders = []
    for path in SRC.rglob("*.py"):
        if "interfaces" in path.relative_to(SRC).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "today":
                offenders.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert offenders == []


def test_document_years_rule_out_future_years_only_when_told_the_day():
    text = "The treaty of 2025 is reviewed in 2028."
    assert dict(document_years(text, "en", dt.date(2026, 11, 30)))["gregorian"] == 2025
    assert dict(document_years(text, "en", None))["gregorian"] == 2028  # no present known: no year ruled out
