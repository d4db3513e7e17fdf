"""Article pages: one page per article, at an FRBR-style permalink.

``/treaty/<id>/art_<n>`` shows the article in every language the catalog has a
text for, the coding of each paragraph with the words it cites highlighted,
the hand-coded provisions with their sources, and the permalink of each
paragraph (``/treaty/<id>/art_<n>/para_<m>``, which opens the same page at
that paragraph).  Articles of an annexed protocol live under ``att_<k>/``.
Only offsets are computed here: the template prints every piece escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fastapi import APIRouter, Depends, Request

from accord.interfaces.deps import get_catalog
from accord.interfaces.web.rendering import not_found, render
from accord.knowledge.catalog import Catalog, LookupFailed
from accord.knowledge.coder import Coding
from accord.knowledge.model import Treaty
from accord.knowledge.text_record import ArticleOut, TextRecord

router = APIRouter(include_in_schema=False)

PORTION = re.compile(r"^(?:att_(?P<att>\d{1,3})/)?art_(?P<art>\d{1,4})(?:/para_(?P<para>[0-9A-Za-z]{1,4}))?/?$")


@dataclass
class Piece:
    text: str
    cues: list[str] = field(default_factory=list)  # what each covering cue says, for the title and the legend
    kinds: list[str] = field(default_factory=list)


def cue_spans(codings: list[Coding]) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, label) of every cited word group of a paragraph's codings."""
    out = []
    for c in codings:
        if c.kind == "uncoded":
            continue
        if c.action is not None:
            kind = "lifecycle" if c.kind == "lifecycle" else ("scope" if c.kind == "scope" else c.modality)
            label = (c.lifecycle or c.action.value).replace("_", " ")
            out.append((c.action.span.start, c.action.span.end, kind, f"{kind}: {label}"))
        for name, cue in (("trigger", c.trigger), ("bearer", c.bearer), ("modality", c.modality_cue)):
            if cue is not None:
                out.append((cue.span.start, cue.span.end, name, f"{name}: {cue.value.replace('_', ' ')}"))
        for cue in c.conditions:
            out.append((cue.span.start, cue.span.end, "condition", f"condition ({cue.value.replace('_', ' ')})"))
    return out


def pieces(text: str, start: int, end: int, spans: list[tuple[int, int, str, str]]) -> list[Piece]:
    inside = [s for s in spans if s[0] < end and s[1] > start and s[0] < s[1]]
    cuts = sorted({start, end, *(max(start, s[0]) for s in inside), *(min(end, s[1]) for s in inside)})
    out: list[Piece] = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [s for s in inside if s[0] < b and s[1] > a]
        labels = list(dict.fromkeys(s[3] for s in covering))
        kinds = list(dict.fromkeys(s[2] for s in covering))
        if out and not covering and not out[-1].cues:
            out[-1].text += text[a:b]
        else:
            out.append(Piece(text[a:b], labels, kinds))
    return out


@dataclass
class ArticleView:
    language: str
    record: TextRecord
    article: ArticleOut
    paragraphs: list[tuple[object, list[Piece]]]


def views(treaty: Treaty, catalog: Catalog, number: int, attachment: int | None) -> list[ArticleView]:
    out = []
    for lang, record in sorted(catalog.texts.get(treaty.id, {}).items()):
        if attachment is None:
            art = record.article(number)
        else:
            ins = record.instruments[attachment - 1] if 0 < attachment <= len(record.instruments) else None
            art = next((a for a in ins.articles if a.number == number), None) if ins else None
        if art is None:
            continue
        paras = [(p, pieces(record.text, p.start, p.end, cue_spans(p.coding))) for p in art.paragraphs]
        out.append(ArticleView(lang, record, art, paras))
    return out


def table_of_contents(treaty: Treaty, catalog: Catalog) -> list[dict]:
    """Every article in order: numbered hand-coded articles, articles found in imported texts, and the
    numbers the catalog counts but knows nothing of; then the annexed instruments' articles."""
    hand = {a.number: a for a in treaty.articles if a.number is not None}
    texts = catalog.texts.get(treaty.id, {})
    titles: dict[int, str] = {}
    for record in texts.values():
        for a in record.articles:
            titles.setdefault(a.number, a.title or "")
    last = max([treaty.article_count or 0, *hand, *titles], default=0)
    rows = []
    for n in range(1, last + 1):
        art = hand.get(n)
        rows.append({"number": n, "href": f"/treaty/{treaty.id}/art_{n}", "topic": (art.topic if art else titles.get(n)) or "",
                     "coded": bool(art and art.provisions), "text": n in titles, "known": bool(art) or n in titles})
    instruments = []
    for record in list(texts.values())[:1]:
        for k, ins in enumerate(record.instruments, start=1):
            instruments.append({"title": ins.title, "kind": ins.kind, "articles": [
                {"number": a.number, "href": f"/treaty/{treaty.id}/att_{k}/art_{a.number}", "topic": a.title or ""} for a in ins.articles]})
    return rows, instruments


@router.get("/treaty/{treaty_id}/{portion:path}")
def article_page(request: Request, treaty_id: str, portion: str, catalog: Catalog = Depends(get_catalog)):
    try:
        treaty = catalog.treaty(treaty_id)
    except LookupFailed as exc:
        return not_found(request, "treaty", treaty_id, exc.suggestion, f"/treaties/{exc.suggestion}" if exc.suggestion else None)
    m = PORTION.match(portion)
    if not m:
        return not_found(request, "article", portion, "art_1", f"/treaty/{treaty.id}/art_1")
    number = int(m.group("art"))
    attachment = int(m.group("att")) if m.group("att") else None
    hand = next((a for a in treaty.articles if a.number == number), None) if attachment is None else None
    found = views(treaty, catalog, number, attachment)
    in_range = attachment is None and treaty.article_count is not None and 1 <= number <= treaty.article_count
    if not found and hand is None and not in_range:
        last = treaty.article_count or max((a.number for a in treaty.articles if a.number), default=1)
        return not_found(request, "article", f"{treaty.id} {portion}", f"art_{min(number, last)}", f"/treaty/{treaty.id}/art_{min(number, last)}")
    base = f"/treaty/{treaty.id}/" + (f"att_{attachment}/" if attachment else "") + f"art_{number}"
    focus = m.group("para")
    numbers = [r["number"] for r in table_of_contents(treaty, catalog)[0]] if attachment is None else []
    return render(request, "article.html", {
        "treaty": treaty, "number": number, "attachment": attachment, "hand": hand, "views": found,
        "base": base, "focus": focus, "prev": number - 1 if number - 1 in numbers else None,
        "next": number + 1 if number + 1 in numbers else None,
        "instrument": found[0].record.instruments[attachment - 1].title if found and attachment else None,
    })
