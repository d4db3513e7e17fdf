"""`accord serve`: uvicorn on create_app, loopback by default, the token only from the environment."""

from __future__ import annotations

import uvicorn
from typer.testing import CliRunner

from accord.interfaces.cli import app as cli_app


def _serve(monkeypatch, args: list[str], env: dict[str, str] | None = None):
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda application, **options: calls.append((application, options)))
    for name in ("ACCORD_INGEST_TOKEN", "MY_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    for name, value in (env or {}).items():
        monkeypatch.setenv(name, value)
    out = CliRunner().invoke(cli_app, ["serve", *args])
    return out, calls


def test_defaults_listen_on_loopback_with_ingest_off(monkeypatch, tmp_path):
    out, calls = _serve(monkeypatch, ["--db", str(tmp_path / "s.sqlite")])
    assert out.exit_code == 0, out.output
    (application, options), = calls
    assert (options["host"], options["port"], options["workers"]) == ("127.0.0.1", 8000, 1)
    assert application.state.settings.ingest_token is None and application.state.settings.db_path == tmp_path / "s.sqlite"
    assert "http://127.0.0.1:8000/" in out.output and "ingest over HTTP: off" in out.output


def test_token_comes_from_the_named_environment_variable(monkeypatch, tmp_path):
    out, calls = _serve(monkeypatch, ["--port", "8123", "--db", str(tmp_path / "s.sqlite"), "--ingest-token-env", "MY_TOKEN"],
                        env={"MY_TOKEN": "sesame", "ACCORD_INGEST_TOKEN": "not-this-one"})
    assert out.exit_code == 0, out.output
    (application, options), = calls
    assert application.state.settings.ingest_token == "sesame" and options["port"] == 8123
    assert "sesame" not in out.output and "on (token from $MY_TOKEN)" in out.output


def test_default_token_variable(monkeypatch, tmp_path):
    out, calls = _serve(monkeypatch, ["--db", str(tmp_path / "s.sqlite")], env={"ACCORD_INGEST_TOKEN": "abc"})
    assert calls[0][0].state.settings.ingest_token == "abc"


def test_no_option_takes_the_token_itself(monkeypatch):
    out, calls = _serve(monkeypatch, ["--ingest-token", "sesame"])
    assert out.exit_code != 0 and not calls


def test_bad_arguments_are_refused(monkeypatch, tmp_path):
    out, calls = _serve(monkeypatch, ["--port", "70000"])
    assert out.exit_code == 2 and not calls
    out, calls = _serve(monkeypatch, ["--db", str(tmp_path)])
    assert out.exit_code == 2 and "directory" in out.output and not calls
