"""Pages over the press store: coverage per outlet, one document with its claims marked, the claims
explorer and full-text search."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool
from markupsafe import Markup, escape

from accord.interfaces import inputs
from accord.interfaces.deps import get_catalog, get_store
from accord.interfaces.searching import searched
from accord.interfaces.web.charts import outlet_bars_svg
from accord.interfaces.web.pages_exports import SEARCH_PAGE_HITS
from accord.interfaces.web.highlight import highlight
from accord.interfaces.web.rendering import bad_input, not_found, render, ui_language
from accord.knowledge.catalog import Catalog
from accord.press.lang import analysed_languages
from accord.reasoning.claims import ClaimType, Verdict
from accord.services import listing
from accord.services.search_limits import MAX_QUERY_CHARS, QueryTooLarge, SearchInterrupted, query_terms
from accord.services.store import Store

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 50
CLAIMS_PAGE_SIZE = 100


MAX_PAGE = 1_000_000  # far past any store's last page; beyond it the row offset would overflow SQLite's integers


def _page_number(value: str | None) -> int:
    """A page number from the query; anything else is the first page, and a huge one the (empty) last."""
    if not (value and value.isascii() and value.isdigit() and int(value) > 0):
        return 1
    return min(int(value), MAX_PAGE)


@router.get("/coverage")
def coverage_page(request: Request, page: str | None = None, sort: str | None = None, outlet: str | None = None,
                  store: Store = Depends(get_store)):
    stats = store.stats()
    number = _page_number(page)
    sort_key = sort or listing.DEFAULT_DOCUMENT_SORT
    summary = store.sources_summary()
    for row in summary:
        row["share_supported"] = row["supported"] / row["claims"] if row["claims"] else None
    context = {"stats": stats, "summary": summary, "chart": outlet_bars_svg(summary, ui_language(request)), "documents": [],
               "page": number, "pages": 1, "total": 0, "first": 1, "sort": sort_key, "error": None, "outlet": outlet or "",
               "outlet_query": urlencode({k: v for k, v in {"outlet": outlet, "sort": sort}.items() if v}),
               "outlet_links": {r["outlet"]: page_link("/coverage", {"outlet": r["outlet"]}) + "#documents" for r in summary}}
    params = {"outlet": outlet or "", "sort": sort_key if sort_key != listing.DEFAULT_DOCUMENT_SORT else ""}
    context["clear_outlet"] = page_link("/coverage", {**params, "outlet": ""}) + "#documents"
    context["sort_links"] = sort_links("/coverage", params, sort_key, list(listing.DOCUMENT_SORTS))
    try:
        documents = listing.sorted_documents(store, sort_key, outlet=outlet or None, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE)
    except listing.UnknownSort as exc:
        return bad_input(request, "coverage.html", context, str(exc))
    total = store.count_documents(outlet=outlet or None)
    return render(request, "coverage.html", {
        **context, "documents": documents, "total": total, "pages": max(1, -(-total // PAGE_SIZE)),
        "first": (number - 1) * PAGE_SIZE + 1,
        "prev_link": page_link("/coverage", params, page=number - 1 if number > 2 else None) + "#documents",
        "next_link": page_link("/coverage", params, page=number + 1) + "#documents",
    })


@router.get("/documents/{doc_id:path}")
def document_page(request: Request, doc_id: str, store: Store = Depends(get_store)):
    doc = store.document(doc_id)
    if doc is None:
        hint = store.nearest_id(doc_id)
        return not_found(request, "document", doc_id, hint, f"/documents/{hint}" if hint else None)
    blocks, unplaced = highlight(doc["text"], doc["paragraphs"], doc["claims"])
    return render(request, "document.html", {"doc": doc, "blocks": blocks, "unplaced": unplaced})


def page_link(path: str, params: dict[str, str], **changes: str | int | None) -> str:
    """This list's address with some parameters changed (None drops one); empty ones are left out."""
    merged = {**params, **changes}
    query = urlencode({k: v for k, v in merged.items() if v not in (None, "")})
    return f"{path}?{query}" if query else path


def sort_links(path: str, params: dict[str, str], current: str, columns: list[str]) -> dict[str, dict]:
    """Per sortable column: the link that sorts by it (reversing it when it is already the order,
    back to the first page) and its ``aria-sort`` state."""
    out = {}
    for column in columns:
        state = "ascending" if current == column else "descending" if current == f"-{column}" else None
        target = f"-{column}" if state == "ascending" else column
        out[column] = {"href": page_link(path, params, sort=target, page=None), "state": state}
    return out


