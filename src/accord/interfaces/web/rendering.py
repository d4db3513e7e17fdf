"""The Jinja2 environment (autoescaped), page rendering and the small filters the templates share."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from accord.interfaces.web.highlight import direction

HERE = Path(__file__).resolve().parent
TEMPLATE_DIR = HERE / "templates"
STATIC_DIR = HERE / "static"

PHASE_LABELS = {
    "not_signed": "not signed yet",
    "signed_awaiting_ratification": "signed, not in force",
    "signed_status_unknown": "signed; entry into force unknown",
    "ratified_awaiting_entry_into_force": "ratified, awaiting entry into force",
    "contested": "contested",
    "in_force_initial_term": "in force (initial term)",
    "in_force_renewal_term": "in force (renewal term)",
    "in_force": "in force",
    "expired": "expired",
    "terminated": "terminated",
}

# Colour classes for a phase; the label text always says the same thing in words.
PHASE_TONES = {
    "in_force_initial_term": "good", "in_force_renewal_term": "good", "in_force": "good",
    "signed_awaiting_ratification": "wait", "ratified_awaiting_entry_into_force": "wait",
    "signed_status_unknown": "unknown", "not_signed": "unknown", "contested": "unknown",
    "expired": "bad", "terminated": "bad",
}

VERDICT_SIGNS = {"supported": "✓", "contradicted": "✗", "unverifiable": "?"}
KIND_LABELS = {"duty": "must", "prohibition": "must not", "permission": "may", "negative": "not obliged",
               "conditional": "only if", "breach": "breaches"}

NAV = [
    ("/", "Catalog"), ("/compare", "Compare"), ("/scenario", "Scenario"), ("/check", "Check"),
    ("/coverage", "Coverage"), ("/claims", "Claims"), ("/trends", "Trends"), ("/search", "Search"),
]

ARTICLE_CITE = re.compile(r"^Art\.\s*(\d+)")
UNNUMBERED_CITE = re.compile(r"^unnumbered provision \(([^)]+)\)$")


def article_anchor(article_key: str | int) -> str:
    """The fragment id of an article on its treaty page (numbered or known by topic)."""
    return f"art-{article_key}"


def anchor_for_citation(citation: str) -> str | None:
    """``Art. 3(3)`` -> ``art-3``; ``unnumbered provision (energy)`` -> ``art-energy``; else None."""
    m = ARTICLE_CITE.match(citation.strip())
    if m:
        return article_anchor(m.group(1))
    m = UNNUMBERED_CITE.match(citation.strip())
    return article_anchor(m.group(1)) if m else None


def cite_text(citation: str) -> str:
    """How a citation reads in a crowded cell: ``unnumbered provision (energy)`` -> ``energy (unnumbered)``."""
    m = UNNUMBERED_CITE.match(citation.strip())
    return f"{m.group(1)} (unnumbered)" if m else citation


def anchor_for_judgement(citation: str | None) -> str | None:
    """A verdict's citation names its treaty first (``rus-irn-2025 Art. 3(3)``): the article's anchor, if any."""
    if not citation or " " not in citation:
        return None
    return anchor_for_citation(citation.split(" ", 1)[1])


def is_link(source: str) -> bool:
    return urlsplit(source).scheme in ("http", "https")


def source_label(source: str) -> str:
    """A short readable name for a source: the host of a URL, or the reference as written."""
    if is_link(source):
        host = urlsplit(source).netloc
        return host[4:] if host.startswith("www.") else host
    return source


def display_url(url: str) -> str:
    """An address as a reader should see it: percent-escapes decoded and an IDNA host in its own script.

    Only for the text of a link; the link itself keeps the address as stored.
    """
    parts = urlsplit(url)
    host = parts.netloc
    try:
        host = ".".join(label.encode("ascii").decode("idna") if label.startswith("xn--") else label
                        for label in host.split("."))
    except (UnicodeError, ValueError):
        pass  # a malformed IDNA label is shown as written
    rest = unquote(url[len(f"{parts.scheme}://{parts.netloc}"):], errors="replace") if parts.scheme else unquote(url, errors="replace")
    return f"{parts.scheme}://{host}{rest}" if parts.scheme else rest


def iso(day: dt.date | str | None, unknown: str = "unknown") -> str:
    if day is None:
        return unknown
    return day.isoformat() if isinstance(day, dt.date) else str(day)


def phase_label(phase: str) -> str:
    return PHASE_LABELS.get(phase, phase.replace("_", " "))


def humanise(value: object) -> str:
    """Vocabulary words for people: ``provide_military_assistance`` -> ``provide military assistance``."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value).replace("_", " ")


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=select_autoescape(enabled_extensions=("html", "svg"), default_for_string=True, default=True),
        undefined=StrictUndefined,  # a typo in a template is an error, not a silently empty cell
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(cite_text=cite_text, iso=iso, display_url=display_url, phase_label=phase_label, humanise=humanise, source_label=source_label)
    env.globals.update(
        is_link=is_link, direction=direction, anchor_for_citation=anchor_for_citation, anchor_for_judgement=anchor_for_judgement, article_anchor=article_anchor,
        PHASE_TONES=PHASE_TONES, VERDICT_SIGNS=VERDICT_SIGNS, KIND_LABELS=KIND_LABELS, NAV=NAV,
    )
    return env


ENV = _environment()


def render_fragment(template: str, context: dict) -> Markup:
    """Render a partial (an SVG chart) for inclusion in a page.

    It is marked as markup because it *is* the output of an autoescaping template: every
    value inside it was escaped when it was rendered, so pages never need ``|safe``.
    """
    return Markup(ENV.get_template(template).render(**context))


def render(request: Request, template: str, context: dict, status_code: int = 200) -> HTMLResponse:
    page = ENV.get_template(template).render(request_path=request.url.path, **context)
    return HTMLResponse(page, status_code=status_code)


def not_found(request: Request, what: str, value: str, suggestion: str | None, link: str | None = None) -> HTMLResponse:
    return render(request, "not_found.html", {"what": what, "value": value, "suggestion": suggestion, "suggestion_link": link}, status_code=404)


def bad_input(request: Request, template: str, context: dict, message: str) -> HTMLResponse:
    """The form page again, with a message naming the problem, and status 422."""
    return render(request, template, {**context, "error": message}, status_code=422)
