"""The ``accord`` command line: a thin shell over the library.

Each command group lives in its own module and registers its commands on
``app``; this module only assembles them.
"""

from accord.interfaces.cli.common import app
from accord.interfaces.cli import treaty_cmds  # noqa: F401  (registers commands)

for _optional in ("reasoning_cmds", "check_cmds", "press_cmds", "serve_cmds", "text_cmds"):
    try:
        __import__(f"accord.interfaces.cli.{_optional}")
    except ModuleNotFoundError as exc:  # a group not built yet must not break the rest
        if exc.name != f"accord.interfaces.cli.{_optional}":
            raise

__all__ = ["app"]
