"""Downloads of what the list pages show, under the same filters: CSV and JSON, streamed.

Every list page links its downloads beside its table (the ``downloads`` macro): ``/claims.csv``,
``/documents.csv``, ``/sources.csv``, ``/search.csv?q=``, ``/treaties.csv`` (the catalog),
``/compare.csv?ids=``, ``/treaties/ID/implementation.csv`` and ``/trends.csv``, each also as
``.json``. The columns are those of :mod:`accord.services.exports` (docs/export-codebook.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from fastapi import APIRouter, Depends, Request
from fastapi.responses import PlainTextResponse, StreamingResponse

from accord.interfaces import inputs, listings
from accord.interfaces.deps import get_catalog, get_store, get_today
from accord.interfaces.web.rendering import not_found
from accord.knowledge.catalog import Catalog, LookupFailed, nearest
from accord.knowledge.implementation_links import implementation_links, tracked_treaties
from accord.services import listing as sorting
from accord.services.exports import LISTINGS, Listing
from accord.services.search_limits import QueryTooLarge, SearchInterrupted, query_terms
from accord.services.store import Store
from accord.services.trends import Period

router = APIRouter(include_in_schema=False)

MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
SEARCH_PAGE_HITS = 50  # what the search page shows; ?limit= asks for more, up to SEARCH_EXPORT_LIMIT
SEARCH_EXPORT_LIMIT = 1_000  # ranked answers thin out long before


def _search_limit(value: str | None) -> int:
    if value and value.isascii() and value.isdigit() and int(value) > 0:
        return min(int(value), SEARCH_EXPORT_LIMIT)
    return SEARCH_PAGE_HITS


def _file_name(*parts: str | None) -> str:
    kept = ["".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in part) for part in parts if part]
    return "-".join(kept)[:120]


def _download(fmt: str, chunks: Iterator[str], name: str) -> StreamingResponse:
    return StreamingResponse(chunks, media_type=MEDIA_TYPES[fmt],
                             headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})


def _from_store(path: Path, listing: Listing, fmt: str, rows: Callable[[Store], Iterable[dict]]) -> Iterator[str]:
    # A connection of its own for the whole stream: the per-thread connections of the pages may be
    # used by other requests while a long export is still being read.
    store = Store(path)
    try:
        yield from listing.render(fmt, rows(store))
    finally:
        store.close()


def _bad_filter(message: str) -> PlainTextResponse:
    return PlainTextResponse(message + "\n", status_code=422)


def _unknown_format(request: Request, fmt: str):
    return not_found(request, "export format", fmt, "csv")


@router.get("/claims.{fmt}")
def claims_download(request: Request, fmt: str, type: str | None = None, verdict: str | None = None,
                    lang: str | None = None, treaty: str | None = None, outlet: str | None = None,
                    sort: str | None = None, store: Store = Depends(get_store), catalog: Catalog = Depends(get_catalog)):
    if fmt not in MEDIA_TYPES:
        return _unknown_format(request, fmt)
    try:
        filters = listings.claim_filters(catalog, {"type": type, "verdict": verdict, "lang": lang, "treaty": treaty,
                                                   "outlet": outlet})
        if sort:
            sorting.check_sort(sorting.CLAIM_SORTS, sort)
    except inputs.InputError as exc:
        return _bad_filter(exc.message)
    except sorting.UnknownSort as exc:
        return _bad_filter(str(exc))
    listing = LISTINGS["claims"]
    chunks = _from_store(store.path, listing, fmt, lambda s: listings.claim_rows(s, filters, sort=sort or None))
    return _download(fmt, chunks, _file_name("claims", *filters.values()))


@router.get("/documents.{fmt}")
def documents_download(request: Request, fmt: str, outlet: str | None = None, sort: str | None = None,
                       store: Store = Depends(get_store)):
    if fmt not in MEDIA_TYPES:
        return _unknown_format(request, fmt)
    if sort:
        try:
            sorting.check_sort(sorting.DOCUMENT_SORTS, sort)
        except sorting.UnknownSort as exc:
            return _bad_filter(str(exc))
    listing = LISTINGS["documents"]
    chunks = _from_store(store.path, listing, fmt, lambda s: listings.document_rows(s, outlet, sort=sort or None))
    return _download(fmt, chunks, _file_name("documents", outlet))


@router.get("/sources.{fmt}")
def sources_download(request: Request, fmt: str, store: Store = Depends(get_store)):
    if fmt not in MEDIA_TYPES:
        return _unknown_format(request, fmt)
    listing = LISTINGS["sources"]
    return _download(fmt, listing.render(fmt, listings.source_rows(store)), "sources")


@router.get("/search.{fmt}")
def search_download(request: Request, fmt: str, q: str | None = None, limit: str | None = None,
                    store: Store = Depends(get_store)):
    if fmt not in MEDIA_TYPES:
        return _unknown_format(request, fmt)
    query = (q or "").strip()
    if not query:
        return _bad_filter("nothing to search for: 'q' is empty")
    try:
        query_terms(query)
        hits = store.search(query, limit=_search_limit(limit))
    except QueryTooLarge as exc:
        return _bad_filter(f"query too large: {exc}")
    except SearchInterrupted as exc:
        return PlainTextResponse(f"{exc}\n", status_code=503, headers={"Retry-After": "5"})
    listing = LISTINGS["search"]
    return _download(fmt, listing.render(fmt, listings.ranked_hits(hits)), _file_name("search", query))


@router.get("/treaties.{fmt}")
def catalog_download(request: Request, fmt: str, catalog: Catalog = Depends(get_catalog), today: dt.date = Depends(get_today)):
    if fmt not in MEDIA_TYPES:
        return _unknown_format(request, fmt)
    listing = LISTINGS["catalog"]
    return _download(fmt, listing.render(fmt, listings.catalog_rows(catalog, today)), f"treaties-{today.isoformat()}")


@router.get("/compare.{fmt}")
def compare_download(request: Request, fmt: str, catalog: Catalog = Depends(get_catalog)):
    if fmt not in MEDIA_TYPES:
        return _unknown_format(request, fmt)
    ids = listings.requested_ids(request.query_params.getlist("ids")) or list(catalog.treaties)
    try:
        rows = list(listings.compare_rows(ids, catalog))
    except LookupFailed as exc:
        return _bad_filter(str(exc))
    listing = LISTINGS["compare"]
    return _download(fmt, listing.render(fmt, rows), _file_name("compare", *ids) if len(ids) <= 4 else "compare")


def _untracked(request: Request, treaty_id: str):
    best = nearest(treaty_id, tracked_treaties())
    return not_found(request, "tracked treaty", treaty_id, best, f"/treaties/{best}/implementation" if best else None)


@router.get("/treaties/{treaty_id}/implementation.{fmt}")
def implementation_download(request: Request, treaty_id: str, fmt: str, store: Store = Depends(get_store)):
    if fmt not in MEDIA_TYPES:
        return _unknown_format(request, fmt)
    rows = listings.implementation_rows(store, treaty_id)
    if rows is None:
        return _untracked(request, treaty_id)
    listing = LISTINGS["implementation"]
    return _download(fmt, listing.render(fmt, rows), _file_name(treaty_id, "implementation"))


@router.get("/treaties/{treaty_id}/events.{fmt}")
def events_download(request: Request, treaty_id: str, fmt: str, provision: str | None = None,
                    store: Store = Depends(get_store)):
    if fmt not in MEDIA_TYPES:
        return _unknown_format(request, fmt)
    if implementation_links(treaty_id) is None:
        return _untracked(request, treaty_id)
    rows = listings.event_rows(store, treaty_id, provision)
    if rows is None:
        return _bad_filter(f"provision '{provision}' is not tracked for {treaty_id}")
    listing = LISTINGS["events"]
    return _download(fmt, listing.render(fmt, rows), _file_name(treaty_id, "events", provision))


@router.get("/trends.{fmt}")
def trends_download(request: Request, fmt: str, period: str = "month", type: str | None = None, lang: str | None = None,
                    treaty: str | None = None, outlet: str | None = None,
                    store: Store = Depends(get_store), catalog: Catalog = Depends(get_catalog)):
    if fmt not in MEDIA_TYPES:
        return _unknown_format(request, fmt)
    try:
        period = inputs.choice(period, [p.value for p in Period], "'period'") or Period.month.value
        filters = listings.claim_filters(catalog, {"type": type, "lang": lang, "treaty": treaty, "outlet": outlet})
    except inputs.InputError as exc:
        return _bad_filter(exc.message)
    listing = LISTINGS["trends"]
    rows = listings.trend_rows(store, period, filters)
    return _download(fmt, listing.render(fmt, rows), _file_name("trends", period, *filters.values()))
