"""The treaty page: status on a chosen day, the life-cycle timeline, articles by domain, doubts."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict

from fastapi import APIRouter, Depends, Request

from accord.interfaces import inputs
from accord.interfaces.deps import get_catalog, get_today
from accord.interfaces.inputs import InputError
from accord.interfaces.web.charts import timeline_svg
from accord.interfaces.web.pages_articles import table_of_contents
from accord.interfaces.web.rendering import article_anchor, bad_input, not_found, render, ui_language
from accord.interfaces.web.timeline import treaty_timeline
from accord.knowledge.catalog import Catalog, LookupFailed
from accord.knowledge.model import Article, Provision, Treaty
from accord.reasoning.alliance import TYPES, derive_types
from accord.reasoning.lifecycle import status

router = APIRouter(include_in_schema=False)

CHART_CACHE_SIZE = 256


class ChartCache:
    """Rendered timelines per (treaty, day): the catalog does not change while the app runs."""

    def __init__(self, size: int = CHART_CACHE_SIZE):
        self.size, self.items = size, OrderedDict()

    def get(self, key, build):
        if key in self.items:
            self.items.move_to_end(key)
            return self.items[key]
        value = self.items[key] = build()
        if len(self.items) > self.size:
            self.items.popitem(last=False)
        return value


def _chart_cache(request: Request) -> ChartCache:
    state = request.app.state
    if not hasattr(state, "web_chart_cache"):
        state.web_chart_cache = ChartCache()
    return state.web_chart_cache


def describe_trigger(p: Provision) -> str:
    if p.trigger is None:
        return "standing (no trigger)"
    t = p.trigger
    text = f"{', '.join(e.value for e in t.events)} against {t.target.value.replace('_', ' ')}"
    if t.actor.value != "any":
        text += f", by {t.actor.value.replace('_', ' ')}"
    if t.qualifiers:
        text += f" ({'; '.join(t.qualifiers)})"
    return text


def describe_bearer(p: Provision) -> str:
    return p.bearer.party or p.bearer.kind.value.replace("_", " ")


def articles_by_domain(treaty: Treaty) -> list[tuple[str, list[Article]]]:
    """Articles grouped under their first domain, groups in the order the treaty first reaches them.

    An article sits in one group only (its anchor must be unique); its other domains are shown as tags.
    """
    groups: OrderedDict[str, list[Article]] = OrderedDict()
    for article in treaty.articles:
        groups.setdefault(article.domains[0] if article.domains else "other", []).append(article)
    return list(groups.items())


@router.get("/treaties/{treaty_id}")
def treaty_page(request: Request, treaty_id: str, on: str | None = None, catalog: Catalog = Depends(get_catalog),
                today: dt.date = Depends(get_today)):
    try:
        treaty = catalog.treaty(treaty_id)
    except LookupFailed as exc:
        return not_found(request, "treaty", treaty_id, exc.suggestion, f"/treaties/{exc.suggestion}" if exc.suggestion else None)
    context = {"treaty": treaty, "on_text": on or ""}
    try:
        day = inputs.day(on, today)
    except InputError as exc:
        return bad_input(request, "treaty_error.html", context, str(exc))
    st = status(treaty, day, catalog)
    toc, toc_instruments = table_of_contents(treaty, catalog)
    language = ui_language(request)
    events = treaty_timeline(treaty, day, catalog, language)
    # Open-ended periods (a contested status) run to today at least, so they never shrink to a dot.
    period_end = max([day] + [e.end or e.date for e in events if e.date] + ([today] if any(e.open_ended for e in events) else []))
    chart = _chart_cache(request).get((treaty.id, day, language), lambda: timeline_svg(treaty.id, events, day, period_end, language))
    return render(request, "treaty.html", {
        **context,
        "day": day,
        "today": today,
        "status": st,
        "events": events,
        "chart": chart,
        "groups": articles_by_domain(treaty),
        "types": derive_types(treaty).as_dict(),
        "type_names": TYPES,
        "party_names": {code: catalog.parties[code].name() for code in treaty.all_members()},
        "describe_trigger": describe_trigger,
        "describe_bearer": describe_bearer,
        "article_anchor": article_anchor,
        "toc": toc,
        "toc_instruments": toc_instruments,
    })
