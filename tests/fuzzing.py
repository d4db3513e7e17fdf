"""Hypothesis strategies for hostile press input, shared by the CI fuzz test and bench/fuzz.py.

Documents are built from pieces that reach the pipeline's corners: treaty sentences in the
coverage's languages, dates and numbers in several digit scripts, personal data, HTML tags
and entities, control characters, lone surrogates, very long words, and arbitrary text.
Files are built from those documents and from hostile wrappers: JSON nested deep, integers
past the conversion limit, wrong types, truncated lines, declared charsets that lie.
"""

from __future__ import annotations

import json

from hypothesis import strategies as st

PIECES = [
    "Russia and Iran signed the Treaty on Comprehensive Strategic Partnership in Moscow on 17 January 2025.",
    "The treaty does not contain a mutual defence clause.", "Article 3(3) bars help to an aggressor.",
    "It is concluded for 20 years and renewed automatically for 5-year periods.",
    "Договор подписан 17 января 2025 года в Москве сроком на 20 лет.", "Россия обязана защищать Иран.",
    "این پیمان در ۲۸ دی ۱۴۰۳ امضا شد.", "وقّعت روسيا وإيران المعاهدة في ١٧ يناير ٢٠٢٥.",
    "Der Vertrag wurde am 17. Januar 2025 unterzeichnet.", "Le traité a été signé le 17 janvier 2025.",
    "The Majlis approved it 192-5-2 on 21 May 2025.", "UNSCR 2231 (2015)", "Population 87 590 873 (2023)",
    "+7 916 123-45-67", "۰۹۱۲۱۲۳۴۵۶۷", "ivan(at)example.ru", "@reporter@mastodon.social", "DE89 3704 0044 0532 0130 00",
    "ул. Тверская, д. 7", "خیابان ولیعصر، پلاک ۱۲", "https://mastodon.social/@x?y=%ZZ", "http://[::1/",
    "<p>", "</p>", "<div class='share'>Share on Twitter</div>", "<script>alert(1)</script>", "&amp;", "&#xD800;", "&#0;",
    "<![CDATA[", "<!--", "-->", "<meta charset='undefined'>", "\n\n", "\r\n", "\t", "\u00a0", "\u200b", "\u200c", "\u202e",
    "\ufeff", "\x00", "\x0b", "\ud800", "\udfff", "\U0001f600", "9" * 50, "x" * 2000, "[/x]", "[bold]", "%s", "{}", "\\",
    "99999-99-99", "9999-12-31", "0000-00-00", "31.02.2025", "1403/13/40",
]


def documents_text(max_pieces: int = 40) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(PIECES), st.text(max_size=60),
                      st.integers(min_value=-10**30, max_value=10**30).map(str),
                      st.dates().map(lambda d: d.strftime(st_choice_format(d))))
    return st.lists(piece, min_size=1, max_size=max_pieces).map(" ".join)


def st_choice_format(day) -> str:
    return ("%d %B %Y", "%Y-%m-%d", "%d.%m.%Y", "%m/%d/%Y")[day.toordinal() % 4]


OPTIONAL = st.one_of(st.none(), documents_text(3), st.integers(), st.booleans(), st.lists(st.integers(), max_size=2),
                     st.sampled_from(["en", "ru", "fa", "EN-us", "zz", "", " ", "https://example.org/a?b=c", "2025-01-17"]))


def jsonl_line() -> st.SearchStrategy[bytes]:
    record = st.fixed_dictionaries(
        {"text": st.one_of(documents_text(), st.integers(), st.none())},
        optional={"id": OPTIONAL, "url": OPTIONAL, "lang": OPTIONAL, "published": OPTIONAL, "outlet": OPTIONAL,
                  "claims": st.lists(st.dictionaries(st.text(max_size=5), st.integers(), max_size=2), max_size=2)},
    )
    plain = st.tuples(record, st.booleans()).map(lambda r: json.dumps(r[0], ensure_ascii=r[1]).encode("utf-8", "surrogatepass"))
    hostile = st.sampled_from([
        b'{"text": "x", "deep": ' + b"[" * 3000 + b"]" * 3000 + b"}",
        b'{"text": "x", "n": ' + b"1" * 5000 + b"}",
        b'{"text": "x", "n": 1e999999}', b'{"text": "\\ud800", "id": "\\udc00"}', b'{"text": "truncated', b"[1, 2]",
        b'"just a string"', b"\xff\xfe{}", b"{}", b'{"text": ""}', b"\x00\x00",
    ])
    return st.one_of(plain, hostile, st.binary(max_size=200))


