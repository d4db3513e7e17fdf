"""``GET /api/treaties/{id}/implementation``: the JSON of ``accord implementation ID --json``."""

from __future__ import annotations

import datetime as dt

from typing import Any

from fastapi import APIRouter, Depends, Query, Request

from accord.interfaces.deps import get_store
from accord.interfaces.api.errors import ERRORS, NOT_FOUND, STORE, ApiError, ApiRoute
from accord.interfaces.api.rendered import rendered
from accord.interfaces.tracked import tracked
from accord.interfaces.api.formats import FORMAT, Format, csv_answer, csv_response, wants_csv
from accord.knowledge.catalog import nearest
from accord.knowledge.implementation_links import implementation_links, tracked_treaties
from accord.reasoning.implementation import ImplementationReport, latest_events
from accord.services.exports import LISTINGS
from accord.services.store import Store

# A provision's events, and above all an event's reports, grow with the coverage stored (one event
# reported by thousands of documents at 20,000): the answer lists the most recent few and says how
# many there are, and a client asks for one provision's longer lists.  The levels are computed from
# every event and report whatever the caps.
EVENTS_DEFAULT = 20
SOURCES_DEFAULT = 10
LIST_MAX = 1000

router = APIRouter(prefix="/api", route_class=ApiRoute, tags=["implementation"], responses=ERRORS)


@router.get("/treaties/{treaty_id}/implementation", response_model=ImplementationReport,
            responses={**NOT_FOUND, **STORE, **csv_answer("The report; as CSV one provision a row (docs/export-codebook.md, "
                                                          "Implementation).")},
            summary="What the press reports the parties did under each provision, with a 0-3 level per provision")
def implementation(request: Request, treaty_id: str,
                   provision: str | None = Query(None, description="One provision: an article ('5', '3(3)') or a topic key."),
                   since: dt.date | None = Query(None, description="Only events on or after this day."),
                   events: int = Query(EVENTS_DEFAULT, ge=0, le=LIST_MAX,
                                       description=f"At most this many events listed per provision, and per period "
                                                   f"examined (0 to {LIST_MAX}): the most recent by event date, undated "
                                                   "ones the first left out. Each provision's `events_total` says how many "
                                                   "it has in all; ask for one provision (`provision=`) with a larger "
                                                   "value for its longer list. Levels and findings always rest on every "
                                                   "event. Not used by the CSV form (one provision a row)."),
                   sources: int = Query(SOURCES_DEFAULT, ge=1, le=LIST_MAX,
                                        description=f"At most this many reports listed per event (1 to {LIST_MAX}): the "
                                                    "most recently published. Each event's `sources_total` says how many "
                                                    "it has in all; `independent_sources` counts every one."),
                   format: Format | None = FORMAT, store: Store = Depends(get_store)) -> Any:
    links = implementation_links(treaty_id)
    if links is None:
        known = tracked_treaties()
        raise ApiError(404, f"no implementation tracking for treaty '{treaty_id}'", suggestion=nearest(treaty_id, known), known=known)
    if provision is not None and links.tracked(provision) is None:
        known = [p.provision for p in links.provisions]
        raise ApiError(422, f"unknown provision '{provision}' for {treaty_id}", suggestion=nearest(provision, known), known=known)
    if wants_csv(request, format):
        report = tracked(request, store, links, provision=provision, since=since)
        rows = [item.model_dump(mode="json") for item in report.provisions]
        return csv_response(LISTINGS["implementation"], rows, f"{treaty_id}-implementation")
    # the report reads the store: its key holds the store's write version, which every write moves
    key = ("implementation", treaty_id, provision, since, events, sources, store.write_version())
    return rendered(request, key, ImplementationReport,
                    lambda: latest_events(tracked(request, store, links, provision=provision, since=since), events, sources))
