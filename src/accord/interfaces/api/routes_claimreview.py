"""schema.org ClaimReview over the API: one claim's review, and the reviews of a filtered list of
claims, as a JSON array or as JSON Lines (``?format=jsonl`` or ``Accept: application/x-ndjson``),
the same objects as the claim pages' JSON-LD and ``accord claims --format claimreview``."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import StreamingResponse

from accord.contract import ClaimReview
from accord.interfaces import listings
from accord.interfaces.api.errors import ERRORS, NOT_FOUND, STORE, ApiError, ApiRoute
from accord.interfaces.api.routes_press import LIMIT, OFFSET
from accord.interfaces.deps import get_catalog, get_store
from accord.knowledge.catalog import Catalog
from accord.reasoning.claims import ClaimType, Verdict
from accord.services.claimreview import stored_claim_reviews
from accord.services.exports import json_lines
from accord.services.store import Store

router = APIRouter(prefix="/api", route_class=ApiRoute, tags=["press"], responses=ERRORS)

JSONL_MEDIA_TYPE = "application/x-ndjson"
JSONL_ANSWER = {200: {"description": "The reviews; as JSON Lines one object a line, the total in `X-Total-Count`.",
                      "content": {JSONL_MEDIA_TYPE: {"schema": {"type": "string"}}}}}


def _instance(request: Request) -> str:
    return str(request.base_url)


@router.get("/claims/{claim_id}/claimreview", summary="One stored claim as a schema.org ClaimReview",
            response_model=ClaimReview, response_model_exclude_none=True, responses={**NOT_FOUND, **STORE})
def claim_review(request: Request, claim_id: int, store: Store = Depends(get_store)) -> Any:
    """The ClaimReview JSON-LD of the claim's page (`/claims/ID`): the verdict as a rating from 1
    (contradicted) to 3 (supported), the quote, where and when it appeared, and the accord instance as author."""
    claim = store.claim(claim_id)
    if claim is None:
        raise ApiError(404, f"no claim {claim_id} in the store")
    return next(stored_claim_reviews([claim], _instance(request)))


@router.get("/claimreview", summary="Stored claims as schema.org ClaimReview objects, filtered",
            response_model=list[ClaimReview], response_model_exclude_none=True, responses={**STORE, **JSONL_ANSWER})
def claim_reviews(request: Request, response: Response, verdict: Verdict | None = Query(None),
                  type: ClaimType | None = Query(None, description="Claim type."),
                  lang: str | None = Query(None, description="A language claims are read in (ISO 639-1)."),
                  treaty: str | None = Query(None, description="Treaty id."), outlet: str | None = Query(None),
                  limit: int = LIMIT, offset: int = OFFSET,
                  format: Literal["json", "jsonl"] | None = Query(None, description="`jsonl` for JSON Lines (the same as "
                                                                                    "sending `Accept: application/x-ndjson`)."),
                  store: Store = Depends(get_store), catalog: Catalog = Depends(get_catalog)) -> Any:
    """The claims of `GET /api/claims` under the same filters and paging, each as its ClaimReview."""
    filters = listings.claim_filters(catalog, {"verdict": verdict.value if verdict else None,
                                               "type": type.value if type else None, "lang": lang, "treaty": treaty,
                                               "outlet": outlet})
    total = store.count_claims(**filters)
    # a page is at most LIMIT's cap of rows: read on this thread's connection, not while streaming
    rows = list(listings.claim_rows(store, filters, limit=limit, offset=offset))
    reviews = stored_claim_reviews(rows, _instance(request))
    headers = {"X-Total-Count": str(total)}
    jsonl = format == "jsonl" or (format is None and JSONL_MEDIA_TYPE in request.headers.get("accept", ""))
    if jsonl:
        return StreamingResponse(json_lines(reviews), media_type=JSONL_MEDIA_TYPE,
                                 headers={**headers, "Content-Disposition": 'attachment; filename="claimreview.jsonl"'})
    response.headers.update(headers)
    return list(reviews)
