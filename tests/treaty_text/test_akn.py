"""Akoma Ntoso export: valid against the official AKN 3.0 schema, and the round trip keeps the coding."""

from __future__ import annotations

import datetime as dt

import pytest
from lxml import etree

from accord.knowledge.catalog import default_catalog
from accord.knowledge.text_formats import read_treaty_bytes
from accord.reasoning.akn import NS, AknError, to_akn, validate
from accord.knowledge.model import Signature
from accord.services.treaty_import import build_record, treaty_from_record
from tests.treaty_text.conftest import gold, treaty_text

A = {"a": NS}


def _record(treaty_id: str, text: str | bytes, name: str = "t.txt"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return build_record(read_treaty_bytes(data, name), treaty_id, source_name=name, catalog=default_catalog())


def _treaty(treaty_id: str, record):
    """The catalog entry, or for a treaty the catalog lacks, one built from its text and the gold signature."""
    catalog = default_catalog()
    if treaty_id in catalog.treaties:
        return catalog.treaty(treaty_id)
    g = gold(treaty_id)
    built = treaty_from_record(record, g["parties"])
    sig = Signature(date=dt.date.fromisoformat(g["signed"]["date"]), place=g["signed"]["place"], sources=[g["source"]], confidence="high")
    return built.model_copy(update={"signature": sig})


def _keys(record):
    arts = [(None, a) for a in record.articles] + [(i.title, a) for i in record.instruments for a in i.articles]
    return [(ins, a.number, p.number, [c.key() for c in p.coding]) for ins, a in arts for p in a.paragraphs]


@pytest.mark.parametrize("treaty_id", ["nato-1949", "mrp-1939"])
def test_export_validates_and_round_trip_gives_the_same_coding(treaty_id):
    catalog = default_catalog()
    record = _record(treaty_id, treaty_text(treaty_id))
    xml = to_akn(_treaty(treaty_id, record), record, catalog)
    assert validate(xml) == []
    again = _record(treaty_id, xml, "export.xml")
    assert again.source.format == "akn" and again.language == record.language
    assert _keys(again) == _keys(record)
    assert again.types == record.types
    assert not again.warnings


def test_frbr_uris_eids_lifecycle_and_parties():
    catalog = default_catalog()
    record = _record("mrp-1939", treaty_text("mrp-1939"))
    root = etree.fromstring(to_akn(_treaty("mrp-1939", record), record, catalog).encode())
    work = root.find(".//a:FRBRWork/a:FRBRthis", A).get("value")
    assert work == "/akn/aa/act/treaty/1939-08-23/mrp-1939/!main"
    assert root.find(".//a:FRBRExpression/a:FRBRthis", A).get("value").startswith("/akn/aa/act/treaty/1939-08-23/mrp-1939/eng")
    assert root.find(".//a:FRBRManifestation/a:FRBRthis", A).get("value").endswith(".xml")
    body = root.find(".//a:body", A)
    assert [a.get("eId") for a in body.findall("a:article", A)] == [f"art_{n}" for n in range(1, 8)]
    assert body.find("a:article/a:paragraph", A).get("eId") == "art_1__para_1"
    protocol = root.find(".//a:attachments/a:attachment/a:doc", A)
    assert protocol.get("name") == "protocol"
    assert [a.get("eId") for a in protocol.findall(".//a:article", A)] == [f"att_1__art_{n}" for n in range(1, 5)]
    parties = {o.get("href").rsplit("/", 1)[1] for o in root.findall(".//a:references/a:TLCOrganization", A) if "iso3166" in o.get("href")}
    assert parties == {"DEU", "SUN"}


def test_sub_items_become_points_with_eids():
    catalog = default_catalog()
    record = _record("nato-1949", treaty_text("nato-1949"))
    root = etree.fromstring(to_akn(catalog.treaty("nato-1949"), record, catalog).encode())
    assert [(e.get("date"), e.get("refersTo")) for e in root.findall(".//a:lifecycle/a:eventRef", A)][:2] == [
        ("1949-04-04", "#signed"), ("1949-08-24", "#in_force")]
    points = root.findall(".//a:article[@eId='art_6']//a:point", A)
    assert [p.get("eId") for p in points] == ["art_6__para_1__point_i", "art_6__para_1__point_ii"]


def test_schema_catches_a_broken_document_and_a_treaty_without_date_is_refused():
    catalog = default_catalog()
    record = _record("nato-1949", treaty_text("nato-1949"))
    xml = to_akn(catalog.treaty("nato-1949"), record, catalog).replace('eId="art_2"', 'eId="art_1"')
    assert any("art_1" in e or "eId" in e or "unique" in e.lower() for e in validate(xml))
    undated = catalog.treaty("nato-1949").model_copy(update={"signature": None})
    with pytest.raises(AknError, match="no signature date"):
        to_akn(undated, record, catalog)
