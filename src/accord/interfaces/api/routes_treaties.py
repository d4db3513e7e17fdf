"""The catalog: the treaty list, one coded treaty, and its status on a day.

The JSON is the CLI's (``accord treaties/show/status --json``, see docs/json.md):
the same library calls, the same keys.

The handlers are coroutines: each does a fraction of a millisecond of work on the
in-memory catalog, less than a hop to the thread pool and back costs.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from accord.interfaces.api import inputs
from accord.interfaces.api.deps import get_catalog
from accord.interfaces.api.errors import ApiRoute
from accord.knowledge.catalog import Catalog
from accord.reasoning.lifecycle import status as treaty_status
from accord.reasoning.listing import treaty_record, treaty_rows

router = APIRouter(prefix="/api", route_class=ApiRoute, tags=["treaties"])


@router.get("/treaties", summary="The catalog, one row per treaty")
async def list_treaties(catalog: Catalog = Depends(get_catalog)) -> JSONResponse:
    """Each row: `id`, `title`, `parties`, `signed`, `articles`, `types` (derived obligation types, each cited)."""
    return JSONResponse(treaty_rows(catalog))


@router.get("/treaties/{treaty_id}", summary="One coded treaty, with its articles, provisions and sources")
async def get_treaty(treaty_id: str, catalog: Catalog = Depends(get_catalog)) -> JSONResponse:
    """The whole coded treaty as in `accord show ID --json`, plus `types`: the derived alliance-obligation types."""
    return JSONResponse(treaty_record(inputs.treaty(catalog, treaty_id)))


@router.get("/treaties/{treaty_id}/status", summary="Is the treaty in force on a day?")
async def get_status(treaty_id: str,
               on: str | None = Query(None, description="Date YYYY-MM-DD (default: today).", examples=["2026-11-22"]),
               catalog: Catalog = Depends(get_catalog)) -> JSONResponse:
    """Phase, term, renewal, notice deadline, contested positions and life-cycle steps, each with its sources;
    the JSON of `accord status ID --on DATE --json`."""
    treaty = inputs.treaty(catalog, treaty_id)
    return JSONResponse(treaty_status(treaty, inputs.day(on, "on"), catalog).to_json())
