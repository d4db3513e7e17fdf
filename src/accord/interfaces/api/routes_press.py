"""The press side: check a text, and read (or, with the token, add to) the document store.

``POST /api/check`` answers as ``accord check --json``; every answer is a model of :mod:`accord.contract`.  The store
endpoints open the SQLite store at the settings' ``db_path``, created on first use:
an empty store answers with empty lists; they are plain functions, run in the
thread pool, because SQLite and the press pipeline block.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from fastapi import APIRouter, Body, Depends, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from accord.contract import (DocumentRow, HttpIngestReport, JudgedClaim, OutletScore, Page, RejudgeReport, SearchHit, StoredClaim,
                             StoredDocument, dump)
from accord.interfaces import inputs, listings
from accord.interfaces.api.formats import FORMAT, Format, csv_answer, csv_response, wants_csv
from accord.interfaces.api.auth import require_ingest_token
from accord.interfaces.api.errors import BODY, ERRORS, NOT_FOUND, SEARCH, STORE, WRITE, ApiError, ApiRoute
from accord.interfaces.api.ingest import ingest_documents
from accord.interfaces.api.schemas import CheckRequest, DocumentIn
from accord.interfaces.answer_cache import AnswerCache
from accord.interfaces.deps import SerialWriter, get_answers, get_catalog, get_store, get_today, get_writer
from accord.interfaces.searching import searched
from accord.knowledge.catalog import Catalog
from accord.press.languages import LanguagesAnswer, languages
from accord.press.verify import UnsupportedLanguage, check_text
from accord.reasoning.claims import ClaimType, Verdict
from accord.services.search_limits import MAX_QUERY_CHARS, MAX_QUERY_TERMS, QueryTooLarge, SearchInterrupted, query_terms
from accord.services import listing
from accord.services.exports import LISTINGS
from accord.services.store import Store

CLAIM_SORT_KEYS = listing.sort_keys(listing.CLAIM_SORTS)
router = APIRouter(prefix="/api", route_class=ApiRoute, tags=["press"], responses=ERRORS)

# Checking a paragraph takes under a millisecond, less than a hop to the thread pool and back
# (measured with bench/load_api.py: 1.4k instead of 0.8k checks/s at 50 clients), so short texts
# are checked on the event loop; a long one goes to the pool so it cannot hold up other requests.
INLINE_CHECK_CHARS = 4_000

LIMIT = Query(50, ge=1, le=500, description="Page size.")
# SQLite counts rows in 64 bits; no store comes near a billion rows, and a bigger offset would overflow.
MAX_OFFSET = 1_000_000_000
OFFSET = Query(0, ge=0, le=MAX_OFFSET, description="Rows to skip.")
MAX_SEARCH_OFFSET = 10_000  # ranked search answers are read from the top: far past any useful page


def _page(fetch: Callable[[int, int], list[dict]], limit: int, offset: int, total: int) -> dict:
    """A page of rows; ``next_offset`` is null on the last page (one row more is read to know)."""
    rows = fetch(limit + 1, offset)
    next_offset = offset + limit if len(rows) > limit else None
    return {"items": rows[:limit], "limit": limit, "offset": offset, "next_offset": next_offset, "total": total}


@router.post("/check", summary="Extract the claims a text makes about a treaty and judge each against the catalog",
             response_model=list[JudgedClaim], responses=BODY)
async def check(request: CheckRequest, catalog: Catalog = Depends(get_catalog),
                today: dt.date = Depends(get_today), answers: AnswerCache = Depends(get_answers)) -> list[JudgedClaim]:
    """A list of claims, each with its `verdict` (supported, contradicted, unverifiable), the `citation` that
    decides it, the `reason` and the `sources`."""
    text = inputs.text(request.text)
    lang = inputs.language(request.lang, "'lang'")

    def judged() -> list[JudgedClaim]:
        _, results = check_text(text, lang, catalog=catalog, today=today)
        return [r.answer() for r in results]

    key = ("api check", text, lang, catalog.version, today)
    try:
        if len(text) <= INLINE_CHECK_CHARS:
            return answers.get_or_compute(key, judged)
        return await run_in_threadpool(answers.get_or_compute, key, judged)
    except UnsupportedLanguage as exc:  # the detected language has no claim extractor
        raise ApiError(422, str(exc)) from None


@router.get("/documents", summary="Stored documents, newest first", response_model=Page[DocumentRow],
            responses={**STORE, **csv_answer("The page of documents; as CSV, its rows (columns: docs/export-codebook.md), "
                                             "the total in `X-Total-Count`.")})
def list_documents(request: Request, outlet: str | None = Query(None, description="Only this outlet."), limit: int = LIMIT,
                   offset: int = OFFSET, format: Format | None = FORMAT, store: Store = Depends(get_store)) -> Any:
    total = store.count_documents(outlet=outlet or None)
    if wants_csv(request, format):
        # a page is at most LIMIT's cap of rows: read here, on this thread's connection, before streaming
        rows = list(listings.document_rows(store, outlet, limit=limit, offset=offset))
        return csv_response(LISTINGS["documents"], rows, "documents", total)
    return _page(lambda n, skip: store.documents(outlet=outlet or None, limit=n, offset=skip), limit, offset, total)


@router.post("/documents", summary="Ingest documents (needs the ingest token)", status_code=201,
             dependencies=[Depends(require_ingest_token)], response_model=HttpIngestReport,
             responses={200: {"model": HttpIngestReport, "description": "Every document was already stored"},
                        **WRITE, **BODY, **STORE})
def add_documents(body: DocumentIn | list[DocumentIn] = Body(...), writer: SerialWriter = Depends(get_writer),
                  catalog: Catalog = Depends(get_catalog), today: dt.date = Depends(get_today)) -> JSONResponse:
    """One document or a list, each `{id?, url?, text, lang?, published?, outlet?}`, run through the press
    pipeline (cleaning, redaction, languages, claims, verdicts) and stored.  201 when something new was stored."""
    report = ingest_documents(body if isinstance(body, list) else [body], writer, catalog, today)
    stored_something = report.new + report.near_duplicates > 0
    return JSONResponse(dump(HttpIngestReport, report), status_code=201 if stored_something else 200)


@router.get("/documents/{doc_id:path}", summary="One stored document with its paragraphs and judged claims",
            response_model=StoredDocument, responses={**NOT_FOUND, **STORE})
def get_document(doc_id: str, store: Store = Depends(get_store)) -> dict:
    doc = store.document(doc_id)
    if doc is None:
        raise ApiError(404, f"no document '{doc_id}' in the store")
    return doc


@router.get("/claims", summary="Judged claims from stored documents", response_model=Page[StoredClaim],
            responses={**STORE, **csv_answer("The page of claims; as CSV, its rows (columns: docs/export-codebook.md), "
                                             "the total in `X-Total-Count`.")})
def list_claims(request: Request, verdict: Verdict | None = Query(None), type: ClaimType | None = Query(None, description="Claim type."),
                lang: str | None = Query(None, description="A language claims are read in (ISO 639-1)."),
                treaty: str | None = Query(None, description="Treaty id."),
                outlet: str | None = Query(None),
                sort: str | None = Query(None, description="Order: a column, ascending, or with '-' descending (one of "
                                         f"{', '.join(CLAIM_SORT_KEYS)}); by default the store's order (document, then "
                                         "place in it)."),
                limit: int = LIMIT, offset: int = OFFSET, format: Format | None = FORMAT,
                store: Store = Depends(get_store), catalog: Catalog = Depends(get_catalog)) -> Any:
    filters = listings.claim_filters(catalog, {"verdict": verdict.value if verdict else None, "type": type.value if type else None,
                                               "lang": lang, "treaty": treaty, "outlet": outlet})
    if sort is not None:
        try:
            listing.check_sort(listing.CLAIM_SORTS, sort)
        except listing.UnknownSort as exc:
            raise ApiError(422, str(exc), suggestion=exc.suggestion, known=exc.valid) from None
    total = store.count_claims(**filters)
    if wants_csv(request, format):
        rows = list(listings.claim_rows(store, filters, limit=limit, offset=offset, sort=sort))  # read before streaming, as above
        return csv_response(LISTINGS["claims"], rows, "claims", total)
    return _page(lambda n, skip: list(listings.claim_rows(store, filters, limit=n, offset=skip, sort=sort)), limit, offset, total)


@router.get("/search", summary="Full-text search over stored paragraphs (English stems, Russian lemmas)",
            response_model=list[SearchHit],
            responses={**SEARCH, **csv_answer("Matching paragraphs, best first; as CSV with their rank "
                                              "(columns: docs/export-codebook.md).")})
async def search(request: Request,
                 q: str = Query(..., description=f"Words to find (at most {MAX_QUERY_CHARS} characters and "
                                                 f"{MAX_QUERY_TERMS} different words).", examples=["mutual defence"]),
                 limit: int = Query(20, ge=1, le=100), offset: int = Query(0, ge=0, le=MAX_SEARCH_OFFSET, description="Hits to skip."),
                 format: Format | None = FORMAT, store: Store = Depends(get_store)) -> Any:
    if not q.strip():
        raise ApiError(422, "nothing to search for: 'q' is empty")
    try:
        query_terms(q)  # the caps, checked before a thread or a connection is taken
        hits = await searched(request, store, q, limit, offset)
        if wants_csv(request, format):
            return csv_response(LISTINGS["search"], listings.ranked_hits(hits, offset), "search")
        return hits
    except QueryTooLarge as exc:
        raise ApiError(422, f"query too large: {exc}") from None
    except SearchInterrupted as exc:
        raise ApiError(503, str(exc), headers={"Retry-After": "5"}) from None


@router.get("/languages", summary="Every language known: analysed, or detected but not analysed, and why",
            response_model=LanguagesAnswer)
def languages_known() -> LanguagesAnswer:
    """The answer of `accord languages --json`."""
    return languages()


@router.get("/sources", summary="Per-outlet scorecard: documents and claims by verdict", response_model=list[OutletScore],
            responses={**STORE, **csv_answer("One row per outlet (columns: docs/export-codebook.md).")})
def sources(request: Request, format: Format | None = FORMAT, store: Store = Depends(get_store)) -> Any:
    if wants_csv(request, format):
        return csv_response(LISTINGS["sources"], listings.source_rows(store), "sources")
    return store.sources_summary()


@router.post("/rejudge", summary="Judge the stored claims again against the catalog (needs the ingest token)",
             dependencies=[Depends(require_ingest_token)], response_model=RejudgeReport, responses={**WRITE, **STORE})
def rejudge_claims(writer: SerialWriter = Depends(get_writer), catalog: Catalog = Depends(get_catalog),
                   today: dt.date = Depends(get_today)) -> RejudgeReport:
    """Claims whose verdict was made against another catalog version are judged again, on the day they were
    judged before; the answer lists the verdicts that changed.  A second call changes nothing."""
    return writer.rejudge(catalog, today)
