"""Facet counts of the stored claims: what the claims page shows beside its filters, as JSON."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from accord.contract import ClaimFacets
from accord.interfaces import inputs
from accord.interfaces.api.errors import ERRORS, STORE, ApiRoute
from accord.interfaces.deps import get_catalog, get_store
from accord.knowledge.catalog import Catalog
from accord.reasoning.claims import ClaimType, Verdict
from accord.services import listing
from accord.services.store import Store

router = APIRouter(prefix="/api", route_class=ApiRoute, tags=["press"], responses=ERRORS)


@router.get("/claims/facets", summary="How many stored claims match, and the count of each filter value",
            response_model=ClaimFacets, responses=STORE)
def claim_facets(verdict: Verdict | None = Query(None), type: ClaimType | None = Query(None, description="Claim type."),
                 lang: str | None = Query(None, description="A language with a claim pack (en, ru, ...)."),
                 treaty: str | None = Query(None, description="Treaty id."), outlet: str | None = Query(None),
                 store: Store = Depends(get_store), catalog: Catalog = Depends(get_catalog)) -> ClaimFacets:
    if treaty:
        inputs.treaty(catalog, treaty, "'treaty'")  # a typo would otherwise look like "no claims"
    filters = {"verdict": verdict.value if verdict else None, "type": type.value if type else None,
               "lang": inputs.language(lang, "'lang'"), "treaty": treaty or None, "outlet": outlet or None}
    return ClaimFacets(total=store.count_claims(**filters), facets=listing.claim_facets(store, **filters))
