"""Commands loaded on demand, so that a command imports only what it uses.

Each command module registers its commands on the Typer app when it is imported, and its
imports are what a command costs to start: the press stack (trafilatura, datasketch, lingua)
and the web server are not needed to list the catalog. ``COMMAND_MODULES`` says which module
defines which command; the group imports that one module when the command is called, and
all of them only to list every command (``--help``, shell completion of command names).
A command missing from the map still works: the group then imports every module to find it
(a test checks that the map matches what the modules register).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

import click
from typer.core import TyperGroup

if TYPE_CHECKING:
    import typer

PACKAGE = "accord.interfaces.cli"

COMMAND_MODULES: dict[str, str] = {
    "treaties": "treaty_cmds",
    "show": "treaty_cmds",
    "status": "treaty_cmds",
    "scenario": "reasoning_cmds",
    "compare": "reasoning_cmds",
    "export": "reasoning_cmds",
    "test": "reasoning_cmds",
    "check": "check_cmds",
    "eval": "check_cmds",
    "languages": "lang_cmds",
    "ingest": "press_cmds",
    "claims": "list_cmds",
    "docs": "list_cmds",
    "sources": "list_cmds",
    "doc": "press_cmds",
    "search": "list_cmds",
    "rejudge": "press_cmds",
    "implementation": "implementation_cmds",
    "events": "implementation_cmds",
    "serve": "serve_cmds",
    "import": "text_cmds",
    "diff-coding": "text_cmds",
}


def command_modules() -> list[str]:
    """Every module that registers commands, in the order ``--help`` lists them."""
    return list(dict.fromkeys(COMMAND_MODULES.values()))


class LazyGroup(TyperGroup):
    """A Typer group that imports a command's module the first time the command is looked up."""

    def _app(self) -> "typer.Typer":
        from accord.interfaces.cli.common import app  # the app is built before any group exists

        return app

    def _load(self, module: str) -> None:
        importlib.import_module(f"{PACKAGE}.{module}")
        from typer.main import get_command_from_info, get_command_name

        app = self._app()
        for info in app.registered_commands:
            if (info.name or get_command_name(info.callback.__name__)) in self.commands:
                continue
            command = get_command_from_info(
                info, pretty_exceptions_short=app.pretty_exceptions_short, rich_markup_mode=app.rich_markup_mode
            )
            if command.name:
                self.commands[command.name] = command

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            module = COMMAND_MODULES.get(cmd_name)
            for name in [module] if module else command_modules():
                self._load(name)
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        for module in command_modules():
            self._load(module)
        return super().list_commands(ctx)
