"""The catalog: the treaty list, one coded treaty, and its status on a day.

The answers are the CLI's (``accord treaties/show/status --json``): the same
library calls, the same models (:mod:`accord.contract`).

The handlers are coroutines: each does a fraction of a millisecond of work on the
in-memory catalog, less than a hop to the thread pool and back costs.
"""

from __future__ import annotations

import datetime as dt

from typing import Any

from fastapi import APIRouter, Depends, Query, Request

from accord.contract import Status, TreatyRecord, TreatyRow
from accord.interfaces import inputs, listings
from accord.interfaces.api.formats import FORMAT, Format, csv_answer, csv_response, wants_csv
from accord.interfaces.api.errors import ERRORS, NOT_FOUND, ApiRoute
from accord.interfaces.api.inputs import path_treaty
from accord.interfaces.api.rendered import rendered
from accord.interfaces.deps import get_catalog, get_today
from accord.knowledge.catalog import Catalog
from accord.reasoning.lifecycle import status as treaty_status
from accord.reasoning.listing import treaty_record, treaty_rows
from accord.services.exports import LISTINGS

router = APIRouter(prefix="/api", route_class=ApiRoute, tags=["treaties"], responses=ERRORS)


@router.get("/treaties", summary="The catalog, one row per treaty", response_model=list[TreatyRow],
            responses=csv_answer("One row per treaty; as CSV with its phase today and the obligation types as columns "
                                 "(docs/export-codebook.md, Catalog)."))
async def list_treaties(request: Request, format: Format | None = FORMAT, catalog: Catalog = Depends(get_catalog),
                        today: dt.date = Depends(get_today)) -> Any:
    """Each row: `id`, `title`, `parties`, `signed`, `articles`, `types` (derived obligation types, each cited)."""
    if wants_csv(request, format):
        return csv_response(LISTINGS["catalog"], listings.catalog_rows(catalog, today), f"treaties-{today.isoformat()}")
    return rendered(request, "treaties", list[TreatyRow], lambda: treaty_rows(catalog))


@router.get("/treaties/{treaty_id}", summary="One coded treaty, with its articles, provisions and sources",
            response_model=TreatyRecord, responses=NOT_FOUND)
async def get_treaty(request: Request, treaty_id: str, catalog: Catalog = Depends(get_catalog)) -> Any:
    """The whole coded treaty as in `accord show ID --json`, plus `types`: the derived alliance-obligation types."""
    treaty = path_treaty(catalog, treaty_id)
    return rendered(request, ("treaty", treaty.id), TreatyRecord, lambda: treaty_record(treaty))


@router.get("/treaties/{treaty_id}/status", summary="Is the treaty in force on a day?", response_model=Status,
            responses=NOT_FOUND)
async def get_status(request: Request, treaty_id: str,
                     on: str | None = Query(None, description="Date YYYY-MM-DD (default: today).", examples=["2026-11-22"]),
                     catalog: Catalog = Depends(get_catalog), today: dt.date = Depends(get_today)) -> Any:
    """Phase, term, renewal, notice deadline, contested positions and life-cycle steps, each with its sources;
    the answer of `accord status ID --on DATE --json`."""
    treaty = path_treaty(catalog, treaty_id)
    day = inputs.day(on, today, "'on'")
    return rendered(request, ("status", treaty.id, day), Status, lambda: treaty_status(treaty, day, catalog))
