"""`accord import` and `accord diff-coding` through the command line, on a temporary user catalog."""

from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from accord.interfaces.cli import app
from accord.knowledge.catalog import catalog_with_user
from accord.reasoning.diff_coding import diff_coding
from tests.treaty_text.conftest import TREATIES

runner = CliRunner()


@pytest.fixture
def user_catalog(tmp_path, monkeypatch):
    folder = tmp_path / "catalog"
    monkeypatch.setenv("ACCORD_CATALOG", str(folder))
    catalog_with_user.cache_clear()
    yield folder
    catalog_with_user.cache_clear()


def _run(*args):
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr if hasattr(result, "stderr") else ""


def test_import_nato_then_diff_coding_lists_what_the_hand_coding_lacks(user_catalog):
    code, out, _ = _run("import", str(TREATIES / "nato-1949.txt"), "--id", "nato-1949", "--json")
    assert code == 0, out
    answer = json.loads(out)
    assert answer["treaty"] == "nato-1949" and answer["language"] == "en" and answer["attached"] and answer["stored"]
    assert [a["number"] for a in answer["articles"]] == list(range(1, 15))
    para = answer["articles"][4]["paragraphs"][0]
    assert {"number", "text", "start", "end", "coding"} <= set(para)
    assert answer["types"]["defense"] and answer["types"]["consultation"] and not answer["types"]["offense"]
    assert (user_catalog / "texts" / "nato-1949" / "en.json").is_file()
    assert not (user_catalog / "treaties").exists()  # a built-in treaty is never overwritten

    code, out, _ = _run("diff-coding", "nato-1949", "--json")
    assert code == 0, out
    diff = json.loads(out)
    treaty = catalog_with_user(user_catalog).treaty("nato-1949")
    hand = {a.number for a in treaty.articles}
    assert diff["lacking_in_hand"] == [n for n in range(1, 15) if n not in hand]
    assert [a["article"] for a in diff["articles"]] == list(range(1, 15))
    art5 = next(a for a in diff["articles"] if a["article"] == 5)
    assert art5["status"] == "agree" and art5["text_obligations"] == ["defense"]

    # the hand coding as it stood before Arts. 7-9 and 11-14 were coded: the diff names exactly those
    older = treaty.model_copy(update={"articles": [a for a in treaty.articles if a.number not in (7, 8, 9, 11, 12, 13, 14)]})
    record = catalog_with_user(user_catalog).texts["nato-1949"]["en"]
    result = diff_coding(older, record)
    assert result.lacking_in_hand == [7, 8, 9, 11, 12, 13, 14]
    art9 = next(a for a in result.articles if a.article == 9)
    assert art9.status == "only_in_text" and art9.text_obligations == ["military_cooperation"]
    art13 = next(a for a in result.articles if a.article == 13)
    assert "life cycle: withdrawal" in art13.text and any("notice" in line for line in art13.text)


def test_reimport_needs_replace_and_dry_run_stores_nothing(user_catalog):
    path = str(TREATIES / "mrp-1939.txt")
    code, out, _ = _run("import", path, "--id", "mrp-1939-text", "--dry-run", "--json")
    assert code == 0 and not json.loads(out)["stored"] and not user_catalog.exists()
    answer = json.loads(out)
    assert [i["kind"] for i in answer["instruments"]] == ["protocol"] and len(answer["instruments"][0]["articles"]) == 4
    code, out, _ = _run("import", path, "--id", "mrp-1939-text", "--party", "DEU", "--party", "SUN")
    assert code == 0, out
    treaty = catalog_with_user(user_catalog).treaty("mrp-1939-text")
    assert treaty.term.initial_years == 10 and treaty.term.renewal_years == 5 and treaty.term.notice_months == 12
    catalog_with_user.cache_clear()
    code, _, _ = _run("import", path, "--id", "mrp-1939-text", "--party", "DEU")
    assert code == 2
    code, _, _ = _run("import", path, "--id", "mrp-1939-text", "--party", "DEU", "--party", "SUN", "--replace")
    assert code == 0


