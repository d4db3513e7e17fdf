"""The press side: check a text, and read (or, with the token, add to) the document store.

``POST /api/check`` returns the JSON of ``accord check --json``.  The store
endpoints open the SQLite store at ``app.state.db_path``, created on first use:
an empty store answers with empty lists; they are plain functions, run in the
thread pool, because SQLite and the press pipeline block.
"""

from __future__ import annotations

from typing import Callable

from fastapi import APIRouter, Body, Depends, Query
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from accord.interfaces.api import inputs
from accord.interfaces.api.auth import require_ingest_token
from accord.interfaces.api.deps import SerialWriter, get_catalog, get_store, get_writer
from accord.interfaces.api.errors import ApiError, ApiRoute
from accord.interfaces.api.ingest import ingest_documents
from accord.interfaces.api.schemas import CheckRequest, DocumentIn
from accord.knowledge.catalog import Catalog
from accord.press.languages import LanguagesAnswer, languages
from accord.press.verify import UnsupportedLanguage, check_text
from accord.reasoning.claims import ClaimType, Verdict
from accord.services.store import Store

router = APIRouter(prefix="/api", route_class=ApiRoute, tags=["press"])

# Checking a paragraph takes under a millisecond, less than a hop to the thread pool and back
# (measured with bench/load_api.py: 1.4k instead of 0.8k checks/s at 50 clients), so short texts
# are checked on the event loop; a long one goes to the pool so it cannot hold up other requests.
INLINE_CHECK_CHARS = 4_000

LIMIT = Query(50, ge=1, le=500, description="Page size.")
OFFSET = Query(0, ge=0, description="Rows to skip.")


def _page(fetch: Callable[[int, int], list[dict]], limit: int, offset: int) -> JSONResponse:
    """A page of rows; ``next_offset`` is null on the last page (one row more is read to know)."""
    rows = fetch(limit + 1, offset)
    next_offset = offset + limit if len(rows) > limit else None
    return JSONResponse({"items": rows[:limit], "limit": limit, "offset": offset, "next_offset": next_offset})


@router.post("/check", summary="Extract the claims a text makes about a treaty and judge each against the catalog")
async def check(request: CheckRequest, catalog: Catalog = Depends(get_catalog)) -> JSONResponse:
    """A list of claims, each with its `verdict` (supported, contradicted, unverifiable), the `citation` that
    decides it, the `reason` and the `sources`."""
    text = inputs.text(request.text)
    lang = inputs.language(request.lang)
    try:
        if len(text) <= INLINE_CHECK_CHARS:
            _, results = check_text(text, lang, catalog=catalog)
        else:
            _, results = await run_in_threadpool(check_text, text, lang, catalog=catalog)
    except UnsupportedLanguage as exc:  # the detected language has no claim extractor
        raise ApiError(422, str(exc)) from None
    return JSONResponse([r.to_json() for r in results])


@router.get("/documents", summary="Stored documents, newest first")
def list_documents(outlet: str | None = Query(None, description="Only this outlet."), limit: int = LIMIT,
                   offset: int = OFFSET, store: Store = Depends(get_store)) -> JSONResponse:
    return _page(lambda n, skip: store.documents(outlet=outlet or None, limit=n, offset=skip), limit, offset)


@router.post("/documents", summary="Ingest documents (needs the ingest token)", status_code=201,
             dependencies=[Depends(require_ingest_token)],
             responses={200: {"description": "Every document was already stored"},
                        401: {"description": "No token sent"}, 403: {"description": "Wrong token, or ingest is off"}})
def add_documents(body: DocumentIn | list[DocumentIn] = Body(...), writer: SerialWriter = Depends(get_writer),
                  catalog: Catalog = Depends(get_catalog)) -> JSONResponse:
    """One document or a list, each `{id?, url?, text, lang?, published?, outlet?}`, run through the press
    pipeline (cleaning, redaction, languages, claims, verdicts) and stored.  201 when something new was stored."""
    report = ingest_documents(body if isinstance(body, list) else [body], writer, catalog)
    stored_something = report["new"] + report["near_duplicates"] > 0
    return JSONResponse(report, status_code=201 if stored_something else 200)


@router.get("/documents/{doc_id:path}", summary="One stored document with its paragraphs and judged claims")
def get_document(doc_id: str, store: Store = Depends(get_store)) -> JSONResponse:
    doc = store.document(doc_id)
    if doc is None:
        raise ApiError(404, f"no document '{doc_id}' in the store")
    return JSONResponse(doc)


@router.get("/claims", summary="Judged claims from stored documents")
def list_claims(verdict: Verdict | None = Query(None), type: ClaimType | None = Query(None, description="Claim type."),
                lang: str | None = Query(None, description="en or ru."),
                treaty: str | None = Query(None, description="Treaty id."),
                outlet: str | None = Query(None), limit: int = LIMIT, offset: int = OFFSET,
                store: Store = Depends(get_store), catalog: Catalog = Depends(get_catalog)) -> JSONResponse:
    if treaty:
        inputs.treaty(catalog, treaty, status=422)  # a typo would otherwise look like "no claims"
    filters = {"verdict": verdict.value if verdict else None, "type": type.value if type else None,
               "lang": inputs.language(lang), "treaty": treaty or None, "outlet": outlet or None}
    return _page(lambda n, skip: store.claims(**filters, limit=n, offset=skip), limit, offset)


@router.get("/search", summary="Full-text search over stored paragraphs (English stems, Russian lemmas)")
def search(q: str = Query(..., description="Words to find.", examples=["mutual defence"]),
           limit: int = Query(20, ge=1, le=100), store: Store = Depends(get_store)) -> JSONResponse:
    if not q.strip():
        raise ApiError(422, "nothing to search for: 'q' is empty")
    return JSONResponse(store.search(q, limit=limit))


@router.get("/languages", summary="Every language known: analysed, or detected but not analysed, and why",
            response_model=LanguagesAnswer)
def languages_known() -> LanguagesAnswer:
    """The answer of `accord languages --json`."""
    return languages()


@router.get("/sources", summary="Per-outlet scorecard: documents and claims by verdict")
def sources(store: Store = Depends(get_store)) -> JSONResponse:
    return JSONResponse(store.sources_summary())
