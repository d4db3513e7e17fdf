"""Claims over time: a chart of claims per month or week of publication, stacked by verdict, with
the outlet, language, claim type and treaty filters of the claims explorer."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request

from accord.interfaces.deps import get_catalog, get_store
from accord.interfaces.web.charts import trend_bars_svg
from accord.interfaces.web.rendering import bad_input, render
from accord.knowledge.catalog import Catalog
from accord.press.lang import analysed_languages
from accord.reasoning.claims import ClaimType
from accord.services.store import Store
from accord.services.trends import Period, claim_trend

router = APIRouter(include_in_schema=False)


@router.get("/trends")
def trends_page(request: Request, period: str = "month", type: str | None = None, lang: str | None = None,
                treaty: str | None = None, outlet: str | None = None,
                store: Store = Depends(get_store), catalog: Catalog = Depends(get_catalog)):
    filters = {"type": type or "", "lang": lang or "", "treaty": treaty or "", "outlet": outlet or ""}
    choices = {
        "types": [t.value for t in ClaimType], "langs": list(analysed_languages()), "treaties": list(catalog.treaties),
        "outlets": [r["outlet"] for r in store.sources_summary() if r["outlet"] != "unknown"],
        "periods": [p.value for p in Period],
    }
    context = {"filters": filters, "period": period, "trend": None, "chart": None, "error": None, "stats": store.stats(), **choices}
    allowed = {"type": choices["types"], "lang": choices["langs"], "treaty": choices["treaties"], "outlet": choices["outlets"]}
    for name, value in filters.items():
        if value and value not in allowed[name]:
            return bad_input(request, "trends.html", context, f"Unknown {name} {value!r}: choose one from the list.")
    if period not in choices["periods"]:
        return bad_input(request, "trends.html", context, f"Unknown period {period!r}: month or week.")
    trend = claim_trend(store, Period(period), **{k: v or None for k, v in filters.items()})
    query = urlencode({"period": period, **{k: v for k, v in filters.items() if v}})
    return render(request, "trends.html", {**context, "trend": trend, "chart": trend_bars_svg(trend.rows, period),
                                           "trend_query": query})
