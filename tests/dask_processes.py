"""A real Dask cluster for tests: `dask scheduler` and `dask worker` processes on loopback.

Each process runs in its own session, so ending it (SIGTERM, then SIGKILL for what is left)
also ends the worker a nanny started; nothing outlives the test.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

BIN = Path(sys.executable).parent


def _end(process: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(process.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


@contextmanager
def dask_cluster(workers: int, folder: Path, *, start_timeout: float = 90.0) -> Iterator[str]:
    """Yields the scheduler's address once ``workers`` worker processes have joined it."""
    from distributed import Client

    started: list[subprocess.Popen] = []
    info, log = folder / "scheduler.json", (folder / "cluster.log").open("ab")

    def start(*args: str) -> None:
        started.append(subprocess.Popen([str(BIN / "dask"), *args], stdout=log, stderr=subprocess.STDOUT,
                                        start_new_session=True))

    try:
        start("scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", str(info))
        deadline = time.monotonic() + start_timeout
        while not (info.exists() and info.read_text().strip()):
            assert time.monotonic() < deadline, f"the scheduler did not start: {(folder / 'cluster.log').read_text()[-2000:]}"
            assert started[0].poll() is None, f"the scheduler exited: {(folder / 'cluster.log').read_text()[-2000:]}"
            time.sleep(0.1)
        address = json.loads(info.read_text())["address"]
        for n in range(workers):
            start("worker", address, "--nworkers", "1", "--nthreads", "1", "--memory-limit", "0", "--no-dashboard",
                  "--name", f"test-{n}")
        with Client(address, timeout=start_timeout) as client:
            client.wait_for_workers(workers, timeout=start_timeout)
        yield address
    finally:
        for process in started:
            _end(process, signal.SIGTERM)
        for process in started:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                pass
            _end(process, signal.SIGKILL)
            process.wait()
        log.close()
