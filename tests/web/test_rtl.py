"""Arabic and Persian documents on the pages: each paragraph says its direction, and claim marks
sit on the original characters (joiners, vowel marks and presentation forms included)."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

from accord.interfaces.app import create_app
from accord.services.ingest import ingest
from accord.services.store import Store
from judging_context import JUDGING

# Made-up coverage: a Persian paragraph typed with zero-width non-joiners and Arabic yeh, an
# Arabic one with presentation forms and a shadda, and an English one.
PERSIAN = ("به گزارش خبرنگار ما، معاهده مشارکت جامع راهبردی ایران و روسیه که در ۲۸ دی ۱۴۰۳ در مسکو امضا شد، "
           "از ۱۰ مهر ۱۴۰۴ رسماً لازم‌الاجرا شده است و این توافق‌نامه شامل بند دفاع متقابل نمی‌شود.")
ARABIC = ("وأكد دبلوماسيون في العاصمة أن المعاهدة ﻻ تتضمّن أي بند للدفاع المشترك، وأنها تتكون من 47 مادة "
          "تشمل التعاون في مجالات الطاقة والثقافة والسياحة بين البلدين.")
ENGLISH = "The treaty, officials said, is valid for 20 years and will be extended automatically."


@pytest.fixture(scope="module")
def rtl_client(tmp_path_factory) -> tuple[TestClient, Store]:
    root = tmp_path_factory.mktemp("rtl-store")
    source = root / "rtl-doc.txt"
    source.write_text("\n\n".join([PERSIAN, ARABIC, ENGLISH]) + "\n", encoding="utf-8")
    db = root / "accord.sqlite"
    store = Store(db)
    report = ingest([source], store, JUDGING)
    assert not report.errors, report.errors
    return TestClient(create_app(db_path=db), headers={"accept": "text/html"}), store


def _paragraphs(page: str) -> list[tuple[str, str, str]]:
    section = page[page.index('<section class="doc-text"'):]
    section = section[:section.index("</section>")]
    return re.findall(r'<p id="p-\d+" lang="(\w+)" dir="(\w+)">(.*?)</p>', section, re.S)


def test_each_paragraph_reads_in_its_languages_direction(rtl_client):
    client, _ = rtl_client
    page = client.get("/documents/rtl-doc").text
    assert [(lang, direction) for lang, direction, _ in _paragraphs(page)] == [("fa", "rtl"), ("ar", "rtl"), ("en", "ltr")]


def test_claim_marks_cover_the_original_characters_in_their_paragraph(rtl_client):
    client, store = rtl_client
    doc = store.document("rtl-doc")
    page = client.get("/documents/rtl-doc").text
    paragraphs = _paragraphs(page)
    by_lang = {c["lang"] for c in doc["claims"]}
    assert {"fa", "ar"} <= by_lang
    for claim in doc["claims"]:
        original = doc["text"][claim["start"]:claim["end"]]
        assert claim["quote"] == original
        index = {"fa": 0, "ar": 1, "en": 2}[claim["lang"]]
        body = html.unescape(re.sub(r"<[^>]+>", "", paragraphs[index][2]))
        assert original in body  # the mark is inside the paragraph of its language
    marked = [html.unescape(m) for m in re.findall(r"<mark [^>]*>([^<]*)</mark>", page)]
    assert any("لازم‌الاجرا" in m for m in marked)  # the joiner is kept in what is shown
    assert "47 مادة" in marked and "۲۸ دی ۱۴۰۳" in marked
    # the quotes in the claims table are isolated in their own direction
    assert re.search(r'<bdi lang="fa" dir="rtl">[^<]+</bdi>', page)
    assert re.search(r'<bdi lang="en" dir="ltr">[^<]+</bdi>', page)


def test_the_stored_text_is_the_text_as_written(rtl_client):
    _, store = rtl_client
    text = store.document("rtl-doc")["text"]
    assert "ﻻ تتضمّن" in text and "لازم‌الاجرا" in text  # folding is for matching only
