"""The check page: a sentence or paragraph (English or Russian) -> claims, verdicts, deciding records.

The form posts (a paragraph may be long), and every answer also has a permalink,
``/check?text=...&lang=...``, that renders the same answer by GET so it can be shared.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool

import datetime as dt

from accord.interfaces.deps import get_catalog, get_today
from accord.interfaces.web.forms import FormError, read_urlencoded
from accord.interfaces.web.rendering import bad_input, render
from accord.knowledge.catalog import Catalog
from accord.press.verify import UnsupportedLanguage, check_text

router = APIRouter(include_in_schema=False)

LANGUAGES = [("", "detect"), ("en", "English"), ("ru", "Russian")]


def _context(text: str = "", lang: str = "") -> dict:
    return {"text": text, "lang": lang, "languages": LANGUAGES, "error": None, "checked": None, "detected": None,
            "permalink": None}


def permalink(text: str, lang: str) -> str:
    """The GET address that renders the answer for ``text`` in ``lang`` (empty: detected)."""
    return "/check?" + urlencode({"text": text, "lang": lang})


@router.get("/check")
async def check_form(request: Request, catalog: Catalog = Depends(get_catalog), today: dt.date = Depends(get_today)):
    query = request.query_params
    if "text" not in query:
        return render(request, "check.html", _context())
    return await _answer(request, query.get("text", ""), query.get("lang", "").strip(), catalog, today)


@router.post("/check")
async def check_page(request: Request, catalog: Catalog = Depends(get_catalog), today: dt.date = Depends(get_today)):
    try:
        fields = await read_urlencoded(request)
    except FormError as exc:
        return bad_input(request, "check.html", _context(), str(exc))
    return await _answer(request, fields.get("text", ""), fields.get("lang", "").strip(), catalog, today)


async def _answer(request: Request, text: str, lang: str, catalog: Catalog, today: dt.date):
    context = _context(text, lang)
    if not text.strip():
        return bad_input(request, "check.html", context, "nothing to check: the text is empty")
    if lang not in dict(LANGUAGES):
        return bad_input(request, "check.html", context, f"unknown language '{lang}': choose English or Russian, or let it be detected")
    try:
        # Claim extraction is CPU work: keep it off the event loop.
        detected, checked = await run_in_threadpool(check_text, text, lang or None, catalog=catalog, today=today)
    except UnsupportedLanguage as exc:
        return bad_input(request, "check.html", context, str(exc))
    return render(request, "check.html", {**context, "checked": checked, "detected": detected,
                                                  "permalink": permalink(text, lang)})
