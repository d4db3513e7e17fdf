"""The check page by GET: a permalink renders the same answer the form does."""

from __future__ import annotations

import html
import re
from pathlib import Path

from typer.testing import CliRunner

from accord.interfaces.cli import app

SENTENCE = "Russia is now obliged to defend Iran militarily & at once."


def _cards(page: str) -> list[str]:
    return re.findall(r'<article class="claim-card.*?</article>', page, re.S)


def test_the_posted_answer_shows_a_permalink_that_renders_the_same_answer(client):
    posted = client.post("/check", data={"text": SENTENCE, "lang": "en"})
    assert posted.status_code == 200
    link = re.search(r'href="([^"]+)" id="permalink"', posted.text)
    assert link and link.group(1), "the result names its permalink"
    url = html.unescape(link.group(1))
    assert url.startswith("/check?")
    got = client.get(url)
    assert got.status_code == 200
    assert _cards(got.text) == _cards(posted.text) and _cards(got.text)
    assert "contradicted" in _cards(got.text)[0]


def test_check_by_get_reads_the_language_and_detects_it_when_absent(client):
    russian = client.get("/check", params={"text": "Россия обязана защищать Иран в случае нападения.", "lang": "ru"})
    assert russian.status_code == 200 and "(text in ru)" in russian.text and "contradicted" in russian.text
    detected = client.get("/check", params={"text": SENTENCE})
    assert detected.status_code == 200 and "(text in en)" in detected.text


def test_check_by_get_without_text_is_the_empty_form_and_bad_input_is_422(client):
    form = client.get("/check")
    assert form.status_code == 200 and "claim-card" not in form.text and 'id="permalink"' not in form.text
    assert client.get("/check", params={"text": "  "}).status_code == 422
    odd = client.get("/check", params={"text": "Russia signed.", "lang": "he"})
    assert odd.status_code == 422 and "unknown language" in odd.text


def test_accord_check_does_not_create_or_write_a_store(tmp_path: Path, monkeypatch):
    db = tmp_path / "accord.sqlite"
    monkeypatch.setenv("ACCORD_DB", str(db))
    result = CliRunner().invoke(app, ["check", SENTENCE, "--json"])
    assert result.exit_code == 0, result.output
    assert "mutual_defense" in result.stdout
    assert not db.exists()
