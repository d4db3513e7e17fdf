"""Quality against the shared gold corpus and the evaluator's own behaviour."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from accord.interfaces.cli import app
from accord.press.evaluate import Counts, EvalInputError, compatible, evaluate
from judging_context import CATALOG, TODAY

from shared_data import corpus_file


@pytest.fixture(scope="module")
def reports():
    return [evaluate(corpus_file(name), CATALOG, TODAY) for name in ("seeds.jsonl", "dev.jsonl")]


def _combined(reports, lang: str) -> dict:
    total = Counts()
    for r in reports:
        if lang in r.by_lang:
            total.add(r.by_lang[lang])
    return total.answer().model_dump(mode="json")


@pytest.mark.slow  # the quality gates evaluate whole corpus files
def test_english_and_russian_f1_targets(reports):
    assert _combined(reports, "en")["f1"] >= 0.85
    assert _combined(reports, "ru")["f1"] >= 0.75


@pytest.mark.slow
def test_verdicts_and_the_defence_pact_guard(reports):
    total = Counts()
    for r in reports:
        total.add(r.overall)
    assert total.answer().model_dump(mode="json")["verdict_accuracy"] >= 0.95
    assert all(r.supported_flagship_defence == 0 for r in reports)


@pytest.mark.slow
def test_languages_without_a_pack_yield_no_claims(reports):
    dev = reports[1]
    assert {"el", "uk"} <= set(dev.by_lang)  # Greek and Ukrainian coverage, which no pack reads
    for lang in ("el", "uk"):
        assert dev.by_lang[lang].tp == 0 and dev.by_lang[lang].fp == 0


@pytest.fixture(scope="module")
def multilingual():
    return evaluate(corpus_file("dev_multilingual.jsonl"), CATALOG, TODAY)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["de", "fr", "es", "pt"])
def test_latin_script_languages_reach_their_f1_target(multilingual, lang):
    counts = multilingual.by_lang[lang].answer().model_dump(mode="json")
    assert counts["f1"] >= 0.75, counts
    assert counts["verdict_accuracy"] >= 0.95, counts
    assert multilingual.supported_flagship_defence == 0


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_arabic_script_languages_reach_their_f1_target(multilingual, lang):
    counts = multilingual.by_lang[lang].answer().model_dump(mode="json")
    assert counts["f1"] >= 0.75, counts
    assert counts["verdict_accuracy"] >= 0.95, counts


def test_value_compatibility():
    assert compatible("signed_on", "2025-01", "2025-01-17") and compatible("signed_on", "2025-01-17", "2025-01")
    assert not compatible("signed_on", "2025-01-17", "2025-01-18")
    assert compatible("renewal", "auto-5y", "auto") and compatible("renewal", "extendable", "auto-5y")
    assert not compatible("renewal", "none", "auto")


def test_evaluate_scores_a_small_file(tmp_path):
    rows = [
        {"id": "t1", "lang": "en", "text": "The treaty consists of 47 articles. It is not a military alliance.",
         "claims": [{"treaty": "rus-irn-2025", "type": "article_count", "value": 47, "quote": "47 articles", "verdict": "supported"},
                    {"treaty": "rus-irn-2025", "type": "duration_years", "value": 20, "quote": "x", "verdict": "supported"}]},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    report = evaluate(path, CATALOG, TODAY).answer().model_dump(mode="json")
    assert report["overall"]["tp"] == 1 and report["overall"]["fn"] == 1 and report["overall"]["fp"] == 1
    assert report["misses"][0]["type"] == "duration_years"
    assert report["false_alarms"][0]["type"] == "mutual_defense"


def test_bad_eval_input(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "ok", "claims": []}\nnot json\n')
    with pytest.raises(EvalInputError, match="bad.jsonl:2"):
        evaluate(bad, CATALOG, TODAY)
    out = CliRunner().invoke(app, ["eval", str(tmp_path / "missing.jsonl")])
    assert out.exit_code == 2 and "no such file" in out.output
