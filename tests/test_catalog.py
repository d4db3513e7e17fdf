"""The built-in catalog: it loads, every fact is sourced, derived types hold, and bad files fail precisely."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from pydantic import BaseModel

from accord.knowledge.catalog import DATA, CatalogError, LookupFailed, default_catalog, load_catalog
from accord.knowledge.model import LifecycleKind, Sourced
from accord.reasoning.alliance import derive_types

D = dt.date.fromisoformat


def _walk(obj):
    if isinstance(obj, BaseModel):
        yield obj
        for name in type(obj).model_fields:
            yield from _walk(getattr(obj, name))
    elif isinstance(obj, (list, tuple)):
        for item in obj:
            yield from _walk(item)
    elif isinstance(obj, dict):
        for item in obj.values():
            yield from _walk(item)


def test_catalog_holds_the_flagship_and_its_comparators():
    ids = set(default_catalog().treaties)
    assert {"rus-irn-2025", "rus-irn-2001", "rus-prk-2024", "rus-blr-2024", "nato-1949", "csto-1992",
            "irn-chn-2021", "sau-pak-2025", "jcpoa-2015"} <= ids


def test_every_fact_has_sources_and_confidence():
    checked = 0
    for treaty in default_catalog().treaties.values():
        for node in _walk(treaty):
            if isinstance(node, Sourced):
                assert node.sources and all(s.strip() for s in node.sources), (treaty.id, node)
                assert node.confidence is not None
                checked += 1
    assert checked > 200


def test_unknowns_stay_unknown():
    cat = default_catalog()
    flagship = cat.treaty("rus-irn-2025")
    assert flagship.term.notice_months is None
    assert flagship.entry_into_force.article is None  # the final clauses' number is not confirmed
    coded = {a.number for a in flagship.articles if a.number is not None}
    # Arts. 7, 8 and 19 are known by number from one secondary source: numbered, at medium confidence
    assert coded == {1, 2, 3, 4, 5, 7, 8, 12, 14, 19, 33}
    assert all(a.confidence.value == "medium" for a in flagship.articles if a.number in (7, 8, 19))
    assert {p.confidence.value for p in flagship.provisions if p.article == 3 and p.paragraph == "2"} == {"medium"}
    assert 13 not in coded  # attested as a number, content unknown: not coded
    old_entry = cat.treaty("rus-irn-2001").events_of(LifecycleKind.in_force)
    assert old_entry and old_entry[0].date is None


@pytest.mark.parametrize(
    "treaty_id, defense, neutrality",
    [("rus-irn-2025", False, True), ("rus-irn-2001", False, True), ("rus-prk-2024", True, None),
     ("nato-1949", True, False), ("csto-1992", True, False), ("irn-chn-2021", None, None)],
)
def test_derived_obligation_types(treaty_id, defense, neutrality):
    types = derive_types(default_catalog().treaty(treaty_id))
    assert (types.defense, types.neutrality) == (defense, neutrality)
    for kind, cites in types.cited.items():
        assert cites, kind


def test_derived_types_agree_with_atop_where_it_covers_the_treaty():
    names = {"defense": "defense", "offense": "offense", "neutral": "neutrality", "nonagg": "nonaggression", "consul": "consultation"}
    covered = [t for t in default_catalog().treaties.values() if t.atop]
    assert {t.id for t in covered} >= {"nato-1949", "csto-1992"}
    for treaty in covered:
        derived = derive_types(treaty)
        for atop_name, ours in names.items():
            if bool(treaty.atop.codes.get(atop_name)) != getattr(derived, ours):
                assert treaty.atop.differences, f"{treaty.id}: {atop_name} differs without an explanation"


def test_membership_over_time():
    cat = default_catalog()
    nato = cat.treaty("nato-1949")
    assert "FIN" not in nato.members_on(D("2023-04-03")) and "FIN" in nato.members_on(D("2023-04-04"))
    assert "SWE" in nato.members_on(D("2025-01-01")) and len(nato.members_on(D("2025-01-01"))) == 32
    csto = cat.treaty("csto-1992")
    assert "AZE" in csto.members_on(D("1995-01-01")) and "AZE" not in csto.members_on(D("2000-01-01"))
    assert "UZB" in csto.members_on(D("2008-01-01")) and "UZB" not in csto.members_on(D("2013-01-01"))


def test_party_aliases_in_english_and_russian():
    cat = default_catalog()
    assert cat.party("Ирана").code == "IRN" and cat.party("Russian Federation").code == "RUS"
    assert cat.expand("E3") == ["FRA", "DEU", "GBR"]
    with pytest.raises(LookupFailed) as err:
        cat.party("Irann")
    assert err.value.suggestion == "IRN"


# --- validation errors name the file and the entry -------------------------------------------

GOOD = """id: {id}
title: A test treaty
confidence: high
sources: [https://example.org/t]
parties:
  - {{party: RUS, confidence: high, sources: [https://example.org/p]}}
articles:
  - number: 1
    key: "1"
    topic: Cooperation
    summary: The parties cooperate.
    confidence: high
    sources: [https://example.org/a]
    provisions:
      - id: "1.1"
        article: 1
        modality: obligation
        action: {action}
        text: Cooperate.
        confidence: high
        sources: {sources}
{extra}"""


@pytest.fixture()
def catalog_dir(tmp_path: Path) -> Path:
    (tmp_path / "treaties").mkdir()
    shutil.copy(Path(str(DATA)) / "parties.yaml", tmp_path / "parties.yaml")
    return tmp_path


def _write(directory: Path, name: str, **fields) -> None:
    values = {"id": name, "action": "consult", "sources": "[https://example.org/s]", "extra": ""} | fields
    (directory / "treaties" / f"{name}.yaml").write_text(GOOD.format(**values))


def test_a_valid_file_loads(catalog_dir):
    _write(catalog_dir, "good-1999")
    assert "good-1999" in load_catalog(catalog_dir).treaties


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({"sources": "[]"}, ["bad-1999.yaml", "provisions[0] (1.1)", "sources"]),
        ({"action": "defend_everyone"}, ["bad-1999.yaml", "provisions[0] (1.1)", "action"]),
        ({"extra": "signature: {date: 2025-13-45, confidence: high, sources: [https://example.org/x]}\n"}, ["bad-1999.yaml", "signature.date"]),
        ({"extra": "lifecycle:\n  - {kind: signed, date: 'January 2025', text: x, confidence: high, sources: [https://e.org]}\n"}, ["bad-1999.yaml", "lifecycle[0]", "date"]),
        ({"id": "other-id"}, ["bad-1999.yaml", "does not match the file name"]),
    ],
)
def test_validation_errors_are_precise(catalog_dir, fields, expected):
    _write(catalog_dir, "bad-1999", **fields)
    with pytest.raises(CatalogError) as err:
        load_catalog(catalog_dir)
    for fragment in expected:
        assert fragment in str(err.value)


def test_duplicated_article_number_is_rejected(catalog_dir):
    extra_article = """  - number: 1
    key: "1"
    topic: Again
    summary: Duplicate.
    confidence: high
    sources: [https://example.org/a]
"""
    text = GOOD.format(id="dup-1999", action="consult", sources="[https://example.org/s]", extra="")
    text = text.replace("articles:\n", "articles:\n" + extra_article)
    (catalog_dir / "treaties" / "dup-1999.yaml").write_text(text)
    with pytest.raises(CatalogError, match=r"dup-1999\.yaml.*duplicated article '1'"):
        load_catalog(catalog_dir)


def test_unknown_party_and_unknown_replaced_treaty(catalog_dir):
    _write(catalog_dir, "ghost-1999", extra="replaces: [nowhere-1900]\nfact_sources: {replaces: {confidence: low, sources: [https://example.org/r]}}\n")
    with pytest.raises(CatalogError, match="replaces unknown treaty 'nowhere-1900'"):
        load_catalog(catalog_dir)
