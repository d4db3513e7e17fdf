"""`accord ingest` on folders that hold more than press: files of other types are skipped and
listed, never counted as failures; the progress total is counted before reading."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.interfaces.cli import app
from accord.press.read import RawDocument, ReadError, read_paths
from accord.services.ingest import count_documents

runner = CliRunner()


def _folder(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "press"
    (folder / "notes").mkdir(parents=True)
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "README.md").write_text("# what this folder is\n", encoding="utf-8")
    (folder / "notes" / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "notes" / "b.html").write_text(f"<html><body><p>{text}</p></body></html>", encoding="utf-8")
    return folder


def test_files_of_other_types_in_a_folder_are_skipped_not_failed(tmp_path: Path, seed_records):
    folder = _folder(tmp_path, seed_records[0]["text"])
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "s.sqlite"), "--json", "-w", "1"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["errors"] == []
    assert sorted(Path(s["origin"]).name for s in report["skipped"]) == ["README.md", "chart.png"]
    assert report["documents"] == 2


def test_the_text_report_lists_skipped_files(tmp_path: Path, seed_records):
    folder = _folder(tmp_path, seed_records[0]["text"])
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "s.sqlite"), "-w", "1"])
    assert result.exit_code == 0, result.output
    assert "2 skipped" in result.stdout and "README.md" in result.stdout and "chart.png" in result.stdout


def test_a_file_of_another_type_named_explicitly_is_still_an_error(tmp_path: Path, seed_records):
    folder = _folder(tmp_path, seed_records[0]["text"])
    result = runner.invoke(app, ["ingest", str(folder / "README.md"), "--db", str(tmp_path / "s.sqlite"), "--json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["skipped"] == [] and "unsupported file type '.md'" in report["errors"][0]["message"]


def test_an_unreadable_file_in_a_folder_still_fails_the_run(tmp_path: Path, seed_records):
    folder = _folder(tmp_path, seed_records[0]["text"])
    (folder / "broken.txt").write_bytes(b"\x00binary")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "s.sqlite"), "--json", "-w", "1"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert [Path(e["origin"]).name for e in report["errors"]] == ["broken.txt"] and len(report["skipped"]) == 2


@pytest.mark.slow
def test_the_readme_command_on_the_shared_corpus_folder_exits_0(tmp_path: Path, corpus: Path):
    assert any(p.suffix == ".md" for p in corpus.iterdir()), "the corpus folder is expected to hold its schema notes"
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "s.sqlite"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["errors"] == [] and report["documents"] > 0
    assert {Path(s["origin"]).suffix for s in report["skipped"]} == {".md"}


def test_the_counted_total_matches_what_is_read(tmp_path: Path, corpus: Path, seed_records):
    folder = _folder(tmp_path, seed_records[0]["text"])
    (folder / "more.jsonl").write_text("".join(json.dumps(r) + "\n" for r in seed_records[:-1])
                                       + json.dumps(seed_records[-1]), encoding="utf-8")  # no final newline
    for paths in ([folder], [corpus]):
        read = sum(isinstance(item, (RawDocument, ReadError)) for item in read_paths(paths))
        assert count_documents(paths) == read


@pytest.mark.slow
def test_the_progress_bar_on_a_terminal_shows_the_total_and_the_time_left(tmp_path: Path, seed_records):
    folder = _folder(tmp_path, seed_records[0]["text"])
    (folder / "more.jsonl").write_text("".join(json.dumps(r) + "\n" for r in seed_records), encoding="utf-8")
    total = 2 + len(seed_records)
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "accord", "ingest", str(folder), "--db", str(tmp_path / "s.sqlite"),
                             "-w", "1"], stdin=follower, stdout=follower, stderr=follower,
                            env={**os.environ, "COLUMNS": "200", "TERM": "xterm"})
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    proc.wait(timeout=120)
    os.close(leader)
    screen = seen.decode("utf-8", "replace")
    assert proc.returncode == 0, screen
    assert f"/{total}" in screen and "ETA" in screen
