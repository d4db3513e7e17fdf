"""Shared pieces of the CLI: the Typer app, the settings, JSON output through the answer models,
and one-line errors with exit code 2."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from rich.console import Console

from accord.interfaces.cli.lazy import LazyGroup

if TYPE_CHECKING:  # imported where used: `accord --version` and the catalog commands start without them
    from accord.interfaces.settings import Settings
    from accord.knowledge.catalog import Catalog

app = typer.Typer(
    name="accord",
    cls=LazyGroup,
    help="A computable, cited model of treaties, and a checker for what the press says about them.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        console.print(f"accord {version('accord')}", highlight=False)
        raise typer.Exit()


@app.callback()  # options of `accord` itself; the app's help text is the one given above
def main(
    _version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                  help="Print the installed version and exit."),
) -> None:
    pass

EXIT_BAD_INPUT = 2


def fail(message: str) -> NoReturn:
    """Print a one-line error naming the problem and exit with code 2."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(EXIT_BAD_INPUT)


def settings() -> Settings:
    """The settings of this run, from the environment."""
    from accord.interfaces.settings import Settings

    return Settings.from_environment()


def catalog() -> Catalog:
    from accord.knowledge.catalog import CatalogError

    try:
        return settings().catalog
    except CatalogError as exc:
        fail(f"the catalog is invalid: {exc}")


def today() -> dt.date:
    return settings().today()


def given(parse, *args, **kwargs):
    """``parse(*args, **kwargs)`` from :mod:`accord.interfaces.inputs`; a value it rejects ends the run (exit 2)."""
    from accord.interfaces.inputs import InputError

    try:
        return parse(*args, **kwargs)
    except InputError as exc:
        fail(exc.message)


def parse_day(value: str | None, option: str = "--on") -> dt.date:
    from accord.interfaces import inputs

    return given(inputs.day, value, today(), option)


def db_path(db: Path | None) -> Path:
    return db or settings().db_path


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def print_answer(model: Any, data: Any) -> None:
    """``data`` printed as JSON through its answer model (:mod:`accord.contract`), as the API sends it."""
    from accord.contract import dump

    print_json(dump(model, data))
