"""Read a treaty text from a file: plain text, HTML, or Akoma Ntoso 3.0 XML -> plain text.

Every refusal is a :class:`TextFormatError` with a message that names the
problem (binary data, size, invalid XML and where, another AKN schema version).
An Akoma Ntoso document is rendered back to the plain form the parser reads
("Article 5", numbered paragraphs, sub-items), so an exported text re-imports
to the same structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

MAX_BYTES = 10 * 1024 * 1024  # a long treaty with annexes is well under 1 MB
AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_OTHER_AKN = re.compile(r"akomantoso|legaldocml", re.I)
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote", "pre", "dd", "dt", "table", "ul", "ol"}


class TextFormatError(ValueError):
    """A file that cannot be read as a treaty text; the message says why."""


@dataclass
class ReadText:
    text: str
    format: str  # "text", "html", "akn"
    language: str | None = None  # from the AKN expression, when given


def read_treaty_file(path: Path, max_bytes: int = MAX_BYTES) -> ReadText:
    if not path.is_file():
        raise TextFormatError(f"no such file: {path.name}")
    size = path.stat().st_size
    if size > max_bytes:
        raise TextFormatError(f"{path.name} is {size / 1024 / 1024:.1f} MB; a treaty text may be at most {max_bytes // 1024 // 1024} MB")
    if size == 0:
        raise TextFormatError(f"{path.name} is empty")
    return read_treaty_bytes(path.read_bytes(), path.name)


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise TextFormatError(f"{name} is a binary file, not a text (NUL bytes); give a .txt, .html or Akoma Ntoso .xml file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TextFormatError(f"{name} is not UTF-8 text (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); save it as UTF-8") from None


def read_treaty_bytes(data: bytes, name: str) -> ReadText:
    text = _decode(data, name)
    head = text.lstrip()[:400].lower()
    if head.startswith("<?xml") or head.startswith("<akomantoso") or (head.startswith("<") and "akomantoso" in head):
        return _read_akn(data, name)
    if head.startswith("<!doctype html") or head.startswith("<html") or re.search(r"<(?:body|p|div|h1)\b", head):
        return ReadText(html_to_text(text), "html")
    return ReadText(text, "text")


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, one block per line, scripts and styles dropped."""
    doc = lxml_html.document_fromstring(markup)
    for bad in doc.xpath("//script|//style|//noscript|//nav|//header|//footer"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _BLOCKS:
            parts.append("\n\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in _BLOCKS:
            parts.append("\n\n")

    walk(doc.body if doc.find("body") is not None else doc)
    text = "".join(parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _read_akn(data: bytes, name: str) -> ReadText:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise TextFormatError(f"{name} is not well-formed XML: {exc}") from None
    ns = etree.QName(root).namespace or ""
    local = etree.QName(root).localname
    if local != "akomaNtoso":
        raise TextFormatError(f"{name} is XML but not Akoma Ntoso (root element <{local}>); give an AKN 3.0 document")
    if ns != AKN_NS:
        shown = ns or "no namespace"
        hint = "another Akoma Ntoso schema version" if _OTHER_AKN.search(ns) else "an unknown namespace"
        raise TextFormatError(f"{name} uses {hint} ({shown}); accord reads Akoma Ntoso 3.0 ({AKN_NS})")
    return akn_to_text(root)


def _t(el) -> str:
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip() if el is not None else ""


def akn_to_text(root) -> ReadText:
    ns = {"a": AKN_NS}
    doc = root[0]
    lang_el = doc.find(".//a:FRBRExpression/a:FRBRlanguage", ns)
    language = _iso2(lang_el.get("language")) if lang_el is not None else None
    lines: list[str] = []
    title = doc.find("a:preface//a:docTitle", ns)
    if title is None:
        title = doc.find("a:preface//a:longTitle", ns)
    if title is not None:
        lines.append(_t(title))
    pre = doc.find("a:preamble", ns)
    if pre is not None:
        lines += [_t(p) for p in pre.iter(f"{{{AKN_NS}}}p")]
    lines += _body_lines(doc, ns)
    conclusions = doc.find("a:conclusions", ns)
    if conclusions is not None:
        lines += [_t(p) for p in conclusions.iter(f"{{{AKN_NS}}}p")]
    for att in doc.findall("a:attachments/a:attachment", ns):
        inner = att[0] if len(att) else None
        if inner is None:
            continue
        heading = inner.find("a:preface//a:docTitle", ns)
        lines.append(_t(heading) if heading is not None else (inner.get("name") or "Annex").capitalize())
        lines += _body_lines(inner, ns)
        conclusions = inner.find("a:conclusions", ns)
        if conclusions is not None:
            lines += [_t(p) for p in conclusions.iter(f"{{{AKN_NS}}}p")]
    return ReadText("\n\n".join(x for x in lines if x) + "\n", "akn", language)


def _body_lines(doc, ns) -> list[str]:
    body = doc.find("a:body", ns)
    if body is None:
        body = doc.find("a:mainBody", ns)
    if body is None:
        return []
    lines: list[str] = []
    for art in body.iter(f"{{{AKN_NS}}}article"):
        num = _t(art.find("a:num", ns))
        if num and not re.match(r"^\D", num):
            num = f"Article {num}"
        lines.append(num or "Article")
        heading = art.find("a:heading", ns)
        if heading is not None and _t(heading):
            lines.append(_t(heading))
        paras = art.findall("a:paragraph", ns)
        if not paras:
            lines += [_t(p) for p in art.iter(f"{{{AKN_NS}}}p")]
        for para in paras:
            lines.append(_paragraph_text(para, ns))
    return lines


def _paragraph_text(para, ns) -> str:
    num = _t(para.find("a:num", ns))
    chunks: list[str] = []
    for child in para:
        local = etree.QName(child).localname
        if local == "content":
            chunks.append(" ".join(_t(p) for p in child.iter(f"{{{AKN_NS}}}p")))
        elif local == "intro":
            chunks.append(_t(child))
        elif local == "point":
            chunks.append(f"\n{_t(child.find('a:num', ns))} {_t(child.find('a:content', ns))}".rstrip())
        elif local == "list":
            intro = child.find("a:intro", ns)
            if intro is not None:
                chunks.append(_t(intro))
            for point in child.findall("a:point", ns):
                chunks.append(f"\n{_t(point.find('a:num', ns))} {_t(point.find('a:content', ns))}".rstrip())
    text = ""
    for c in chunks:
        text += c if c.startswith("\n") else ((" " if text else "") + c)
    return f"{num} {text.strip()}" if num else text.strip()


_ISO3 = {"eng": "en", "fra": "fr", "rus": "ru", "fas": "fa", "per": "fa", "spa": "es", "por": "pt", "deu": "de", "ger": "de", "ara": "ar", "zho": "zh", "kor": "ko"}


def _iso2(code: str | None) -> str | None:
    if not code:
        return None
    return _ISO3.get(code, code if len(code) == 2 else None)