def jsonl_file() -> st.SearchStrategy[bytes]:
    return st.lists(jsonl_line(), min_size=1, max_size=6).map(lambda lines: b"\n".join(lines) + b"\n")


CHARSETS = ["utf-8", "windows-1251", "cp1256", "koi8-r", "latin-1", "undefined", "idna", "utf-16", "utf-7", "x-nonsense",
            "rot13", "hex", "punycode", "unicode_escape"]


def html_file() -> st.SearchStrategy[bytes]:
    def page(parts) -> bytes:
        charset, body, noise, encode_as = parts
        head = f"<html><head><meta charset=\"{charset}\"><title>t</title></head><body><p>".encode("ascii")
        try:
            encoded = body.encode(encode_as, "replace")
        except (LookupError, UnicodeError, TypeError):
            encoded = body.encode("utf-8", "surrogatepass")
        return head + encoded + noise + b"</p></body></html>"

    return st.tuples(st.sampled_from(CHARSETS), documents_text(), st.binary(max_size=8),
                     st.sampled_from(["utf-8", "cp1251", "cp1256", "latin-1"])).map(page)


def any_file() -> st.SearchStrategy[tuple[str, bytes]]:
    return st.one_of(
        jsonl_file().map(lambda data: (".jsonl", data)),
        html_file().map(lambda data: (".html", data)),
        documents_text().map(lambda text: (".txt", text.encode("utf-8", "surrogatepass"))),
        st.binary(max_size=300).map(lambda data: (".txt", data)),
    )


# --- the properties ---------------------------------------------------------------------------

def check_file(suffix: str, data: bytes, directory, store) -> int:
    """Read a file of these bytes, process and store what it holds: nothing may raise, every
    item is a document or a reason, and what is stored is valid UTF-8. Returns documents stored."""
    from accord.press.read import RawDocument, ReadError, read_paths
    from accord.services.ingest import store_results, process_item
    from judging_context import JUDGING

    path = directory / f"fuzz{suffix}"
    path.write_bytes(data)
    items = list(read_paths([path]))
    assert items, "a file gives a document or a reason"
    for item in items:
        assert isinstance(item, (RawDocument, ReadError))
        if isinstance(item, RawDocument):
            for value in (item.id, item.text, item.url, item.lang, item.outlet, item.published):
                assert value is None or value.encode("utf-8")  # no lone surrogate survives reading
    processed = [process_item(item, JUDGING) for item in items]
    report = store_results(processed, store)
    return report.new + report.near_duplicates


def check_extractor(text: str, lang: str | None) -> None:
    """The claim extractor on any text, as one paragraph and as the cleaner splits it."""
    from accord.press.claims import extract_document
    from accord.press.clean import split_paragraphs

    for start, end, claim in ((c.start, c.end, c) for c in extract_document(text, [(0, len(text), lang)])[0]):
        assert 0 <= start <= end <= len(text) and claim.quote is not None
    extract_document(text, [(a, b, lang) for a, b in split_paragraphs(text)], default_year=2025)


def check_process(text: str, lang: str | None, is_html: bool) -> None:
    from accord.press.pipeline import process
    from accord.press.read import raw_document
    from judging_context import CATALOG, TODAY

    raw = raw_document("fuzz", text, origin="fuzz", lang=lang, url="https://example.org/a")
    doc = process(raw if not is_html else raw.__class__(**{**raw.__dict__, "is_html": True}), CATALOG, TODAY)
    doc.text.encode("utf-8")
    for p in doc.paragraphs:
        assert 0 <= p.start <= p.end <= len(doc.text)
