"""`accord claims|docs|sources|search` with --csv/--json, --limit/--offset and the total: the rows
asked for on stdout, the total on stderr, bad values refused in one line with exit 2."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from accord.interfaces.cli import app
from accord.services.exports import LISTINGS


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_claims_csv_with_offset_and_limit_prints_that_window_and_the_total(filled_db, stored):
    total = stored.count_claims()
    assert total > 60, "the test store should hold enough claims for a window in the middle"
    out = run("claims", "--csv", "--offset", "20", "--limit", "30", "--db", str(filled_db))
    assert out.exit_code == 0, out.output
    rows = csv_rows(out.stdout)
    assert [int(r["id"]) for r in rows] == [c["id"] for c in stored.claims(limit=100_000)[20:50]]
    assert list(rows[0]) == list(LISTINGS["claims"].columns)
    assert out.stderr.strip() == f"claims 21–50 of {total}."


def test_claims_json_and_table_say_the_total_too(filled_db, stored):
    total = stored.count_claims(verdict="supported")
    out = run("claims", "--json", "--verdict", "supported", "--limit", "5", "--db", str(filled_db))
    assert [c["id"] for c in json.loads(out.stdout)] == [c["id"] for c in stored.claims(verdict="supported", limit=5)]
    assert f"1–5 of {total}" in out.stderr
    table = run("claims", "--verdict", "supported", "--limit", "5", "--offset", "5", "--db", str(filled_db))
    assert f"rows 6–10 of {total}" in table.stdout


def test_past_the_end_prints_no_rows_but_the_total(filled_db, stored):
    out = run("claims", "--csv", "--offset", "100000", "--db", str(filled_db))
    assert out.exit_code == 0 and csv_rows(out.stdout) == []
    assert str(stored.count_claims()) in out.stderr


def test_docs_lists_documents_in_page_order(filled_db, stored):
    out = run("docs", "--csv", "--offset", "1", "--limit", "3", "--db", str(filled_db))
    assert [r["id"] for r in csv_rows(out.stdout)] == [d["id"] for d in stored.documents(limit=100)[1:4]]
    assert f"of {stored.count_documents()}" in out.stderr
    as_json = json.loads(run("docs", "--json", "--db", str(filled_db)).stdout)
    assert [d["id"] for d in as_json] == [d["id"] for d in stored.documents(limit=100)]


def test_sources_and_search_as_csv(filled_db, stored):
    rows = csv_rows(run("sources", "--csv", "--db", str(filled_db)).stdout)
    assert [r["outlet"] for r in rows] == [s["outlet"] for s in stored.sources_summary()]
    out = run("search", "treaty", "--csv", "--limit", "3", "--offset", "2", "--db", str(filled_db))
    hits = stored.search("treaty", limit=5)[2:5]
    assert [(r["doc_id"], int(r["idx"]), int(r["rank"])) for r in csv_rows(out.stdout)] == \
        [(h["doc_id"], h["idx"], rank) for rank, h in enumerate(hits, 3)]
    assert f"of {stored.count_search('treaty')}" in out.stderr


@pytest.mark.parametrize("args, named", [
    (["claims", "--limit", "0"], "--limit 0"),
    (["claims", "--offset", "-1"], "--offset -1"),
    (["claims", "--limit", "100001"], "nearest: 100000"),
    (["claims", "--csv", "--json"], "--csv and --json"),
    (["claims", "--format", "claimreviw"], "claimreview"),
    (["claims", "--verdict", "contradictd"], "contradicted"),
    (["docs", "--offset", "-5"], "--offset"),
    (["search", "treaty", "--limit", "0"], "--limit"),
])
def test_bad_values_are_one_line_and_exit_2(filled_db, args, named):
    out = run(*args, "--db", str(filled_db))
    assert out.exit_code == 2
    assert named in out.output and len(out.output.strip().splitlines()) == 1, out.output
