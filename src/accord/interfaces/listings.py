"""The rows of each exportable list, as the pages, the API and the CLI all read them.

Each function takes what its list is filtered by and returns the rows in the list's order, ready
for :mod:`accord.services.exports`; the big lists (claims, documents) come from a store cursor,
so a download of all of them never holds them in memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from accord.interfaces import inputs
from accord.knowledge.catalog import Catalog
from accord.knowledge.implementation_links import implementation_links
from accord.reasoning.compare import compare
from accord.reasoning.implementation import track
from accord.reasoning.lifecycle import status
from accord.reasoning.listing import treaty_row
from accord.services import listing
from accord.services.exports import comparison_rows, ranked
from accord.services.store import Store
from accord.services.trends import Period, claim_trend

CLAIM_FILTERS = ("type", "verdict", "lang", "treaty", "outlet")
TREND_FILTERS = ("type", "lang", "treaty", "outlet")


def claim_filters(catalog: Catalog, given: dict[str, str | None], field=lambda name: f"'{name}'") -> dict[str, str | None]:
    """The claim list's filters read and checked (InputError names a mistyped one and the nearest
    valid value): a typo must never look like "no claims"."""
    treaty = (given.get("treaty") or "").strip() or None
    if treaty:
        inputs.treaty(catalog, treaty, field("treaty"))
    return {"type": inputs.claim_type(given.get("type") or None, field("type")),
            "verdict": inputs.verdict(given.get("verdict") or None, field("verdict")),
            "lang": inputs.language(given.get("lang") or None, field("lang")),
            "treaty": treaty, "outlet": given.get("outlet") or None}


def claim_rows(store: Store, filters: dict[str, str | None], *, limit: int | None = None, offset: int = 0,
               sort: str | None = None) -> Iterator[dict]:
    """Claims under the filters; in the store's order, or in the order of a page's sort key (a
    download holds what the page shows, in the order it shows it)."""
    chosen = {k: filters.get(k) or None for k in CLAIM_FILTERS}
    if sort:
        return listing.sorted_claims(store, sort, limit=limit, offset=offset, **chosen)
    return store.iter_claims(**chosen, limit=limit, offset=offset)


def document_rows(store: Store, outlet: str | None = None, *, limit: int | None = None, offset: int = 0,
                  sort: str | None = None) -> Iterator[dict]:
    if sort:
        return listing.iter_sorted_documents(store, sort, outlet=outlet or None, limit=limit, offset=offset)
    return store.iter_documents(outlet=outlet or None, limit=limit, offset=offset)


def source_rows(store: Store) -> list[dict]:
    return store.sources_summary()


def ranked_hits(hits: Iterable[dict], offset: int = 0) -> Iterator[dict]:
    """Search hits numbered by rank in the whole answer (1 = best)."""
    return ranked(hits, offset)


def catalog_rows(catalog: Catalog, day: dt.date) -> list[dict]:
    """The catalog page's rows: each treaty's listing row with its phase on ``day``."""
    rows = []
    for treaty in catalog.treaties.values():
        row = treaty_row(treaty)
        st = status(treaty, day, catalog)
        rows.append({**row, "as_of": day.isoformat(), "phase": st.phase, "in_force": st.in_force, "status": st})
    return rows


def requested_ids(values: list[str]) -> list[str]:
    """Treaty ids as the pages send them (``?ids=a&ids=b``) or as written by hand (``?ids=a,b``)."""
    ids = [part.strip() for value in values for part in value.split(",") if part.strip()]
    return list(dict.fromkeys(ids))


def compare_rows(ids: list[str], catalog: Catalog) -> Iterator[dict]:
    """The comparison of ``ids`` one cell a row (raises LookupFailed on an unknown id)."""
    return comparison_rows(compare(ids, catalog))


def implementation_rows(store: Store, treaty_id: str) -> list[dict] | None:
    """The implementation page's rows, one per tracked provision; None for a treaty that is not tracked."""
    links = implementation_links(treaty_id)
    if links is None:
        return None
    return [item.model_dump(mode="json") for item in track(store.events(treaty_id), links).provisions]


def event_rows(store: Store, treaty_id: str, provision: str | None = None) -> list[dict] | None:
    """The implementation events of a tracked treaty as the tracker merges them (of one provision, if
    given, as its page lists them), the rows of `accord events`; None for a treaty that is not tracked
    or a provision it does not track."""
    from accord.reasoning.implementation_export import event_rows as merged_events

    links = implementation_links(treaty_id)
    if links is None or (provision and links.tracked(provision) is None):
        return None
    return merged_events(track(store.events(treaty_id), links, provision=provision or None))


def trend_rows(store: Store, period: str, filters: dict[str, str | None]) -> Iterable[dict]:
    trend = claim_trend(store, Period(period), **{k: filters.get(k) or None for k in TREND_FILTERS})
    return [row.model_dump() for row in trend.rows]
