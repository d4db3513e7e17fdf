"""docs/json.md against the answer models and against real output: every key a model has is
documented in its command's section, and what each command prints is exactly its model's shape."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pydantic import BaseModel, TypeAdapter
from typer.testing import CliRunner

from accord import contract
from accord.interfaces.cli import app
from shared_data import corpus_file

DOC = Path(__file__).resolve().parents[1] / "docs" / "json.md"

# command (as its section heading names it) -> the model of what it prints
SECTIONS = {
    "status": contract.Status,
    "scenario": contract.ScenarioAnswer,
    "compare": contract.Comparison,
    "check": list[contract.JudgedClaim],
    "eval": contract.EvalReport,
    "ingest": contract.IngestReport,
    "claims": list[contract.StoredClaim],
    "sources": list[contract.OutletScore],
    "doc": contract.StoredDocument,
    "docs": list[contract.DocumentRow],
    "search": list[contract.SearchHit],
    "rejudge": contract.RejudgeReport,
}


def _sections() -> dict[str, str]:
    text = DOC.read_text(encoding="utf-8")
    parts = re.split(r"^## `accord (\S+)", text, flags=re.M)
    return {name: body.split("\n", 1)[1] for name, body in zip(parts[1::2], parts[2::2])}  # the heading's rest dropped


def _model(annotation) -> type[BaseModel]:
    return annotation.__args__[0] if getattr(annotation, "__args__", None) else annotation


def _keys(model: type[BaseModel], depth: int = 2) -> set[str]:
    """Field names of the model and of the models it nests, ``depth`` levels down."""
    keys = set(model.model_fields)
    if depth:
        for field in model.model_fields.values():
            for inner in _nested(field.annotation):
                keys |= _keys(inner, depth - 1)
    return keys


def _nested(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) for m in _nested(arg)]


@pytest.mark.parametrize("command", sorted(SECTIONS))
def test_every_key_of_the_model_is_documented(command):
    sections = _sections()
    assert command in sections, f"docs/json.md has no section for accord {command}"
    body = sections[command]
    code = re.findall(r"```(.*?)```", body, flags=re.S) + re.findall(r"`([^`]+)`", re.sub(r"```.*?```", "", body, flags=re.S))
    documented = {word for span in code for word in re.findall(r"[a-z_0-9]+", span)}
    missing = _keys(_model(SECTIONS[command])) - documented
    assert not missing, f"accord {command}: keys of the answer not in docs/json.md: {sorted(missing)}"


def _run(*args: str):
    out = CliRunner().invoke(app, [*args, "--json"])
    assert out.exit_code in (0, 1), out.output  # ingest exits 1 when some file was not stored
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("docs") / "accord.sqlite")
    _run("ingest", str(corpus_file("seeds.jsonl")), "--db", db, "--workers", "1")
    return db


def _outputs(db: str) -> dict[str, object]:
    some_doc = _run("claims", "--db", db, "--limit", "1")[0]["doc_id"]
    return {
        "status": _run("status", "jcpoa-2015", "--on", "2025-11-22"),
        "scenario": _run("scenario", "--event", "snapback-notification", "--by", "E3", "--on", "2025-08-28"),
        "compare": _run("compare", "rus-irn-2025", "nato-1949", "rus-irn-2001"),
        "check": _run("check", "Russia is now obliged to defend Iran militarily. The treaty has 47 articles."),
        "eval": _run("eval", str(corpus_file("seeds.jsonl"))),
        "ingest": _run("ingest", str(corpus_file("seeds.jsonl")), "--db", db, "--workers", "1"),
        "claims": _run("claims", "--db", db, "--limit", "5"),
        "sources": _run("sources", "--db", db),
        "doc": _run("doc", some_doc, "--db", db),
        "search": _run("search", "treaty", "--db", db, "--limit", "3"),
        "rejudge": _run("rejudge", "--db", db),
    }


def test_each_command_prints_exactly_its_model(filled):
    for command, output in _outputs(filled).items():
        adapter = TypeAdapter(SECTIONS[command])
        assert output, command  # a real answer, not an empty one
        assert adapter.dump_python(adapter.validate_python(output), mode="json") == output, command
