"""A claim-dense document: time grows linearly with its length, and past the documented limit the
rest is stored but not read for claims, with a warning."""

from __future__ import annotations

from accord.press.pipeline import MAX_ANALYSED_CHARS, OVER_LIMIT, process
from accord.press.read import RawDocument
from accord.services.ingest import store_results
from judging_context import CATALOG, TODAY

PARAGRAPH = ("Russia and Iran signed the treaty in Moscow on 17 January 2025. The treaty is concluded for 20 years. "
             "It does not oblige Russia to defend Iran militarily.")


def dense(paragraphs: int) -> str:
    return "\n\n".join(f"{PARAGRAPH} Report {i}." for i in range(paragraphs))


def test_paragraphs_past_the_limit_are_stored_but_not_read(store):
    text = dense(40)
    limit = text.index("Report 20.") + len("Report 20.")
    doc = process(RawDocument(id="long", text=text), CATALOG, TODAY, max_analysed_chars=limit)
    assert len(doc.paragraphs) == 40 and doc.text == text.strip()
    assert [p.analysed for p in doc.paragraphs] == [True] * 21 + [False] * 19
    assert max(c.end for c in doc.claims) <= limit
    assert doc.not_analysed[OVER_LIMIT] == 19
    assert doc.warnings == [f"claims and events read from the first {limit:,} characters only; "
                            "19 paragraphs after them are stored but not analysed"]
    report = store_results([doc], store)
    assert report.warnings == [{"origin": "", "message": doc.warnings[0]}]
    answer = report.answer("store").model_dump(mode="json")  # what `accord ingest --json` prints
    assert answer["paragraphs_not_analysed"][OVER_LIMIT] == 19 and answer["warnings"][0]["message"] == doc.warnings[0]
    assert store.search("Report 39")  # the unread part is still searchable


def test_a_document_within_the_limit_has_no_warning():
    doc = process(RawDocument(id="short", text=dense(3)), CATALOG, TODAY)
    assert doc.warnings == [] and OVER_LIMIT not in doc.not_analysed
    assert MAX_ANALYSED_CHARS >= 100 * len(dense(3))  # a long article is far inside the limit
