"""Shared pieces of the CLI: the Typer app, JSON output, and one-line errors with exit code 2."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any, NoReturn

import typer
from rich.console import Console

from accord.interfaces.cli.lazy import LazyGroup

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


def parse_day(value: str | None, option: str = "--on") -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"bad date '{value}' for {option}: expected YYYY-MM-DD")


def _default(obj: Any) -> Any:
    if isinstance(obj, (dt.date, dt.datetime)):
        return obj.isoformat()
    if hasattr(obj, "model_dump"):
        return obj.model_dump(mode="json")
    if hasattr(obj, "value"):
        return obj.value
    raise TypeError(f"cannot serialise {type(obj).__name__}")


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_default) + "\n")
