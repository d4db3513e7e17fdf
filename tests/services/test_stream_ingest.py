"""`accord ingest -`: JSON Lines from standard input, read as they arrive."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from accord.interfaces.cli import app
from accord.press.read import RawDocument, ReadError, read_paths
from accord.services.ingest import count_documents
from accord.services.store import Store

runner = CliRunner()

LINES = [
    {"id": "s-1", "text": "The treaty has 47 articles and was signed in Moscow on 17 January 2025.", "outlet": "Wire"},
    {"id": "s-2", "text": "Договор заключен сроком на 20 лет.", "lang": "ru"},
]


def _stdin(rows: list, extra: str = "") -> bytes:
    return ("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows) + extra).encode("utf-8")


def test_documents_piped_in_are_stored_and_a_broken_line_is_reported_with_its_line(tmp_path: Path):
    db = tmp_path / "s.sqlite"
    result = runner.invoke(app, ["ingest", "-", "--db", str(db), "--json", "--workers", "1"],
                           input=_stdin(LINES, extra='{"id": "s-3", "text": \n'))
    assert result.exit_code == 1, result.output  # one line could not be read; the rest was stored
    report = json.loads(result.stdout)
    assert report["new"] == 2
    assert [e["origin"] for e in report["errors"]] == ["-:3"]
    with Store(db) as store:
        assert sorted(d["id"] for d in store.documents()) == ["s-1", "s-2"]


def test_a_line_without_an_id_is_named_after_its_line_on_stdin(tmp_path: Path, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(_stdin([{"text": "Signed in Moscow."}]))))
    (item,) = list(read_paths(["-"]))
    assert isinstance(item, RawDocument) and item.id == "stdin:1" and item.origin == "-:1"


def test_an_empty_stream_is_one_error_not_a_crash(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    (item,) = list(read_paths(["-"]))
    assert isinstance(item, ReadError) and item.origin == "-"


def test_stdin_is_not_counted_as_a_file(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Signed in Moscow.", encoding="utf-8")
    assert count_documents(["-", tmp_path]) == 1


def test_stdin_given_twice_is_refused_with_exit_2(tmp_path: Path):
    result = runner.invoke(app, ["ingest", "-", "-", "--db", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 2
    assert "standard input" in result.output and "once" in result.output


def test_a_stream_of_many_broken_lines_names_the_first_and_counts_them_all(tmp_path: Path):
    """The report stays the same size however many lines are bad: it names the first problems, its
    count is exact, and the store keeps every error."""
    from accord.contract.press import LISTED_PROBLEMS

    broken = LISTED_PROBLEMS + 37
    db = tmp_path / "s.sqlite"
    result = runner.invoke(app, ["ingest", "-", "--db", str(db), "--json", "--workers", "1"],
                           input=_stdin(LINES[:1], extra="{broken\n" * broken))
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["new"] == 1 and report["error_count"] == broken
    assert [e["origin"] for e in report["errors"]] == [f"-:{line}" for line in range(2, LISTED_PROBLEMS + 2)]
    with Store(db) as store:
        assert store.stats()["errors"] == broken


def test_the_text_report_says_how_many_problems_it_leaves_out(tmp_path: Path):
    from accord.contract.press import LISTED_PROBLEMS

    broken = LISTED_PROBLEMS + 5
    result = runner.invoke(app, ["ingest", "-", "--db", str(tmp_path / "s.sqlite"), "--workers", "1"],
                           input=_stdin([], extra="{broken\n" * broken))
    assert result.exit_code == 1
    assert f"{broken} errors" in result.output
    assert f"Not stored (the first {LISTED_PROBLEMS} of {broken})" in result.output
    assert f"-:{LISTED_PROBLEMS}" in result.output and f"-:{LISTED_PROBLEMS + 1}" not in result.output