@router.get("/claims")
def claims_page(request: Request, type: str | None = None, verdict: str | None = None, lang: str | None = None,
                treaty: str | None = None, outlet: str | None = None, page: str | None = None, sort: str | None = None,
                store: Store = Depends(get_store), catalog: Catalog = Depends(get_catalog)):
    filters = {"type": type or "", "verdict": verdict or "", "lang": lang or "", "treaty": treaty or "", "outlet": outlet or ""}
    sort_key = sort or listing.DEFAULT_CLAIM_SORT
    error: str | None = None
    try:  # a mistyped filter is named with the valid choices, never shown as "no claims"
        inputs.claim_type(filters["type"], "'type'")
        inputs.verdict(filters["verdict"], "'verdict'")
        inputs.language(filters["lang"], "'lang'")
        if filters["treaty"]:
            inputs.treaty(catalog, filters["treaty"], "'treaty'")
        listing.check_sort(listing.CLAIM_SORTS, sort_key)
    except (inputs.InputError, listing.UnknownSort) as exc:
        error = str(exc)
    number = _page_number(page)
    chosen = {k: v or None for k, v in filters.items()}
    rows, total, facets = [], 0, {name: [] for name in listing.FACETS}
    if error is None:
        rows = list(listing.sorted_claims(store, sort_key, limit=CLAIMS_PAGE_SIZE, offset=(number - 1) * CLAIMS_PAGE_SIZE, **chosen))
        total = store.count_claims(**chosen)
        facets = listing.claim_facets(store, **chosen)
    # Links keep the filters and the order; the default order is left out of the address.
    params = {**filters, "sort": sort_key if sort_key != listing.DEFAULT_CLAIM_SORT else ""}
    counts = {name: {f.value: f.count for f in values} for name, values in facets.items()}
    outlets = [r["outlet"] for r in store.sources_summary() if r["outlet"] != "unknown"]
    return render(request, "claims.html", {
        "filters": filters, "filter_query": urlencode({k: v for k, v in filters.items() if v}), "claims": rows,
        "download_query": urlencode({k: v for k, v in params.items() if v}),
        "page": number, "pages": max(1, -(-total // CLAIMS_PAGE_SIZE)), "total": total, "first": (number - 1) * CLAIMS_PAGE_SIZE + 1,
        "has_more": number * CLAIMS_PAGE_SIZE < total, "sort": sort_key, "sorts": listing.sort_keys(listing.CLAIM_SORTS),
        "sort_links": sort_links("/claims", params, sort_key, ["document", "type", "verdict", "treaty"]),
        "prev_link": page_link("/claims", params, page=number - 1 if number > 2 else None),
        "next_link": page_link("/claims", params, page=number + 1),
        "facets": facets, "counts": counts,
        "facet_links": {name: [(f.value, f.count, page_link("/claims", params, **{name: f.value}, page=None)) for f in values if f.value]
                        for name, values in facets.items()},
        "clear_links": {name: page_link("/claims", params, **{name: None}, page=None) for name in listing.FACETS},
        "types": [t.value for t in ClaimType], "verdicts": [v.value for v in Verdict], "langs": list(analysed_languages()),
        "treaties": list(catalog.treaties), "outlets": outlets, "stats": store.stats(), "error": error,
    }, status_code=422 if error else 200)


def snippet_markup(snippet: str, matches: list[list[int]]) -> Markup:
    """The search snippet as markup: every slice escaped, the matched words wrapped in <mark>."""
    parts, pos = [], 0
    for start, end in matches:
        if start < pos:
            continue
        parts += [str(escape(snippet[pos:start])), f"<mark>{escape(snippet[start:end])}</mark>"]
        pos = end
    parts.append(str(escape(snippet[pos:])))
    return Markup("".join(parts))


@router.get("/search")
async def search_page(request: Request, q: str | None = None, store: Store = Depends(get_store)):
    query = (q or "").strip()
    context = {"q": query, "hits": [], "max_chars": MAX_QUERY_CHARS, "error": None, "total": 0}
    stats = await run_in_threadpool(lambda: store.stats())
    context["stats"] = stats
    if not query:
        return render(request, "search.html", context)
    try:
        query_terms(query)
        hits = await searched(request, store, query, SEARCH_PAGE_HITS)
        # The exact total only when the page is full: otherwise the hits are all there is.
        context["total"] = len(hits) if len(hits) < SEARCH_PAGE_HITS else await run_in_threadpool(lambda: store.count_search(query))
    except QueryTooLarge as exc:
        return bad_input(request, "search.html", context, f"Query too large: {exc}.")
    except SearchInterrupted as exc:
        return render(request, "search.html", {**context, "error": f"{str(exc).capitalize()}."}, status_code=503)
    context["hits"] = [{**hit, "snippet_html": snippet_markup(hit["snippet"], hit["matches"])} for hit in hits]
    return render(request, "search.html", context)
