"""The command line loads only what a command uses, says its version, and completes in a shell.

Start-up time itself is measured by bench/bench_cli.py; these tests check what makes it
fast (which libraries a command imports), run in a fresh interpreter each.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import version

import pytest
from typer.testing import CliRunner

from accord.interfaces.cli import app
from accord.interfaces.cli.lazy import COMMAND_MODULES, PACKAGE, command_modules

# Libraries that cost a second or more to import or to load, and which commands need them.
PRESS_STACK = ("trafilatura", "datasketch", "scipy", "htmldate", "lxml.html")
SERVER = ("fastapi", "uvicorn", "starlette", "jinja2")
LANGUAGE = ("lingua", "pymorphy3", "dateparser")

PROBE = """
import json, sys
from accord.interfaces.cli import app
try:
    app(sys.argv[1:], prog_name="accord")
except SystemExit as exit:
    code = exit.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def imported_by(*args: str, tmp_path) -> set[str]:
    """The modules loaded by one `accord ARGS` in a fresh interpreter (output discarded)."""
    env = {**os.environ, "ACCORD_DB": str(tmp_path / "accord.sqlite")}
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] in (0, None), done.stderr
    return set(result["modules"])


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return [name for name in names if name in modules]


@pytest.mark.slow  # a fresh interpreter each
@pytest.mark.parametrize("args", [["treaties", "--json"], ["status", "rus-irn-2025", "--on", "2025-06-13", "--json"],
                                  ["show", "rus-irn-2025", "--article", "3", "--json"]])
def test_catalog_commands_load_neither_the_press_stack_nor_the_server_nor_language_models(args, tmp_path):
    modules = imported_by(*args, tmp_path=tmp_path)
    assert "accord.knowledge.catalog" in modules  # the probe really ran the command
    assert loaded(modules, PRESS_STACK + SERVER + LANGUAGE) == []


@pytest.mark.slow
def test_check_loads_the_claim_extractor_but_not_html_cleaning_near_duplicates_or_the_server(tmp_path):
    modules = imported_by("check", "Russia is now obliged to defend Iran militarily.", "--json", tmp_path=tmp_path)
    assert "accord.press.claims.extract" in modules
    assert loaded(modules, PRESS_STACK + SERVER) == []


def test_version_is_the_installed_distributions():
    out = CliRunner().invoke(app, ["--version"])
    assert out.exit_code == 0
    assert out.stdout.strip() == f"accord {version('accord')}"


def test_every_command_is_mapped_to_the_module_that_registers_it():
    """The lazy group finds a command through COMMAND_MODULES; a command missing there still runs,
    but only after every module has been imported, so the map must follow the modules."""
    import importlib

    for module in command_modules():
        importlib.import_module(f"{PACKAGE}.{module}")
    registered = {info.name: info.callback.__module__.rsplit(".", 1)[-1] for info in app.registered_commands}
    assert registered == COMMAND_MODULES


def test_help_lists_every_command():
    out = CliRunner().invoke(app, ["--help"])
    assert out.exit_code == 0
    listed = {line.split()[1] for line in out.stdout.splitlines() if line.startswith("│ ") and len(line.split()) > 2}
    assert set(COMMAND_MODULES) <= listed


def complete(words: str, tmp_path) -> list[str]:
    """What bash completion offers after ``words`` (the last word being completed)."""
    env = {**os.environ, "_ACCORD_COMPLETE": "complete_bash", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
           "ACCORD_DB": str(tmp_path / "accord.sqlite")}
    done = subprocess.run([sys.executable, "-m", "accord"], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.mark.slow  # completing command names imports every command module, three times
def test_shell_completion_offers_commands_and_their_options(tmp_path):
    assert {"status", "scenario", "search", "serve", "show", "sources"} <= set(complete("accord s", tmp_path))
    assert "treaties" not in complete("accord s", tmp_path)
    assert "--on" in complete("accord status rus-irn-2025 --", tmp_path)


def test_completion_script_names_the_program():
    # The source_bash request is what `eval "$(_ACCORD_COMPLETE=source_bash accord)"` sends; unlike
    # --show-completion, it does not guess the shell from the parent process (a test run under
    # `make` or `nohup` has `sh` there, which has no completion).
    out = CliRunner().invoke(app, [], prog_name="accord", env={"_ACCORD_COMPLETE": "source_bash"})
    assert out.exit_code == 0, out.output
    assert "_ACCORD_COMPLETE=complete_bash" in out.stdout
