"""Answers about the press: judged claims, stored documents, search hits, scorecards, ingest and eval reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field

from accord.contract.base import Answer
from accord.reasoning.claims import ClaimType, Verdict


class JudgedClaim(Answer):
    """A claim found in a text, with its verdict and the record that decides it (`accord check`)."""

    model_config = {"json_schema_extra": {"examples": [{
        "treaty": "rus-irn-2025", "type": "mutual_defense", "value": True,
        "quote": "Russia is now obliged to defend Iran militarily.", "start": 0, "end": 48, "lang": "en",
        "verdict": "contradicted", "citation": "rus-irn-2025 Art. 3(3)",
        "reason": "the treaty obliges neither party to help the other militarily", "sources": []}]}}

    treaty: str
    type: ClaimType
    value: Any = Field(description="Typed by claim type: bool, int, text, or an ISO date (YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD).")
    quote: str | None
    start: int | None = Field(description="Character offset of the quote in the text given (or the stored text).")
    end: int | None
    lang: str | None
    verdict: Verdict
    citation: str | None = Field(description="The treaty and article, or life-cycle record, that decides the verdict.")
    reason: str | None
    sources: list[str]


class DocumentClaim(JudgedClaim):
    """A judged claim of a stored document; its offsets refer to the stored (cleaned) text."""

    id: int
    doc_id: str


class StoredClaim(DocumentClaim):
    """A stored claim with its document's outlet (`accord claims`)."""

    outlet: str | None


class StoredParagraph(Answer):
    idx: int
    start: int
    end: int
    lang: str | None
    analysed: bool


class StoredDocument(Answer):
    """One stored document: its cleaned text, paragraphs and judged claims (`accord doc`)."""

    id: str
    origin: str | None
    url: str | None
    outlet: str | None
    author: str | None
    published: dt.date | None
    lang: str | None
    content_hash: str
    near_dup_of: str | None
    text: str = Field(description="The cleaned, redacted text; claim offsets refer to it.")
    removed_blocks: int | None
    redactions: dict[str, int] = Field(description="kind -> how many were redacted.")
    not_analysed: dict[str, int] = Field(description="language -> paragraphs not analysed.")
    ingested_at: str
    paragraphs: list[StoredParagraph]
    claims: list[DocumentClaim]


class DocumentRow(Answer):
    """A stored document in a list (`GET /api/documents`)."""

    id: str
    url: str | None
    outlet: str | None
    author: str | None
    published: dt.date | None
    lang: str | None
    near_dup_of: str | None
    ingested_at: str
    claims: int = Field(description="How many claims were found in it.")


class SearchHit(Answer):
    """A matching paragraph (`accord search`)."""

    doc_id: str
    idx: int
    outlet: str | None
    snippet: str = Field(description="The stored text around the match, unaltered.")
    matches: list[list[int]] = Field(description="[start, end) offsets of the matched words in the snippet.")
    score: float = Field(description="bm25: lower is better.")


class OutletScore(Answer):
    """One outlet's scorecard (`accord sources`)."""

    outlet: str
    documents: int
    claims: int
    supported: int
    contradicted: int
    unverifiable: int


class IngestError(Answer):
    origin: str = Field(description="The file, or file.jsonl:LINE.")
    message: str


class IngestSkipped(Answer):
    origin: str = Field(description="A file found in a folder that is of no type the reader reads.")
    reason: str


# How many errors, warnings and skipped files an ingest report names; the rest it only counts, so the
# report of a stream of millions of documents stays small (every error is also in the store).
LISTED_PROBLEMS = 100


