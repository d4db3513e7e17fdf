"""`accord ingest`, `claims`, `sources`, `doc`, `search` against a real store in a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.interfaces.cli import app

from shared_data import corpus_file, corpus_records


pytestmark = pytest.mark.slow  # the store is filled by ingesting the seed and dev documents

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("store") / "accord.sqlite"
    result = runner.invoke(app, ["ingest", str(corpus_file("seeds.jsonl")), str(corpus_file("dev.jsonl")),
                                 "--db", str(path), "--json"])
    assert result.exit_code == 0, result.output
    return path


def _json(args: list[str], db: Path):
    result = runner.invoke(app, [*args, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_ingest_reports_counts_and_a_second_run_finds_everything_unchanged(db: Path):
    expected = len(corpus_records("seeds.jsonl")) + len(corpus_records("dev.jsonl"))
    again = _json(["ingest", str(corpus_file("seeds.jsonl")), str(corpus_file("dev.jsonl"))], db)
    assert again["documents"] == expected and again["unchanged"] == expected and again["new"] == 0
    assert again["db"] == str(db)


def test_ingest_lists_unreadable_files_and_exits_1_while_storing_the_rest(tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.txt").write_text(corpus_records("seeds.jsonl")[0]["text"], encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 1
    assert "1 new" in result.stdout
    assert "bad.txt" in result.stderr and "binary" in result.stderr


def test_ingest_of_a_missing_path_is_a_one_line_error_with_exit_2(tmp_path: Path):
    result = runner.invoke(app, ["ingest", str(tmp_path / "nowhere"), "--db", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 2
    assert "no such file or folder" in result.stderr
    assert not (tmp_path / "s.sqlite").exists(), "a failed command must not create a store"


def test_claims_filter_by_verdict_type_and_language(db: Path):
    rows = _json(["claims", "--verdict", "contradicted", "--type", "mutual_defense"], db)
    assert rows and all(r["verdict"] == "contradicted" and r["type"] == "mutual_defense" for r in rows)
    assert all("Art. 3" in r["citation"] for r in rows if r["treaty"] == "rus-irn-2025")
    russian = _json(["claims", "--lang", "ru"], db)
    assert russian and all(r["lang"] == "ru" for r in russian)


def test_no_flagship_mutual_defence_claim_is_stored_as_supported(db: Path):
    rows = _json(["claims", "--type", "mutual_defense", "--treaty", "rus-irn-2025", "--limit", "10000"], db)
    assert rows
    assert not [r for r in rows if r["value"] is True and r["verdict"] == "supported"]


@pytest.mark.parametrize("option, bad, nearest", [("--verdict", "contradictd", "contradicted"),
                                                  ("--type", "mutual_defence", "mutual_defense"),
                                                  ("--treaty", "rus-irn-2052", "rus-irn-2025")])
def test_a_bad_filter_value_names_the_nearest_valid_one(db: Path, option: str, bad: str, nearest: str):
    result = runner.invoke(app, ["claims", option, bad, "--db", str(db)])
    assert result.exit_code == 2
    assert f"did you mean '{nearest}'" in result.stderr


def test_sources_scorecard_adds_up(db: Path):
    rows = _json(["sources"], db)
    claims = _json(["claims", "--limit", "100000"], db)
    assert sum(r["claims"] for r in rows) == len(claims)
    assert sum(r["documents"] for r in rows) == len(corpus_records("seeds.jsonl")) + len(corpus_records("dev.jsonl"))


def test_doc_shows_the_cleaned_text_with_claims_at_their_offsets(db: Path):
    record = _json(["doc", "seed-004"], db)
    assert record["claims"]
    for claim in record["claims"]:
        assert record["text"][claim["start"]:claim["end"]] == claim["quote"]
    readable = runner.invoke(app, ["doc", "seed-004", "--db", str(db)])
    assert readable.exit_code == 0 and "Art. 3" in readable.stdout


def test_doc_with_an_unknown_id_suggests_the_nearest(db: Path):
    result = runner.invoke(app, ["doc", "seed-04", "--db", str(db)])
    assert result.exit_code == 2 and "did you mean 'seed-004'" in result.stderr


def test_search_in_english_and_russian(db: Path):
    english = _json(["search", "port visits"], db)
    assert english and "visits" in english[0]["snippet"]
    russian = _json(["search", "ратификация"], db)
    assert russian
    readable = runner.invoke(app, ["search", "[brackets] and *stars*", "--db", str(db)])
    assert readable.exit_code == 0  # user text is never read as markup or query syntax


def test_a_database_path_that_is_not_a_database_is_refused_with_exit_2(tmp_path: Path):
    path = tmp_path / "x.sqlite"
    path.write_text("not a database " * 200)
    result = runner.invoke(app, ["sources", "--db", str(path)])
    assert result.exit_code == 2 and "cannot be used as an accord store" in result.stderr
