"""Every value a user types, read once for the CLI, the API and the pages.

Each function turns text into a library value or raises :class:`InputError`,
whose message names the problem (and the field, when given) and carries the
nearest valid value.  The interfaces only translate it: the CLI prints it and
exits 2, the API answers 422 (404 for an id in a URL path), a page shows it
above the form.
"""

from __future__ import annotations

import datetime as dt

from accord.knowledge.catalog import Catalog, LookupFailed, nearest
from accord.knowledge.model import EventKind, Treaty, Weapons
from accord.reasoning.claims import ClaimType, Verdict

# The scenario engine and the claim extractors are imported by the functions that need them:
# `accord treaties` and `accord status` read dates and treaty ids and should not load them.


class InputError(ValueError):
    """A value that cannot be used; ``suggestion`` is the nearest valid one, ``known`` the valid ones if few."""

    def __init__(self, message: str, *, suggestion: str | None = None, known: list[str] | None = None):
        super().__init__(message)
        self.message, self.suggestion, self.known = message, suggestion, known


def _for(field: str | None) -> str:
    return f" for {field}" if field else ""


def _lookup(exc: LookupFailed, field: str | None) -> InputError:
    return InputError(f"{exc}{_for(field)}", suggestion=exc.suggestion, known=exc.known)


def day(value: str | None, today: dt.date, field: str | None = None) -> dt.date:
    """An ISO day (YYYY-MM-DD); ``today`` when absent or empty."""
    if value is None or not value.strip():
        return today
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"bad date '{value}'{_for(field)}: expected YYYY-MM-DD") from None


def optional_day(value: str | None, field: str | None = None) -> dt.date | None:
    """An ISO day, or None when absent (a publication date nobody gave)."""
    if value is None or not value.strip():
        return None
    return day(value, dt.date.min, field)


def treaty(catalog: Catalog, treaty_id: str, field: str | None = None) -> Treaty:
    try:
        return catalog.treaty(treaty_id.strip())
    except LookupFailed as exc:
        raise _lookup(exc, field) from None


def treaty_ids(catalog: Catalog, values: list[str] | str | None, field: str | None = None) -> list[str]:
    """Treaty ids (a list, as repeated query parameters give, or comma-separated text, or both:
    ``ids=A&ids=B,C``), every one checked, duplicates dropped; the whole catalog when none."""
    if isinstance(values, str) or values is None:
        values = [values or ""]
    parts = (part.strip() for value in values if value for part in value.split(","))
    ids = list(dict.fromkeys(part for part in parts if part))
    for treaty_id in ids:
        treaty(catalog, treaty_id, field)
    return ids or list(catalog.treaties)


def party(catalog: Catalog, value: str | None, field: str | None = None) -> str | None:
    """An actor: a state or group code from a code or any alias ("Iran", "irn", "Ирана"), or a
    non-state actor's label; None when absent."""
    if value is None or not value.strip():
        return None
    try:
        return catalog.actor(value)
    except LookupFailed as exc:
        raise _lookup(exc, field) from None


def place(catalog: Catalog, value: str | None, field: str | None = None) -> str | None:
    """Where an event happens: a state or territory code, or a sea region; None when absent."""
    from accord.reasoning.scenario import parse_place

    try:
        return parse_place(value, catalog)
    except LookupFailed as exc:
        raise _lookup(exc, field) from None


def weapons(value: str | None, field: str | None = None) -> Weapons | None:
    from accord.reasoning.scenario import parse_weapons

    try:
        return parse_weapons(value)
    except LookupFailed as exc:
        raise _lookup(exc, field) from None


def event_kind(value: str) -> EventKind:
    from accord.reasoning.scenario import parse_event_kind

    try:
        return parse_event_kind(value.strip())
    except LookupFailed as exc:
        raise _lookup(exc, None) from None  # "unknown event kind ..." already names the field


def choice(value: str | None, valid: list[str], field: str) -> str | None:
    """``value`` if it is one of ``valid``, None when absent; otherwise name the nearest valid one."""
    if value is None or value == "" or value in valid:
        return value or None
    best = nearest(value, valid)
    hint = f"; did you mean '{best}'?" if best else ""
    raise InputError(f"unknown value '{value}' for {field}{hint} (one of: {', '.join(valid)})", suggestion=best, known=valid)


def verdict(value: str | None, field: str) -> str | None:
    return choice(value, [v.value for v in Verdict], field)


def claim_type(value: str | None, field: str) -> str | None:
    return choice(value, [t.value for t in ClaimType], field)


def language(value: str | None, field: str | None = None) -> str | None:
    """A language claims are extracted from; None when absent (it is then detected)."""
    from accord.press.claims import SUPPORTED_LANGUAGES

    if value is None or value == "":
        return None
    if value not in SUPPORTED_LANGUAGES:
        known = sorted(SUPPORTED_LANGUAGES)
        raise InputError(f"unsupported language '{value}'{_for(field)}: claims are extracted from {', '.join(known)} text",
                         known=known)
    return value


def text(value: str, what: str = "text") -> str:
    if not value.strip():
        raise InputError(f"nothing to check: the {what} is empty")
    return value
