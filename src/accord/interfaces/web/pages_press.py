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
from accord.interfaces.web.rendering import bad_input, not_found, render
from accord.knowledge.catalog import Catalog
from accord.press.lang import analysed_languages
from accord.reasoning.claims import ClaimType, Verdict
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
def coverage_page(request: Request, page: str | None = None, store: Store = Depends(get_store)):
    stats = store.stats()
    number = _page_number(page)
    summary = store.sources_summary()
    for row in summary:
        row["share_supported"] = row["supported"] / row["claims"] if row["claims"] else None
    return render(request, "coverage.html", {
        "stats": stats, "summary": summary, "chart": outlet_bars_svg(summary),
        "documents": store.documents(limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE),
        "page": number, "page_size": PAGE_SIZE,
    })


@router.get("/documents/{doc_id:path}")
def document_page(request: Request, doc_id: str, store: Store = Depends(get_store)):
    doc = store.document(doc_id)
    if doc is None:
        hint = store.nearest_id(doc_id)
        return not_found(request, "document", doc_id, hint, f"/documents/{hint}" if hint else None)
    blocks, unplaced = highlight(doc["text"], doc["paragraphs"], doc["claims"])
    return render(request, "document.html", {"doc": doc, "blocks": blocks, "unplaced": unplaced})


@router.get("/claims")
def claims_page(request: Request, type: str | None = None, verdict: str | None = None, lang: str | None = None,
                treaty: str | None = None, outlet: str | None = None, page: str | None = None,
                store: Store = Depends(get_store), catalog: Catalog = Depends(get_catalog)):
    filters = {"type": type or "", "verdict": verdict or "", "lang": lang or "", "treaty": treaty or "", "outlet": outlet or ""}
    try:  # a mistyped filter is named with the valid choices, never shown as "no claims"
        inputs.claim_type(filters["type"], "'type'")
        inputs.verdict(filters["verdict"], "'verdict'")
        inputs.language(filters["lang"], "'lang'")
        if filters["treaty"]:
            inputs.treaty(catalog, filters["treaty"], "'treaty'")
    except inputs.InputError as exc:
        error: str | None = str(exc)
        rows = []
    else:
        error = None
    number = _page_number(page)
    if error is None:
        rows = store.claims(**{k: v or None for k, v in filters.items()}, limit=CLAIMS_PAGE_SIZE + 1, offset=(number - 1) * CLAIMS_PAGE_SIZE)
    outlets = [r["outlet"] for r in store.sources_summary()]
    return render(request, "claims.html", {
        "filters": filters, "filter_query": urlencode({k: v for k, v in filters.items() if v}), "claims": rows[:CLAIMS_PAGE_SIZE], "has_more": len(rows) > CLAIMS_PAGE_SIZE, "page": number,
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
    context = {"q": query, "hits": [], "max_chars": MAX_QUERY_CHARS, "error": None}
    stats = await run_in_threadpool(lambda: store.stats())
    context["stats"] = stats
    if not query:
        return render(request, "search.html", context)
    try:
        query_terms(query)
        hits = await searched(request, store, query, SEARCH_PAGE_HITS)
    except QueryTooLarge as exc:
        return bad_input(request, "search.html", context, f"Query too large: {exc}.")
    except SearchInterrupted as exc:
        return render(request, "search.html", {**context, "error": f"{str(exc).capitalize()}."}, status_code=503)
    context["hits"] = [{**hit, "snippet_html": snippet_markup(hit["snippet"], hit["matches"])} for hit in hits]
    return render(request, "search.html", context)
