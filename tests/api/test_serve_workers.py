"""`accord serve --workers N`: N processes answer on one port, and they end with the command,
whether it is stopped or killed."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ACCORD = str(Path(sys.executable).parent / "accord")


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(c) for c in (task / "children").read_text().split()}
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def _start(tmp_path, workers: int) -> tuple[subprocess.Popen, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([ACCORD, "serve", "--port", str(port), "--db", str(tmp_path / "s.sqlite"), "--workers", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/treaties", timeout=2).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.3)
    proc.kill()
    raise AssertionError("the server did not start")


def _wait_gone(pids: set[int], seconds: float = 30) -> set[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(_alive(p) for p in pids):
        time.sleep(0.2)
    return {p for p in pids if _alive(p)}


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads the process tree from /proc (Linux)")
@pytest.mark.parametrize("stop", ["terminate", "kill"])
def test_workers_share_the_port_and_end_with_the_command(tmp_path, stop):
    proc, base = _start(tmp_path, workers=2)
    try:
        workers = _children(proc.pid)
        assert len(workers) == 2
        with httpx.Client(base_url=base) as client:  # every answer comes, whichever worker takes it
            assert all(client.get("/api/scenario", params={"event": "aggression", "by": "ISR", "against": "IRN",
                                                           "on": "2025-11-01"}).status_code == 200 for _ in range(20))
        assert {p for p in workers if _alive(p)} == workers
        if stop == "terminate":
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=30) == 0
        else:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        assert _wait_gone(workers) == set()
    finally:
        if proc.poll() is None:
            proc.kill()