def test_new_treaty_without_named_parties_is_refused_before_anything_is_written(user_catalog):
    code, _, _ = _run("import", str(TREATIES / "un-charter-51-54.txt"), "--id", "un-excerpt")
    assert code == 2 and not user_catalog.exists()


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("plain.txt", "A text with no numbering at all.\n\nJust paragraphs about friendship.", "no article headings"),
        ("bin.txt", b"\x00\x01\x02binary\x00", "binary file"),
        ("bad.xml", "<?xml version='1.0'?><akomaNtoso><act>", "not well-formed XML"),
        ("old.xml", "<?xml version='1.0'?><akomaNtoso xmlns='http://www.akomantoso.org/2.0'><act/></akomaNtoso>", "another Akoma Ntoso schema version"),
        ("mixed.txt", "Article 1\n\nThe Parties.\n\nСтатья 1\n\nСтороны.\n\nArticle 2\n\nMore.\n\nСтатья 2\n\nЕщё.", "more than one language"),
        ("latin1.txt", "Article 1\n\nLes Parties coopèrent.".encode("latin-1"), "not UTF-8"),
    ],
)
def test_bad_input_gets_a_precise_error_and_writes_nothing(user_catalog, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    result = runner.invoke(app, ["import", str(path), "--id", "x-test"])
    assert result.exit_code == 2
    assert message in result.output.replace("\n", " ")
    assert not user_catalog.exists()


def test_a_20_mb_file_is_refused_by_size(user_catalog, tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.write(b"Article 1\n\n")
        handle.write(b"The Parties cooperate. " * (20 * 1024 * 1024 // 23 + 1))
    result = runner.invoke(app, ["import", str(path), "--id", "big-test"])
    assert result.exit_code == 2 and "20.0 MB" in result.output and "at most 10 MB" in result.output
    assert not user_catalog.exists()


def test_a_text_in_another_language_than_its_headings_is_listed(user_catalog, tmp_path):
    path = tmp_path / "mixed-body.txt"
    path.write_text(
        "Article 1\n\nThe Parties shall cooperate closely in the field of economic relations and trade between them.\n\n"
        "Article 2\n\nEach Party shall inform the other Party of any measures it takes in the field of trade policy.\n\n"
        "Article 3\n\nСтороны развивают военно-техническое сотрудничество и проводят совместные учения на регулярной основе.\n",
        encoding="utf-8",
    )
    code, out, _ = _run("import", str(path), "--id", "mix-test", "--dry-run", "--json")
    assert code == 0
    assert any("3 (ru)" in w for w in json.loads(out)["warnings"])


def test_unreadable_user_record_does_not_hide_the_catalog(user_catalog):
    bad = user_catalog / "texts" / "nato-1949" / "en.json"
    bad.parent.mkdir(parents=True)
    bad.write_text("{not json", encoding="utf-8")
    catalog = catalog_with_user(user_catalog)
    assert "nato-1949" in catalog.treaties and not catalog.texts
    assert catalog.problems and "texts/nato-1949/en.json" in catalog.problems[0]


def test_default_user_catalog_is_not_touched_by_the_tests():
    assert os.environ.get("ACCORD_CATALOG") is None or "catalog" in os.environ["ACCORD_CATALOG"]


def test_export_akn_from_the_command_line_and_reimport(user_catalog, tmp_path):
    assert _run("import", str(TREATIES / "nato-1949.txt"), "--id", "nato-1949")[0] == 0
    result = runner.invoke(app, ["export", "nato-1949", "--format", "akn"])
    assert result.exit_code == 0 and result.stdout.startswith("<akomaNtoso")
    from accord.reasoning.akn import validate

    assert validate(result.stdout) == []
    path = tmp_path / "nato.xml"
    path.write_text(result.stdout, encoding="utf-8")
    code, out, _ = _run("import", str(path), "--id", "nato-1949", "--dry-run", "--json")
    assert code == 0 and json.loads(out)["source"]["format"] == "akn"
    assert runner.invoke(app, ["export", "--format", "akn"]).exit_code == 2
    assert runner.invoke(app, ["export", "csto-1992", "--format", "akn"]).exit_code == 2  # no imported text
    assert runner.invoke(app, ["export", "nato-1949", "--format", "atop-csv"]).exit_code == 2


def test_html_treaty_text_is_read_as_its_visible_text(user_catalog, tmp_path):
    html = (
        "<!DOCTYPE html><html><head><title>x</title><script>var a = 'Article 9';</script></head><body>"
        "<nav>Home | Treaties</nav><h1>TREATY OF AMITY</h1><p>The Parties have agreed as follows:</p>"
        "<h2>Article 1</h2><p>1. Each Party shall refrain from the threat or use of force against the other.</p>"
        "<p>2. The Parties shall consult each other whenever the security of either of them is threatened.</p>"
        "<h2>Article 2</h2><p>This Treaty is concluded for a period of ten years.</p></body></html>"
    )
    path = tmp_path / "amity.html"
    path.write_text(html, encoding="utf-8")
    code, out, _ = _run("import", str(path), "--id", "amity-test", "--dry-run", "--json")
    assert code == 0, out
    answer = json.loads(out)
    assert answer["source"]["format"] == "html" and answer["title"] == "TREATY OF AMITY"
    assert [a["number"] for a in answer["articles"]] == [1, 2]
    assert [p["number"] for p in answer["articles"][0]["paragraphs"]] == ["1", "2"]
    assert answer["articles"][0]["obligations"] == ["consultation", "nonaggression"]
    assert answer["final_clauses"] == [2]
