"""CLI edges: user values printed literally, unusable paths, dates and limits, arguments that are not
text, and worker processes that end with the ingest that started them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.interfaces.cli import app

ACCORD = str(Path(sys.executable).parent / "accord")


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize("args", [["show", "[/x]"], ["show", "rus[bold]-irn"], ["status", "[/]", "--on", "2025-01-01"]])
def test_user_values_are_printed_literally_never_as_markup(args):
    out = run(*args)
    assert out.exit_code == 2, out.output
    assert args[1] in out.output and "Traceback" not in out.output


def test_a_missing_document_id_with_markup_is_named_literally(tmp_path):
    out = run("doc", "[/x]", "--db", str(tmp_path / "s.sqlite"))
    assert out.exit_code == 2 and "'[/x]'" in out.output


def test_a_db_whose_folder_cannot_be_created_is_exit_2(tmp_path):
    (tmp_path / "plain-file").write_text("x")
    for command in (["sources"], ["search", "treaty"]):
        out = run(*command, "--db", str(tmp_path / "plain-file" / "sub" / "s.sqlite"))
        assert out.exit_code == 2, out.output
        assert "cannot create its folder" in out.output and len(out.output.strip().splitlines()) == 1


@pytest.mark.parametrize("args", [["status", "rus-irn-2025", "--on", "9999-12-31"],
                                  ["scenario", "--event", "aggression", "--by", "ISR", "--against", "IRN", "--on", "9999-12-31"]])
def test_a_day_past_the_last_answered_one_is_exit_2_naming_it(args):
    out = run(*args)
    assert out.exit_code == 2 and "the latest day answered is 9899-12-31" in out.output


def test_a_huge_limit_is_exit_2(tmp_path):
    out = run("claims", "--limit", "99999999999999999999", "--db", str(tmp_path / "s.sqlite"))
    assert out.exit_code == 2 and "--limit" in out.output


def test_an_argument_that_is_not_utf8_is_exit_2_naming_it(tmp_path):
    done = subprocess.run([ACCORD.encode(), b"doc", b"caf\xe9", b"--db", str(tmp_path / "s.sqlite").encode()],
                          capture_output=True, timeout=60, env={**os.environ, "LC_ALL": "C.UTF-8"})
    assert done.returncode == 2, done.stderr
    assert b"not valid UTF-8" in done.stderr and b"Traceback" not in done.stderr


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process tree from /proc")
def test_worker_processes_end_when_the_ingest_is_killed(tmp_path):
    rows = [{"id": f"d{i}", "text": f"Russia and Iran signed the partnership treaty, report {i}. " * 40} for i in range(3000)]
    source = tmp_path / "many.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    ingest = subprocess.Popen([ACCORD, "ingest", str(source), "--db", str(tmp_path / "s.sqlite"), "--workers", "2", "--json"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        workers: set[int] = set()
        while len(workers) < 3 and time.monotonic() < deadline:  # the fork server and its two workers
            time.sleep(0.2)
            workers = {p for p in _descendants(ingest.pid) if _alive(p)}
        assert len(workers) >= 3, "the pool did not start"
        ingest.send_signal(signal.SIGKILL)
        ingest.wait(timeout=10)
        # A worker still starting when the ingest dies ends once it has imported the pipeline and run its
        # initialiser, which takes seconds on a busy machine; without the initialiser none of them ever ends.
        deadline = time.monotonic() + 90
        while any(_alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [p for p in workers if _alive(p)]
    finally:
        if ingest.poll() is None:
            ingest.kill()