class IngestReport(Answer):
    """What a batch ingest did (`accord ingest`)."""

    documents: int
    new: int
    unchanged: int
    near_duplicates: int
    errors: list[IngestError] = Field(description=f"The first {LISTED_PROBLEMS} documents or files not stored, with the reason; "
                                      "all of them are in the store's ingest errors.")
    error_count: int = Field(0, description=f"How many documents or files were not stored (errors lists the first {LISTED_PROBLEMS}).")
    skipped: list[IngestSkipped] = Field(default_factory=list, description=f"The first {LISTED_PROBLEMS} files of other types found "
                                         "in folders; not read, not errors.")
    skipped_count: int = Field(0, description=f"How many files were skipped (skipped lists the first {LISTED_PROBLEMS}).")
    claims_by_verdict: dict[str, int]
    paragraphs_not_analysed: dict[str, int]
    warnings: list[IngestError] = Field(default_factory=list, description=f"The first {LISTED_PROBLEMS} documents stored with a warning "
                                        "(e.g. claims read only from the first 500,000 characters).")
    warning_count: int = Field(0, description=f"How many warnings there were (warnings lists the first {LISTED_PROBLEMS}).")
    db: str = Field(description="The store written to.")


class IngestedDocument(Answer):
    id: str = Field(description="The id it is stored under.")
    outcome: str = Field(description="new, unchanged or near-duplicate.")
    related: str | None = Field(description="The stored document it repeats or resembles.")
    lang: str | None
    published: dt.date | None
    outlet: str | None
    claims: list[JudgedClaim]


class HttpIngestError(Answer):
    index: int
    id: str
    message: str


class HttpIngestReport(Answer):
    """What `POST /api/documents` did."""

    documents: list[IngestedDocument]
    errors: list[HttpIngestError]
    new: int
    unchanged: int
    near_duplicates: int


class VerdictChange(Answer):
    claim_id: int
    doc_id: str
    treaty: str
    type: ClaimType
    value: Any
    before: Verdict | None = Field(description="null for a claim never judged before.")
    after: Verdict
    citation_before: str | None
    citation_after: str | None


class RejudgeReport(Answer):
    """What re-judging the stored claims against the current catalog changed (`accord rejudge`)."""

    catalog_version: str = Field(description="Content hash of the catalog the claims were judged against.")
    claims: int = Field(description="Stored claims looked at.")
    rejudged: int = Field(description="Claims judged again (their verdict was made against another catalog version).")
    changed: list[VerdictChange] = Field(description="Claims whose verdict, citation or reason changed.")


class EvalCounts(Answer):
    precision: float
    recall: float
    f1: float
    verdict_accuracy: float
    tp: int
    fp: int
    fn: int


class EvalReport(Answer):
    """Extraction quality against gold annotations (`accord eval`)."""

    documents: int
    overall: EvalCounts
    by_lang: dict[str, EvalCounts]
    by_type: dict[str, EvalCounts]
    supported_flagship_mutual_defense: int = Field(description="Flagship mutual-defence claims judged supported: must be 0.")
    misses: list[dict[str, Any]] = Field(description="Gold claims not found: {doc, lang, treaty, type, value, quote}.")
    false_alarms: list[dict[str, Any]] = Field(description="Claims found but not in the gold: {doc, lang, treaty, type, value, quote}.")
    wrong_verdicts: list[dict[str, Any]] = Field(description="Matched claims judged otherwise: {doc, type, value, gold, predicted, citation}.")


class FacetCount(Answer):
    """How many matching claims have one value of a filter."""

    value: str | None = Field(description="The filter's value; null for claims whose document names no outlet.")
    count: int


class ClaimFacets(Answer):
    """The exact number of claims matching the filters, and per filter the count of each of its values,
    counted under the other filters only (what choosing another value would show)."""

    model_config = {"json_schema_extra": {"examples": [{
        "total": 24, "facets": {"verdict": [{"value": "contradicted", "count": 24}, {"value": "supported", "count": 31}],
                                "type": [{"value": "mutual_defense", "count": 24}]}}]}}

    total: int = Field(description="Claims matching every filter given.")
    facets: dict[str, list[FacetCount]] = Field(description="verdict, type, lang, treaty, outlet: their values, most claims first.")
