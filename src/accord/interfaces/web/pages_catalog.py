"""The catalog page (``/``) and the comparison matrix (``/compare``)."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Depends, Request

from accord.interfaces.deps import get_catalog, get_today
from accord.interfaces.web.rendering import not_found, render
from accord.knowledge.catalog import Catalog, LookupFailed
from accord.reasoning.alliance import BINDING, TESTS, TYPES
from accord.reasoning.compare import compare
from accord.reasoning.lifecycle import status
from accord.reasoning.listing import treaty_row

router = APIRouter(include_in_schema=False)


@router.get("/")
def catalog_page(request: Request, catalog: Catalog = Depends(get_catalog), today: dt.date = Depends(get_today)):
    rows = []
    for treaty in catalog.treaties.values():
        row = treaty_row(treaty)  # the same row as `accord treaties` and GET /api/treaties
        row["party_names"] = [(code, catalog.parties[code].name()) for code in row["parties"]]
        row["status"] = status(treaty, today, catalog)
        rows.append(row)
    return render(request, "catalog.html", {"rows": rows, "today": today, "type_names": TYPES})


def deciding_articles(treaty, type_name: str) -> list[tuple[str, str]]:
    """(citation, article anchor key) of each provision that makes the treaty of ``type_name``.

    Uses the same tests as :func:`accord.reasoning.alliance.derive_types`, so a cell links to
    exactly the provisions that decided it, unnumbered ones included.
    """
    test = TESTS[type_name]
    out: dict[str, str] = {}
    for article in treaty.articles:
        for p in article.provisions:
            if p.modality in BINDING and test(p):
                label = p.citation if p.article is not None else f"{article.key} (unnumbered)"
                out.setdefault(label, article.key)
    return list(out.items())


def _requested_ids(request: Request, catalog: Catalog) -> list[str]:
    # Checkboxes send ?ids=a&ids=b; a hand-written URL may say ?ids=a,b. Both work.
    ids = [part.strip() for value in request.query_params.getlist("ids") for part in value.split(",") if part.strip()]
    return list(dict.fromkeys(ids)) or list(catalog.treaties)


@router.get("/compare")
def compare_page(request: Request, catalog: Catalog = Depends(get_catalog)):
    ids = _requested_ids(request, catalog)
    try:
        data = compare(ids, catalog)
    except LookupFailed as exc:
        link = f"/treaties/{exc.suggestion}" if exc.suggestion else None
        return not_found(request, exc.what, exc.value, exc.suggestion, link)
    deciding = {tid: {name: deciding_articles(catalog.treaty(tid), name) for name in data["type_names"]} for tid in data["treaties"]}
    domains = sorted({d for tid in data["treaties"] for d in data["domains"][tid]})
    most = max((len(c) for tid in data["treaties"] for c in data["domains"][tid].values()), default=1)
    return render(request, "compare.html", {
        "data": data, "deciding": deciding, "domains": domains, "most_articles": most,
        "all_treaties": list(catalog.treaties.values()), "selected": set(data["treaties"]),
    })
