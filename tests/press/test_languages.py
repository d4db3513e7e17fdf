"""`accord languages`: analysed languages are exactly the packs; the detector's other languages are
listed as not analysed, and their paragraphs are counted, never read for claims."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from accord.interfaces.cli import app
from accord.press.lang import analysed_languages
from accord.press.languages import NOT_ANALYSED, languages
from accord.press.pipeline import process
from accord.press.read import RawDocument
from judging_context import CATALOG, TODAY


def test_every_pack_is_analysed_and_other_detected_languages_are_not():
    by_code = {lang.code: lang for lang in languages().languages}
    assert {code for code, lang in by_code.items() if lang.status == "analysed"} == set(analysed_languages())
    for code in ("he", "id", "el", "uk", "it"):
        assert by_code[code].status == NOT_ANALYSED and by_code[code].reason
    assert by_code["he"].name == "Hebrew" and by_code["id"].name == "Indonesian"


def test_cli_lists_the_same_answer_as_json():
    result = CliRunner().invoke(app, ["languages", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == languages().model_dump(mode="json")
    table = CliRunner().invoke(app, ["languages"])
    assert table.exit_code == 0 and "Indonesian" in table.stdout and "not analysed" in table.stdout


def test_paragraphs_without_a_pack_are_counted_not_guessed():
    text = ("Russia and Iran signed the treaty in Moscow on 17 January 2025; it is not a military alliance.\n\n"
            "Perjanjian itu ditandatangani di Moskow dan bukan aliansi militer, kata para diplomat kedua negara.\n\n"
            "האמנה נחתמה במוסקבה ואינה ברית צבאית, אמרו הדיפלומטים של שתי המדינות.")
    doc = process(RawDocument(id="mixed", text=text), CATALOG, TODAY)
    assert doc.not_analysed == {"id": 1, "he": 1}
    assert doc.claims and all(c.lang == "en" for c in doc.claims)


def test_the_api_gives_the_same_answer():
    from fastapi.testclient import TestClient

    from accord.interfaces.app import create_app

    client = TestClient(create_app())
    r = client.get("/api/languages")
    assert r.status_code == 200 and r.json() == languages().model_dump(mode="json")
