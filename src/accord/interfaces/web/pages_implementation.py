"""Implementation pages: per treaty, provisions against time with a level per provision; per
provision, its evidence (events, quotes, sources), periods examined and conflicting reports."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from accord.interfaces.deps import get_store
from accord.interfaces.tracked import tracked
from accord.interfaces.web.implementation_chart import implementation_svg
from accord.interfaces.web.rendering import not_found, render, ui_language
from accord.knowledge.catalog import nearest
from accord.knowledge.implementation_links import implementation_links, tracked_treaties
from accord.reasoning.implementation import latest_events
from accord.services.store import Store

router = APIRouter(include_in_schema=False)
REPORTS_SHOWN = 10  # per event on a provision's page; the download has them all


def _base(treaty_id: str) -> str:
    return f"/treaties/{treaty_id}/implementation"


@router.get("/treaties/{treaty_id}/implementation")
def implementation_page(request: Request, treaty_id: str, store: Store = Depends(get_store)):
    links = implementation_links(treaty_id)
    if links is None:
        best = nearest(treaty_id, tracked_treaties())
        return not_found(request, "tracked treaty", treaty_id, best, _base(best) if best else None)
    report = tracked(request, store, links)
    return render(request, "implementation.html", {"report": report, "base": _base(treaty_id),
                                                   "chart": implementation_svg(report, _base(treaty_id), ui_language(request))})


@router.get("/treaties/{treaty_id}/implementation/{provision}")
def provision_page(request: Request, treaty_id: str, provision: str, store: Store = Depends(get_store)):
    links = implementation_links(treaty_id)
    if links is None:
        best = nearest(treaty_id, tracked_treaties())
        return not_found(request, "tracked treaty", treaty_id, best, _base(best) if best else None)
    if links.tracked(provision) is None:
        best = nearest(provision, [p.provision for p in links.provisions])
        return not_found(request, "provision", provision, best, f"{_base(treaty_id)}/{best}" if best else None)
    # every event, each with its most recently published reports (one event can have thousands)
    report = latest_events(tracked(request, store, links, provision=provision), None, REPORTS_SHOWN)
    return render(request, "implementation_provision.html", {"report": report, "item": report.provisions[0],
                                                             "base": _base(treaty_id)})
