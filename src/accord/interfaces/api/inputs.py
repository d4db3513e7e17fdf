"""Turn request values into library values, or into an :class:`ApiError` that names the problem.

Status codes follow one rule: 404 when the id in the URL path names a resource
that does not exist (``/api/treaties/{id}``, ``/api/documents/{id}``); 422 for
any other value the API cannot use, including treaty ids given as filters or
to compare.  Messages are the CLI's, so both interfaces say the same thing.
"""

from __future__ import annotations

import datetime as dt

from accord.interfaces.api.errors import ApiError
from accord.knowledge.catalog import Catalog, LookupFailed
from accord.knowledge.model import EventKind, Treaty
from accord.press.claims import SUPPORTED_LANGUAGES
from accord.reasoning.scenario import parse_event_kind, parse_place, parse_weapons


def lookup_error(exc: LookupFailed, status: int, field: str | None = None) -> ApiError:
    message = f"{exc} for '{field}'" if field else str(exc)
    return ApiError(status, message, suggestion=exc.suggestion, known=exc.known)


def day(value: str | None, field: str) -> dt.date:
    """An ISO date, today when absent."""
    if value is None or value == "":
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ApiError(422, f"bad date '{value}' for '{field}': expected YYYY-MM-DD") from None


def treaty(catalog: Catalog, treaty_id: str, *, status: int = 404) -> Treaty:
    try:
        return catalog.treaty(treaty_id)
    except LookupFailed as exc:
        raise lookup_error(exc, status) from None


def treaty_ids(catalog: Catalog, value: str | None) -> list[str]:
    """Comma-separated ids, every one checked; all the catalog's treaties when absent."""
    ids = [part.strip() for part in (value or "").split(",") if part.strip()]
    for treaty_id in ids:
        treaty(catalog, treaty_id, status=422)
    return ids or list(catalog.treaties)


def party(catalog: Catalog, value: str | None, field: str) -> str | None:
    """A party code from a code or any alias ("Iran", "Ирана"), None when absent."""
    if value is None or not value.strip():
        return None
    try:
        return catalog.actor(value)
    except LookupFailed as exc:
        raise lookup_error(exc, 422, field) from None


def place(catalog: Catalog, value: str | None, field: str = "where") -> str | None:
    try:
        return parse_place(value, catalog)
    except LookupFailed as exc:
        raise lookup_error(exc, 422, field) from None


def weapons(value: str | None, field: str = "weapons"):
    try:
        return parse_weapons(value)
    except LookupFailed as exc:
        raise lookup_error(exc, 422, field) from None


def event_kind(value: str) -> EventKind:
    try:
        return parse_event_kind(value)
    except LookupFailed as exc:
        raise lookup_error(exc, 422) from None  # "unknown event kind ..." already names the field


def language(value: str | None, field: str = "lang") -> str | None:
    """A language claims are extracted from, None when absent (then it is detected)."""
    if value is None or value == "":
        return None
    if value not in SUPPORTED_LANGUAGES:
        known = sorted(SUPPORTED_LANGUAGES)
        raise ApiError(422, f"unsupported language '{value}' for '{field}': claims are extracted from {', '.join(known)} text",
                       known=known)
    return value


def text(value: str, field: str = "text") -> str:
    if not value.strip():
        raise ApiError(422, f"nothing to check: the {field} is empty")
    return value
