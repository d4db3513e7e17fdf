"""The ``accord`` command line: a thin shell over the library.

Each command group lives in its own module and registers its commands on ``app``; the app
imports a module only when one of its commands is called (see ``lazy``).
"""

from accord.interfaces.cli.common import app

__all__ = ["app"]
