"""Codings derived from the shared treaty texts against their gold codings, article by article."""

from __future__ import annotations

import csv

import pytest

from accord.knowledge.coder import code_treaty
from accord.knowledge.text import parse_treaty_text
from accord.reasoning.text_coding import article_classes, text_types
from tests.treaty_text.conftest import SHARED, gold, gold_articles, gold_index, treaty_text

pytestmark = pytest.mark.slow  # a quality gate: every gold article of every shared treaty text, coded

ATOP_NAMES = {"defense": "defense", "offense": "offense", "neutral": "neutrality", "nonagg": "nonaggression", "consul": "consultation"}


def _coded(treaty_id):
    parsed = parse_treaty_text(treaty_text(treaty_id))
    return parsed, code_treaty(parsed, "en")


@pytest.mark.parametrize(
    "treaty_id, instrument, article",
    gold_articles(),
    ids=[f"{t}-{'' if i == 'treaty' else 'protocol-'}art{a['number']}" for t, i, a in gold_articles()],
)
def test_article_coding_agrees_with_gold(treaty_id, instrument, article):
    parsed, coded = _coded(treaty_id)
    name = "treaty" if instrument == "treaty" else parsed.instruments[1].title
    classes = article_classes(coded)[(name, article["number"])]
    assert classes == set(article["obligations"]), article["topic"]


@pytest.mark.parametrize("treaty_id", [t["id"] for t in gold_index() if t["atop_codes"].get("atopid")])
def test_derived_atop_types_agree_with_atop_v4(treaty_id):
    _, coded = _coded(treaty_id)
    types = text_types(treaty_id, coded, f"text:{treaty_id}")
    for code, name in ATOP_NAMES.items():
        assert getattr(types, name) == gold(treaty_id)["atop_codes"][code]["atop_v4"], code


@pytest.mark.parametrize("treaty_id", [t["id"] for t in gold_index() if t["atop_codes"].get("atopid")])
def test_derived_atop_types_agree_with_the_atop_v4_file(treaty_id):
    """The same check against the ATOP v4 alliance-level file itself (NATO 3180, the 1939 pact 2470)."""
    path = SHARED / "reference" / "atop-v4-alliance-level.csv"
    atopid = str(gold(treaty_id)["atop_codes"]["atopid"])
    row = next(r for r in csv.DictReader(path.open(encoding="utf-8")) if r["atopid"] == atopid)
    _, coded = _coded(treaty_id)
    types = text_types(treaty_id, coded, f"text:{treaty_id}")
    assert {n: getattr(types, n) for n in ATOP_NAMES.values()} == {n: row[c] == "1" for c, n in ATOP_NAMES.items()}


def test_non_alliance_excerpt_derives_no_type():
    _, coded = _coded("un-charter-51-54")
    types = text_types("un-charter-51-54", coded, "text:un")
    assert not any(getattr(types, n) for n in ATOP_NAMES.values())
