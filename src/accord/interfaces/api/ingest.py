"""Ingest documents sent over HTTP: the press pipeline, then the store, one document at a time.

The pipeline runs outside the writer's lock (it is the slow part); only the
store write is serialised.  A document the pipeline cannot process is reported
in ``errors`` and the others are still stored, as in a batch ingest.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from accord.contract import HttpIngestReport, IngestedDocument, JudgedClaim
from accord.interfaces import inputs
from accord.interfaces.api.errors import ApiError
from accord.interfaces.api.schemas import DocumentIn
from accord.interfaces.deps import SerialWriter
from accord.knowledge.catalog import Catalog
from accord.press.pipeline import ProcessedDocument, process
from accord.press.read import RawDocument, looks_like_html

ORIGIN = "http"


def _strip(value: str | None) -> str | None:
    return value.strip() or None if value else None


def raw_document(doc: DocumentIn, index: int) -> RawDocument:
    where = f"documents[{index}]"
    if not doc.text.strip():
        raise ApiError(422, f"{where}: empty 'text'")
    inputs.optional_day(doc.published, f"'{where}.published'")  # the pipeline would silently ignore a bad one
    # Without an id the same text always gets the same one, so re-sending it is recognised as "unchanged".
    doc_id = _strip(doc.id) or "http-" + hashlib.sha256(doc.text.encode("utf-8")).hexdigest()[:16]
    return RawDocument(id=doc_id, text=doc.text, url=_strip(doc.url), lang=_strip(doc.lang), published=_strip(doc.published),
                       outlet=_strip(doc.outlet), origin=f"{ORIGIN}:{where}", is_html=looks_like_html(doc.text))


def _summary(processed: ProcessedDocument, stored_id: str, outcome: str, related: str | None) -> IngestedDocument:
    return IngestedDocument(id=stored_id, outcome=outcome, related=related, lang=processed.lang,
                            published=processed.published, outlet=processed.outlet,
                            claims=[JudgedClaim.model_validate(c) for c in processed.claims])


def ingest_documents(docs: list[DocumentIn], writer: SerialWriter, catalog: Catalog, today: dt.date) -> HttpIngestReport:
    if not docs:
        raise ApiError(422, "no documents to ingest: send one document object or a non-empty list")
    raws = [raw_document(doc, i) for i, doc in enumerate(docs)]  # all checked before anything is stored
    stored, errors = [], []
    for index, raw in enumerate(raws):
        try:
            processed = process(raw, catalog, today)
        except Exception as exc:  # one broken document must not lose the others; say what broke
            errors.append({"index": index, "id": raw.id, "message": f"processing failed: {type(exc).__name__}: {exc}"})
            continue
        outcome, related, stored_id = writer.add(processed)
        stored.append(_summary(processed, stored_id, outcome, related))
    counts = {name: sum(d.outcome == name for d in stored) for name in ("new", "unchanged", "near-duplicate")}
    return HttpIngestReport(documents=stored, errors=errors, new=counts["new"], unchanged=counts["unchanged"],
                            near_duplicates=counts["near-duplicate"])
