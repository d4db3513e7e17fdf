"""Start-up cost of the command line: CPU time of one `accord` process per command.

    .venv/bin/python bench/bench_cli.py              # 7 runs per command
    .venv/bin/python bench/bench_cli.py --runs 11

Each command runs as its own process (``python -m accord …``, output discarded), as a user
would run it; the figure is that process's user + system CPU time from getrusage, which
counts what the command costs rather than how busy the machine is (wall time is printed
beside it, for the record).  One run first warms the file cache, then the median of
``--runs`` runs is compared with the target.  A temporary, empty store is used, so the
figures do not depend on what has been ingested.  Exit code 1 when a median misses its
target.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

# (label, arguments, CPU-second target)
COMMANDS: list[tuple[str, list[str], float]] = [
    ("--version", ["--version"], 0.5),
    ("treaties", ["treaties"], 0.5),
    ("status", ["status", "rus-irn-2025", "--on", "2025-06-13"], 0.5),
    ("check (en)", ["check", "Russia is now obliged to defend Iran militarily."], 1.5),
    ("check (ru)", ["check", "Договор заключен сроком на 20 лет с автоматическим продлением"], 1.5),
]


def run_once(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one `accord` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "accord", *args], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"accord {' '.join(args)} failed ({done.returncode}): {done.stderr.decode()[-400:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command (the median is reported)")
    options = parser.parse_args()
    missed = 0
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "ACCORD_DB": os.path.join(tmp, "accord.sqlite"), "COLUMNS": "100"}
        print(f"{'command':<12} {'CPU s (median)':>15} {'min':>6} {'max':>6} {'wall s':>7} {'target':>7}")
        for label, args, target in COMMANDS:
            run_once(args, env)  # file cache warm, first-use files written
            cpu, wall = zip(*(run_once(args, env) for _ in range(options.runs)))
            median = statistics.median(cpu)
            verdict = "ok" if median <= target else "MISSED"
            missed += median > target
            print(f"{label:<12} {median:>15.3f} {min(cpu):>6.3f} {max(cpu):>6.3f} {statistics.median(wall):>7.3f} "
                  f"{target:>6.1f}  {verdict}")
    print(f"{options.runs} runs per command; CPU = user + system time of the accord process")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
