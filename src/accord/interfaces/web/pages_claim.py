"""A page per judged claim: the verdict, the quote in its paragraph, the provision or record that
decides it, the other documents making the same claim, and schema.org ClaimReview markup."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from markupsafe import Markup, escape

from accord.interfaces.deps import get_catalog, get_store
from accord.interfaces.web.rendering import not_found, render
from accord.knowledge.catalog import Catalog
from accord.knowledge.model import Article, Provision
from accord.services.claimreview import claim_review, reviewed_on
from accord.services.store import Store

router = APIRouter(include_in_schema=False)


def deciding_provision(catalog: Catalog, citation: str | None) -> tuple[Article, Provision] | None:
    """The article and provision a verdict cites (``rus-irn-2025 Art. 3(3)``), if it cites one.

    A verdict that rests on a life-cycle record (a signing date, the term) cites no provision.
    """
    if not citation or " " not in citation:
        return None
    treaty_id, cited = citation.split(" ", 1)
    treaty = catalog.treaties.get(treaty_id)
    if treaty is None:
        return None
    for article in treaty.articles:
        for provision in article.provisions:
            if provision.citation == cited:
                return article, provision
    return None


def quote_in_context(doc: dict, claim: dict) -> Markup | None:
    """The paragraph that holds the claim, escaped, with the quoted span marked."""
    start, end = claim.get("start"), claim.get("end")
    if start is None or end is None:
        return None
    for para in doc["paragraphs"]:
        if para["start"] <= start and end <= para["end"]:
            text = doc["text"]
            return Markup("".join((
                str(escape(text[para["start"]:start])),
                f'<mark class="verdict-{escape(claim["verdict"])}">{escape(text[start:end])}</mark>',
                str(escape(text[end:para["end"]])),
            )))
    return None


@router.get("/claims/{claim_id:int}")
def claim_page(request: Request, claim_id: int, store: Store = Depends(get_store), catalog: Catalog = Depends(get_catalog)):
    claim = store.claim(claim_id)
    if claim is None:
        return not_found(request, "claim", str(claim_id), None)
    doc = store.document(claim["doc_id"])
    page_url = str(request.url_for("claim_page", claim_id=claim_id))
    markup = claim_review(claim, doc, page_url=page_url, instance_url=str(request.base_url), reviewed_on=reviewed_on(claim))
    return render(request, "claim.html", {
        "claim": claim, "doc": doc, "context": quote_in_context(doc, claim),
        "decided_by": deciding_provision(catalog, claim.get("citation")),
        "same": store.same_claims(claim), "jsonld": markup,
    })
