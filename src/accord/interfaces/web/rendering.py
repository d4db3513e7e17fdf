"""The Jinja2 environment (autoescaped), page rendering and the small filters the templates share."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import unquote, urlencode, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_environment, select_autoescape
from markupsafe import Markup

from accord.interfaces.web import i18n, messages
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

# Sort keys (services.listing) as the order menus name them.
SORT_LABELS = {"document": "Document", "published": "Published", "verdict": "Verdict", "type": "Claim type",
               "treaty": "Treaty", "outlet": "Outlet", "lang": "Language", "claims": "Claims"}

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


def _translate(env: Environment, message: str) -> str:
    """gettext for filters (the template's own ``_`` needs a template context)."""
    return i18n.translations(env.globals["ui_lang"]).gettext(message)


@pass_environment
def phase_label(env: Environment, phase: str) -> str:
    label = PHASE_LABELS.get(phase)
    return _translate(env, label) if label else phase.replace("_", " ")


@pass_environment
def humanise(env: Environment, value: object) -> str:
    """Vocabulary words for people: ``provide_military_assistance`` -> ``provide military assistance``."""
    if isinstance(value, bool):
        return _translate(env, "yes" if value else "no")
    return str(value).replace("_", " ")


@pass_environment
def claim_type(env: Environment, value: object) -> str:
    """A claim type in the reader's language: ``mutual_defense`` -> ``mutual defense`` / ``взаимная оборона``."""
    return _translate(env, humanise(env, value))


@pass_environment
def shown_day(env: Environment, day: dt.date | str | None) -> str:
    """A date for reading (never for a form value): ISO, and in the Persian UI the Solar Hijri day beside it."""
    text = iso(day, _translate(env, "unknown"))
    if env.globals["ui_lang"] != "fa" or day is None:
        return text
    try:
        gregorian = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
    except ValueError:
        return text  # a partial date ("2025-01") has no single Solar Hijri day
    return f"{text} ({i18n.solar_hijri(gregorian)})"


@pass_environment
def language_name(env: Environment, code: str) -> str:
    """A language code named in the page's language from the CLDR data babel ships: ``ru`` -> ``русский``."""
    return i18n.language_name(code, env.globals["ui_lang"])


@pass_environment
def message(env: Environment, text: str) -> str:
    """An error message from the library, in the page's language (see :mod:`messages`)."""
    return messages.translate(str(text), env.globals["ui_lang"])


# The labels above are English msgids; the extractor finds them through these markers.
def N_(message: str) -> str:
    return message


N_("not signed yet"), N_("signed, not in force"), N_("signed; entry into force unknown")
N_("ratified, awaiting entry into force"), N_("contested"), N_("in force (initial term)")
N_("in force (renewal term)"), N_("in force"), N_("expired"), N_("terminated")
N_("Catalog"), N_("Compare"), N_("Scenario"), N_("Check"), N_("Coverage"), N_("Claims"), N_("Trends"), N_("Search")
N_("must"), N_("must not"), N_("may"), N_("not obliged"), N_("only if"), N_("breaches")
N_("supported"), N_("contradicted"), N_("unverifiable"), N_("yes"), N_("no")
# Claim types as people read them (the stored value keeps its underscores).
N_("article count"), N_("duration years"), N_("renewal"), N_("signed on"), N_("signed at"), N_("signatory")
N_("entry into force rule"), N_("in force"), N_("ratified by"), N_("replaces"), N_("mutual defense")
N_("non assistance to aggressor"), N_("territory not used against"), N_("intelligence cooperation")
N_("military cooperation"), N_("consultation on threats"), N_("sanctions opposition"), N_("payment systems link")
N_("nuclear energy cooperation"), N_("covers domain"), N_("directed against third countries")
N_("territorial integrity"), N_("needs ratification")
N_("week"), N_("month")  # trend periods
N_("obligation"), N_("prohibition"), N_("permission"), N_("aspiration"), N_("institutional"), N_("effect")  # modalities
N_("shall"), N_("shall strive"), N_("high"), N_("medium"), N_("low"), N_("done"), N_("not yet")  # strength, confidence, state
N_("aggression"), N_("armed-attack"), N_("threat-of-aggression"), N_("unilateral-sanctions"), N_("separatist-support")
N_("snapback-notification"), N_("nuclear"), N_("chemical"), N_("biological"), N_("conventional")  # event kinds, weapons
N_("detect")  # the check page's language choice; languages are named by babel (language_name)
N_("email"), N_("phone"), N_("address"), N_("handle"), N_("profile"), N_("id")  # redacted kinds
N_("defense"), N_("offense"), N_("neutrality"), N_("nonaggression"), N_("consultation")  # alliance-obligation types
N_("Document"), N_("Published"), N_("Verdict"), N_("Claim type"), N_("Treaty"), N_("Outlet"), N_("Language")  # sort keys
N_("page"), N_("treaty"), N_("article"), N_("claim"), N_("document"), N_("provision"), N_("tracked treaty")
N_("export format")  # what a "not found" page did not find


def _environment(language: str = i18n.SOURCE_LANGUAGE) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=select_autoescape(enabled_extensions=("html", "svg"), default_for_string=True, default=True),
        undefined=StrictUndefined,  # a typo in a template is an error, not a silently empty cell
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(i18n.translations(language), newstyle=True)
    env.filters.update(message=message, language_name=language_name, day=shown_day, claim_type=claim_type, cite_text=cite_text, iso=iso, display_url=display_url, phase_label=phase_label, humanise=humanise, source_label=source_label)
    env.globals.update(
        is_link=is_link, direction=direction, anchor_for_citation=anchor_for_citation, anchor_for_judgement=anchor_for_judgement, article_anchor=article_anchor,
        PHASE_TONES=PHASE_TONES, SORT_LABELS=SORT_LABELS, VERDICT_SIGNS=VERDICT_SIGNS, KIND_LABELS=KIND_LABELS, NAV=NAV,
        ui_lang=language, ui_dir=i18n.text_direction(language), UI_LANGUAGES=i18n.UI_LANGUAGES, LANGUAGE_NAMES=i18n.LANGUAGE_NAMES,
    )
    return env


# One environment per interface language: translations are installed once, never swapped per request.
ENVS = {language: _environment(language) for language in i18n.UI_LANGUAGES}
ENV = ENVS[i18n.SOURCE_LANGUAGE]


def ui_language(request: Request) -> str:
    return i18n.choose_language(request.query_params.get(i18n.UI_PARAM), request.headers.get("accept-language"))


def render_fragment(template: str, context: dict, language: str = i18n.SOURCE_LANGUAGE) -> Markup:
    """Render a partial (an SVG chart) for inclusion in a page, its words in the page's language.

    It is marked as markup because it *is* the output of an autoescaping template: every
    value inside it was escaped when it was rendered, so pages never need ``|safe``.
    """
    return Markup(ENVS[language].get_template(template).render(**context))


def switcher_links(request: Request) -> list[tuple[str, str, str]]:
    """(language, its own name, this page's URL in that language) for the header's switcher."""
    others = [(k, v) for k, v in request.query_params.multi_items() if k != i18n.UI_PARAM]
    links = []
    for language in i18n.UI_LANGUAGES:
        query = urlencode([*others, (i18n.UI_PARAM, language)])
        links.append((language, i18n.LANGUAGE_NAMES[language], f"{request.url.path}?{query}"))
    return links


def render(request: Request, template: str, context: dict, status_code: int = 200) -> HTMLResponse:
    language = ui_language(request)
    page = ENVS[language].get_template(template).render(request_path=request.url.path, switcher=switcher_links(request), **context)
    return HTMLResponse(i18n.keep_language(page, language), status_code=status_code, headers={"Content-Language": language, "Vary": "Accept-Language"})


def not_found(request: Request, what: str, value: str, suggestion: str | None, link: str | None = None) -> HTMLResponse:
    return render(request, "not_found.html", {"what": what, "value": value, "suggestion": suggestion, "suggestion_link": link}, status_code=404)


def bad_input(request: Request, template: str, context: dict, message: str) -> HTMLResponse:
    """The form page again, with a message naming the problem, and status 422."""
    return render(request, template, {**context, "error": message}, status_code=422)
