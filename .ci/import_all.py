"""Import every module of the installed accord package; list the ones that fail and exit 1.

Run by .ci/run in a fresh environment holding only the runtime dependencies, so a dependency
that is used but not declared (or declared in a way an older pip cannot resolve) shows up here.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import traceback

import accord


def main() -> int:
    names = ["accord"] + [m.name for m in pkgutil.walk_packages(accord.__path__, prefix="accord.")
                          if not m.name.endswith(".__main__")]  # that one runs the command line
    failed = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - every failure is reported, none stops the rest
            failed.append(name)
            print(f"cannot import {name}:\n{traceback.format_exc(limit=3)}", file=sys.stderr)
    print(f"imported {len(names) - len(failed)} of {len(names)} accord modules" + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
